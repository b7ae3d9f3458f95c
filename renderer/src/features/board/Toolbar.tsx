/** The board's toolbar pieces: who moves are recorded as, and the filters. */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person, Tier } from '../../../../shared/api/accounts';
import { api } from '../../api/client';
import { cx } from '../../lib/cx';
import { errorText } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { useNotice } from '../../ui/Notice';
import { BoardIcon } from './BoardIcons';
import { AnchoredPopover } from './Popover';

/** "Recorded as 刘思远": every move is stored with this name; a small popover changes it. */
export function Recorder({ name }: { name: string | undefined }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={cx('recorder', open && 'is-user-anchor')}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={t('board.recorder.change', { name: name ?? '' })}
        title={t('board.recorder.change', { name: name ?? '' })}
        onClick={() => setOpen((o) => !o)}
      >
        <BoardIcon name="person" size={16} />
        <span>{t('board.recorder.label', { name: name ?? '…' })}</span>
      </button>
      {open ? (
        <RecorderForm
          name={name ?? ''}
          onClose={(focus) => {
            setOpen(false);
            if (focus) buttonRef.current?.focus();
          }}
        />
      ) : null}
    </>
  );
}

function RecorderForm({ name, onClose }: { name: string; onClose: (focus: boolean) => void }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const titleId = useId();
  const fieldId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(name);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    inputRef.current?.select();
  }, []);

  const save = async () => {
    const v = value.trim();
    if (!v) {
      setError(t('board.editor.required'));
      return;
    }
    setBusy(true);
    try {
      const out = await api('user-set', { name: v });
      notice.success(t('board.recorder.saved', { name: out.name }));
      onClose(true);
    } catch (e) {
      setError(errorText(t, e));
      setBusy(false);
    }
  };

  return (
    <AnchoredPopover anchor="user" labelledBy={titleId} className="recorder-pop" onDismiss={(how) => onClose(how === 'escape')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2 id={titleId} className="reason__title">
          {t('board.recorder.title')}
        </h2>
        <div className={cx('field', error && 'field--invalid')}>
          <label htmlFor={fieldId} className="field__label">
            {t('board.recorder.field')}
          </label>
          <input
            ref={inputRef}
            id={fieldId}
            className="field__input"
            value={value}
            maxLength={100}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setValue(e.target.value)}
          />
          {error ? (
            <p className="field__error" role="alert">
              {error}
            </p>
          ) : (
            <p className="field__hint">{t('board.recorder.hint')}</p>
          )}
        </div>
        <div className="reason__actions">
          <Button size="sm" variant="ghost" onClick={() => onClose(true)} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button size="sm" variant="primary" type="submit" busy={busy}>
            {t('common.save')}
          </Button>
        </div>
      </form>
    </AnchoredPopover>
  );
}

export interface Filters {
  ownerId: number | null;
  industry: string | null;
  region: string | null;
  tierId: number | null;
}

export const NO_FILTERS: Filters = { ownerId: null, industry: null, region: null, tierId: null };

export function activeFilters(f: Filters): number {
  return [f.ownerId, f.industry, f.region, f.tierId].filter((v) => v !== null).length;
}

/** The board-get / board-export arguments for the filters. */
export function filterArgs(f: Filters): { ownerIds?: number[]; industries?: string[]; regions?: string[]; tierIds?: number[] } {
  return {
    ...(f.ownerId !== null ? { ownerIds: [f.ownerId] } : {}),
    ...(f.industry !== null ? { industries: [f.industry] } : {}),
    ...(f.region !== null ? { regions: [f.region] } : {}),
    ...(f.tierId !== null ? { tierIds: [f.tierId] } : {}),
  };
}

export interface FilterOptions {
  people: readonly Person[];
  tiers: readonly Tier[];
  industries: readonly string[];
  regions: readonly string[];
}

/** Four selects in a row: owner, industry, region, tier. */
export function FilterFields({ value, options, onChange }: { value: Filters; options: FilterOptions; onChange: (f: Filters) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const zh = i18n.language !== 'en';
  const select = (key: keyof Filters, label: string, items: { value: string; label: string }[], parse: (v: string) => Filters[keyof Filters]) => (
    <div className={cx('tool', value[key] !== null && 'tool--on')}>
      <label htmlFor={`${id}-${key}`} className="tool__label">
        {label}
      </label>
      <select
        id={`${id}-${key}`}
        className="field__input tool__input"
        value={value[key] === null ? '' : String(value[key])}
        onChange={(e) => onChange({ ...value, [key]: e.target.value === '' ? null : parse(e.target.value) })}
      >
        <option value="">{t('board.filters.all')}</option>
        {items.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <>
      {select(
        'ownerId',
        t('board.filters.owner'),
        options.people.map((p) => ({ value: String(p.id), label: p.name })),
        Number,
      )}
      {select(
        'industry',
        t('board.filters.industry'),
        options.industries.map((v) => ({ value: v, label: v })),
        String,
      )}
      {select(
        'region',
        t('board.filters.region'),
        options.regions.map((v) => ({ value: v, label: v })),
        String,
      )}
      {select(
        'tierId',
        t('board.filters.tier'),
        [...options.tiers].sort((a, b) => a.rank - b.rank).map((x) => ({ value: String(x.id), label: zh ? x.nameZh : x.nameEn })),
        Number,
      )}
    </>
  );
}
