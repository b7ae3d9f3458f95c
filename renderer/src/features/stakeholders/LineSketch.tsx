/**
 * Every line of the map drawn once into a canvas, shown instead of React Flow's edges while the map
 * is zoomed far out (the cards show only names then, and a line is too thin to click).
 *
 * Why: React Flow draws each edge as its own <svg>, and every pan or zoom step re-rasterises every
 * one of them; with hundreds of lines that is most of a frame (`npm run bench`, stakeholders:
 * pan/zoom frame time on 500 people). A canvas is a picture: the view scales and moves it without
 * drawing the lines again. It is redrawn only when the lines or the cards move, at a resolution
 * that stays sharp up to the zoom where the real edges come back.
 */
import { getBezierPath, getSmoothStepPath, Position, ViewportPortal } from '@xyflow/react';
import { memo, useEffect, useMemo, useRef } from 'react';
import { INFLUENCE_COLOUR, REPORT_LINE_COLOUR } from '../../../../shared/domain/map-palette';
import { NODE_H, NODE_W, type LineEdge, type PersonNode } from './graph';

type XY = { x: number; y: number };

const SIDE: Record<string, { position: Position; at: (p: XY) => XY }> = {
  t: { position: Position.Top, at: (p) => ({ x: p.x + NODE_W / 2, y: p.y }) },
  b: { position: Position.Bottom, at: (p) => ({ x: p.x + NODE_W / 2, y: p.y + NODE_H }) },
  l: { position: Position.Left, at: (p) => ({ x: p.x, y: p.y + NODE_H / 2 }) },
  r: { position: Position.Right, at: (p) => ({ x: p.x + NODE_W, y: p.y + NODE_H / 2 }) },
};

export type SketchStyle = 'reports' | 'dotted' | 'influence';

export interface Sketch {
  /** The lines' SVG path data, by style: the routes React Flow draws (smooth steps for reporting lines, curves for influence). */
  paths: Record<SketchStyle, string[]>;
  /** The area they cover, in map units. */
  box: { x: number; y: number; width: number; height: number };
}

export function sketchPaths(nodes: readonly PersonNode[], edges: readonly LineEdge[]): Sketch {
  const at = new Map<string, XY>();
  for (const n of nodes) if (!n.hidden) at.set(n.id, n.position);
  const paths: Sketch['paths'] = { reports: [], dotted: [], influence: [] };
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const e of edges) {
    const from = at.get(e.source);
    const to = at.get(e.target);
    const s = SIDE[e.sourceHandle ?? 'b'];
    const t = SIDE[e.targetHandle ?? 't'];
    if (!from || !to || !s || !t || e.hidden) continue;
    const a = s.at(from);
    const b = t.at(to);
    x0 = Math.min(x0, a.x, b.x);
    y0 = Math.min(y0, a.y, b.y);
    x1 = Math.max(x1, a.x, b.x);
    y1 = Math.max(y1, a.y, b.y);
    const ends = { sourceX: a.x, sourceY: a.y, sourcePosition: s.position, targetX: b.x, targetY: b.y, targetPosition: t.position };
    const line = e.data?.line;
    if (line?.kind === 'influence') paths.influence.push(getBezierPath(ends)[0]);
    else paths[line?.dotted ? 'dotted' : 'reports'].push(getSmoothStepPath(ends)[0]);
  }
  // room for the smooth steps' offsets and the influence curves' bulge
  const pad = 60;
  const box = x0 === Infinity ? { x: 0, y: 0, width: 0, height: 0 } : { x: x0 - pad, y: y0 - pad, width: x1 - x0 + 2 * pad, height: y1 - y0 + 2 * pad };
  return { paths, box };
}

/** Canvas pixels per map unit: sharp up to the zoom where the real edges take over, within a size browsers draw. */
export function sketchScale(box: Sketch['box'], upToZoom: number, dpr: number, maxSide = 8192, maxPixels = 24e6): number {
  if (box.width <= 0 || box.height <= 0) return 1;
  let scale = upToZoom * dpr;
  scale = Math.min(scale, maxSide / box.width, maxSide / box.height, Math.sqrt(maxPixels / (box.width * box.height)));
  return scale;
}

const STROKE: Record<SketchStyle, { colour: string; width: number; dash: number[] }> = {
  reports: { colour: REPORT_LINE_COLOUR, width: 1.5, dash: [] },
  dotted: { colour: REPORT_LINE_COLOUR, width: 1.5, dash: [6, 4] },
  influence: { colour: INFLUENCE_COLOUR, width: 2, dash: [] },
};

export const LineSketch = memo(function LineSketch({ nodes, edges, upToZoom }: { nodes: readonly PersonNode[]; edges: readonly LineEdge[]; upToZoom: number }) {
  const sketch = useMemo(() => sketchPaths(nodes, edges), [nodes, edges]);
  const ref = useRef<HTMLCanvasElement>(null);
  const { box } = sketch;
  const scale = sketchScale(box, upToZoom, window.devicePixelRatio || 1);

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    canvas.width = Math.max(1, Math.ceil(box.width * scale));
    canvas.height = Math.max(1, Math.ceil(box.height * scale));
    ctx.setTransform(scale, 0, 0, scale, -box.x * scale, -box.y * scale);
    // at least one canvas pixel wide, so the lines survive the scaling down
    const minWidth = 1 / scale;
    for (const style of ['reports', 'dotted', 'influence'] as const) {
      const { colour, width, dash } = STROKE[style];
      ctx.strokeStyle = colour;
      ctx.lineWidth = Math.max(width, minWidth);
      ctx.setLineDash(dash.map((d) => Math.max(d, 4 * minWidth)));
      for (const d of sketch.paths[style]) ctx.stroke(new Path2D(d));
    }
  }, [sketch, box, scale]);

  return (
    <ViewportPortal>
      <canvas
        ref={ref}
        className="map-sketch"
        aria-hidden="true"
        data-testid="line-sketch"
        style={{ left: box.x, top: box.y, width: box.width, height: box.height }}
      />
    </ViewportPortal>
  );
});
