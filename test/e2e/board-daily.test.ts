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
    it(`places from the tray without asking why, unless the setting says so (${lang})`, async () => {
      const t = msg(lang);
      const q = quadrantNames(lang);
      const { preview, page, cleanup } = await sampleBoard(browser, lang);
      try {
        const tray = region(page, t.board.tray.title);
        await tray.waitFor();
        const { cards } = await boardCards(preview);
        const [first, second] = cards.filter((c) => c.quadrant !== null && c.suggested !== null).slice(0, 2);
        for (const c of [first!, second!]) await invoke(preview, 'board-move', { matrix: 'value-potential', accountId: c.accountId, to: null });
        await card(tray, lang, first!.name).waitFor();
        await card(tray, lang, second!.name).waitFor();

        // Off by default: placed, no prompt, focus stays on the board.
        const ask = page.getByRole('checkbox', { name: t.board.prefs.askFirst });
        await expect.poll(() => ask.isEnabled()).toBe(true);
        expect(await ask.isChecked()).toBe(false);
        await page.getByRole('button', { name: fill(t.board.card.placeSuggestedLabel, { name: first!.name, q: q[first!.suggested!]! }) }).click();
        await card(region(page, q[first!.suggested!]!), lang, first!.name).waitFor();
        await expect.poll(async () => ((await invoke(preview, 'placements-history', { accountId: first!.accountId })) as { to: string | null }[])[0]?.to).toBe(first!.suggested);
        await expect.poll(() => page.getByRole('button', { name: t.board.undo, exact: true }).isDisabled()).toBe(false);
        await inPage(page, 'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
        expect(await page.getByRole('dialog').count()).toBe(0);

        // On: the same placement asks why; the setting is kept.
        await ask.check();
        await page.getByText(fill(t.board.prefs.saved, { what: t.board.prefs.on })).waitFor();
        expect(await invoke(preview, 'board-prefs-get', {})).toEqual({ askReasonOnFirstPlacement: true });
        await page.getByRole('button', { name: fill(t.board.card.placeSuggestedLabel, { name: second!.name, q: q[second!.suggested!]! }) }).click();
        const popover = page.getByRole('dialog', { name: fill(t.board.reason.title, { name: second!.name }) });
        await popover.waitFor();
        await screenshot(page, 'board-ask-first', lang);
        await popover.getByRole('button', { name: t.board.reason.skip }).click();
        await page.reload();
        await expect.poll(() => page.getByRole('checkbox', { name: t.board.prefs.askFirst }).isChecked()).toBe(true);
      } finally {
        await cleanup();
      }
    });

    it(`accepts the suggested quadrant for many cards at once, as one undo step (${lang})`, async () => {
      const t = msg(lang);
      const q = quadrantNames(lang);
      const { preview, page, cleanup } = await sampleBoard(browser, lang);
      try {
        const tray = region(page, t.board.tray.title);
        await tray.waitFor();
        const { cards } = await boardCards(preview);
        const some = cards.filter((c) => c.quadrant !== null && c.suggested !== null).slice(0, 4);
        for (const c of some) await invoke(preview, 'board-move', { matrix: 'value-potential', accountId: c.accountId, to: null });
        for (const c of some) await card(tray, lang, c.name).waitFor();
        const all = tray.getByRole('button', { name: fill(t.board.tray.placeAll, { n: some.length }) });
        await screenshot(page, 'board-place-all', lang);
        await all.click();
        await page.getByText(fill(t.board.moves.placedMany, { n: some.length })).waitFor();
        for (const c of some) await card(region(page, q[c.suggested!]!), lang, c.name).waitFor();
        expect(await all.count()).toBe(0);
        const after = await boardCards(preview);
        for (const c of some) expect(after.cards.find((x) => x.accountId === c.accountId)?.quadrant).toBe(c.suggested);
        const history = (await invoke(preview, 'placements-history', { accountId: some[0]!.accountId })) as { from: string | null; to: string; reason: string }[];
        expect(history[0]).toMatchObject({ from: null, to: some[0]!.suggested, reason: t.board.moves.bulkReason });
        expect(await page.getByRole('dialog').count()).toBe(0);

        // One undo returns them all to the tray; one redo places them again.
        await page.getByRole('button', { name: t.board.undo, exact: true }).click();
        await page.getByText(fill(t.board.moves.undoneMany, { n: some.length })).waitFor();
        for (const c of some) await card(tray, lang, c.name).waitFor();
        await page.getByRole('button', { name: t.board.redo, exact: true }).click();
        for (const c of some) await card(region(page, q[c.suggested!]!), lang, c.name).waitFor();
        await expect.poll(async () => (await boardCards(preview)).cards.filter((x) => some.some((c) => c.accountId === x.accountId && x.quadrant === c.suggested)).length).toBe(some.length);
      } finally {
        await cleanup();
      }
    });
  }
});
