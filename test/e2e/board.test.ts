/**
 * The quadrant board's main job: sort accounts into quadrants by pointer, keyboard or the "Move
 * to…" menu; every move asks why, is kept (reload), and can be undone and redone.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardCards, card, quadrantNames, pointerDrag, region, sampleBoard, type BoardCardInfo } from './board-helpers';
import { fill, inPage, invoke, LANGS, launchBrowser, msg, screenshot } from './harness';

/** The largest account in a quadrant: the first card there, so it is in view. */
function largestIn(cards: BoardCardInfo[], quadrant: string, skip: number[] = []): BoardCardInfo {
  const found = cards
    .filter((c) => c.quadrant === quadrant && !skip.includes(c.accountId))
    .sort((a, b) => (b.revenueThisYear ?? -1) - (a.revenueThisYear ?? -1))[0];
  if (!found) throw new Error(`no card in ${quadrant}`);
  return found;
}

describe('quadrant board: moving cards', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const lang of LANGS) {
    it(`drags a card to another quadrant, asks why, and keeps it after a reload (${lang})`, async () => {
      const t = msg(lang);
      const q = quadrantNames(lang);
      const { preview, page, cleanup } = await sampleBoard(browser, lang);
      try {
        const rising = region(page, q['rising-star']!);
        const star = region(page, q.star!);
        await rising.waitFor();
        await expect.poll(() => page.locator('.bcard').count()).toBeGreaterThan(30);
        // The four quadrants are labelled regions with their figures; the tray too.
        for (const name of Object.values(q)) await region(page, name).waitFor();
        await region(page, t.board.tray.title).waitFor();
        await screenshot(page, 'board', lang);

        const { cards } = await boardCards(preview);
        const moving = largestIn(cards, 'rising-star');
        const source = card(rising, lang, moving.name);
        await source.waitFor();

        await pointerDrag(page, source, star, async () => {
          // The overlay follows the pointer; the card waits dimmed in its place.
          await page.locator('.bcard--overlay').waitFor();
          await screenshot(page, 'board-drag', lang);
        });
        await card(star, lang, moving.name).waitFor();
        expect(await card(rising, lang, moving.name).count()).toBe(0);

        // The reason popover: small, at the card, focused on the reason.
        const popover = page.getByRole('dialog', { name: fill(t.board.reason.title, { name: moving.name }) });
        await popover.waitFor();
        await popover.getByText(fill(t.board.reason.fromTo, { from: q['rising-star']!, to: q.star! })).waitFor();
        const reason = lang === 'zh-CN' ? '签下三年框架协议' : 'Signed a three-year framework agreement';
        await page.keyboard.type(reason);
        await screenshot(page, 'board-reason', lang);
        await popover.getByRole('button', { name: t.board.reason.save }).click();
        await expect.poll(() => popover.count()).toBe(0);

        // Stored as a decision: when, who, from, to, why.
        const history = (await invoke(preview, 'placements-history', { accountId: moving.accountId })) as { matrixKey: string; from: string; to: string; by: string; reason: string }[];
        // Recorded as the person chosen as "I am" (board-helpers chooses one of the sample's people).
        const me = (await invoke(preview, 'user-get', {})) as { name: string };
        expect(me.name).not.toBe('');
        expect(history[0]).toMatchObject({ matrixKey: 'value-potential', from: 'rising-star', to: 'star', reason, by: me.name });

        // Selecting the card shows its placement history beside the board.
        await card(star, lang, moving.name).click();
        const history1 = page.getByRole('region', { name: fill(t.board.history.titleFor, { name: moving.name }) });
        await history1.getByText(reason).waitFor();

        // Persisted: a reload shows it where the director put it.
        await page.reload();
        await card(region(page, q.star!), lang, moving.name).waitFor();
        expect(await card(region(page, q['rising-star']!), lang, moving.name).count()).toBe(0);
      } finally {
        await cleanup();
      }
    });

    it(`moves with the "Move to" menu and the keyboard, and undoes and redoes (${lang})`, async () => {
      const t = msg(lang);
      const q = quadrantNames(lang);
      const { preview, page, cleanup } = await sampleBoard(browser, lang);
      try {
        const rising = region(page, q['rising-star']!);
        const star = region(page, q.star!);
        const cow = region(page, q['cash-cow']!);
        await rising.waitFor();
        const { cards } = await boardCards(preview);

        // Who moves are recorded as ("I am", one of our people): shown under the board, changed in a small popover.
        const me = (await invoke(preview, 'user-get', {})) as { name: string };
        const people = (await invoke(preview, 'people-list', {})) as { name: string; active: boolean }[];
        const director = people.find((p) => p.active && p.name !== me.name)!.name;
        await page.getByRole('button', { name: fill(t.board.recorder.label, { name: me.name }) }).click();
        const who = page.getByRole('dialog', { name: t.board.recorder.title });
        await screenshot(page, 'board-recorder', lang);
        await who.getByLabel(t.settings.me.field).selectOption({ label: director });
        await page.getByRole('button', { name: fill(t.board.recorder.label, { name: director }) }).waitFor();

        // "Move to…": a menu on every card; Escape skips the reason.
        const viaMenu = largestIn(cards, 'dog');
        const menuButton = page.getByRole('button', { name: fill(t.board.card.menu, { name: viaMenu.name }) });
        await menuButton.click();
        const menu = page.getByRole('menu', { name: fill(t.board.card.menu, { name: viaMenu.name }) });
        await menu.waitFor();
        expect(await menu.getByRole('menuitemradio', { name: q.dog!, exact: false }).getAttribute('aria-checked')).toBe('true');
        await screenshot(page, 'board-menu', lang);
        // Arrow keys walk the menu; Enter picks.
        await page.keyboard.press('End');
        await page.keyboard.press('ArrowUp');
        expect(await inPage(page, 'document.activeElement.textContent')).toContain(q['cash-cow']);
        await page.keyboard.press('Enter');
        await card(cow, lang, viaMenu.name).waitFor();
        await page.getByRole('dialog', { name: fill(t.board.reason.title, { name: viaMenu.name }) }).waitFor();
        await page.keyboard.press('Escape');
        await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
        // Focus comes back to the card, in its new place.
        await expect.poll(() => inPage(page, '(document.activeElement && document.activeElement.textContent) || ""')).toMatch(new RegExp(`^${viaMenu.name}`));

        // Keyboard drag: focus, Space to lift, an arrow to the next quadrant, Space to drop.
        const viaKeys = largestIn(cards, 'rising-star');
        const lifted = card(rising, lang, viaKeys.name);
        await lifted.focus();
        await page.keyboard.press('Space');
        await expect.poll(() => lifted.getAttribute('aria-pressed')).toBe('true');
        // dnd-kit's keyboard sensor starts listening for arrows in a timer after the lift: let it run.
        await inPage(page, 'new Promise((resolve) => setTimeout(resolve, 0))');
        await page.keyboard.press('ArrowRight');
        await expect.poll(async () => ((await star.getAttribute('class')) ?? '').includes('is-over')).toBe(true);
        await page.keyboard.press('Space');
        await card(star, lang, viaKeys.name).waitFor();
        // Screen readers heard where it went.
        await expect.poll(() => page.locator('[role="status"][aria-live="assertive"], [id^="DndLiveRegion"]').first().textContent()).toContain(q.star!);
        await page.getByRole('dialog', { name: fill(t.board.reason.title, { name: viaKeys.name }) }).waitFor();
        await page.keyboard.press('Escape');
        await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

        // Undo (Ctrl+Z) returns the card and removes the recorded move; redo records it again.
        await page.keyboard.press('Control+z');
        await card(rising, lang, viaKeys.name).waitFor();
        await page.getByText(fill(t.board.moves.undone, { name: viaKeys.name, to: q['rising-star']! })).waitFor();
        const menuHistory = (await invoke(preview, 'placements-history', { accountId: viaMenu.accountId })) as { to: string; by: string }[];
        expect(menuHistory[0]).toMatchObject({ to: 'cash-cow', by: director });
        let history = (await invoke(preview, 'placements-history', { accountId: viaKeys.accountId })) as { to: string; matrixKey: string }[];
        expect(history.filter((h) => h.matrixKey === 'value-potential')[0]?.to).toBe('rising-star');
        await page.keyboard.press('Control+z');
        await card(region(page, q.dog!), lang, viaMenu.name).waitFor();
        await page.keyboard.press('Control+Shift+z');
        await card(cow, lang, viaMenu.name).waitFor();
        await page.getByRole('button', { name: t.board.redo, exact: true }).click();
        await card(star, lang, viaKeys.name).waitFor();
        history = (await invoke(preview, 'placements-history', { accountId: viaKeys.accountId })) as { to: string; matrixKey: string }[];
        expect(history.filter((h) => h.matrixKey === 'value-potential')[0]?.to).toBe('star');
        await expect.poll(() => page.getByRole('button', { name: t.board.redo, exact: true }).isDisabled()).toBe(true);
      } finally {
        await cleanup();
      }
    });
  }

  it('places an unplaced account as suggested, from the tray', async () => {
    const lang = 'zh-CN';
    const t = msg(lang);
    const q = quadrantNames(lang);
    const { preview, page, cleanup } = await sampleBoard(browser, lang);
    try {
      const { cards } = await boardCards(preview);
      const target = cards.find((c) => c.quadrant === 'star')!;
      await invoke(preview, 'board-move', { matrix: 'value-potential', accountId: target.accountId, to: null });
      const tray = region(page, t.board.tray.title);
      await card(tray, lang, target.name).waitFor();
      await tray.getByText(fill(t.board.card.suggested, { q: q[target.suggested!]! }), { exact: true }).waitFor();
      await screenshot(page, 'board-tray', lang);
      await page.getByRole('button', { name: fill(t.board.card.placeSuggestedLabel, { name: target.name, q: q[target.suggested!]! }) }).click();
      await card(region(page, q[target.suggested!]!), lang, target.name).waitFor();
      // A first placement asks no reason by default (see board-daily.test.ts for the setting).
      await expect.poll(() => page.getByRole('button', { name: t.board.undo, exact: true }).isDisabled()).toBe(false);
      await inPage(page, 'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
      expect(await page.getByRole('dialog').count()).toBe(0);
      expect(await card(tray, lang, target.name).count()).toBe(0);
    } finally {
      await cleanup();
    }
  });
});
