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
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  applyNodeChanges,
  ConnectionLineType,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore,
  type Connection,
  type FinalConnectionState,
  type NodeChange,
  type NodeTypes,
  type ReactFlowState,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { MapMember, StakeholderMap, TenderRef } from '../../../../shared/api/stakeholders';
import { descendants } from '../../../../shared/domain/map-layout';
import { attitudeColour } from '../../../../shared/domain/map-palette';
import { DEFAULT_STALE_DAYS, type BuyingRole, type LineStrength, type MapLine } from '../../../../shared/domain/stakeholders';
import { normalizeLocale, type Locale } from '../../../../shared/i18n';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { cx } from '../../lib/cx';
import { formatDate } from '../../lib/format';
import { errorCode, errorText } from '../../lib/errors';
import { Button, ButtonLink } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState } from '../../ui/EmptyState';
import { Icon } from '../../ui/icons';
import { MenuButton } from '../../ui/Menu';
import { useNotice } from '../../ui/Notice';
import { downloadBase64 } from '../../lib/download';
import { CoveragePanel } from './CoveragePanel';
import {
  ancestors,
  connectionMeaning,
  lineEdge,
  NODE_H,
  NODE_W,
  personNode,
  place,
  reconcileNodes,
  reportCounts,
  type LineEdge,
  type PersonData,
  type PersonNode,
} from './graph';
import { useHistory, type History } from './history';
import { ImportDialog } from './ImportDialog';
import { LinePanel, type LineActions } from './LinePanel';
import { LineSketch } from './LineSketch';
import { MapIcon } from './MapIcons';
import { MembersPanel } from './MembersPanel';
import { PersonCardNode, MapViewContext, type MapView } from './PersonNode';
import { PersonPanel, type Fields, type PersonActions } from './PersonPanel';
import { MAPS_HREF, mapHref } from './route';
import { findPeople, usePinyinReady } from './search';
import { SnapshotsDialog } from './SnapshotsDialog';
import { useStoredFlag, useStoredInt } from './stored';
import { mapWords } from './words';
import './mapper.css';

const MAP_TABLES = ['stakeholders', 'stakeholder_lines', 'tender_members', 'map_layout', 'interactions', 'people', 'opportunities', 'accounts'] as const;
const NODE_TYPES: NodeTypes = { person: PersonCardNode };
const FIT = { padding: 0.15, maxZoom: 1 };
const PRO = { hideAttribution: true };
/** Cards below this zoom show only the name. */
const COMPACT_BELOW = 0.42;
/** Far out until the view fits the map: a large map's first render is of the compact cards it will show. */
const START_VIEW = { x: 0, y: 0, zoom: 0.2 };
const MOVE_SETTLE_MS = 250;

type XY = { x: number; y: number };
type Selection =
  | { kind: 'person'; id: number }
  | { kind: 'line'; id: number }
  | { kind: 'new'; reportsTo: number | null }
  | { kind: 'members' }
  | null;

type Confirm = { kind: 'delete'; member: MapMember } | { kind: 'relayout' } | { kind: 'discard'; next: Selection };

const sameSel = (a: Selection, b: Selection) => JSON.stringify(a) === JSON.stringify(b);

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

function Workspace({ map, tenderId, staleDays, onStaleDays }: { map: StakeholderMap; tenderId: number | null; staleDays: number; onStaleDays: (n: number) => void }) {
  const { t, i18n } = useTranslation();
  const lang: Locale = normalizeLocale(i18n.language) ?? 'zh-CN';
  const words = mapWords(lang);
  const notice = useNotice();
  const history = useHistory();
  const flow = useReactFlow<PersonNode, LineEdge>();
  const peopleQ = useApiQuery('people-list', {}, ['people']);
  const people = useMemo(() => peopleQ.value ?? [], [peopleQ.value]);

  const accountId = map.account.id;
  const mapRef = useMemo(() => ({ accountId, ...(tenderId !== null ? { tenderId } : {}) }), [accountId, tenderId]);
  const members = map.members;
  const lines = map.lines;
  const tender = map.tender;

  const [safe, setSafe] = useStoredFlag('keyplan.map.safe');
  const [sel, setSel] = useState<Selection>(null);
  const [showCoverage, setShowCoverage] = useState(true);
  const [localPos, setLocalPos] = useState<ReadonlyMap<number, XY>>(new Map());
  const [localFold, setLocalFold] = useState<ReadonlyMap<number, boolean>>(new Map());
  const [query, setQuery] = useState('');
  const [matchAt, setMatchAt] = useState(-1);
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const [confirmBusy, setConfirmBusy] = useState(false);
  const [dialog, setDialog] = useState<'import' | 'snapshots' | null>(null);
  const [exporting, setExporting] = useState(false);
  const [focusId, setFocusId] = useState<number | null>(null);
  const [panelFocus, setPanelFocus] = useState(0);
  const [fitTick, setFitTick] = useState(0);
  const dirty = useRef(false);
  const canvasRef = useRef<HTMLDivElement>(null);

  // --- where everyone goes -----------------------------------------------------------------------

  const collapsed = useMemo(() => {
    const out = new Set<number>();
    for (const m of members) if (localFold.get(m.id) ?? m.collapsed) out.add(m.id);
    return out;
  }, [members, localFold]);

  const placement = useMemo(
    () => place(members, lines, collapsed, (m) => localPos.get(m.id) ?? (m.x !== null && m.y !== null ? { x: m.x, y: m.y } : null)),
    [members, lines, collapsed, localPos],
  );
  const counts = useMemo(() => reportCounts(members, lines), [members, lines]);
  const staleById = useMemo(
    () => new Map(map.coverage.gaps.filter((g) => g.kind === 'stale-contact' && g.personId !== null).map((g) => [g.personId!, g])),
    [map.coverage.gaps],
  );
  const names = useMemo(() => new Map(members.map((m) => [m.id, m.name])), [members]);
  const byId = useMemo(() => new Map(members.map((m) => [m.id, m])), [members]);

  const pinyinReady = usePinyinReady(query);
  // pinyin keys become available once the dictionary has loaded: search again then
  const matches = useMemo(() => (pinyinReady ? findPeople(members, query) : findPeople(members, query)), [members, query, pinyinReady]);
  const matchSet = useMemo(() => new Set(matches), [matches]);

  const selectedPerson = sel?.kind === 'person' ? sel.id : null;
  const selectedLine = sel?.kind === 'line' ? sel.id : null;

  const computed = useMemo(() => {
    const out: PersonNode[] = [];
    for (const m of members) {
      const pos = placement.positions.get(m.id);
      if (!pos || placement.hidden.has(m.id)) continue;
      const reports = counts.get(m.id) ?? 0;
      let hiddenCount = 0;
      if (reports > 0 && collapsed.has(m.id)) for (const d of descendants(m.id, lines)) if (placement.hidden.has(d)) hiddenCount++;
      const data: PersonData = { member: m, stale: staleById.get(m.id) ?? null, reports, collapsed: collapsed.has(m.id), hiddenCount, match: matchSet.has(m.id) };
      out.push(personNode(m, pos, data, words, selectedPerson === m.id));
    }
    return out;
  }, [members, placement, counts, collapsed, lines, staleById, matchSet, words, selectedPerson]);

  const [nodes, setNodes] = useState<PersonNode[]>([]);
  const [source, setSource] = useState<PersonNode[] | null>(null);
  if (source !== computed) {
    setSource(computed);
    setNodes((prev) => reconcileNodes(prev, computed));
  }

  const edges = useMemo(() => {
    const out: LineEdge[] = [];
    const roleDescription = { 'aria-roledescription': t('mapper.a11y.edge') };
    for (const l of lines) {
      if ((safe && l.kind === 'influence') || placement.hidden.has(l.fromId) || placement.hidden.has(l.toId)) continue;
      const e = lineEdge(l, placement, names, words, selectedLine === l.id);
      if (e) out.push({ ...e, domAttributes: roleDescription });
    }
    return out;
  }, [lines, placement, names, words, selectedLine, safe, t]);

  // --- selection -----------------------------------------------------------------------------

  const selRef = useRef<Selection>(sel);
  useEffect(() => {
    selRef.current = sel;
  }, [sel]);

  /** Selects something else; unsaved changes in the person's form are not thrown away without asking. */
  const requestSelect = useCallback((next: Selection) => {
    const cur = selRef.current;
    if (sameSel(cur, next)) return;
    if (dirty.current && (cur?.kind === 'person' || cur?.kind === 'new')) {
      setConfirm({ kind: 'discard', next });
      return;
    }
    selRef.current = next;
    setSel(next);
  }, []);

  /** Selects without asking (after a save, a delete, a confirmed discard). */
  const forceSelect = useCallback((next: Selection) => {
    dirty.current = false;
    selRef.current = next;
    setSel(next);
  }, []);

  const onDirty = useCallback((d: boolean) => {
    dirty.current = d;
  }, []);

  /** Selects a person and brings them into view, unfolding the branches that hide them. */
  const focusPerson = useCallback(
    (id: number) => {
      const folded = [...ancestors(id, lines)].filter((a) => collapsed.has(a));
      if (folded.length > 0) {
        setLocalFold((m) => new Map([...m, ...folded.map((a) => [a, false] as const)]));
        void api('map-layout-save', { ...mapRef, collapsed: folded.map((a) => ({ id: a, collapsed: false })) }).catch((e: unknown) => notice.error(errorText(t, e)));
      }
      requestSelect({ kind: 'person', id });
      setFocusId(id);
    },
    [collapsed, lines, mapRef, notice, requestSelect, t],
  );

  // Centre on the person asked for once their card is on the canvas.
  useEffect(() => {
    if (focusId === null) return;
    const node = nodes.find((n) => n.id === String(focusId));
    if (!node) return;
    const frame = requestAnimationFrame(() => {
      void flow.setCenter(node.position.x + NODE_W / 2, node.position.y + NODE_H / 2, { zoom: Math.max(flow.getZoom(), 0.9), duration: 250 });
      setFocusId(null);
    });
    return () => cancelAnimationFrame(frame);
  }, [focusId, nodes, flow]);

  useEffect(() => {
    if (fitTick === 0) return;
    const frame = requestAnimationFrame(() => void flow.fitView({ padding: 0.15, maxZoom: 1, duration: 250 }));
    return () => cancelAnimationFrame(frame);
  }, [fitTick, flow]);

  // Move focus into the panel when it was opened from the keyboard.
  useEffect(() => {
    if (panelFocus === 0) return;
    const frame = requestAnimationFrame(() => {
      const aside = document.querySelector<HTMLElement>('.map-aside');
      (aside?.querySelector<HTMLElement>('[data-autofocus]') ?? aside?.querySelector<HTMLElement>('.ppanel__title'))?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [panelFocus]);

  const focusNode = (id: number) => requestAnimationFrame(() => canvasRef.current?.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`)?.focus());

  // --- moves ---------------------------------------------------------------------------------

  const moveBase = useRef(new Map<string, XY>());
  const moveFinal = useRef(new Map<string, XY>());
  const moveTimer = useRef<number | null>(null);
  const historyRef = useRef<History>(history);
  useEffect(() => {
    historyRef.current = history;
  }, [history]);

  const savePositions = useCallback(
    async (list: { id: number; x: number; y: number }[]) => {
      setLocalPos((m) => new Map([...m, ...list.map((p) => [p.id, { x: p.x, y: p.y }] as const)]));
      await api('map-layout-save', { ...mapRef, positions: list });
    },
    [mapRef],
  );

  /**
   * Before the first change to a map laid out automatically, everyone's place is saved as shown:
   * from then on a new line, a new person or a fold moves nobody (re-layout starts afresh).
   */
  const pinAll = useCallback(async () => {
    const list: { id: number; x: number; y: number }[] = [];
    for (const m of members) {
      if (localPos.has(m.id) || (m.x !== null && m.y !== null)) continue;
      const p = placement.positions.get(m.id);
      if (p) list.push({ id: m.id, x: Math.round(p.x), y: Math.round(p.y) });
    }
    if (list.length > 0) await savePositions(list);
  }, [members, localPos, placement, savePositions]);

  const flushMoves = useCallback(() => {
    moveTimer.current = null;
    const after: { id: number; x: number; y: number }[] = [];
    const before: { id: number; x: number; y: number }[] = [];
    for (const [id, p] of moveFinal.current) {
      const b = moveBase.current.get(id);
      if (!b || (Math.abs(b.x - p.x) < 0.5 && Math.abs(b.y - p.y) < 0.5)) continue;
      after.push({ id: Number(id), x: Math.round(p.x), y: Math.round(p.y) });
      before.push({ id: Number(id), x: Math.round(b.x), y: Math.round(b.y) });
    }
    moveFinal.current.clear();
    moveBase.current.clear();
    if (after.length === 0) return;
    const label = after.length === 1 ? t('mapper.steps.move', { name: names.get(after[0]!.id) ?? '' }) : t('mapper.steps.moveN', { n: after.length });
    const h = historyRef.current;
    void h
      .run(async () => {
        await pinAll();
        await savePositions(after);
      })
      .then(
        () => h.push({ label, undo: () => savePositions(before), redo: () => savePositions(after) }),
        (e: unknown) => notice.error(errorText(t, e)),
      );
  }, [names, notice, pinAll, savePositions, t]);

  const onNodesChange = useCallback(
    (changes: NodeChange<PersonNode>[]) => {
      let settled = false;
      for (const c of changes) {
        if (c.type !== 'position' || !c.position) continue;
        if (!moveBase.current.has(c.id)) {
          const cur = flow.getNode(c.id)?.position;
          if (cur) moveBase.current.set(c.id, { ...cur });
        }
        if (!c.dragging) {
          moveFinal.current.set(c.id, c.position);
          settled = true;
        }
      }
      // Selection follows our state (a click selects through onNodeClick), not React Flow's.
      const kept = changes.filter((c) => c.type === 'position' || c.type === 'dimensions');
      if (kept.length > 0) setNodes((ns) => applyNodeChanges(kept, ns));
      if (settled) {
        if (moveTimer.current !== null) window.clearTimeout(moveTimer.current);
        moveTimer.current = window.setTimeout(flushMoves, MOVE_SETTLE_MS);
      }
    },
    [flow, flushMoves],
  );

  useEffect(
    () => () => {
      if (moveTimer.current !== null) window.clearTimeout(moveTimer.current);
    },
    [],
  );

  // --- folding -------------------------------------------------------------------------------

  const collapsedRef = useRef(collapsed);
  useEffect(() => {
    collapsedRef.current = collapsed;
  }, [collapsed]);

  const toggleFold = useCallback(
    (id: number) => {
      const next = !collapsedRef.current.has(id);
      setLocalFold((m) => new Map(m).set(id, next));
      api('map-layout-save', { ...mapRef, collapsed: [{ id, collapsed: next }] }).catch((e: unknown) => notice.error(errorText(t, e)));
    },
    [mapRef, notice, t],
  );

  // Zoomed far out, cards show only the name (one subscription here, not one per card).
  const compact = useStore(zoomedOut);
  const view = useMemo<MapView>(
    () => ({ words, safe, compact, toggleFold, handleTitles: { reports: t('mapper.handles.reports'), influence: t('mapper.handles.influence') } }),
    [words, safe, compact, toggleFold, t],
  );

  // --- people --------------------------------------------------------------------------------

  const pickFields = (m: MapMember, patch: Fields): Fields => {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(patch)) out[k] = m[k as keyof MapMember];
    return out as Fields;
  };

  /** Where a new report of `managerId` goes: under them, right of their other reports on that row. */
  const spotUnder = (managerId: number): XY | null => {
    const at = placement.positions.get(managerId);
    if (!at) return null;
    const y = at.y + NODE_H + 70;
    let x = at.x;
    for (const l of lines) {
      if (l.kind !== 'reports' || l.toId !== managerId) continue;
      const p = placement.positions.get(l.fromId);
      if (p && Math.abs(p.y - y) < NODE_H) x = Math.max(x, p.x + NODE_W + 24);
    }
    return { x, y };
  };

  const personActions: PersonActions = {
    create: async (fields, reportsTo) => {
      const spot = reportsTo !== null ? spotUnder(reportsTo) : null;
      const created = await history.run(async () => {
        await pinAll();
        const made = await api('stakeholders-create', { ...fields, ...mapRef, ...(reportsTo !== null ? { reportsTo } : {}) });
        if (spot) await savePositions([{ id: made.id, ...spot }]).catch(() => undefined);
        return made;
      });
      history.push({
        label: t('mapper.steps.add', { name: created.name }),
        undo: () => api('stakeholders-delete', { id: created.id }),
        redo: () => api('stakeholders-undelete', { id: created.id }),
      });
      notice.success(t('mapper.person.created', { name: created.name }));
      forceSelect({ kind: 'person', id: created.id });
      setFocusId(created.id);
      return created;
    },
    update: async (member, patch) => {
      const before = pickFields(member, patch);
      const saved = await history.run(() => api('stakeholders-update', { id: member.id, patch }));
      history.push({
        label: t('mapper.steps.edit', { name: saved.name }),
        undo: () => api('stakeholders-update', { id: member.id, patch: before }),
        redo: () => api('stakeholders-update', { id: member.id, patch }),
      });
      notice.success(t('mapper.person.saved', { name: saved.name }));
    },
    setBidRoles: async (member, roles) => {
      if (tenderId === null) return;
      const before: BuyingRole[] = member.mapRoles;
      const set = (r: BuyingRole[]) => api('tender-members-set', { tenderId, add: [{ stakeholderId: member.id, roles: r }] });
      await history.run(() => set(roles));
      history.push({ label: t('mapper.steps.bidRoles', { name: member.name }), undo: () => set(before), redo: () => set(roles) });
    },
    askDelete: (member) => setConfirm({ kind: 'delete', member }),
    removeFromTender: async (member) => {
      if (tenderId === null) return;
      const remove = () => api('tender-members-set', { tenderId, remove: [member.id] });
      await history.run(async () => {
        await pinAll();
        await remove();
      });
      history.push({
        label: t('mapper.steps.removeFromTender', { name: member.name }),
        undo: () => api('tender-members-set', { tenderId, add: [{ stakeholderId: member.id, roles: member.mapRoles }] }),
        redo: remove,
      });
      notice.success(t('mapper.person.removedFromTender', { name: member.name }));
      forceSelect(null);
    },
    addLine: async (kind, fromId, toId) => {
      await addLine(kind, fromId, toId);
    },
    selectPerson: (id) => focusPerson(id),
    selectLine: (id) => requestSelect({ kind: 'line', id }),
    close: () => {
      const id = sel?.kind === 'person' ? sel.id : null;
      requestSelect(null);
      if (id !== null) focusNode(id);
    },
  };

  /** Draws a line; `show`: select it afterwards (a line drawn on the canvas, not one added from a person's panel). */
  const addLine = async (kind: MapLine['kind'], fromId: number, toId: number, show = false): Promise<void> => {
    const existing = lines.find((l) => l.kind === kind && l.fromId === fromId && l.toId === toId);
    if (existing) {
      notice.success(t('mapper.line.exists'));
      if (show) requestSelect({ kind: 'line', id: existing.id });
      return;
    }
    const entry = {
      line: await history.run(async () => {
        await pinAll();
        return api('lines-create', { kind, fromId, toId });
      }),
    };
    const label =
      kind === 'reports'
        ? t('mapper.steps.addReports', { from: names.get(fromId) ?? '', to: names.get(toId) ?? '' })
        : t('mapper.steps.addInfluence', { from: names.get(fromId) ?? '', to: names.get(toId) ?? '' });
    history.push({
      label,
      undo: () => api('lines-delete', { id: entry.line.id }),
      redo: async () => {
        entry.line = await api('lines-create', { kind, fromId, toId, dotted: entry.line.dotted, strength: entry.line.strength });
      },
    });
    notice.success(label);
    if (show) requestSelect({ kind: 'line', id: entry.line.id });
  };

  const lineActions: LineActions = {
    update: async (line, patch) => {
      const before = { ...(patch.dotted !== undefined ? { dotted: line.dotted } : {}), ...(patch.strength !== undefined ? { strength: line.strength } : {}) };
      await history.run(async () => {
        await pinAll();
        await api('lines-update', { id: line.id, ...patch });
      });
      const label = t('mapper.steps.editLine', { from: names.get(line.fromId) ?? '', to: names.get(line.toId) ?? '' });
      history.push({ label, undo: () => api('lines-update', { id: line.id, ...before }), redo: () => api('lines-update', { id: line.id, ...patch }) });
    },
    remove: async (line) => {
      await history.run(async () => {
        await pinAll();
        await api('lines-delete', { id: line.id });
      });
      const entry = { line };
      const label = t('mapper.steps.deleteLine', { from: names.get(line.fromId) ?? '', to: names.get(line.toId) ?? '' });
      history.push({
        label,
        undo: async () => {
          entry.line = await api('lines-create', { kind: line.kind, fromId: line.fromId, toId: line.toId, dotted: line.dotted, strength: line.strength as LineStrength });
        },
        redo: () => api('lines-delete', { id: entry.line.id }),
      });
      notice.success(label);
      forceSelect(null);
    },
    selectPerson: (id) => focusPerson(id),
    close: () => forceSelect(null),
  };

  const deletePerson = async (member: MapMember) => {
    setConfirmBusy(true);
    try {
      await history.run(async () => {
        await pinAll();
        await api('stakeholders-delete', { id: member.id });
      });
      history.push({
        label: t('mapper.steps.delete', { name: member.name }),
        undo: () => api('stakeholders-undelete', { id: member.id }),
        redo: () => api('stakeholders-delete', { id: member.id }),
      });
      forceSelect(null);
      setConfirm(null);
      notice.success(t('mapper.person.deleted', { name: member.name }), {
        duration: 10_000,
        action: { label: t('mapper.history.undo'), onClick: () => historyRef.current.undo() },
      });
    } catch (e) {
      notice.error(errorText(t, e));
    } finally {
      setConfirmBusy(false);
    }
  };

  const relayout = async () => {
    setConfirmBusy(true);
    const before = members
      .map((m) => {
        const p = localPos.get(m.id) ?? (m.x !== null && m.y !== null ? { x: m.x, y: m.y } : null);
        return p ? { id: m.id, x: p.x, y: p.y } : null;
      })
      .filter((p): p is { id: number; x: number; y: number } => p !== null);
    const reset = async () => {
      await api('map-layout-save', { ...mapRef, reset: true });
      setLocalPos(new Map());
      setFitTick((n) => n + 1);
    };
    try {
      await history.run(reset);
      history.push({
        label: t('mapper.steps.relayout'),
        undo: async () => {
          if (before.length > 0) await savePositions(before);
          setFitTick((n) => n + 1);
        },
        redo: reset,
      });
      setConfirm(null);
    } catch (e) {
      notice.error(errorText(t, e));
    } finally {
      setConfirmBusy(false);
    }
  };

  const addMembers = async (ids: number[]) => {
    if (tenderId === null || ids.length === 0) return;
    const add = () => api('tender-members-set', { tenderId, add: ids.map((id) => ({ stakeholderId: id })) });
    await history.run(async () => {
      await pinAll();
      await add();
    });
    history.push({ label: t('mapper.steps.addMembers', { n: ids.length }), undo: () => api('tender-members-set', { tenderId, remove: ids }), redo: add });
    notice.success(t('mapper.members.added', { n: ids.length }));
  };

  // --- canvas events -------------------------------------------------------------------------

  // The canvas gets handlers that never change, so a render of the screen does not re-render 500 cards.
  const addLineRef = useRef(addLine);
  useEffect(() => {
    addLineRef.current = addLine;
  });
  const onConnect = useCallback(
    (c: Connection) => {
      const meaning = connectionMeaning(Number(c.source), c.sourceHandle, Number(c.target));
      if (!meaning || (safe && meaning.kind === 'influence')) return;
      addLineRef.current(meaning.kind, meaning.fromId, meaning.toId, true).catch((e: unknown) => notice.error(errorText(t, e)));
    },
    [safe, notice, t],
  );
  // A line released on a card but away from its dots (beyond the connection radius) connects to
  // that card, as if dropped on its nearest dot: React Flow reports such a drop as not valid.
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid === true || !state.fromNode) return;
      const target = cardUnderPointer(event, state.fromNode.id);
      if (target === null) return;
      onConnect({ source: state.fromNode.id, sourceHandle: state.fromHandle?.id ?? null, target, targetHandle: null });
    },
    [onConnect],
  );
  const onNodeClick = useCallback((_: unknown, n: PersonNode) => requestSelect({ kind: 'person', id: Number(n.id) }), [requestSelect]);
  const onEdgeClick = useCallback((_: unknown, e: LineEdge) => requestSelect({ kind: 'line', id: Number(e.id.slice(1)) }), [requestSelect]);
  const onPaneClick = useCallback(() => {
    const cur = selRef.current;
    if (cur?.kind === 'person' || cur?.kind === 'line') requestSelect(null);
  }, [requestSelect]);
  // While the view moves, the canvas is its own compositor layer: panning moves pixels, not 500 cards.

  const onCanvasKey = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    const node = target.closest<HTMLElement>('.react-flow__node');
    const edge = target.closest<HTMLElement>('.react-flow__edge');
    if (e.key === 'Enter' || e.key === ' ') {
      if (node?.dataset.id && target === node) {
        e.preventDefault();
        requestSelect({ kind: 'person', id: Number(node.dataset.id) });
        setPanelFocus((n) => n + 1);
      } else if (edge?.dataset.id) {
        e.preventDefault();
        requestSelect({ kind: 'line', id: Number(edge.dataset.id.slice(1)) });
        setPanelFocus((n) => n + 1);
      }
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && node?.dataset.id && target === node) {
      const m = byId.get(Number(node.dataset.id));
      if (m) {
        e.preventDefault();
        setConfirm({ kind: 'delete', member: m });
      }
    }
  };

  // Ctrl+Z / Ctrl+Shift+Z (Cmd on macOS; Ctrl+Y too): undo and redo map changes, not typing.
  const { undo, redo } = history;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const k = e.key.toLowerCase();
      if (k !== 'z' && k !== 'y') return;
      const target = e.target as HTMLElement | null;
      if (target?.closest?.('input, textarea, select, [contenteditable="true"], dialog')) return;
      e.preventDefault();
      if (k === 'y' || e.shiftKey) redo();
      else undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);

  // --- export --------------------------------------------------------------------------------

  const doExport = async (format: 'svg' | 'png' | 'pdf') => {
    setExporting(true);
    try {
      const file = await api('map-export', { ...mapRef, format, locale: lang, ...(safe ? { safe: true } : {}) });
      downloadBase64(file);
      notice.success(t('mapper.export.done', { file: file.fileName }));
    } catch (e) {
      notice.error(errorText(t, e));
    } finally {
      setExporting(false);
    }
  };

  // --- search --------------------------------------------------------------------------------

  const goToMatch = (step: 1 | -1) => {
    if (matches.length === 0) return;
    const i = (matchAt + step + matches.length) % matches.length;
    setMatchAt(i);
    focusPerson(matches[i]!);
  };

  // --- render --------------------------------------------------------------------------------

  const selectedMember = selectedPerson !== null ? (byId.get(selectedPerson) ?? null) : null;
  const selectedLineObj = selectedLine !== null ? (lines.find((l) => l.id === selectedLine) ?? null) : null;
  const empty = members.length === 0;
  const gaps = map.coverage.gaps.length;

  let aside = null;
  let coverageShown = false;
  if (sel?.kind === 'person' && selectedMember) {
    aside = (
      <PersonPanel
        key={`p${selectedMember.id}`}
        member={selectedMember}
        members={members}
        lines={lines}
        people={people}
        tenderName={tender?.name ?? null}
        safe={safe}
        today={map.coverage.today}
        actions={personActions}
        onDirty={onDirty}
      />
    );
  } else if (sel?.kind === 'new') {
    aside = (
      <PersonPanel
        key={`new${sel.reportsTo ?? ''}`}
        member={null}
        members={members}
        lines={lines}
        people={people}
        tenderName={tender?.name ?? null}
        safe={safe}
        today={map.coverage.today}
        reportsTo={sel.reportsTo}
        actions={personActions}
        onDirty={onDirty}
      />
    );
  } else if (sel?.kind === 'line' && selectedLineObj) {
    aside = <LinePanel key={`l${selectedLineObj.id}`} line={selectedLineObj} names={names} actions={lineActions} />;
  } else if (sel?.kind === 'members' && tender) {
    aside = (
      <MembersPanel
        candidates={map.notOnMap}
        tenderName={tender.name}
        onAdd={addMembers}
        onNew={() => requestSelect({ kind: 'new', reportsTo: null })}
        onClose={() => forceSelect(null)}
      />
    );
  } else if (showCoverage && !safe && !empty) {
    coverageShown = true;
    aside = (
      <CoveragePanel
        coverage={map.coverage}
        members={members}
        lang={lang}
        staleDays={staleDays}
        onStaleDays={onStaleDays}
        onGap={(id) => focusPerson(id)}
        onClose={() => setShowCoverage(false)}
      />
    );
  }

  const header = (
    <header className="map-head">
      <a className="back-link map-head__back" href={MAPS_HREF}>
        <Icon name="arrow-left" size={16} />
        <span>{t('mapper.back')}</span>
      </a>
      <div className="map-head__row">
        <h1 className="map-head__title" tabIndex={-1} title={map.account.name}>
          <span className="visually-hidden">{t('stakeholders.title')}：</span>
          {map.account.name}
        </h1>
        <nav className="map-tabs" aria-label={t('mapper.maps')}>
          <a className="map-tabs__tab" href={mapHref(accountId)} aria-current={tender === null ? 'page' : undefined}>
            {t('mapper.accountMap')}
          </a>
          <TenderPicker accountId={accountId} tenders={map.tenders} tender={tender} lang={lang} />
        </nav>
        <span className="map-head__spacer" />
        <div className="map-tools__group" role="group" aria-label={t('mapper.history.group')}>
          <button
            type="button"
            className="map-icon-btn"
            aria-label={t('mapper.history.undo')}
            title={history.undoLabel ? t('mapper.history.undoWhat', { what: history.undoLabel }) : t('mapper.history.undo')}
            aria-keyshortcuts="Control+Z Meta+Z"
            disabled={!history.canUndo}
            onClick={history.undo}
          >
            <MapIcon name="undo" />
          </button>
          <button
            type="button"
            className="map-icon-btn"
            aria-label={t('mapper.history.redo')}
            title={history.redoLabel ? t('mapper.history.redoWhat', { what: history.redoLabel }) : t('mapper.history.redo')}
            aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
            disabled={!history.canRedo}
            onClick={history.redo}
          >
            <MapIcon name="redo" />
          </button>
        </div>
        <button
          type="button"
          className={cx('safe-toggle', safe && 'is-on')}
          aria-pressed={safe}
          title={t('mapper.safe.title')}
          onClick={() => setSafe(!safe)}
        >
          <MapIcon name={safe ? 'eye-off' : 'eye'} size={16} />
          {t('mapper.safe.label')}
        </button>
        <Button size="sm" variant="ghost" onClick={() => setDialog('snapshots')} title={t('mapper.snapshots.title')}>
          <MapIcon name="history" size={16} />
          <span className="map-head__label">{t('mapper.snapshots.button')}</span>
        </Button>
        {tender === null ? (
          <Button size="sm" variant="ghost" icon="upload" onClick={() => setDialog('import')} title={t('mapper.import.button')}>
            <span className="map-head__label">{t('mapper.import.button')}</span>
          </Button>
        ) : null}
        <MenuButton
          label={
            <>
              {exporting ? <span className="spinner" aria-hidden="true" /> : <Icon name="download" size={16} />}
              <span>{safe ? t('mapper.export.buttonSafe') : t('mapper.export.button')}</span>
              <Icon name="chevron-down" size={14} />
            </>
          }
          menuLabel={t('mapper.export.menu')}
          buttonClassName="btn btn--secondary btn--sm map-export"
          disabled={exporting || empty}
          items={[
            { id: 'pdf', label: t('mapper.export.pdf'), onSelect: () => void doExport('pdf') },
            { id: 'png', label: t('mapper.export.png'), onSelect: () => void doExport('png') },
            { id: 'svg', label: t('mapper.export.svg'), onSelect: () => void doExport('svg') },
          ]}
        />
      </div>
    </header>
  );

  const tools = (
    <div className="map-tools" role="toolbar" aria-label={t('mapper.toolbar')}>
      <div className="map-search">
        <Icon name="search" size={16} />
        <label htmlFor="map-search" className="visually-hidden">
          {t('mapper.search.label')}
        </label>
        <input
          id="map-search"
          className="field__input map-search__input"
          type="search"
          placeholder={t('mapper.search.placeholder')}
          value={query}
          autoComplete="off"
          aria-describedby="map-search-count"
          onChange={(e) => {
            setQuery(e.target.value);
            setMatchAt(-1);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              goToMatch(e.shiftKey ? -1 : 1);
            } else if (e.key === 'Escape' && query) {
              e.preventDefault();
              setQuery('');
            }
          }}
        />
        <span id="map-search-count" className={cx('map-search__count', query && matches.length === 0 && 'is-none')} aria-live="polite">
          {query ? (matches.length ? t('mapper.search.count', { at: matchAt >= 0 ? matchAt + 1 : 0, n: matches.length }) : t('mapper.search.none')) : ''}
        </span>
      </div>
      <Button size="sm" variant="primary" icon="plus" onClick={() => requestSelect({ kind: 'new', reportsTo: selectedPerson })}>
        {t('mapper.addPerson')}
      </Button>
      {tender !== null ? (
        <Button size="sm" icon="accounts" onClick={() => requestSelect({ kind: 'members' })}>
          {t('mapper.members.button', { n: map.notOnMap.length })}
        </Button>
      ) : null}
      <Button size="sm" variant="ghost" onClick={() => setConfirm({ kind: 'relayout' })} disabled={empty}>
        <MapIcon name="layout" size={16} />
        {t('mapper.relayout')}
      </Button>
      <span className="map-tools__hint" title={safe ? t('mapper.hintSafe') : t('mapper.hint')}>
        {safe ? t('mapper.hintSafe') : t('mapper.hint')}
      </span>
      <span className="map-head__spacer" />
      {!safe && !empty ? (
        <button
          type="button"
          className={cx('map-gaps-btn', coverageShown && 'is-on', gaps > 0 && 'has-gaps')}
          aria-pressed={coverageShown}
          onClick={() => {
            if (coverageShown) setShowCoverage(false);
            else {
              setShowCoverage(true);
              requestSelect(null);
            }
          }}
        >
          {t('mapper.coverage.button', { n: gaps })}
        </button>
      ) : null}
    </div>
  );

  const canvas = empty ? (
    <div className="map-empty">
      {tender === null ? (
        <EmptyState
          icon="stakeholders"
          title={t('mapper.empty.title')}
          actions={
            <>
              <Button variant="primary" icon="plus" onClick={() => requestSelect({ kind: 'new', reportsTo: null })}>
                {t('mapper.empty.add')}
              </Button>
              <Button icon="upload" onClick={() => setDialog('import')}>
                {t('mapper.empty.import')}
              </Button>
            </>
          }
        >
          <p>{t('mapper.empty.body')}</p>
          <p className="muted">{t('stakeholders.points.levels')}</p>
        </EmptyState>
      ) : (
        <EmptyState
          icon="stakeholders"
          title={t('mapper.empty.tenderTitle', { tender: tender.name })}
          actions={
            <>
              <Button variant="primary" icon="accounts" onClick={() => requestSelect({ kind: 'members' })} disabled={map.notOnMap.length === 0}>
                {t('mapper.empty.pick')}
              </Button>
              <Button icon="plus" onClick={() => requestSelect({ kind: 'new', reportsTo: null })}>
                {t('mapper.empty.add')}
              </Button>
            </>
          }
        >
          <p>{t('mapper.empty.tenderBody')}</p>
        </EmptyState>
      )}
    </div>
  ) : (
    <div className={cx('map-canvas', safe && 'is-safe')} ref={canvasRef} onKeyDown={onCanvasKey} data-testid="map-canvas">
      <MapViewContext value={view}>
        <MapCanvas
          nodes={nodes}
          edges={edges}
          safe={safe}
          onNodesChange={onNodesChange}
          onNodeClick={onNodeClick}
          onEdgeClick={onEdgeClick}
          onPaneClick={onPaneClick}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
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
      {header}
      {tools}
      <div className="map-body">
        {canvas}
        {aside ? (
          <aside
            className="map-aside"
            aria-label={t('mapper.panel.label')}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && !(e.target as HTMLElement).closest('.popover')) {
                e.preventDefault();
                if (sel?.kind === 'person' || sel?.kind === 'new') personActions.close();
                else if (sel) forceSelect(null);
                else setShowCoverage(false);
              }
            }}
          >
            {aside}
          </aside>
        ) : null}
      </div>
      {confirm?.kind === 'delete' ? (
        <ConfirmDialog
          open
          title={t('mapper.confirmDelete.title', { name: confirm.member.name })}
          confirmLabel={t('mapper.confirmDelete.confirm')}
          tone="danger"
          busy={confirmBusy}
          onConfirm={() => void deletePerson(confirm.member)}
          onCancel={() => setConfirm(null)}
        >
          <p>{t('mapper.confirmDelete.body')}</p>
        </ConfirmDialog>
      ) : null}
      {confirm?.kind === 'relayout' ? (
        <ConfirmDialog
          open
          title={t('mapper.confirmRelayout.title')}
          confirmLabel={t('mapper.confirmRelayout.confirm')}
          busy={confirmBusy}
          onConfirm={() => void relayout()}
          onCancel={() => setConfirm(null)}
        >
          <p>{t('mapper.confirmRelayout.body')}</p>
        </ConfirmDialog>
      ) : null}
      {confirm?.kind === 'discard' ? (
        <ConfirmDialog
          open
          title={t('mapper.confirmDiscard.title')}
          confirmLabel={t('mapper.confirmDiscard.confirm')}
          tone="danger"
          onConfirm={() => {
            forceSelect(confirm.next);
            setConfirm(null);
          }}
          onCancel={() => setConfirm(null)}
        >
          <p>{t('mapper.confirmDiscard.body')}</p>
        </ConfirmDialog>
      ) : null}
      {dialog === 'import' ? (
        <ImportDialog
          accountId={accountId}
          accountName={map.account.name}
          onClose={() => setDialog(null)}
          onDone={(r) => {
            setDialog(null);
            notice.success(t('mapper.import.done', { created: r.created, updated: r.updated, lines: r.linesCreated }));
            setFitTick((n) => n + 1);
          }}
        />
      ) : null}
      {dialog === 'snapshots' ? <SnapshotsDialog accountId={accountId} tenderId={tenderId} today={map.coverage.today} safe={safe} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}

const zoomedOut = (s: ReactFlowState) => s.transform[2] < COMPACT_BELOW;
const rootNode = (s: ReactFlowState) => s.domNode;
const isValidConnection = (c: Connection | LineEdge) => c.source !== c.target;

/** The id of the card under the pointer where a drag ended (not `fromId`'s own), or null. */
function cardUnderPointer(event: MouseEvent | TouchEvent, fromId: string): string | null {
  const point = 'changedTouches' in event ? event.changedTouches[0] : event;
  if (!point) return null;
  // Every element at the point, top first: the connection line drawn over the cards is skipped.
  for (const el of document.elementsFromPoint(point.clientX, point.clientY)) {
    const card = el.closest<HTMLElement>('.react-flow__node');
    if (card?.dataset.id && card.dataset.id !== fromId) return card.dataset.id;
  }
  return null;
}

interface CanvasProps {
  nodes: PersonNode[];
  edges: LineEdge[];
  safe: boolean;
  onNodesChange: (changes: NodeChange<PersonNode>[]) => void;
  onNodeClick: (e: unknown, n: PersonNode) => void;
  onEdgeClick: (e: unknown, edge: LineEdge) => void;
  onPaneClick: () => void;
  onConnect: (c: Connection) => void;
  onConnectEnd: (event: MouseEvent | TouchEvent, state: FinalConnectionState) => void;
}

/** React Flow with the map's settings; memoised, so it renders only when its nodes, lines or handlers change. */
const MapCanvas = memo(function MapCanvas({ nodes, edges, safe, onNodesChange, onNodeClick, onEdgeClick, onPaneClick, onConnect, onConnectEnd }: CanvasProps) {
  const { t } = useTranslation();
  const ariaLabelConfig = useMemo(
    () => ({
      'node.a11yDescription.default': t('mapper.a11y.node'),
      'node.a11yDescription.keyboardDisabled': t('mapper.a11y.node'),
      'node.a11yDescription.ariaLiveMessage': ({ direction }: { direction: string }) => t(`mapper.a11y.moved.${direction as 'up'}`),
      'edge.a11yDescription.default': t('mapper.a11y.edgeHelp'),
      'controls.ariaLabel': t('mapper.a11y.controls'),
      'controls.zoomIn.ariaLabel': t('mapper.a11y.zoomIn'),
      'controls.zoomOut.ariaLabel': t('mapper.a11y.zoomOut'),
      'controls.fitView.ariaLabel': t('mapper.a11y.fitView'),
      'controls.interactive.ariaLabel': t('mapper.a11y.interactive'),
      'minimap.ariaLabel': t('mapper.a11y.minimap'),
      'handle.ariaLabel': t('mapper.a11y.handle'),
    }),
    [t],
  );
  const nodeColor = useCallback((n: PersonNode) => (safe ? '#b8c0cc' : attitudeColour(n.data.member.attitude)), [safe]);
  // Zoomed far out, one sketch of every line replaces React Flow's edge per line (see LineSketch).
  const compact = useStore(zoomedOut);
  // While the view moves it is one compositor layer: a pan or zoom step moves the picture instead of
  // painting every card again. At rest it is painted at its exact scale, so small names stay sharp.
  // Only the viewport's own style changes: nothing below it is restyled. (`npm run bench`, stakeholders.)
  const domNode = useStore(rootNode);
  const onMoveStart = useCallback(() => {
    const viewport = domNode?.querySelector<HTMLElement>('.react-flow__viewport');
    if (viewport) viewport.style.willChange = 'transform';
  }, [domNode]);
  const onMoveEnd = useCallback(() => {
    const viewport = domNode?.querySelector<HTMLElement>('.react-flow__viewport');
    if (viewport) viewport.style.willChange = '';
  }, [domNode]);
  return (
    <ReactFlow<PersonNode, LineEdge>
      className={compact ? 'is-compact' : undefined}
      onMoveStart={onMoveStart}
      onMoveEnd={onMoveEnd}
      nodes={nodes}
      edges={edges}
      nodeTypes={NODE_TYPES}
      onNodesChange={onNodesChange}
      onNodeClick={onNodeClick}
      onEdgeClick={onEdgeClick}
      onPaneClick={onPaneClick}
      onConnect={onConnect}
      onConnectEnd={onConnectEnd}
      isValidConnection={isValidConnection}
      onlyRenderVisibleElements
      connectionMode={ConnectionMode.Loose}
      connectionLineType={ConnectionLineType.SmoothStep}
      connectionRadius={30}
      fitView
      fitViewOptions={FIT}
      defaultViewport={START_VIEW}
      minZoom={0.08}
      maxZoom={2}
      deleteKeyCode={null}
      selectionKeyCode={null}
      multiSelectionKeyCode={null}
      zoomOnDoubleClick={false}
      proOptions={PRO}
      ariaLabelConfig={ariaLabelConfig}
    >
      {compact ? <LineSketch nodes={nodes} edges={edges} upToZoom={COMPACT_BELOW} /> : null}
      <MiniMap pannable zoomable nodeColor={nodeColor} nodeStrokeWidth={0} maskColor="rgb(244 246 249 / 70%)" />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
});

/** Marks the document while the side panel is open, so notices make way for its buttons (see mapper.css). */
function AsideOpen({ open }: { open: boolean }) {
  useEffect(() => {
    document.body.classList.toggle('map-aside-open', open);
    return () => document.body.classList.remove('map-aside-open');
  }, [open]);
  return null;
}

/** What the colours and lines mean, in one line under the canvas. */
function Legend() {
  const { t } = useTranslation();
  return (
    <div className="map-legend" aria-label={t('mapper.legend.label')} role="note">
      <span className="map-legend__scale">
        {(['-2', '-1', '0', '1', '2'] as const).map((a) => (
          <span key={a} className="map-legend__item">
            <span className="map-legend__swatch" style={{ background: attitudeColour(Number(a) as -2) }} aria-hidden="true" />
            {t(`dmu.attitudes.${a}`)}
          </span>
        ))}
        <span className="map-legend__item">
          <span className="map-legend__swatch" style={{ background: attitudeColour(null) }} aria-hidden="true" />
          {t('mapper.legend.unknown')}
        </span>
      </span>
      <span className="map-legend__item">
        <svg width="26" height="8" aria-hidden="true">
          <path d="M1 4h24" stroke="#8a94a3" strokeWidth="1.5" />
        </svg>
        {t('dmu.lineKinds.reports')}
      </span>
      <span className="map-legend__item">
        <svg width="26" height="8" aria-hidden="true">
          <path d="M1 4h24" stroke="#8a94a3" strokeWidth="1.5" strokeDasharray="5 3" />
        </svg>
        {t('dmu.lineKinds.dotted')}
      </span>
      <span className="map-legend__item">
        <svg width="26" height="8" aria-hidden="true">
          <path d="M1 4h19" stroke="#6f42c1" strokeWidth="2" />
          <path d="M19 1l6 3-6 3z" fill="#6f42c1" />
        </svg>
        {t('dmu.lineKinds.influence')}
      </span>
      <span className="map-legend__item">
        <span className="map-legend__stale" aria-hidden="true">
          !
        </span>
        {t('mapper.legend.stale')}
      </span>
    </div>
  );
}

/** The tender maps of the account's opportunities, by name, stage, bid date and people on the map. */
function TenderPicker({ accountId, tenders, tender, lang }: { accountId: number; tenders: TenderRef[]; tender: TenderRef | null; lang: Locale }) {
  const { t } = useTranslation();
  if (tenders.length === 0) return null;
  const label = (x: TenderRef) =>
    t('mapper.tenderPick.option', {
      name: x.name,
      stage: t(`domain.opportunityStage.${x.stage}`, { defaultValue: x.stage }),
      people: x.people,
      bid: x.bidDate ? t('mapper.tenderPick.bid', { date: formatDate(x.bidDate, lang) }) : '',
    });
  return (
    <select
      className={cx('map-tabs__tender', tender !== null && 'is-current')}
      aria-label={t('mapper.tenderPick.label')}
      title={tender ? t('mapper.tenderTab', { name: tender.name }) : t('mapper.tenderPick.label')}
      value={tender ? String(tender.id) : ''}
      onChange={(e) => {
        window.location.hash = e.target.value ? mapHref(accountId, Number(e.target.value)) : mapHref(accountId);
      }}
    >
      <option value="">{t('mapper.tenderPick.placeholder', { n: tenders.length })}</option>
      {tenders.map((x) => (
        <option key={x.id} value={String(x.id)}>
          {label(x)}
        </option>
      ))}
    </select>
  );
}
