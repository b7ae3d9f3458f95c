/**
 * The quadrant board (#/board/<matrix>): drag the portfolio into shape and remember every move.
 * Accounts are cards in four quadrants and a tray; a card moves by mouse, touch or keyboard drag or
 * through its "Move to…" menu; each move asks why, can be undone and redone, and is kept with who
 * and when. The board can be shown as of an earlier date and against a date ("changes since"),
 * filtered, searched, and exported as PNG or a one-page PDF in the current language.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardCard, Matrix } from '../../../../shared/api/board';
import { quadrantFigures, type QuadrantFigure } from '../../../../shared/domain/quadrants';
import { useApiQuery } from '../../api/hooks';
import { api } from '../../api/client';
import { NextStep } from '../../app/NextStep';
import { cx } from '../../lib/cx';
import { errorText } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Icon } from '../../ui/icons';
import { useNotice } from '../../ui/Notice';
import type { CardActions, CardContext } from './BoardCard';
import { BoardCanvas } from './BoardCanvas';
import { BoardIcon } from './BoardIcons';
import { downloadBase64 } from '../../lib/download';
import { MatrixEditor } from './MatrixEditor';
import { useMoves } from './moves';
import { MoveMenu } from './MoveMenu';
import { ReasonPopover, type ReasonTarget } from './ReasonPopover';
import { DEFAULT_MATRIX, navigateBoard, rememberMatrix, useBoardRoute } from './route';
import { AccountDetail, ChangesList } from './SidePanel';
import { activeFilters, FilterFields, filterArgs, NO_FILTERS, Recorder, WhoPrompt, type Filters } from './Toolbar';
import { GroupMoveDialog, SelectionBar } from './GroupMove';
import { matrixName, namesOf, useWords } from './words';
import { TRAY } from './Zones';
import { ModelHelp } from './ModelHelp';
import './board.css';
import { DateField } from '../../ui/DateField';
import { isIsoDate } from '../../../../shared/domain/dates';

const BOARD_TABLES = ['placements', 'matrices', 'accounts', 'account_revenue', 'interactions', 'people', 'tiers', 'account_team'] as const;
/** A search no name contains: accounts-query then answers with its facets and no rows. */
const NO_MATCH = '\u0000';
const SEARCH_DELAY_MS = 150;
const NO_MATCHES: ReadonlySet<number> = new Set();

const QUADRANT_INTRO = [
  { key: 'risingStar', cls: 'quad--rising' },
  { key: 'star', cls: 'quad--star' },
  { key: 'dog', cls: 'quad--dog' },
  { key: 'cashCow', cls: 'quad--cow' },
] as const;

/** The empty workspace: what the board is for, and the next step (add accounts). */
function BoardIntro() {
  const { t } = useTranslation();
  return (
    <div className="area-intro">
      <div className="area-intro__main">
        <Card title={t('board.illustration')}>
          <figure className="quadrants">
            <div className="quadrants__y">{t('board.axisPotential')}</div>
            <div className="quadrants__grid">
              {QUADRANT_INTRO.map((q) => (
                <div key={q.key} className={`quad ${q.cls}`}>
                  <span className="quad__name">{t(`board.quadrants.${q.key}.name`)}</span>
                  <span className="quad__hint">{t(`board.quadrants.${q.key}.hint`)}</span>
                </div>
              ))}
            </div>
            <figcaption className="quadrants__x">{t('board.axisValue')}</figcaption>
          </figure>
          <p className="quadrants__note">{t('board.wildcatNote')}</p>
        </Card>
      </div>
      <div className="area-intro__side">
        <NextStep />
      </div>
    </div>
  );
}

type MenuState = { accountId: number; from: 'card' | 'detail' };
type EditorState = { matrix: Matrix | null };

function focusCard(accountId: number): void {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>(`[data-account-id="${accountId}"] .bcard__body`);
    el?.focus({ preventScroll: false });
  });
}

function byRevenue(a: BoardCard, b: BoardCard): number {
  return (b.revenueThisYear ?? -1) - (a.revenueThisYear ?? -1) || a.name.localeCompare(b.name, 'zh-CN');
}

export function BoardPage() {
  const { t, i18n } = useTranslation();
  const words = useWords();
  const lang = words.lang;
  const route = useBoardRoute();
  const notice = useNotice();
  const readOnly = route.asOf !== null;

  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState('');
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [menu, setMenu] = useState<MenuState | null>(null);
  const [reason, setReason] = useState<ReasonTarget | null>(null);
  const [editor, setEditor] = useState<EditorState | null>(null);
  const [exporting, setExporting] = useState<'png' | 'pdf' | null>(null);
  // Cards ticked to move together, and the dialog that moves them (to: where a drag ended).
  const [picked, setPicked] = useState<ReadonlySet<number>>(new Set());
  const [group, setGroup] = useState<{ to?: string | null } | null>(null);
  // "Who are you?", asked once before the first move while nobody is chosen as "I am".
  const [who, setWho] = useState<{ then: () => void } | null>(null);
  const [askedWho, setAskedWho] = useState(false);

  useEffect(() => {
    const timer = window.setTimeout(() => setSearch(query.trim()), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [query]);

  const dates = { ...(route.asOf ? { asOf: route.asOf } : {}), ...(route.since ? { since: route.since } : {}) };
  const matrices = useApiQuery('matrices-list', {}, ['matrices']);
  const board = useApiQuery('board-get', { matrix: route.matrix, ...dates, ...filterArgs(filters) }, BOARD_TABLES);
  const people = useApiQuery('people-list', {}, ['people']);
  const tiers = useApiQuery('tiers-list', {}, ['tiers']);
  const found = useApiQuery('accounts-query', { search: search || NO_MATCH }, ['accounts']);
  const user = useApiQuery('user-get', {}, ['settings', 'people']);
  const prefs = useApiQuery('board-prefs-get', {}, ['settings']);
  // The checkbox shows the choice at once; the stored preference catches up (or, on an error, wins).
  const [askChoice, setAskChoice] = useState<boolean | null>(null);
  const askFirst = askChoice ?? prefs.value?.askReasonOnFirstPlacement ?? false;

  // The board of the matrix in the URL (while another loads, the previous one is not shown).
  const shown = board.value && board.value.matrix.key === route.matrix ? board.value : undefined;
  const matrix = shown?.matrix ?? matrices.value?.find((m) => m.key === route.matrix);

  useEffect(() => {
    if (shown) rememberMatrix(shown.matrix.key);
  }, [shown]);

  const names = useMemo(() => (matrix ? namesOf(matrix, lang, t('board.card.inTray')) : (k: string | null | undefined) => k ?? ''), [matrix, lang, t]);
  const moves = useMoves(route.matrix, shown, names);

  // Cards as they stand, with moves not yet confirmed by the backend.
  const cards = useMemo(() => {
    if (!shown) return [] as BoardCard[];
    if (moves.overrides.size === 0) return shown.cards;
    return shown.cards.map((c) => (moves.overrides.has(c.accountId) ? { ...c, quadrant: moves.overrides.get(c.accountId) ?? null } : c));
  }, [shown, moves.overrides]);

  const cardsById = useMemo(() => new Map(cards.map((c) => [c.accountId, c])), [cards]);

  const groups = useMemo(() => {
    const out = new Map<string, BoardCard[]>();
    for (const c of cards) {
      const key = c.quadrant ?? TRAY;
      let list = out.get(key);
      if (!list) out.set(key, (list = []));
      list.push(c);
    }
    // Comparing with a date, the accounts that moved come first: they are what the forum asks about.
    const comparing = shown?.since != null;
    const order = comparing ? (a: BoardCard, b: BoardCard) => Number(b.movedFrom !== undefined) - Number(a.movedFrom !== undefined) || byRevenue(a, b) : byRevenue;
    for (const list of out.values()) list.sort(order);
    return out as ReadonlyMap<string, readonly BoardCard[]>;
  }, [cards, shown?.since]);

  const figures = useMemo(() => {
    if (!matrix) return new Map<string, QuadrantFigure>();
    const placed = cards.filter((c) => c.quadrant !== null).map((c) => ({ quadrant: c.quadrant!, revenue: c.revenueThisYear ?? 0 }));
    return new Map(quadrantFigures(matrix.quadrants.map((q) => q.key), placed).map((f) => [f.key, f]));
  }, [cards, matrix]);

  const deltas = useMemo(() => {
    if (!shown?.since) return null;
    const out = new Map<string, { in: number; out: number }>();
    const bump = (key: string | null, field: 'in' | 'out') => {
      if (key === null) return;
      const d = out.get(key) ?? { in: 0, out: 0 };
      d[field]++;
      out.set(key, d);
    };
    for (const c of shown.changes) {
      bump(c.to, 'in');
      bump(c.from, 'out');
    }
    return out;
  }, [shown]);

  const tierNames = useMemo(() => new Map((tiers.value ?? []).map((x) => [x.key, lang === 'zh-CN' ? x.nameZh : x.nameEn])), [tiers.value, lang]);
  const tierName = useCallback((key: string | null) => (key ? (tierNames.get(key) ?? key) : null), [tierNames]);
  const maxRevenue = useMemo(() => cards.reduce((m, c) => Math.max(m, c.revenueThisYear ?? 0), 0), [cards]);

  const matches = useMemo(() => {
    if (!search || !found.value) return NO_MATCHES;
    return new Set(found.value.rows.map((r) => r.id).filter((id) => cardsById.has(id)));
  }, [search, found.value, cardsById]);

  // --- actions ---------------------------------------------------------------------------------

  // Nobody chosen as "I am": ask once (never record the computer's login), then go on.
  const me = user.value;
  const ensureWho = useCallback(
    (then: () => void) => {
      if (me && me.person === null && !askedWho) {
        setAskedWho(true);
        setWho({ then });
      } else then();
    },
    [askedWho, me],
  );

  const { move } = moves;
  const performMove = useCallback(
    async (card: BoardCard, to: string | null, viaKeyboard: boolean) => {
      const m = await move(card, to);
      // A first placement (from the tray) asks why only when the user wants it (the legend's setting).
      if (m && m.from === null && !askFirst) {
        if (viaKeyboard) focusCard(card.accountId);
      } else if (m) {
        setReason({ moveId: m.id, accountId: card.accountId, name: card.name, fromName: names(m.from), toName: names(m.to) });
      } else if (viaKeyboard) {
        focusCard(card.accountId);
      }
    },
    [askFirst, move, names],
  );
  const doMove = useCallback(
    (card: BoardCard, to: string | null, viaKeyboard: boolean) => {
      if (readOnly) return;
      setMenu(null);
      setReason(null);
      ensureWho(() => void performMove(card, to, viaKeyboard));
    },
    [ensureWho, performMove, readOnly],
  );

  const pick = useCallback(
    (id: number) =>
      setPicked((s) => {
        const next = new Set(s);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  // What is ticked and still on the board (a filter may hide some: those do not move).
  const pickedCards = useMemo(() => [...picked].flatMap((id) => cardsById.get(id) ?? []), [picked, cardsById]);
  const moveGroup = useCallback(
    (to: string | null, why: string) => {
      const list = pickedCards.map((c) => ({ accountId: c.accountId, name: c.name, quadrant: c.quadrant }));
      setGroup(null);
      ensureWho(() => {
        void moves.moveMany(list, to, why).then((n) => {
          if (n > 0) setPicked(new Set());
        });
      });
    },
    [ensureWho, moves, pickedCards],
  );

  const placeSuggested = useCallback(
    (list: readonly BoardCard[]) => {
      if (readOnly) return;
      setMenu(null);
      setReason(null);
      const cards = list.flatMap((c) => (c.suggested !== null ? [{ accountId: c.accountId, name: c.name, quadrant: c.quadrant, suggested: c.suggested }] : []));
      if (cards.length > 0) void moves.placeSuggested(cards, t('board.moves.bulkReason'));
    },
    [moves, readOnly, t],
  );

  const actions = useMemo<CardActions>(
    () => ({
      select: (id) => setSelectedId(id),
      pick,
      openMenu: (id) => setMenu((m) => (m?.accountId === id && m.from === 'card' ? null : { accountId: id, from: 'card' })),
      place: (card, to) => doMove(card, to, false),
      placeSuggested,
    }),
    [doMove, pick, placeSuggested],
  );

  const ctx = useMemo<CardContext>(
    () => ({ words, names, tierName, readOnly, maxRevenue, showMoved: route.since !== null && shown?.since !== null, actions }),
    [words, names, tierName, readOnly, maxRevenue, route.since, shown?.since, actions],
  );

  const onToggle = useCallback(
    (key: string) =>
      setExpanded((s) => {
        const next = new Set(s);
        if (next.has(key)) next.delete(key);
        else next.add(key);
        return next;
      }),
    [],
  );
  const onDragStart = useCallback(() => {
    setMenu(null);
    setReason(null);
  }, []);
  // Dropping one of several ticked cards moves them all: the group dialog asks for one reason.
  const onDrop = useCallback(
    (card: BoardCard, to: string | null, viaKeyboard: boolean) => {
      if (picked.has(card.accountId) && picked.size > 1) setGroup({ to });
      else doMove(card, to, viaKeyboard);
    },
    [doMove, picked],
  );
  const onCancel = useCallback((id: number, viaKeyboard: boolean) => {
    if (viaKeyboard) focusCard(id);
  }, []);

  // Ctrl+Z / Ctrl+Shift+Z (Cmd on macOS; Ctrl+Y too) undo and redo board moves, not typing.
  const { undo, redo } = moves;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const k = e.key.toLowerCase();
      if (k !== 'z' && k !== 'y') return;
      const target = e.target as HTMLElement | null;
      if (target?.closest?.('input, textarea, select, [contenteditable="true"], dialog')) return;
      if (readOnly) return;
      e.preventDefault();
      if (k === 'y' || e.shiftKey) redo();
      else undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo, readOnly]);

  // Bring the first match into view as the search narrows.
  const firstMatch = useMemo(() => {
    for (const c of cards) if (matches.has(c.accountId)) return c.accountId;
    return null;
  }, [cards, matches]);
  useEffect(() => {
    if (firstMatch === null) return;
    document.querySelector(`[data-account-id="${firstMatch}"]`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [firstMatch]);

  const doExport = async (format: 'png' | 'pdf') => {
    setExporting(format);
    try {
      const file = await api('board-export', { matrix: route.matrix, format, locale: lang, ...dates, ...filterArgs(filters) });
      downloadBase64(file);
      notice.success(t('board.exported', { file: file.fileName }));
    } catch (e) {
      notice.error(errorText(t, e));
    } finally {
      setExporting(null);
    }
  };

  const setDate = (field: 'asOf' | 'since', value: string) => {
    setMenu(null);
    setReason(null);
    navigateBoard({ ...route, [field]: value || null }, { replace: true });
  };

  // --- render ----------------------------------------------------------------------------------

  const filtered = activeFilters(filters) > 0;
  // The heading stays the same element whatever follows it, so focus put there by navigation stays.
  const heading = (
    <h1 className="page-header__title board-head__title" tabIndex={-1}>
      {t('board.title')}
    </h1>
  );
  if (shown && shown.cards.length === 0 && !filtered) {
    return (
      <div className="board-page board-page--intro">
        <header className="page-header board-intro-head">
          {heading}
          <p className="page-header__lead">{t('board.lead')}</p>
        </header>
        <BoardIntro />
      </div>
    );
  }

  const selected = selectedId !== null ? (cardsById.get(selectedId) ?? null) : null;
  const menuCard = menu ? (cardsById.get(menu.accountId) ?? null) : null;
  const unplaced = groups.get(TRAY)?.length ?? 0;
  const aside = selected !== null || (shown?.since ?? null) !== null;
  const missing = board.error?.code === 'not-found' && !shown;

  const header = (
    <header className="board-head">
      {heading}
      <nav className="mtabs" aria-label={t('board.matrixNav')}>
        {(matrices.value ?? []).map((m) => (
          <a key={m.key} className="mtabs__tab" href={`#/board/${m.key}`} aria-current={m.key === route.matrix ? 'page' : undefined}>
            {matrixName(m, lang)}
          </a>
        ))}
      </nav>
      <div className="board-head__group">
        <button
          type="button"
          className="icon-btn"
          aria-label={t('board.editMatrix')}
          title={t('board.editMatrix')}
          disabled={!matrix}
          onClick={() => matrix && setEditor({ matrix })}
        >
          <Icon name="edit" size={18} />
        </button>
        <button type="button" className="icon-btn" aria-label={t('board.newMatrix')} title={t('board.newMatrix')} onClick={() => setEditor({ matrix: null })}>
          <Icon name="plus" size={18} />
        </button>
      </div>
      <div className="board-head__spacer" />
      <div className="board-head__group" role="group" aria-label={`${t('board.undo')} / ${t('board.redo')}`}>
        <button
          type="button"
          className="icon-btn"
          aria-label={t('board.undo')}
          title={t('board.undoTitle')}
          aria-keyshortcuts="Control+Z Meta+Z"
          disabled={!moves.canUndo || readOnly}
          onClick={moves.undo}
        >
          <BoardIcon name="undo" />
        </button>
        <button
          type="button"
          className="icon-btn"
          aria-label={t('board.redo')}
          title={t('board.redoTitle')}
          aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
          disabled={!moves.canRedo || readOnly}
          onClick={moves.redo}
        >
          <BoardIcon name="redo" />
        </button>
      </div>
      <div className="board-head__group">
        <button type="button" className="btn btn--secondary btn--sm" title={t('board.exportPngTitle')} aria-busy={exporting === 'png' || undefined} disabled={exporting !== null || !shown} onClick={() => void doExport('png')}>
          {exporting === 'png' ? <span className="spinner" aria-hidden="true" /> : <BoardIcon name="image" size={16} />}
          <span className="btn__label">{t('board.exportPng')}</span>
        </button>
        <button type="button" className="btn btn--secondary btn--sm" title={t('board.exportPdfTitle')} aria-busy={exporting === 'pdf' || undefined} disabled={exporting !== null || !shown} onClick={() => void doExport('pdf')}>
          {exporting === 'pdf' ? <span className="spinner" aria-hidden="true" /> : <BoardIcon name="pdf" size={16} />}
          <span className="btn__label">{t('board.exportPdf')}</span>
        </button>
      </div>
    </header>
  );

  const tools = (
    <div className="board-tools" role="group" aria-label={t('board.tools')}>
      <div className="tool tool--search" role="search">
        <label htmlFor="board-search" className="tool__label">
          {t('board.search.label')}
        </label>
        <span className="tool__search">
          <Icon name="search" size={16} />
          <input
            id="board-search"
            type="search"
            className="field__input tool__input"
            placeholder={t('board.search.placeholder')}
            value={query}
            aria-describedby="board-search-count"
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && query) {
                e.preventDefault();
                setQuery('');
              } else if (e.key === 'Enter' && firstMatch !== null) {
                e.preventDefault();
                focusCard(firstMatch);
              }
            }}
          />
        </span>
        <span id="board-search-count" className={cx('tool__count', search && matches.size === 0 && 'tool__count--none')} aria-live="polite">
          {search ? (matches.size ? t('board.search.matches', { n: matches.size }) : t('board.search.none')) : ''}
        </span>
      </div>
      <FilterFields
        value={filters}
        options={{ people: people.value ?? [], tiers: tiers.value ?? [], industries: found.value?.facets.industries ?? [], regions: found.value?.facets.regions ?? [] }}
        onChange={setFilters}
      />
      {filtered ? (
        <Button size="sm" variant="ghost" className="tool__clear" onClick={() => setFilters(NO_FILTERS)}>
          {t('board.filters.clear')}
        </Button>
      ) : null}
      <div className="board-tools__spacer" />
      <div className={cx('tool', route.asOf && 'tool--on')}>
        <label htmlFor="board-asof" className="tool__label">
          {t('board.asOf.label')}
        </label>
        <DateField bare id="board-asof" inputClassName="tool__input tool__date" label={t('board.asOf.label')} value={route.asOf ?? ''} onChange={(v) => (v === '' || isIsoDate(v)) && setDate('asOf', v)} />
      </div>
      <div className={cx('tool', route.since && 'tool--on')}>
        <label htmlFor="board-since" className="tool__label">
          {t('board.since.label')}
        </label>
        <DateField bare id="board-since" inputClassName="tool__input tool__date" label={t('board.since.label')} value={route.since ?? ''} onChange={(v) => (v === '' || isIsoDate(v)) && setDate('since', v)} />
      </div>
    </div>
  );

  const banners =
    route.asOf || route.since ? (
      <div className="board-banners">
        {route.asOf ? (
          <p className="board-banner board-banner--asof" role="status">
            <span>{t('board.asOf.banner', { date: formatDate(`${route.asOf}T12:00:00`, i18n.language) })}</span>
            <Button size="sm" variant="ghost" onClick={() => setDate('asOf', '')}>
              {t('board.asOf.back')}
            </Button>
          </p>
        ) : null}
        {route.since && shown ? (
          <p className="board-banner board-banner--since" role="status">
            <span>{t('board.since.banner', { date: formatDate(`${route.since}T12:00:00`, i18n.language), n: shown.changes.length })}</span>
            <Button size="sm" variant="ghost" onClick={() => setDate('since', '')}>
              {t('board.since.clear')}
            </Button>
          </p>
        ) : null}
      </div>
    ) : null;

  let body;
  if (missing) {
    body = (
      <div className="board-missing" role="alert">
        <p>{t('board.matrixMissing', { key: route.matrix })}</p>
        <Button variant="primary" onClick={() => navigateBoard({ matrix: DEFAULT_MATRIX, asOf: null, since: null })}>
          {t('board.matrixMissingBack')}
        </Button>
      </div>
    );
  } else if (board.error && !shown) {
    body = (
      <div className="inline-error" role="alert">
        <p>{errorText(t, board.error)}</p>
        <Button onClick={board.reload}>{t('common.retry')}</Button>
      </div>
    );
  } else if (!shown || !matrix || (tiers.value === undefined && !tiers.error)) {
    body = (
      <p className="board-loading" role="status">
        {t('board.loading')}
      </p>
    );
  } else {
    body = (
      <div className={cx('board-body', aside && 'board-body--aside', readOnly && 'is-readonly', picked.size > 0 && 'is-picking')} aria-busy={board.loading || undefined}>
        <BoardCanvas
          key={matrix.key}
          matrix={matrix}
          groups={groups}
          figures={figures}
          deltas={deltas}
          ctx={ctx}
          selectedId={selectedId}
          matches={matches}
          picked={picked}
          menuFor={menu?.from === 'card' ? menu.accountId : null}
          reasonFor={reason?.accountId ?? null}
          expanded={expanded}
          onToggle={onToggle}
          onDragStart={onDragStart}
          onDrop={onDrop}
          onCancel={onCancel}
        />
        {aside ? (
          <aside className="board-aside" aria-label={selected ? selected.name : t('board.changes.title')}>
            {selected ? (
              <AccountDetail
                card={selected}
                matrix={matrix}
                names={names}
                words={words}
                tierName={tierName(selected.tierKey)}
                readOnly={readOnly}
                menuOpen={menu?.from === 'detail' && menu.accountId === selected.accountId}
                onMenu={() => setMenu((m) => (m?.from === 'detail' ? null : { accountId: selected.accountId, from: 'detail' }))}
                onClose={() => {
                  const id = selected.accountId;
                  setSelectedId(null);
                  focusCard(id);
                }}
              />
            ) : shown.since ? (
              <ChangesList
                changes={shown.changes}
                cardsById={cardsById}
                names={names}
                since={shown.since}
                onShow={(id) => {
                  setSelectedId(id);
                  focusCard(id);
                }}
              />
            ) : null}
          </aside>
        ) : null}
      </div>
    );
  }

  return (
    <div className="board-page">
      {header}
      {matrix ? <ModelHelp matrix={matrix} /> : null}
      {tools}
      {banners}
      {pickedCards.length > 0 && !readOnly ? <SelectionBar count={pickedCards.length} onMove={() => setGroup({})} onClear={() => setPicked(new Set())} /> : null}
      {body}
      {shown ? (
        <footer className="board-legend">
          <span>{t('board.legend.head')}</span>
          <span>
            <span className="bcard__overdue">{t('board.card.overdue')}</span> {t('board.legend.overdue')}
          </span>
          {matrix?.suggest.kind === 'value-potential' ? (
            <span>
              <span className="bcard__verdict">{t('board.card.verdict')}</span> {t('board.legend.verdict')}
            </span>
          ) : null}
          <span>
            <span className="board-legend__bar" aria-hidden="true" /> {t('board.legend.weight')}
          </span>
          <span className="board-legend__summary tabular">
            {t('board.legend.summary', { n: cards.length, unplaced })}
            {filtered ? ` ${t('board.legend.filtered')}` : ''}
          </span>
          <label className="board-legend__ask">
            <input
              type="checkbox"
              checked={askFirst}
              disabled={prefs.value === undefined}
              onChange={(e) => {
                const on = e.target.checked;
                setAskChoice(on);
                void api('board-prefs-set', { askReasonOnFirstPlacement: on }).then(
                  () => notice.success(t('board.prefs.saved', { what: t(on ? 'board.prefs.on' : 'board.prefs.off') })),
                  (err: unknown) => {
                    setAskChoice(null);
                    notice.error(errorText(t, err));
                  },
                );
              }}
            />
            {t('board.prefs.askFirst')}
          </label>
          <Recorder me={user.value} />
        </footer>
      ) : null}
      {menu && menuCard && matrix && !readOnly ? (
        <MoveMenu
          card={menuCard}
          matrix={matrix}
          names={names}
          onPick={(to) => doMove(menuCard, to, true)}
          onClose={(returnFocus) => {
            const m = menu;
            setMenu(null);
            if (returnFocus) {
              requestAnimationFrame(() =>
                document.querySelector<HTMLElement>(m.from === 'card' ? `[data-account-id="${m.accountId}"] .bcard__menu` : '.detail__move')?.focus(),
              );
            }
          }}
        />
      ) : null}
      {reason ? (
        <ReasonPopover
          key={reason.moveId}
          target={reason}
          onSaved={(text) => {
            moves.rememberReason(reason.moveId, text);
            notice.success(t('board.reason.saved', { name: reason.name }));
            setReason(null);
            focusCard(reason.accountId);
          }}
          onClose={(returnFocus) => {
            setReason(null);
            if (returnFocus) focusCard(reason.accountId);
          }}
        />
      ) : null}
      {group && matrix && pickedCards.length > 0 ? (
        <GroupMoveDialog
          matrix={matrix}
          names={names}
          accounts={pickedCards.map((c) => c.name)}
          {...(group.to !== undefined ? { initialTo: group.to } : {})}
          onMove={moveGroup}
          onClose={() => setGroup(null)}
        />
      ) : null}
      {who ? (
        <WhoPrompt
          me={user.value}
          onDone={() => {
            const then = who.then;
            setWho(null);
            then();
          }}
        />
      ) : null}
      {editor ? (
        <MatrixEditor
          matrix={editor.matrix}
          onClose={() => setEditor(null)}
          onSaved={(m) => {
            setEditor(null);
            if (m.key !== route.matrix) navigateBoard({ matrix: m.key, asOf: null, since: null });
          }}
          onDeleted={() => {
            setEditor(null);
            navigateBoard({ matrix: DEFAULT_MATRIX, asOf: null, since: null });
          }}
        />
      ) : null}
    </div>
  );
}
