/** Shared steps of the stakeholder map's E2E tests: open a sample map, find cards and handles, drag. */
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { MapSummary, StakeholderMap } from '../../shared/api/stakeholders';
import { inPage, invoke, msg, newPage, startPreview, tempDir, type Locale, type Preview } from './harness';

export interface OpenedMap {
  preview: Preview;
  page: Page;
  /** The account whose map is open (the sample's largest map with a tender). */
  accountId: number;
  map: StakeholderMap;
  cleanup: () => Promise<void>;
}

export async function getMap(preview: Preview, accountId: number, tenderId: number | null = null): Promise<StakeholderMap> {
  return (await invoke(preview, 'map-get', { accountId, ...(tenderId !== null ? { tenderId } : {}) })) as StakeholderMap;
}

/** A preview on a fresh database with the sample workspace; the page on the largest map that has tenders. */
export async function openSampleMap(browser: Browser, lang: Locale): Promise<OpenedMap> {
  const tmp = tempDir();
  const preview = await startPreview({ dbPath: path.join(tmp.dir, 'keyplan.db') });
  await invoke(preview, 'sample-load', { locale: lang });
  const maps = (await invoke(preview, 'maps-list', {})) as MapSummary[];
  const pick = maps.filter((m) => m.people > 0 && m.tenders > 0).sort((a, b) => b.people - a.people)[0];
  if (!pick) throw new Error('the sample has no map with a tender');
  const page = await newPage(browser, { lang });
  await page.goto(`${preview.url}#/stakeholders/${pick.accountId}`);
  await page.locator('.react-flow__node').first().waitFor();
  return {
    preview,
    page,
    accountId: pick.accountId,
    map: await getMap(preview, pick.accountId),
    cleanup: async () => {
      await page.context().close();
      await preview.stop();
      tmp.cleanup();
    },
  };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A person's card: its accessible name begins with the person's name (then the separator, or ends). */
export function personCard(page: Page, lang: Locale, name: string): Locator {
  const sep = lang === 'zh-CN' ? '，' : ', ';
  return page.locator('.react-flow__node').and(page.getByRole('group', { name: new RegExp(`^${escapeRe(name)}(${escapeRe(sep)}|$)`) }));
}

export function handle(card: Locator, id: 't' | 'b' | 'l' | 'r'): Locator {
  return card.locator(`.react-flow__handle[data-handleid="${id}"]`);
}

/** Presses at the middle of `from`, moves in small steps to the middle of `to`, releases. */
export async function mouseDrag(page: Page, from: Locator, to: Locator | { x: number; y: number }): Promise<void> {
  const a = (await from.boundingBox())!;
  const start = { x: a.x + a.width / 2, y: a.y + a.height / 2 };
  let end: { x: number; y: number };
  if ('boundingBox' in to) {
    const b = (await to.boundingBox())!;
    end = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  } else {
    end = { x: start.x + to.x, y: start.y + to.y };
  }
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  const steps = 14;
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(start.x + ((end.x - start.x) * i) / steps, start.y + ((end.y - start.y) * i) / steps);
  }
  await page.mouse.up();
}

/** The card's position on the canvas (React Flow puts it in the node's transform). */
export async function cardPosition(card: Locator): Promise<{ x: number; y: number }> {
  const style = (await card.getAttribute('style')) ?? '';
  const m = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(style);
  if (!m) throw new Error(`no position in ${style}`);
  return { x: Number(m[1]), y: Number(m[2]) };
}

export async function zoomOf(page: Page): Promise<number> {
  const style = await inPage<string>(page, `document.querySelector('.react-flow__viewport').getAttribute('style')`);
  const m = /scale\(([\d.]+)\)/.exec(style);
  return m ? Number(m[1]) : 1;
}

/** Waits until no notice is on screen that matches, then returns; keeps tests from reading a stale notice. */
export async function noticeText(page: Page): Promise<string> {
  return (await page.locator('.notices').innerText()).trim();
}

export function words(lang: Locale) {
  return msg(lang);
}

export async function expectCount(locator: Locator, n: number): Promise<void> {
  await expect.poll(() => locator.count()).toBe(n);
}
