/**
 * The quadrant board (#/board/<matrix>): drag the portfolio into shape and remember every move.
 * Accounts are cards in four quadrants and a tray; a card moves by mouse, touch or keyboard drag or
 * through its "Move to…" menu; each move asks why, can be undone and redone, and is kept with who
 * and when. The board can be shown as of an earlier date and against a date ("changes since"),
 * filtered, searched, and exported as PNG or a one-page PDF in the current language.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardCard } from '../../../../shared/api/board';
import { useApiQuery } from '../../api/hooks';
import { cx } from '../../lib/cx';
import { errorText } from '../../lib/errors';
import { useUndoShortcuts } from '../../lib/useUndo';
import { Button } from '../../ui/Button';
import { BoardCanvas } from './BoardCanvas';
import { BoardHeader } from './BoardHeader';
import { BoardIntro } from './BoardIntro';
import { BoardLegend, useAskFirst } from './BoardLegend';
import { BoardOverlays, type EditorState } from './BoardOverlays';
import { BoardTools, DateBanners } from './BoardTools';
import { deltasOf, figuresOf, groupCards, maxRevenueOf, TRAY, withOverrides } from './board-model';
import type { CardContext } from './BoardCard';
import { ModelHelp } from './ModelHelp';
import { useMoves } from './moves';
import { DEFAULT_MATRIX, navigateBoard, rememberMatrix, useBoardRoute } from './route';
import { AccountDetail, ChangesList } from './SidePanel';
import { activeFilters, filterArgs, NO_FILTERS, type Filters } from './Toolbar';
import { SelectionBar } from './GroupMove';
import { focusCard, useCardActions } from './useCardActions';
import { useBoardExport } from './useBoardExport';
import { useBoardSearch } from './useBoardSearch';
import { namesOf, useWords } from './words';
import './board.css';

const BOARD_TABLES = ['placements', 'matrices', 'accounts', 'account_revenue', 'interactions', 'people', 'tiers', 'account_team'] as const;

export function BoardPage() {
  const { t, i18n } = useTranslation();
  const words = useWords();
  const lang = words.lang;
  const route = useBoardRoute();
  const readOnly = route.asOf !== null;

  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [editor, setEditor] = useState<EditorState | null>(null);

  const dates = { ...(route.asOf ? { asOf: route.asOf } : {}), ...(route.since ? { since: route.since } : {}) };
  const matrices = useApiQuery('matrices-list', {}, ['matrices']);
  const board = useApiQuery('board-get', { matrix: route.matrix, ...dates, ...filterArgs(filters) }, BOARD_TABLES);
  const people = useApiQuery('people-list', {}, ['people']);
  const tiers = useApiQuery('tiers-list', {}, ['tiers']);
  const user = useApiQuery('user-get', {}, ['settings', 'people']);
  const ask = useAskFirst();

  // The board of the matrix in the URL (while another loads, the previous one is not shown).
  const shown = board.value && board.value.matrix.key === route.matrix ? board.value : undefined;
  const matrix = shown?.matrix ?? matrices.value?.find((m) => m.key === route.matrix);

  useEffect(() => {
    if (shown) rememberMatrix(shown.matrix.key);
  }, [shown]);

  const names = useMemo(() => (matrix ? namesOf(matrix, lang, t('board.card.inTray')) : (k: string | null | undefined) => k ?? ''), [matrix, lang, t]);
  const moves = useMoves(route.matrix, shown, names);
  useUndoShortcuts(moves.undo, moves.redo, !readOnly);

  // --- what the board shows ----------------------------------------------------------------------

  // Cards as they stand, with moves not yet confirmed by the backend.
  const cards = useMemo(() => (shown ? withOverrides(shown.cards, moves.overrides) : ([] as BoardCard[])), [shown, moves.overrides]);
  const cardsById = useMemo(() => new Map(cards.map((c) => [c.accountId, c])), [cards]);
  const groups = useMemo(() => groupCards(cards, shown?.since != null), [cards, shown?.since]);
  const figures = useMemo(() => (matrix ? figuresOf(matrix, cards) : new Map()), [cards, matrix]);
  const deltas = useMemo(() => (shown?.since ? deltasOf(shown.changes) : null), [shown]);
  const tierNames = useMemo(() => new Map((tiers.value ?? []).map((x) => [x.key, lang === 'zh-CN' ? x.nameZh : x.nameEn])), [tiers.value, lang]);
  const tierName = useCallback((key: string | null) => (key ? (tierNames.get(key) ?? key) : null), [tierNames]);
  const maxRevenue = useMemo(() => maxRevenueOf(cards), [cards]);
  const search = useBoardSearch(cards, cardsById);
  const { exporting, exportAs } = useBoardExport({ matrix: route.matrix, ...dates, ...filterArgs(filters) }, lang);

  // --- what a user does ----------------------------------------------------------------------------

  const acts = useCardActions({ moves, names, cardsById, readOnly, me: user.value, askFirst: ask.on });
  const { actions } = acts;
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

  const setDate = (field: 'asOf' | 'since', value: string) => {
    acts.closePopups();
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

  const selected = acts.selectedId !== null ? (cardsById.get(acts.selectedId) ?? null) : null;
  const menuCard = acts.menu ? (cardsById.get(acts.menu.accountId) ?? null) : null;
  const unplaced = groups.get(TRAY)?.length ?? 0;
  const aside = selected !== null || (shown?.since ?? null) !== null;
  const missing = board.error?.code === 'not-found' && !shown;

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
      <div className={cx('board-body', aside && 'board-body--aside', readOnly && 'is-readonly', acts.picked.size > 0 && 'is-picking')} aria-busy={board.loading || undefined}>
        <BoardCanvas
          key={matrix.key}
          matrix={matrix}
          groups={groups}
          figures={figures}
          deltas={deltas}
          ctx={ctx}
          selectedId={acts.selectedId}
          matches={search.matches}
          picked={acts.picked}
          menuFor={acts.menu?.from === 'card' ? acts.menu.accountId : null}
          reasonFor={acts.reason?.accountId ?? null}
          expanded={expanded}
          onToggle={onToggle}
          onDragStart={acts.closePopups}
          onDrop={acts.onDrop}
          onCancel={acts.onCancel}
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
                menuOpen={acts.menu?.from === 'detail' && acts.menu.accountId === selected.accountId}
                onMenu={() => acts.setMenu((m) => (m?.from === 'detail' ? null : { accountId: selected.accountId, from: 'detail' }))}
                onClose={() => {
                  const id = selected.accountId;
                  acts.setSelectedId(null);
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
                  acts.setSelectedId(id);
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
      <BoardHeader
        heading={heading}
        matrices={matrices.value ?? []}
        current={route.matrix}
        matrix={matrix}
        lang={lang}
        moves={moves}
        readOnly={readOnly}
        ready={shown !== undefined}
        exporting={exporting}
        onExport={(f) => void exportAs(f)}
        onEdit={(m) => setEditor({ matrix: m })}
      />
      {matrix ? <ModelHelp matrix={matrix} /> : null}
      <BoardTools
        search={search}
        filters={filters}
        onFilters={setFilters}
        options={{ people: people.value ?? [], tiers: tiers.value ?? [], industries: search.facets?.industries ?? [], regions: search.facets?.regions ?? [] }}
        route={route}
        onDate={setDate}
      />
      <DateBanners route={route} changes={shown?.changes ?? null} lang={i18n.language} onDate={setDate} />
      {acts.pickedCards.length > 0 && !readOnly ? <SelectionBar count={acts.pickedCards.length} onMove={() => acts.setGroup({})} onClear={acts.clearPicked} /> : null}
      {body}
      {shown ? <BoardLegend matrix={matrix} count={cards.length} unplaced={unplaced} filtered={filtered} ask={ask} me={user.value} /> : null}
      <BoardOverlays
        acts={acts}
        menuCard={menuCard}
        matrix={matrix}
        current={route.matrix}
        names={names}
        readOnly={readOnly}
        me={user.value}
        rememberReason={moves.rememberReason}
        editor={editor}
        onEditor={setEditor}
      />
    </div>
  );
}
