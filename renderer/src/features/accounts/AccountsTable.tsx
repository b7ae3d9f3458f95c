import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountListRow, AccountSortField, Tier } from '../../../../shared/api/accounts';
import { cx } from '../../lib/cx';
import { Badge } from '../../ui/Badge';
import { Icon } from '../../ui/icons';
import { FOLLOW_UP_TONE, followUpText, followUpWhy, localToday, money, shortDate, tierName, tk } from './format';
import { accountHref } from './href';
import { scrollMemory } from './listState';

const ROW_HEIGHT = 52;

interface Column {
  key: string;
  sort: AccountSortField;
  width?: number;
  num?: boolean;
  /** Sorting by this column starts with the largest values. */
  descFirst?: boolean;
}

const COLUMNS: Column[] = [
  { key: 'name', sort: 'name' },
  { key: 'tier', sort: 'tier', width: 80 },
  { key: 'grade', sort: 'grade', width: 52 },
  { key: 'lifecycle', sort: 'lifecycle', width: 80 },
  { key: 'industry', sort: 'industry', width: 88 },
  { key: 'region', sort: 'region', width: 68 },
  { key: 'owner', sort: 'owner', width: 76 },
  { key: 'revenueThisYear', sort: 'revenueThisYear', width: 96, num: true, descFirst: true },
  { key: 'lastContact', sort: 'lastContact', width: 92 },
  { key: 'followUp', sort: 'followUpDue', width: 140 },
  { key: 'receivables', sort: 'receivableOutstanding', width: 92, num: true, descFirst: true },
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
}

/**
 * The accounts table: a real <table> (header cells with aria-sort, rows with aria-rowindex) whose
 * body renders only the rows in view, so 10,000 accounts scroll as smoothly as 10. One tab stop for
 * the body: the arrow keys, Page Up/Down, Home and End move between rows; Enter opens the account.
 */
export function AccountsTable({ rows, tiers, sort, desc, onSort, busy, year, onOpen, resetKey }: AccountsTableProps) {
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
      default:
        return;
    }
    e.preventDefault();
  };

  const label = (c: Column) => (c.key === 'revenueThisYear' ? t('accounts.columns.revenueThisYear', { year }) : tk(t, `accounts.columns.${c.key}`));

  return (
    <div className="acct-grid" ref={scrollRef} aria-busy={busy || undefined}>
      <table className="acct-table" aria-rowcount={rows.length + 1}>
        <caption className="visually-hidden">{t('accounts.table.caption', { n: rows.length })}</caption>
        <colgroup>
          {COLUMNS.map((c) => (
            <col key={c.key} style={c.width ? { width: c.width } : undefined} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {COLUMNS.map((c) => {
              const sorted = sort === c.sort;
              return (
                <th
                  key={c.key}
                  scope="col"
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
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {paddingTop > 0 ? (
            <tr aria-hidden="true" className="acct-spacer" style={{ height: paddingTop }}>
              <td colSpan={COLUMNS.length} />
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
              />
            );
          })}
          {paddingBottom > 0 ? (
            <tr aria-hidden="true" className="acct-spacer" style={{ height: paddingBottom }}>
              <td colSpan={COLUMNS.length} />
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
}

const Row = memo(function Row({ row, index, tabbable, tier, locale, onFocusRow, onOpen }: RowProps) {
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
      data-index={index}
      aria-rowindex={index + 2}
      tabIndex={tabbable ? 0 : -1}
      className="acct-row"
      onFocus={() => onFocusRow(index)}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest('a')) return;
        onOpen(row.id);
      }}
    >
      <th scope="row" className="acct-name">
        <a href={accountHref(row.id)} tabIndex={-1} className={cx('acct-name__link', sub && 'acct-name__link--one')} title={row.name}>
          {row.name}
        </a>
        {sub ? (
          <span className="acct-name__sub" title={sub}>
            {sub}
          </span>
        ) : null}
      </th>
      <td>{tier ? <span className={cx('tier-tag', `tier-tag--r${Math.min(tier.rank, 5)}`)}>{tierName(tier, locale)}</span> : <Dash />}</td>
      <td>
        {row.grade ? (
          <span className={cx('grade-tag', `grade-tag--${row.grade}`)} title={tk(t, `domain.gradeMeaning.${row.grade}`)}>
            {row.grade}
          </span>
        ) : (
          <Dash />
        )}
      </td>
      <td className="ellipsis">{row.lifecycle ? tk(t, `domain.lifecycle.${row.lifecycle}`) : <Dash />}</td>
      <td className="ellipsis" title={row.industry ?? undefined}>
        {row.industry ?? <Dash />}
      </td>
      <td className="ellipsis" title={row.region ?? undefined}>
        {row.region ?? <Dash />}
      </td>
      <td className="ellipsis" title={row.ownerName ?? undefined}>
        {row.ownerName ?? <Dash />}
      </td>
      <td className="num tabular">{row.revenueThisYear === null ? <Dash /> : money(row.revenueThisYear, row.currency, locale)}</td>
      <td className="tabular">{row.lastContact ? shortDate(row.lastContact, locale) : <span className="muted">{t('accounts.row.never')}</span>}</td>
      <td>
        {f.state === 'overdue' || f.state === 'due' ? (
          <Badge tone={FOLLOW_UP_TONE[f.state]} title={followUpWhy(f, { grade: row.grade, lastContact: row.lastContact, today: localToday() }, t, locale)}>
            {followUpText(f, t, locale)}
          </Badge>
        ) : f.state === 'ok' ? (
          <span className="muted tabular">{followUpText(f, t, locale)}</span>
        ) : (
          <Dash />
        )}
      </td>
      <td className="num tabular">
        {row.receivableOutstanding ? (
          <>
            <span className="acct-recv">{money(row.receivableOutstanding, row.currency, locale)}</span>
            {row.receivableDaysOverdue ? <span className="acct-recv__late">{t('accounts.row.receivableOverdue', { days: row.receivableDaysOverdue })}</span> : null}
          </>
        ) : (
          <Dash />
        )}
      </td>
    </tr>
  );
});

function Dash() {
  return (
    <span className="muted" aria-hidden="true">
      —
    </span>
  );
}
