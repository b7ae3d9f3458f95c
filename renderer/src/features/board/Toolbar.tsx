/** The board's toolbar pieces: who moves are recorded as, and the filters. */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person, Tier } from '../../../../shared/api/accounts';
import type { Me } from '../../../../shared/api/board';
import { cx } from '../../lib/cx';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { MeSelect } from '../../ui/MeSelect';
import { BoardIcon } from './BoardIcons';
import { AnchoredPopover } from './Popover';

/**
 * "Recorded as 刘思远": every move is recorded as the person chosen in Settings ("I am"), one of our
 * people; a small popover changes it (the same select as Settings).
 */
export function Recorder({ me }: { me: Me | undefined }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const name = me?.person?.name;
  const label = name ? t('board.recorder.label', { name }) : t('board.recorder.nobody');
  const close = (focus: boolean) => {
    setOpen(false);
    if (focus) buttonRef.current?.focus();
  };
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={cx('recorder', open && 'is-user-anchor', me && !me.person && 'recorder--none')}
        aria-haspopup="dialog"
        aria-expanded={open}
        title={t('board.recorder.change')}
        onClick={() => setOpen((o) => !o)}
      >
        <BoardIcon name="person" size={16} />
        <span>{me ? label : t('board.recorder.label', { name: '…' })}</span>
      </button>
      {open ? (
        <AnchoredPopover anchor="user" labelledBy={titleId} className="recorder-pop" onDismiss={(how) => close(how === 'escape')}>
          <h2 id={titleId} className="reason__title">
            {t('board.recorder.title')}
          </h2>
          <MeSelect me={me} autoFocus onSaved={() => close(true)} />
          <p className="field__hint">{t('board.recorder.hint')}</p>
          <div className="reason__actions">
            <Button size="sm" variant="ghost" onClick={() => close(true)}>
              {t('common.close')}
            </Button>
          </div>
        </AnchoredPopover>
      ) : null}
    </>
  );
}

/**
 * Asked once, before the first move, while nobody is chosen as "I am": pick yourself from our
 * people, or go on without a name (never the computer's login). `onDone` then makes the move.
 */
export function WhoPrompt({ me, onDone }: { me: Me | undefined; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open title={t('board.who.title')} lead={t('board.who.lead')} onClose={onDone}>
      <MeSelect me={me} onSaved={(m) => m.person && onDone()} />
      <div className="dialog__actions">
        <Button onClick={onDone}>{t('board.who.skip')}</Button>
      </div>
    </Dialog>
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
