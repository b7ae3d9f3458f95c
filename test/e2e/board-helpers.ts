/** Shared steps of the board's E2E tests: open the sample board, find cards, drag them. */
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { invoke, msg, newPage, startPreview, tempDir, type Locale, type Preview } from './harness';

export interface BoardCardInfo {
  accountId: number;
  name: string;
  quadrant: string | null;
  suggested: string | null;
  revenueThisYear: number | null;
  ownerName: string | null;
}

export interface Opened {
  preview: Preview;
  page: Page;
  cleanup: () => Promise<void>;
}

/** A preview on a fresh database with the sample workspace (which places its accounts). */
export async function sampleBoard(browser: Browser, lang: Locale, hash = '#/board/value-potential'): Promise<Opened> {
  const tmp = tempDir();
  const preview = await startPreview({ dbPath: path.join(tmp.dir, 'keyplan.db') });
  await invoke(preview, 'sample-load', { locale: lang });
  // "I am": one of the sample's people (moves are recorded as that person).
  const people = (await invoke(preview, 'people-list', {})) as { id: number; name: string; active: boolean }[];
  await invoke(preview, 'user-set', { personId: people.find((p) => p.active)!.id });
  const page = await newPage(browser, { lang });
  await page.goto(`${preview.url}${hash}`);
  return {
    preview,
    page,
    cleanup: async () => {
      await page.context().close();
      await preview.stop();
      tmp.cleanup();
    },
  };
}

/** The value × potential quadrants by key, in the language. */
export function quadrantNames(lang: Locale): Record<string, string> {
  return lang === 'zh-CN'
    ? { 'rising-star': '潜力明星', star: '明星', dog: '瘦狗', 'cash-cow': '金牛' }
    : { 'rising-star': 'Rising star', star: 'Star', dog: 'Dog', 'cash-cow': 'Cash cow' };
}

export function region(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A card by its accessible name, which begins with the account's name (then the separator). */
export function card(scope: Page | Locator, lang: Locale, name: string): Locator {
  return scope.getByRole('button', { name: new RegExp(`^${escapeRe(name)}${escapeRe(msg(lang).board.card.sep)}`) });
}

export async function boardCards(preview: Preview, args: Record<string, unknown> = {}): Promise<{ cards: BoardCardInfo[]; changes: { accountId: number; from: string | null; to: string | null }[] }> {
  return (await invoke(preview, 'board-get', { matrix: 'value-potential', ...args })) as {
    cards: BoardCardInfo[];
    changes: { accountId: number; from: string | null; to: string | null }[];
  };
}

/** A pointer drag in small steps, as a hand would do it; `during` runs with the card in the air. */
export async function pointerDrag(page: Page, from: Locator, to: Locator, during?: () => Promise<void>): Promise<void> {
  await from.scrollIntoViewIfNeeded();
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  const start = { x: a.x + a.width / 2, y: a.y + a.height / 2 };
  const end = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  const steps = 16;
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(start.x + ((end.x - start.x) * i) / steps, start.y + ((end.y - start.y) * i) / steps);
  }
  await expect.poll(async () => ((await to.getAttribute('class')) ?? '').split(/\s+/).includes('is-over')).toBe(true);
  if (during) await during();
  await page.mouse.up();
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function daysAgo(n: number): string {
  return new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
}
