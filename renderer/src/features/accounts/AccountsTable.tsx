import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountListRow, AccountSortField, Tier } from '../../../../shared/api/accounts';
import { cx } from '../../lib/cx';
import { Badge } from '../../ui/Badge';
import { Icon } from '../../ui/icons';
import { FOLLOW_UP_TONE } from './format';
import { followUpText, followUpWhy } from '../../lib/followUp';
import { localToday, money, shortDate, tierName, tk } from '../../lib/format';
import { DEFAULT_WIDTHS, MAX_WIDTH, MIN_WIDTH, NAME_MIN_WIDTH, type ColumnKey, type ColumnLayout } from './columnLayout';
import { accountHref } from './route';
import { scrollMemory } from './listState';

/** A row's usual height; rows with a long name wrap and are measured (names are never cut off). */
const ROW_HEIGHT = 52;
/** The selection column. */
const SELECT_WIDTH = 32;
/** What one press of an arrow key on a column edge changes. */
const RESIZE_STEP = 16;

interface Column {
  key: ColumnKey;
  sort: AccountSortField;
  num?: boolean;
  /** Sorting by this column starts with the largest values. */
  descFirst?: boolean;
}

export const COLUMNS: Column[] = [
  { key: 'name', sort: 'name' },
  { key: 'tier', sort: 'tier' },
  { key: 'grade', sort: 'grade' },
  { key: 'lifecycle', sort: 'lifecycle' },
  { key: 'industry', sort: 'industry' },
  { key: 'region', sort: 'region' },
  { key: 'owner', sort: 'owner' },
  { key: 'revenueThisYear', sort: 'revenueThisYear', num: true, descFirst: true },
  { key: 'lastContact', sort: 'lastContact' },
  { key: 'followUp', sort: 'followUpDue' },
  { key: 'receivables', sort: 'receivableOutstanding', num: true, descFirst: true },
];

export interface AccountsTableProps {
  rows: AccountListRow[];
  tiers: Map<number, Tier>;
  sort: AccountSortField;
  desc: boolean;
  onSort: (sort: AccountSortField, desc: boolean) => void;
  busy: boolean;
  year: number;
  onOpen: (id: number) => void;
  /** Changes when the question changes (search, filters, sort): the table then starts at its top. */
  resetKey: string;
  /** Hidden columns and widths (columnLayout.ts). */
  layout: ColumnLayout;
  onResize: (key: ColumnKey, width: number) => void;
  onResizeBy: (key: ColumnKey, delta: number, current: number) => void;
  selected: ReadonlySet<number>;
  onSelect: (ids: number[], selected: boolean) => void;
}

/**
 * The accounts table: a real <table> (header cells with aria-sort, rows with aria-rowindex) whose
 * body renders only the rows in view, so 10,000 accounts scroll as smoothly as 10. One tab stop for
 * the body: the arrow keys, Page Up/Down, Home and End move between rows; Enter opens the account,
 * Space ticks it for a bulk edit.
 */
export function AccountsTable({ rows, tiers, sort, desc, onSort, busy, year, onOpen, resetKey, layout, onResize, onResizeBy, selected, onSelect }: AccountsTableProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const pendingFocus = useRef<number | null>(null);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    initialOffset: () => scrollMemory.top,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;

  // A new question starts at the top row (a refetch of the same one keeps the place).
  const lastKey = useRef(resetKey);
  useLayoutEffect(() => {
    if (lastKey.current === resetKey) return;
    lastKey.current = resetKey;
    setActive(0);
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [resetKey]);
  useLayoutEffect(() => {
    setActive((a) => (a >= rows.length ? 0 : a));
  }, [rows.length]);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const remember = () => {
      scrollMemory.top = el.scrollTop;
    };
    el.addEventListener('scroll', remember, { passive: true });
    return () => el.removeEventListener('scroll', remember);
  }, []);

  useEffect(() => {
    const i = pendingFocus.current;
    if (i === null) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${i}"]`);
    if (row) {
      pendingFocus.current = null;
      row.focus({ preventScroll: true });
    }
  });

  const visible = new Set(items.map((v) => v.index));
  const tabStop = visible.has(active) ? active : (items[0]?.index ?? -1);

  const moveTo = (i: number) => {
    const to = Math.max(0, Math.min(rows.length - 1, i));
    setActive(to);
    pendingFocus.current = to;
    virtualizer.scrollToIndex(to, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const from = active;
    switch (e.key) {
      case 'ArrowDown':
        moveTo(from + 1);
        break;
      case 'ArrowUp':
        moveTo(from - 1);
        break;
      case 'PageDown':
        moveTo(from + page);
        break;
      case 'PageUp':
        moveTo(from - page);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(rows.length - 1);
        break;
      case 'Enter': {
        const row = rows[from];
        if (row) onOpen(row.id);
        break;
      }
      case ' ': {
        // Space ticks the row's box (the box itself is not a tab stop: one tab stop for the body).
        const row = rows[from];
        if (!row || (e.target as HTMLElement).tagName !== 'TR') return;
        onSelect([row.id], !selected.has(row.id));
        break;
      }
      default:
        return;
    }
    e.preventDefault();
  };

  const label = (c: Column) => (c.key === 'revenueThisYear' ? t('accounts.columns.revenueThisYear', { year }) : tk(t, `accounts.columns.${c.key}`));
  const shown = useMemo(() => new Set(COLUMNS.filter((c) => !layout.hidden.includes(c.key)).map((c) => c.key)), [layout.hidden]);
  const columns = COLUMNS.filter((c) => shown.has(c.key));
  const widthOf = (k: ColumnKey) => layout.widths[k] ?? DEFAULT_WIDTHS[k];
  const minWidth = SELECT_WIDTH + columns.reduce((sum, c) => sum + (widthOf(c.key) ?? NAME_MIN_WIDTH), 0);
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const someSelected = !allSelected && rows.some((r) => selected.has(r.id));

  return (
    <div className="acct-grid" ref={scrollRef} aria-busy={busy || undefined}>
      <table className="acct-table" aria-rowcount={rows.length + 1} style={{ minWidth }}>
        <caption className="visually-hidden">{t('accounts.table.caption', { n: rows.length })}</caption>
        <colgroup>
          <col style={{ width: SELECT_WIDTH }} />
          {columns.map((c) => {
            const w = widthOf(c.key);
            return <col key={c.key} data-col={c.key} style={w ? { width: w } : undefined} />;
          })}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="acct-select">
              <input
                type="checkbox"
                className="acct-select__box"
                aria-label={t('accountsBin.bulk.selectAll')}
                checked={allSelected}
                ref={(el) => {
                  if (el) el.indeterminate = someSelected;
                }}
                onChange={(e) => onSelect(rows.map((r) => r.id), e.target.checked)}
              />
            </th>
            {columns.map((c) => {
              const sorted = sort === c.sort;
              return (
                <th
                  key={c.key}
                  scope="col"
                  data-col={c.key}
                  // the header's name is the column's, not also its resize edge's label
                  aria-label={label(c)}
                  className={cx(c.num && 'num', sorted && 'is-sorted')}
                  aria-sort={sorted ? (desc ? 'descending' : 'ascending') : undefined}
                >
                  <button
                    type="button"
                    className="sort-btn"
                    title={t('accounts.columns.sortBy', { column: label(c) })}
                    onClick={() => onSort(c.sort, sorted ? !desc : !!c.descFirst)}
                  >
                    <span>{label(c)}</span>
                    <Icon name={sorted ? (desc ? 'sort-down' : 'sort-up') : 'sort'} size={14} />
                  </button>
                  <ResizeHandle column={c.key} label={t('accountsBin.layout.resize', { column: label(c) })} onResize={onResize} onResizeBy={onResizeBy} />
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {paddingTop > 0 ? (
            <tr aria-hidden="true" className="acct-spacer" style={{ height: paddingTop }}>
              <td colSpan={columns.length + 1} />
            </tr>
          ) : null}
          {items.map((v) => {
            const row = rows[v.index]!;
            return (
              <Row
                key={row.id}
                row={row}
                index={v.index}
                tabbable={v.index === tabStop}
                tier={row.tierId !== null ? tiers.get(row.tierId) : undefined}
                locale={locale}
                onFocusRow={setActive}
                onOpen={onOpen}
                shown={shown}
                selected={selected.has(row.id)}
                onSelect={onSelect}
                measure={virtualizer.measureElement}
              />
            );
          })}
          {paddingBottom > 0 ? (
            <tr aria-hidden="true" className="acct-spacer" style={{ height: paddingBottom }}>
              <td colSpan={columns.length + 1} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  row: AccountListRow;
  index: number;
  tabbable: boolean;
  tier: Tier | undefined;
  locale: string;
  onFocusRow: (i: number) => void;
  onOpen: (id: number) => void;
  shown: ReadonlySet<ColumnKey>;
  selected: boolean;
  onSelect: (ids: number[], selected: boolean) => void;
  measure: (el: HTMLTableRowElement | null) => void;
}

const Row = memo(function Row({ row, index, tabbable, tier, locale, onFocusRow, onOpen, shown, selected, onSelect, measure }: RowProps) {
  const { t } = useTranslation();
  const sub = [
    row.parentName ? t('accounts.row.parent', { name: row.parentName }) : null,
    row.shortName && row.shortName !== row.name ? row.shortName : null,
    row.nameEn,
  ]
    .filter(Boolean)
    .join(' · ');
  const f = row.followUp;
  return (
    <tr
      ref={measure}
      data-index={index}
      aria-rowindex={index + 2}
      tabIndex={tabbable ? 0 : -1}
      className={cx('acct-row', selected && 'is-selected')}
      onFocus={() => onFocusRow(index)}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest('a, .acct-select')) return;
        onOpen(row.id);
      }}
    >
      <td className="acct-select">
        <input
          type="checkbox"
          className="acct-select__box"
          tabIndex={-1}
          aria-label={t('accountsBin.bulk.select', { name: row.name })}
          checked={selected}
          onChange={(e) => onSelect([row.id], e.target.checked)}
        />
      </td>
      <th scope="row" className="acct-name">
        <a href={accountHref(row.id)} tabIndex={-1} className="acct-name__link" title={row.name}>
          {row.name}
        </a>
        {sub ? (
          <span className="acct-name__sub" title={sub}>
            {sub}
          </span>
        ) : null}
      </th>
      {shown.has('tier') ? <td>{tier ? <span className={cx('tier-tag', `tier-tag--r${Math.min(tier.rank, 5)}`)}>{tierName(tier, locale)}</span> : <Dash />}</td> : null}
      {shown.has('grade') ? <td>
        {row.grade ? (
          <span className={cx('grade-tag', `grade-tag--${row.grade}`)} title={tk(t, `domain.gradeMeaning.${row.grade}`)}>
            {row.grade}
          </span>
        ) : (
          <Dash />
        )}
      </td> : null}
      {shown.has('lifecycle') ? <td className="ellipsis">{row.lifecycle ? tk(t, `domain.lifecycle.${row.lifecycle}`) : <Dash />}</td> : null}
      {shown.has('industry') ? <td className="ellipsis" title={row.industry ?? undefined}>
        {row.industry ?? <Dash />}
      </td> : null}
      {shown.has('region') ? <td className="ellipsis" title={row.region ?? undefined}>
        {row.region ?? <Dash />}
      </td> : null}
      {shown.has('owner') ? <td className="ellipsis" title={row.ownerName ?? undefined}>
        {row.ownerName ?? <Dash />}
      </td> : null}
      {shown.has('revenueThisYear') ? <td className="num tabular">{row.revenueThisYear === null ? <Dash /> : money(row.revenueThisYear, row.currency, locale)}</td> : null}
      {shown.has('lastContact') ? <td className="tabular">{row.lastContact ? shortDate(row.lastContact, locale) : <span className="muted">{t('accounts.row.never')}</span>}</td> : null}
      {shown.has('followUp') ? <td>
        {f.state === 'overdue' || f.state === 'due' ? (
          <Badge tone={FOLLOW_UP_TONE[f.state]} title={followUpWhy(f, { grade: row.grade, lastContact: row.lastContact, today: localToday() }, t, locale)}>
            {followUpText(f, t, locale)}
          </Badge>
        ) : f.state === 'ok' ? (
          <span className="muted tabular">{followUpText(f, t, locale)}</span>
        ) : (
          <Dash />
        )}
      </td> : null}
      {shown.has('receivables') ? <td className="num tabular">
        {row.receivableOutstanding ? (
          <>
            <span className="acct-recv">{money(row.receivableOutstanding, row.currency, locale)}</span>
            {row.receivableDaysOverdue ? <span className="acct-recv__late">{t('accounts.row.receivableOverdue', { days: row.receivableDaysOverdue })}</span> : null}
          </>
        ) : (
          <Dash />
        )}
      </td> : null}
    </tr>
  );
});

/**
 * The right edge of a header cell: drag it, or focus it and press the left and right arrow keys,
 * to change the column's width (a window-splitter separator for assistive technology).
 */
function ResizeHandle({
  column,
  label,
  onResize,
  onResizeBy,
}: {
  column: ColumnKey;
  label: string;
  onResize: (key: ColumnKey, width: number) => void;
  onResizeBy: (key: ColumnKey, delta: number, current: number) => void;
}) {
  const width = () => {
    const th = document.querySelector<HTMLElement>(`.acct-table thead th[data-col="${column}"]`);
    return th ? th.getBoundingClientRect().width : (DEFAULT_WIDTHS[column] ?? NAME_MIN_WIDTH);
  };
  // The width as laid out (the name column's is whatever is left): written straight to the DOM.
  const self = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    self.current?.setAttribute('aria-valuenow', String(Math.round(width())));
  });
  const onPointerDown = (e: ReactPointerEvent<HTMLSpanElement>) => {
    e.preventDefault();
    e.stopPropagation();
    const el = e.currentTarget;
    el.setPointerCapture(e.pointerId);
    const startX = e.clientX;
    const startW = width();
    const move = (ev: PointerEvent) => onResize(column, startW + ev.clientX - startX);
    const up = () => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', up);
    };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', up);
  };
  return (
    <span
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuemin={MIN_WIDTH}
      aria-valuemax={MAX_WIDTH}
      tabIndex={0}
      ref={self}
      className="col-resize"
      data-resize={column}
      onPointerDown={onPointerDown}
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
        e.preventDefault();
        onResizeBy(column, e.key === 'ArrowRight' ? RESIZE_STEP : -RESIZE_STEP, width());
      }}
    />
  );
}

function Dash() {
  return (
    <span className="muted" aria-hidden="true">
      —
    </span>
  );
}
