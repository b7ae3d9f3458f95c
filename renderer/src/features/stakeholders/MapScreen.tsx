/**
 * The mapper (#/stakeholders/<account>[/tender/<opportunity>]): the buyer's organisation on a
 * canvas (React Flow) with the coverage analysis or the selected person or line beside it.
 *
 * - People without a saved position take the automatic top-down org chart; dragged positions are
 *   saved when the drag ends (arrow keys move a selected card too); "re-layout" forgets them.
 * - A branch folds and unfolds from its manager's card; the fold is saved with the map.
 * - Lines are drawn by dragging between handles: from a card's bottom to someone's top for "reports
 *   to", from a side for an influence line; a line is edited or deleted in the side panel.
 * - Every change can be undone and redone (Ctrl+Z, Ctrl+Shift+Z, the buttons).
 * - Customer-safe hides our private assessment on screen as in the exports.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReactFlowProvider, useStore } from '@xyflow/react';
import type { StakeholderMap } from '../../../../shared/api/stakeholders';
import { DEFAULT_STALE_DAYS } from '../../../../shared/domain/stakeholders';
import { normalizeLocale, type Locale } from '../../../../shared/i18n';
import { useApiQuery } from '../../api/hooks';
import { cx } from '../../lib/cx';
import { errorCode, errorText } from '../../lib/errors';
import { useUndoShortcuts } from '../../lib/useUndo';
import { Button, ButtonLink } from '../../ui/Button';
import { Icon } from '../../ui/icons';
import { lineEdge, personNode, reconcileNodes, reportCounts, type LineEdge, type PersonNode } from './graph';
import { useHistory } from './history';
import { MapAside, asideKind } from './MapAside';
import { AsideOpen, Legend, MapCanvas, zoomedOut } from './MapCanvas';
import { MapDialogs, type MapDialog } from './MapDialogs';
import { MapEmpty } from './MapEmpty';
import { MapHeader } from './MapHeader';
import { MapIcon } from './MapIcons';
import { MapToolbar } from './MapToolbar';
import { MapViewContext, type MapView } from './PersonNode';
import { staleByPerson, visibleCards, visibleLines } from './read-model';
import { MAPS_HREF, mapHref } from './route';
import { useStoredFlag, useStoredInt } from './stored';
import { useCanvasEvents } from './useCanvasEvents';
import { useMapCommands } from './useMapCommands';
import { useMapExport } from './useMapExport';
import { useMapFocus } from './useMapFocus';
import { useMapLayout, useNodeDrags } from './useMapLayout';
import { useMapSearch } from './useMapSearch';
import { useMapSelection } from './useMapSelection';
import { mapWords } from './words';
import './mapper.css';

const MAP_TABLES = ['stakeholders', 'stakeholder_lines', 'tender_members', 'map_layout', 'interactions', 'people', 'opportunities', 'accounts'] as const;

export default function MapScreen({ accountId, tenderId }: { accountId: number; tenderId: number | null }) {
  const { t } = useTranslation();
  const [staleDays, setStaleDays] = useStoredInt('keyplan.map.staleDays', DEFAULT_STALE_DAYS, 1, 3650);
  const q = useApiQuery('map-get', { accountId, ...(tenderId !== null ? { tenderId } : {}), staleDays }, MAP_TABLES);
  const map = q.value;

  useEffect(() => {
    if (map) document.title = t('app.pageTitle', { page: t('mapper.pageTitle', { account: map.account.name }) });
  }, [map, t]);

  if (q.error && (!map || errorCode(q.error) === 'not-found' || errorCode(q.error) === 'map-mismatch')) {
    const missing = errorCode(q.error) === 'not-found' || errorCode(q.error) === 'map-mismatch';
    return (
      <div className="map-page map-page--message">
        <a className="back-link" href={MAPS_HREF}>
          <Icon name="arrow-left" size={16} />
          <span>{t('mapper.back')}</span>
        </a>
        <h1 className="page-header__title" tabIndex={-1}>
          {t('stakeholders.title')}
        </h1>
        <div className="inline-error" role="alert">
          <p>{missing ? (tenderId !== null ? t('mapper.tenderMissing') : t('mapper.accountMissing')) : errorText(t, q.error)}</p>
          {missing ? (
            <ButtonLink href={tenderId !== null ? mapHref(accountId) : MAPS_HREF} size="sm">
              {tenderId !== null ? t('mapper.toAccountMap') : t('mapper.back')}
            </ButtonLink>
          ) : (
            <Button size="sm" onClick={q.reload}>
              {t('common.retry')}
            </Button>
          )}
        </div>
      </div>
    );
  }
  if (!map) {
    return (
      <div className="map-page map-page--message">
        <p className="map-loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('mapper.loading')}
        </p>
      </div>
    );
  }
  return (
    <ReactFlowProvider>
      <Workspace map={map} tenderId={tenderId} staleDays={staleDays} onStaleDays={setStaleDays} />
    </ReactFlowProvider>
  );
}

/** The map of one account or tender: composes the concerns (see the use* hooks beside this file). */
function Workspace({ map, tenderId, staleDays, onStaleDays }: { map: StakeholderMap; tenderId: number | null; staleDays: number; onStaleDays: (n: number) => void }) {
  const { t, i18n } = useTranslation();
  const lang: Locale = normalizeLocale(i18n.language) ?? 'zh-CN';
  const words = mapWords(lang);
  const history = useHistory();
  const peopleQ = useApiQuery('people-list', {}, ['people']);
  const people = useMemo(() => peopleQ.value ?? [], [peopleQ.value]);

  const accountId = map.account.id;
  const mapRef = useMemo(() => ({ accountId, ...(tenderId !== null ? { tenderId } : {}) }), [accountId, tenderId]);
  const { members, lines } = map;

  const [safe, setSafe] = useStoredFlag('keyplan.map.safe');
  const [showCoverage, setShowCoverage] = useState(true);
  const [dialog, setDialog] = useState<MapDialog | null>(null);
  const canvasRef = useRef<HTMLDivElement>(null);

  const names = useMemo(() => new Map(members.map((m) => [m.id, m.name])), [members]);
  const byId = useMemo(() => new Map(members.map((m) => [m.id, m])), [members]);
  const selection = useMapSelection();
  const { sel, requestSelect, forceSelect } = selection;
  const layout = useMapLayout(map, mapRef, history, names);
  const { placement, collapsed } = layout;
  const search = useMapSearch(members);
  const { exporting, exportAs } = useMapExport(mapRef, lang, safe);
  useUndoShortcuts(history.undo, history.redo);

  // --- what the canvas shows ---------------------------------------------------------------------

  const counts = useMemo(() => reportCounts(members, lines), [members, lines]);
  const stale = useMemo(() => staleByPerson(map.coverage.gaps), [map.coverage.gaps]);
  const selectedPerson = sel?.kind === 'person' ? sel.id : null;
  const selectedLine = sel?.kind === 'line' ? sel.id : null;

  const computed = useMemo(
    () =>
      visibleCards(members, lines, placement, { collapsed, counts, stale, matches: search.matchSet }).map((c) =>
        personNode(c.member, c.position, c.data, words, selectedPerson === c.member.id),
      ),
    [members, lines, placement, collapsed, counts, stale, search.matchSet, words, selectedPerson],
  );

  const [nodes, setNodes] = useState<PersonNode[]>([]);
  const [source, setSource] = useState<PersonNode[] | null>(null);
  if (source !== computed) {
    setSource(computed);
    setNodes((prev) => reconcileNodes(prev, computed));
  }

  const edges = useMemo(() => {
    const out: LineEdge[] = [];
    const roleDescription = { 'aria-roledescription': t('mapper.a11y.edge') };
    for (const l of visibleLines(lines, placement.hidden, safe)) {
      const e = lineEdge(l, placement, names, words, selectedLine === l.id);
      if (e) out.push({ ...e, domAttributes: roleDescription });
    }
    return out;
  }, [lines, placement, names, words, selectedLine, safe, t]);

  const onNodesChange = useNodeDrags(setNodes, layout.saveDrag);

  // Zoomed far out, cards show only the name (one subscription here, not one per card).
  const compact = useStore(zoomedOut);
  const { toggleFold } = layout;
  const view = useMemo<MapView>(
    () => ({ words, safe, compact, toggleFold, handleTitles: { reports: t('mapper.handles.reports'), influence: t('mapper.handles.influence') } }),
    [words, safe, compact, toggleFold, t],
  );

  // --- focus, changes, canvas events -------------------------------------------------------------

  const focus = useMapFocus(nodes, lines, collapsed, canvasRef);
  const { unfold } = layout;
  /** Selects a person and brings them into view, unfolding the branches that hide them. */
  const focusPerson = useCallback(
    (id: number) => {
      unfold(focus.foldedAbove(id));
      requestSelect({ kind: 'person', id });
      focus.centreOn(id);
    },
    [focus, requestSelect, unfold],
  );
  const commands = useMapCommands({ map, mapRef, tenderId, names, history, layout, selection, focus, focusPerson });
  const events = useCanvasEvents({ safe, byId, selection, addLine: commands.addLine, focusPanel: focus.focusPanel });

  // --- render ------------------------------------------------------------------------------------

  const kind = asideKind(map, sel, showCoverage, safe);
  const aside =
    kind === null ? null : (
      <MapAside
        kind={kind}
        map={map}
        sel={sel}
        people={people}
        names={names}
        safe={safe}
        lang={lang}
        staleDays={staleDays}
        onStaleDays={onStaleDays}
        personActions={commands.personActions}
        lineActions={commands.lineActions}
        onDirty={selection.onDirty}
        addMembers={commands.addMembers}
        onSelect={requestSelect}
        onClose={() => forceSelect(null)}
        onGap={focusPerson}
        onCloseCoverage={() => setShowCoverage(false)}
      />
    );

  const canvas =
    members.length === 0 ? (
      <MapEmpty map={map} onSelect={requestSelect} onImport={() => setDialog('import')} />
    ) : (
      <div className={cx('map-canvas', safe && 'is-safe')} ref={canvasRef} onKeyDown={events.onCanvasKey} data-testid="map-canvas">
        <MapViewContext value={view}>
          <MapCanvas
            nodes={nodes}
            edges={edges}
            safe={safe}
            onNodesChange={onNodesChange}
            onNodeClick={events.onNodeClick}
            onEdgeClick={events.onEdgeClick}
            onPaneClick={events.onPaneClick}
            onConnect={events.onConnect}
            onConnectEnd={events.onConnectEnd}
          />
        </MapViewContext>
        {safe ? (
          <p className="map-safe-banner" role="status">
            <MapIcon name="eye-off" size={16} />
            {t('mapper.safe.banner')}
          </p>
        ) : (
          <Legend />
        )}
      </div>
    );

  return (
    <div className={cx('map-page', aside && 'map-page--aside')}>
      <AsideOpen open={aside !== null} />
      <MapHeader map={map} lang={lang} history={history} safe={safe} onSafe={setSafe} onDialog={setDialog} exporting={exporting} onExport={(f) => void exportAs(f)} />
      <MapToolbar
        map={map}
        safe={safe}
        search={search}
        onMatch={focusPerson}
        selectedPerson={selectedPerson}
        onSelect={requestSelect}
        onRelayout={() => selection.setConfirm({ kind: 'relayout' })}
        coverageShown={kind === 'coverage'}
        onCoverage={setShowCoverage}
      />
      <div className="map-body">
        {canvas}
        {aside ? (
          <aside
            className="map-aside"
            aria-label={t('mapper.panel.label')}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && !(e.target as HTMLElement).closest('.popover')) {
                e.preventDefault();
                if (sel?.kind === 'person' || sel?.kind === 'new') commands.personActions.close();
                else if (sel) forceSelect(null);
                else setShowCoverage(false);
              }
            }}
          >
            {aside}
          </aside>
        ) : null}
      </div>
      <MapDialogs
        map={map}
        safe={safe}
        confirm={selection.confirm}
        setConfirm={selection.setConfirm}
        busy={commands.busy}
        onDelete={commands.deletePerson}
        onRelayout={commands.relayout}
        onDiscard={forceSelect}
        dialog={dialog}
        setDialog={setDialog}
        onImported={focus.fit}
      />
    </div>
  );
}
