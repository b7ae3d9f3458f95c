/**
 * Issue 11, "Daily use": "I am" is chosen in Settings among our people and is who every move is
 * recorded as (the board asks once when nobody is chosen, never recording the computer's login);
 * several cards move together with one reason and one undo; a tier and a matrix need only Chinese
 * names (the keys are generated from pinyin, the English names fall back to the Chinese ones).
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardCards, card, quadrantNames, region } from './board-helpers';
import { fill, hashOf, invoke, LANGS, launchBrowser, msg, newPage, screenshot, startPreview, tempDir, type Locale } from './harness';

interface Person {
  id: number;
  name: string;
  active: boolean;
}
interface Move {
  to: string | null;
  by: string;
  reason: string;
}

async function fresh(browser: Browser, lang: Locale) {
  const tmp = tempDir();
  const preview = await startPreview({ dbPath: path.join(tmp.dir, 'keyplan.db') });
  await invoke(preview, 'sample-load', { locale: lang });
  const page = await newPage(browser, { lang });
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

describe('who I am, several cards at once, Chinese names only', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const lang of LANGS) {
    it(`records moves as the person chosen in Settings, asks once when nobody is, moves several cards together (${lang})`, async () => {
      const t = msg(lang);
      const q = quadrantNames(lang);
      const { preview, page, cleanup } = await fresh(browser, lang);
      try {
        const people = ((await invoke(preview, 'people-list', {})) as Person[]).filter((p) => p.active);
        const [first, second] = [people[0]!, people[1]!];

        // Nobody chosen yet: the board asks once, before the first move.
        await page.goto(`${preview.url}#/board/value-potential`);
        await region(page, q.star!).waitFor();
        await page.getByRole('button', { name: t.board.recorder.nobody }).waitFor();
        const { cards } = await boardCards(preview);
        const one = cards.find((c) => c.quadrant === 'dog')!;
        await page.getByRole('button', { name: fill(t.board.card.menu, { name: one.name }) }).click();
        await page.getByRole('menu').getByRole('menuitemradio', { name: q['cash-cow']!, exact: false }).click();
        const ask = page.getByRole('dialog', { name: t.board.who.title });
        await ask.waitFor();
        await screenshot(page, 'board-who-prompt', lang);
        await ask.getByLabel(t.settings.me.field).selectOption({ label: second.name });
        await expect.poll(() => page.getByRole('dialog', { name: t.board.who.title }).count()).toBe(0);
        await card(region(page, q['cash-cow']!), lang, one.name).waitFor();
        await page.keyboard.press('Escape');
        await expect
          .poll(async () => ((await invoke(preview, 'placements-history', { accountId: one.accountId })) as Move[])[0]?.by)
          .toBe(second.name);

        // Settings → I am: choose another of our people.
        await page.goto(`${preview.url}#/settings`);
        const me = page.getByRole('combobox', { name: t.settings.me.field });
        await me.waitFor();
        await expect.poll(() => me.locator('option:checked').textContent()).toBe(second.name);
        await me.selectOption({ label: first.name });
        await page.getByText(fill(t.settings.me.saved, { name: first.name })).waitFor();
        await page.getByRole('heading', { name: t.settings.me.title }).scrollIntoViewIfNeeded();
        await screenshot(page, 'settings-me', lang);

        // A move on the board is recorded as that person; the card's history says so.
        await page.goto(`${preview.url}#/board/value-potential`);
        await region(page, q.star!).waitFor();
        await page.getByRole('button', { name: fill(t.board.recorder.label, { name: first.name }) }).waitFor();
        const two = cards.filter((c) => c.quadrant === 'star' && c.accountId !== one.accountId)[0]!;
        await page.getByRole('button', { name: fill(t.board.card.menu, { name: two.name }) }).click();
        await page.getByRole('menu').getByRole('menuitemradio', { name: q.dog!, exact: false }).click();
        await card(region(page, q.dog!), lang, two.name).waitFor();
        await page.keyboard.press('Escape');
        await card(region(page, q.dog!), lang, two.name).click();
        const history = page.getByRole('region', { name: fill(t.board.history.titleFor, { name: two.name }) });
        await history.getByText(fill(t.board.history.by, { name: first.name })).first().waitFor();
        expect(((await invoke(preview, 'placements-history', { accountId: two.accountId })) as Move[])[0]).toMatchObject({ to: 'dog', by: first.name });

        // Several cards at once: tick two (a checkbox, and Ctrl+click), move them with one reason.
        const [a, b] = cards.filter((c) => c.quadrant === 'rising-star').slice(0, 2);
        await page.getByRole('checkbox', { name: fill(t.board.card.pick, { name: a!.name }) }).check();
        await card(region(page, q['rising-star']!), lang, b!.name).click({ modifiers: ['Control'] });
        const bar = page.getByRole('group', { name: t.board.selection.label });
        await bar.getByText(fill(t.board.selection.count, { n: 2 })).waitFor();
        await bar.getByRole('button', { name: t.board.selection.moveTo }).click();
        const dialog = page.getByRole('dialog', { name: fill(t.board.selection.title, { n: 2 }) });
        await dialog.waitFor();
        await dialog.getByLabel(t.board.selection.to).selectOption({ label: q['cash-cow']! });
        const reason = lang === 'zh-CN' ? '半年复盘：增长放缓' : 'Half-year review: growth slowed';
        await dialog.getByLabel(t.board.selection.reason).fill(reason);
        await screenshot(page, 'board-group-move', lang);
        await dialog.getByRole('button', { name: t.board.selection.move }).click();
        const cow = region(page, q['cash-cow']!);
        await card(cow, lang, a!.name).waitFor();
        await card(cow, lang, b!.name).waitFor();
        await page.getByText(fill(t.board.moves.movedMany, { n: 2, to: q['cash-cow']! })).waitFor();
        for (const c of [a!, b!]) {
          expect(((await invoke(preview, 'placements-history', { accountId: c.accountId })) as Move[])[0]).toMatchObject({ to: 'cash-cow', reason, by: first.name });
        }
        expect(await page.getByRole('group', { name: t.board.selection.label }).count()).toBe(0);
        await screenshot(page, 'board-group-moved', lang);
        // One undo puts both back.
        await page.getByRole('button', { name: t.board.undo, exact: true }).click();
        const rising = region(page, q['rising-star']!);
        await card(rising, lang, a!.name).waitFor();
        await card(rising, lang, b!.name).waitFor();
        for (const c of [a!, b!]) {
          const left = ((await invoke(preview, 'placements-history', { accountId: c.accountId })) as (Move & { matrixKey: string })[]).filter((m) => m.matrixKey === 'value-potential');
          expect(left[0]?.to).toBe('rising-star');
          expect(left.map((m) => m.reason)).not.toContain(reason);
        }
      } finally {
        await cleanup();
      }
    });

    it(`creates a tier and a matrix with Chinese names only (${lang})`, async () => {
      const t = msg(lang);
      const { preview, page, cleanup } = await fresh(browser, lang);
      try {
        await page.goto(`${preview.url}#/settings`);
        await page.getByRole('button', { name: t.settings.tiers.add }).click();
        const tierDialog = page.getByRole('dialog', { name: t.settings.tiers.addTitle });
        await tierDialog.getByLabel(t.settings.tiers.nameZh).fill('重点客户');
        await tierDialog.getByRole('button', { name: t.common.save }).click();
        const row = page.locator('tr[data-tier="zhongdiankehu"]');
        await row.waitFor();
        // The English column shows the Chinese name when no English one was given.
        expect(await row.locator('td').first().textContent()).toBe('重点客户');
        await row.scrollIntoViewIfNeeded();
        await screenshot(page, 'settings-tier-chinese-only', lang);

        await page.goto(`${preview.url}#/board/value-potential`);
        await page.getByRole('button', { name: t.board.newMatrix }).click();
        const e = t.board.editor;
        const dialog = page.getByRole('dialog', { name: e.titleNew });
        await dialog.waitFor();
        await dialog.getByLabel(e.nameZh, { exact: true }).first().fill('吸引力矩阵');
        await dialog.getByLabel(e.xLabelZh).fill('我方实力');
        await dialog.getByLabel(e.yLabelZh).fill('客户吸引力');
        const names = { tl: '培育', tr: '重点', bl: '观察', br: '维持' } as const;
        for (const [pos, name] of Object.entries(names)) {
          await dialog.getByRole('group', { name: e.position[pos as keyof typeof names] }).getByLabel(e.qNameZh).fill(name);
        }
        await screenshot(page, 'board-matrix-chinese-only', lang);
        await dialog.getByRole('button', { name: e.save }).click();
        await expect.poll(() => Promise.resolve(hashOf(page))).toBe('#/board/xiyinlijuzhen');
        // In English too the Chinese names are shown (nothing is blank).
        await page.getByRole('navigation', { name: t.board.matrixNav }).getByRole('link', { name: '吸引力矩阵' }).waitFor();
        await region(page, '重点').waitFor();
        await screenshot(page, 'board-matrix-chinese-only-saved', lang);
      } finally {
        await cleanup();
      }
    });
  }
});
