import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountRecord } from '../../../../../shared/api/accounts';
import { api } from '../../../api/client';
import { cx } from '../../../lib/cx';
import { Icon } from '../../../ui/icons';

const MAX_OPTIONS = 8;

export interface ParentPickerProps {
  accountId: number;
  parentId: number | null;
  parentName: string;
  onChange: (parent: { id: number; name: string } | null) => void;
  error?: string | null;
}

/**
 * The parent group (集团客户) as a combobox: type part of a name or its pinyin initials, pick one
 * of the matches with the arrow keys and Enter (WAI-ARIA combobox with a listbox popup).
 */
export function ParentPicker({ accountId, parentId, parentName, onChange, error }: ParentPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(parentName);
  const [open, setOpen] = useState(false);
  const [matches, setMatches] = useState<AccountRecord[]>([]);
  const [active, setActive] = useState(0);

  const typed = text.trim();
  useEffect(() => {
    if (!open || !typed || typed === parentName) return;
    let live = true;
    const timer = window.setTimeout(() => {
      api('accounts-list', { search: typed }).then(
        (rows) => {
          if (!live) return;
          setMatches(rows.filter((r) => r.id !== accountId).slice(0, MAX_OPTIONS));
          setActive(0);
        },
        () => live && setMatches([]),
      );
    }, 200);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [typed, open, accountId, parentName]);

  const shown = open && typed && typed !== parentName;
  const choose = (r: AccountRecord) => {
    onChange({ id: r.id, name: r.name });
    setText(r.name);
    setOpen(false);
  };

  return (
    <div className={cx('field', 'combo', error && 'field--invalid')}>
      <label htmlFor={id} className="field__label">
        {t('domain.field.parent')}
      </label>
      <div className="field__control field__control--icon">
        <Icon name="search" size={18} />
        <input
          id={id}
          className="field__input"
          role="combobox"
          aria-expanded={!!shown}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={shown && matches[active] ? `${id}-opt-${matches[active].id}` : undefined}
          aria-describedby={`${id}-hint`}
          aria-invalid={error ? true : undefined}
          value={text}
          placeholder={t('accounts.overview.parentNone')}
          autoComplete="off"
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            if (!e.target.value.trim() && parentId !== null) onChange(null);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            setText(parentName);
          }}
          onKeyDown={(e) => {
            if (!shown) return;
            if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, matches.length - 1));
            else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
            else if (e.key === 'Enter' && matches[active]) choose(matches[active]);
            else if (e.key === 'Escape') {
              setOpen(false);
              setText(parentName);
            } else return;
            e.preventDefault();
          }}
        />
        {parentId !== null ? (
          <button
            type="button"
            className="icon-btn combo__clear"
            aria-label={t('accounts.overview.parentClear')}
            title={t('accounts.overview.parentClear')}
            onClick={() => {
              onChange(null);
              setText('');
            }}
          >
            <Icon name="close" size={16} />
          </button>
        ) : null}
      </div>
      <ul id={`${id}-list`} role="listbox" className={cx('combo__list', shown && 'is-open')} aria-label={t('domain.field.parent')}>
        {shown && matches.length === 0 ? <li className="combo__none">{t('accounts.overview.parentNoMatch')}</li> : null}
        {shown
          ? matches.map((r, i) => (
              <li
                key={r.id}
                id={`${id}-opt-${r.id}`}
                role="option"
                aria-selected={i === active}
                className={cx('combo__option', i === active && 'is-active')}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(r);
                }}
              >
                <span>{r.name}</span>
                {r.region || r.industry ? <span className="combo__meta">{[r.industry, r.region].filter(Boolean).join(' · ')}</span> : null}
              </li>
            ))
          : null}
      </ul>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="field__hint">
          {t('accounts.overview.parentSearch')}
        </p>
      )}
    </div>
  );
}
