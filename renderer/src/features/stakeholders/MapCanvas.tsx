/**
 * The map's canvas: React Flow with the map's settings, the legend under it, and the mark on the
 * document while the side panel is open.
 */
import { memo, useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ConnectionLineType,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  useStore,
  type Connection,
  type FinalConnectionState,
  type NodeChange,
  type NodeTypes,
  type ReactFlowState,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { attitudeColour } from '../../../../shared/domain/map-palette';
import type { LineEdge, PersonNode } from './graph';
import { LineSketch } from './LineSketch';
import { PersonCardNode } from './PersonNode';

const NODE_TYPES: NodeTypes = { person: PersonCardNode };
const FIT = { padding: 0.15, maxZoom: 1 };
const PRO = { hideAttribution: true };
/** Cards below this zoom show only the name. */
const COMPACT_BELOW = 0.42;
/** Far out until the view fits the map: a large map's first render is of the compact cards it will show. */
const START_VIEW = { x: 0, y: 0, zoom: 0.2 };

/** Zoomed far out (cards show only the name). */
export const zoomedOut = (s: ReactFlowState) => s.transform[2] < COMPACT_BELOW;
const rootNode = (s: ReactFlowState) => s.domNode;
const isValidConnection = (c: Connection | LineEdge) => c.source !== c.target;

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
export const MapCanvas = memo(function MapCanvas({ nodes, edges, safe, onNodesChange, onNodeClick, onEdgeClick, onPaneClick, onConnect, onConnectEnd }: CanvasProps) {
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
export function AsideOpen({ open }: { open: boolean }) {
  useEffect(() => {
    document.body.classList.toggle('map-aside-open', open);
    return () => document.body.classList.remove('map-aside-open');
  }, [open]);
  return null;
}

/** What the colours and lines mean, in one line under the canvas. */
export function Legend() {
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
