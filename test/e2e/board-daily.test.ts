/**
 * Daily use of the board (issue 11, section 5): the reason prompt is always inside the window, a
 * first placement from the tray asks for no reason unless the user wants it (one setting), and the
 * suggested quadrant can be accepted for many cards at once.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardCards, card, quadrantNames, region, sampleBoard } from './board-helpers';
import { fill, inPage, invoke, LANGS, launchBrowser, msg, screenshot } from './harness';

/** Whether the element lies wholly inside the window and is what one sees at its centre (not hidden). */
async function inWindow(page: Page, el: Locator): Promise<boolean> {
  const box = await el.boundingBox();
  const size = page.viewportSize()!;
  if (box === null || box.y < 0 || box.x < 0 || box.y + box.height > size.height || box.x + box.width > size.width) return false;
  return el.evaluate((node, at) => {
    const doc = (node as unknown as { ownerDocument: { elementFromPoint(x: number, y: number): unknown } }).ownerDocument;
    const hit = doc.elementFromPoint(at.x, at.y) as { closest?: (s: string) => unknown } | null;
    return hit !== null && (hit === (node as unknown) || (node as unknown as { contains(n: unknown): boolean }).contains(hit));
  }, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
}

describe('quadrant board: daily use', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const lang of LANGS) {
    it(`keeps the reason prompt inside the window when the card lands out of sight (${lang})`, async () => {
      const t = msg(lang);
      const q = quadrantNames(lang);
      const { preview, page, cleanup } = await sampleBoard(browser, lang);
      try {
        const cow = region(page, q['cash-cow']!);
        await cow.waitFor();
        // The smallest account of the top row goes to 金牛 (bottom right): it lands last in a list
        // that scrolls, below the bottom of the window.
        const { cards } = await boardCards(preview);
        const small = cards.filter((c) => c.quadrant === 'star' || c.quadrant === 'rising-star').sort((a, b) => (a.revenueThisYear ?? 0) - (b.revenueThisYear ?? 0))[0]!;
        await page.getByRole('button', { name: fill(t.board.card.menu, { name: small.name }) }).click();
        await page.getByRole('menu').getByRole('menuitemradio', { name: q['cash-cow']!, exact: false }).click();
        const popover = page.getByRole('dialog', { name: fill(t.board.reason.title, { name: small.name }) });
        await popover.waitFor();
        expect(await inWindow(page, popover)).toBe(true);
        // Focus is in the prompt, and what is typed is seen.
        const field = popover.getByLabel(t.board.reason.label);
        await expect.poll(() => inPage(page, 'document.activeElement && document.activeElement.tagName')).toBe('TEXTAREA');
        expect(await inWindow(page, field)).toBe(true);
        await screenshot(page, 'board-reason-visible', lang);
        await page.keyboard.press('Escape');
        await expect.poll(() => popover.count()).toBe(0);
      } finally {
        await cleanup();
      }
    });
  }
});
