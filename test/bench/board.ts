/**
 * Quadrant board budgets on 2,000 accounts (the sample workspace, placed on both matrices):
 * the board's first render, and the frame time while a card is dragged across the board.
 *
 * First render: from the navigation to the board until all four quadrants show their cards and a
 * frame has been painted, measured in the page (performance.now). Drag: requestAnimationFrame
 * deltas collected in the page while page.mouse carries a card from the top-left quadrant across
 * the board to the bottom-right one in 60 steps (about one step per frame, as a hand moves).
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { inPage, invoke, launchBrowser, newPage, startPreview } from '../e2e/harness';
import { benchDir, inDisplayFrames, median, percentile, type Suite } from './lib';

const N = 2_000;
const RUNS = 5;

/** Resolves, in the page, once every quadrant shows cards and the next frame is painted. */
const RENDERED = `new Promise((resolve) => {
  const start = window.__boardStart ?? performance.now();
  const ready = () => {
    const zones = document.querySelectorAll('section.quad');
    return zones.length === 4 && [...zones].every((z) => z.querySelector('.bcard'));
  };
  const tick = () => (ready() ? requestAnimationFrame(() => resolve(performance.now() - start)) : requestAnimationFrame(tick));
  tick();
})`;

async function firstRenderByNavigation(page: Page): Promise<number> {
  // The app is up on another screen; the board is one click away.
  await page.getByRole('navigation').waitFor();
  return inPage<number>(page, `(() => { window.__boardStart = performance.now(); location.hash = '#/board/value-potential'; return ${RENDERED}; })()`);
}

/** rAF deltas while a card is dragged from the top-left quadrant to the bottom-right one. */
async function dragFrames(page: Page): Promise<number[]> {
  const card = page.locator('section.quad--tl .bcard__body').first();
  const target = page.locator('section.quad--br');
  const a = (await card.boundingBox())!;
  const b = (await target.boundingBox())!;
  await inPage(
    page,
    `(() => {
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
    })()`,
  );
  const start = { x: a.x + a.width / 2, y: a.y + a.height / 2 };
  const end = { x: b.x + b.width * 0.6, y: b.y + b.height * 0.6 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  const steps = 60;
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(start.x + ((end.x - start.x) * i) / steps, start.y + ((end.y - start.y) * i) / steps);
    await page.waitForTimeout(12);
  }
  // Escape cancels the drag: nothing is recorded, and every run drags the same card.
  await page.keyboard.press('Escape');
  await page.mouse.up();
  const frames = await inPage<number[]>(page, `(() => { window.__collect = false; return window.__frames; })()`);
  // The first delta spans the press itself; the rest are the drag.
  return frames.slice(1);
}

export const board: Suite = {
  name: 'board',
  title: 'the quadrant board on 2,000 accounts: first render and dragging',
  async run() {
    const { dir, cleanup } = benchDir();
    const preview = await startPreview({ dbPath: path.join(dir, 'board.db') });
    const browser = await launchBrowser();
    try {
      const t = performance.now();
      await invoke(preview, 'sample-load', { accounts: N });
      const seedMs = performance.now() - t;

      const navigations: number[] = [];
      const colds: number[] = [];
      const frames: number[] = [];
      const idle: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const page = await newPage(browser, { lang: 'zh-CN' });
        // Cold: the app starts on the board itself.
        const t0 = performance.now();
        await page.goto(`${preview.url}#/board/value-potential`);
        await inPage(page, RENDERED);
        colds.push(performance.now() - t0);
        // In the app: from another screen (one that loads nothing big) to the board.
        await page.goto(`${preview.url}#/plans`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        navigations.push(await firstRenderByNavigation(page));
        // The page at rest, for comparison: what the frame clock gives without any work.
        idle.push(
          ...(await inPage<number[]>(
            page,
            `new Promise((resolve) => { const d = []; let last; const loop = (now) => { if (last !== undefined) d.push(now - last); last = now; if (d.length < 60) requestAnimationFrame(loop); else resolve(d); }; requestAnimationFrame(loop); })`,
          )),
        );
        frames.push(...(await dragFrames(page)));
        await page.close();
      }
      const { cards } = (await invoke(preview, 'board-get', { matrix: 'value-potential' })) as { cards: unknown[] };
      return [
        { label: `sample workspace of ${N} accounts placed on both matrices (setup)`, value: seedMs, unit: 'ms' },
        { label: `board first render: navigation to all quadrants rendered (${cards.length} accounts on the board)`, value: median(navigations), unit: 'ms', budget: 500 },
        { label: 'board first render, cold: page load to all quadrants rendered', value: median(colds), unit: 'ms' },
        { label: `dragging a card across the board: frame time p95 (${frames.length} frames)`, value: percentile(inDisplayFrames(frames), 95), unit: 'ms', budget: 16.7 },
        { label: 'dragging a card across the board: rAF frame time median', value: median(frames), unit: 'ms' },
        { label: 'dragging a card across the board: longest frame (the pick-up)', value: Math.max(...frames), unit: 'ms' },
        {
          label: 'dragging a card across the board: frames over 1.5x the resting frame',
          value: (100 * frames.filter((f) => f > 1.5 * median(idle)).length) / frames.length,
          unit: '%',
        },
        { label: 'page at rest: rAF frame time p95 (the frame clock itself)', value: percentile(idle, 95), unit: 'ms' },
      ];
    } finally {
      await browser.close();
      await preview.stop();
      cleanup();
    }
  },
};

