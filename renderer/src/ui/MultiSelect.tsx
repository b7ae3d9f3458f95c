import { useId, useMemo, useState } from 'react';
import { cx } from '../lib/cx';
import { Icon } from './icons';
import { Popover } from './Popover';

export interface MultiOption {
  value: string;
  label: string;
  /** A second, quieter line (e.g. what a grade means). */
  hint?: string;
}

export interface MultiSelectProps {
  label: string;
  options: MultiOption[];
  selected: string[];
  onChange: (values: string[]) => void;
  /** Shown in the trigger when some are chosen, e.g. "已选 2 项". */
  selectedText: (n: number) => string;
  /** Labels of the panel's own controls. */
  texts: { search: string; clear: string; none: string };
  /** Offer a filter box when there are more options than this (default 8). */
  searchAbove?: number;
}

/**
 * A filter that takes several values: a button showing the filter's name and how many values are
 * chosen, opening a panel of checkboxes (a fieldset, so screen readers hear the group's name).
 */
export function MultiSelect({ label, options, selected, onChange, selectedText, texts, searchAbove = 8 }: MultiSelectProps) {
  const [filter, setFilter] = useState('');
  const searchId = useId();
  const chosen = useMemo(() => new Set(selected), [selected]);
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return f ? options.filter((o) => o.label.toLowerCase().includes(f)) : options;
  }, [filter, options]);
  const toggle = (value: string, on: boolean) => {
    const next = on ? [...selected, value] : selected.filter((v) => v !== value);
    // keep the options' order, so saved views and URLs are stable
    onChange(options.map((o) => o.value).filter((v) => next.includes(v)));
  };
  const n = selected.length;

  return (
    <Popover
      className="multi"
      triggerClassName={cx('filter-btn', n > 0 && 'is-active')}
      panelLabel={label}
      panelClassName="multi__panel"
      trigger={
        // The button's name is its text (no aria-label that could differ from what is seen): the
        // label, then the count, which a screen reader hears as "Tier: 2 selected".
        <>
          <span>{label}</span>
          {n > 0 ? (
            <>
              <span className="filter-btn__count tabular" aria-hidden="true">
                {n}
              </span>
              <span className="visually-hidden">{`: ${selectedText(n)}`}</span>
            </>
          ) : null}
          <Icon name="chevron-down" size={16} />
        </>
      }
    >
      {() => (
        <>
          {options.length > searchAbove ? (
            <div className="multi__search">
              <label htmlFor={searchId} className="visually-hidden">
                {texts.search}
              </label>
              <input
                id={searchId}
                className="field__input"
                type="search"
                placeholder={texts.search}
                value={filter}
                onChange={(e) => setFilter(e.target.value)}
                autoComplete="off"
              />
            </div>
          ) : null}
          <fieldset className="multi__list">
            <legend className="visually-hidden">{label}</legend>
            {shown.length === 0 ? <p className="multi__none">{texts.none}</p> : null}
            {shown.map((o) => (
              <label key={o.value} className="multi__option">
                <input type="checkbox" checked={chosen.has(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
                <span className="multi__text">
                  <span>{o.label}</span>
                  {o.hint ? <span className="multi__hint">{o.hint}</span> : null}
                </span>
              </label>
            ))}
          </fieldset>
          {n > 0 ? (
            <div className="multi__footer">
              <button type="button" className="link-btn" onClick={() => onChange([])}>
                {texts.clear}
              </button>
            </div>
          ) : null}
        </>
      )}
    </Popover>
  );
}
