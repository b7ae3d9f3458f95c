/**
 * Stakeholder map budgets on a buyer of 500 people (an in-memory organisation: head, deputies,
 * departments, staff, dotted lines and influence lines; test/unit/map-fixtures.ts):
 * - the automatic org-chart layout (shared/domain/map-layout) < 300 ms;
 * - the coverage analysis (shared/domain/coverage) < 20 ms;
 * - the printed map: the SVG of 500 people, and (informative) the PDF of 300 through Chromium.
 * Each figure is the median of several runs after a warm-up run.
 *
 * The mapper screen (`screenFigures` below, in the browser preview like test/bench/board.ts): the
 * same 500 people imported into a real database, then the map's first render (from the list of maps
 * to every card and line drawn) < 1 s, and the frame time (rAF intervals) while the canvas is dragged and
 * wheel-zoomed, p95 <= 16.7 ms.
 */
import { findChromium, chromiumPrinter } from '../../electron/backend/documents/chromium-printer';
import { mapDocument } from '../../electron/backend/documents/map-document';
import { renderMapSvg } from '../../electron/backend/documents/map-svg';
import { analyseCoverage } from '../../shared/domain/coverage';
import { layoutMap } from '../../shared/domain/map-layout';
import { orgMap, toMapPerson } from '../unit/map-fixtures';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { inPage, invoke, launchBrowser, newPage, startPreview } from '../e2e/harness';
import { benchDir, inDisplayFrames, median, percentile, timeMedian, type Figure, type Suite } from './lib';

const N = 500;
const today = '2026-06-30';

async function domainFigures(): Promise<Figure[]> {
  const map = orgMap(N);
  const people = map.members.map(toMapPerson);
  layoutMap(map.members, map.lines);
  const layout = await timeMedian(9, () => layoutMap(map.members, map.lines));
  // folding the deputies' branches: what the screen recomputes on a click
  const collapsed = new Set(map.lines.filter((l) => l.kind === 'reports' && l.toId === 1).map((l) => l.fromId));
  const folded = await timeMedian(9, () => layoutMap(map.members, map.lines, { collapsed }));
  analyseCoverage(people, { today, staleDays: 60 });
  const coverage = await timeMedian(51, () => analyseCoverage(people, { today, staleDays: 60 }));
  return [
    { label: `automatic layout, ${N} people`, value: layout, unit: 'ms', budget: 300 },
    { label: `automatic layout, ${N} people, deputies' branches folded`, value: folded, unit: 'ms', budget: 300 },
    { label: `coverage analysis, ${N} people`, value: coverage, unit: 'ms', budget: 20 },
  ];
}

async function documentFigures(): Promise<Figure[]> {
  const map = orgMap(N);
  renderMapSvg(map, { locale: 'zh-CN', safe: false, today });
  let size = 0;
  const svg = await timeMedian(5, () => {
    size = renderMapSvg(map, { locale: 'zh-CN', safe: false, today }).svg.length;
  });
  const figures: Figure[] = [
    { label: `map SVG, ${N} people`, value: svg, unit: 'ms' },
    { label: `map SVG size, ${N} people`, value: size / 1024, unit: 'KiB' },
  ];
  if (findChromium()) {
    const printer = chromiumPrinter();
    try {
      const drawn = renderMapSvg(orgMap(300), { locale: 'zh-CN', safe: false, today });
      const doc = mapDocument(drawn, { locale: 'zh-CN', title: 'bench' });
      await printer.pdf(doc.html, { landscape: true }); // starts the browser
      const pdf = await timeMedian(3, () => printer.pdf(doc.html, { landscape: true }));
      figures.push({ label: 'map PDF through Chromium, 300 people', value: pdf, unit: 'ms' });
    } finally {
      await printer.close();
    }
  }
  return figures;
}

// --- the mapper screen in the browser preview ---------------------------------------------------

const SCREEN_RUNS = Number(process.env.KEYPLAN_BENCH_RUNS) || 5;

/** The org of 500 as the people list a bid team would import (managers by name), for a real database. */
function peopleCsv(): { csv: string; influence: { from: string; to: string; strength: number }[]; dotted: { from: string; to: string }[] } {
  const map = orgMap(N);
  const name = new Map(map.members.map((m) => [m.id, m.name]));
  const manager = new Map(map.lines.filter((l) => l.kind === 'reports' && !l.dotted).map((l) => [l.fromId, l.toId]));
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const rows = map.members.map((m) =>
    [
      m.name,
      m.title,
      m.department,
      m.level ?? '',
      manager.has(m.id) ? name.get(manager.get(m.id)!)! : '',
      m.roles.join(';'),
      m.influence ?? '',
      m.attitude === null ? '' : String(m.attitude),
      m.strength,
      m.ownerName ?? '',
      m.lastContact ?? '',
    ]
      .map(cell)
      .join(','),
  );
  return {
    csv: ['Name,Title,Department,Level,Reports to,Roles,Influence,Attitude,Relationship,Owner,Last contact', ...rows].join('\n'),
    influence: map.lines.filter((l) => l.kind === 'influence').map((l) => ({ from: name.get(l.fromId)!, to: name.get(l.toId)!, strength: l.strength })),
    dotted: map.lines.filter((l) => l.kind === 'reports' && l.dotted).map((l) => ({ from: name.get(l.fromId)!, to: name.get(l.toId)! })),
  };
}

/** Resolves, in the page, once every card and a line are on the canvas and the next frame is painted. */
const MAP_RENDERED = `new Promise((resolve) => {
  const start = window.__mapStart ?? performance.now();
  const ready = () => document.querySelectorAll('.react-flow__node').length === ${N} && document.querySelector('.react-flow__edge-path') !== null;
  const tick = () => (ready() ? requestAnimationFrame(() => resolve(performance.now() - start)) : requestAnimationFrame(tick));
  tick();
})`;

const START_FRAMES = `(() => {
  window.__frames = [];
  window.__collect = true;
  let last = performance.now();
  const loop = (now) => {
    if (!window.__collect) return;
    window.__frames.push(now - last);
    last = now;
    requestAnimationFrame(loop);
  };
  requestAnimationFrame((now) => { last = now; requestAnimationFrame(loop); });
  return true;
})()`;
const STOP_FRAMES = `(() => { window.__collect = false; return window.__frames.slice(1); })()`;


/** rAF deltas while the map is panned by dragging the canvas, then zoomed in and out with the wheel. */
async function panZoomFrames(page: Page): Promise<{ pan: number[]; zoom: number[] }> {
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const c = { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 };
  await inPage(page, START_FRAMES);
  await page.mouse.move(c.x - 150, c.y - 100);
  await page.mouse.down();
  for (let i = 1; i <= 60; i++) {
    await page.mouse.move(c.x - 150 + i * 5, c.y - 100 + i * 3.5);
    await page.waitForTimeout(12);
  }
  await page.mouse.up();
  const pan = inDisplayFrames(await inPage<number[]>(page, STOP_FRAMES));
  await page.mouse.move(c.x, c.y);
  await inPage(page, START_FRAMES);
  for (let i = 0; i < 40; i++) {
    await page.mouse.wheel(0, i < 20 ? -60 : 60);
    await page.waitForTimeout(16);
  }
  const zoom = inDisplayFrames(await inPage<number[]>(page, STOP_FRAMES));
  return { pan, zoom };
}

/** The mapper screen's figures: first render of 500 people, frame times while panning and zooming. */
async function screenFigures(): Promise<Figure[]> {
  const { dir, cleanup } = benchDir();
  const preview = await startPreview({ dbPath: path.join(dir, 'map.db') });
  const browser = await launchBrowser();
  try {
    const account = (await invoke(preview, 'accounts-create', { name: '河南省教育厅' })) as { id: number };
    const { csv, influence, dotted } = peopleCsv();
    const report = (await invoke(preview, 'stakeholders-import', {
      accountId: account.id,
      fileName: 'people.csv',
      contentBase64: Buffer.from(csv, 'utf8').toString('base64'),
    })) as { created: number };
    if (report.created !== N) throw new Error(`imported ${report.created} of ${N} people`);
    const people = (await invoke(preview, 'stakeholders-list', { accountId: account.id })) as { id: number; name: string }[];
    const id = new Map(people.map((p) => [p.name, p.id]));
    for (const l of influence) await invoke(preview, 'lines-create', { kind: 'influence', fromId: id.get(l.from), toId: id.get(l.to), strength: l.strength });
    for (const l of dotted) await invoke(preview, 'lines-create', { kind: 'reports', fromId: id.get(l.from), toId: id.get(l.to), dotted: true });
    const hash = `#/stakeholders/${account.id}`;

    const navigations: number[] = [];
    const colds: number[] = [];
    const pan: number[] = [];
    const zoom: number[] = [];
    for (let i = 0; i < SCREEN_RUNS; i++) {
      const page = await newPage(browser, { lang: 'zh-CN' });
      // Cold: the app starts on the map itself.
      const t0 = performance.now();
      await page.goto(`${preview.url}${hash}`);
      await inPage(page, MAP_RENDERED);
      colds.push(performance.now() - t0);
      // In the app: from the list of maps (which does not load the mapper) to the map.
      await page.goto(`${preview.url}#/stakeholders`);
      await page.getByTestId('maps-table').waitFor();
      navigations.push(await inPage<number>(page, `(() => { window.__mapStart = performance.now(); location.hash = '${hash}'; return ${MAP_RENDERED}; })()`));
      await page.waitForTimeout(300);
      const f = await panZoomFrames(page);
      pan.push(...f.pan);
      zoom.push(...f.zoom);
      await page.close();
    }
    const both = [...pan, ...zoom];
    return [
      { label: `map first render: navigation to ${N} cards and their lines drawn`, value: median(navigations), unit: 'ms', budget: 1000 },
      { label: 'map first render, cold: page load to the cards drawn', value: median(colds), unit: 'ms' },
      { label: `panning and zooming the map of ${N}: frame time p95 (${both.length} frames)`, value: percentile(both, 95), unit: 'ms', budget: 16.7 },
      { label: 'panning the map: frame time p95', value: percentile(pan, 95), unit: 'ms' },
      { label: 'zooming the map (wheel): frame time p95', value: percentile(zoom, 95), unit: 'ms' },
      { label: 'panning and zooming the map: frame time median', value: median(both), unit: 'ms' },
    ];
  } finally {
    await browser.close();
    await preview.stop();
    cleanup();
  }
}

export const stakeholders: Suite = {
  name: 'stakeholders',
  title: `the stakeholder map on ${N} people: layout, coverage, printed map, the mapper screen`,
  async run() {
    return [...(await domainFigures()), ...(await documentFigures()), ...(await screenFigures())];
  },
};
