/**
 * Reading the board: as of an earlier date (read-only), the changes since a date, search and
 * filters, custom matrices, and the export for the forum (PNG and a one-page A4 PDF).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardCards, card, daysAgo, quadrantNames, region, sampleBoard } from './board-helpers';
import { fill, hashOf, LANGS, launchBrowser, msg, SCREENSHOTS, screenshot } from './harness';

describe('quadrant board: reading and printing', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const lang of LANGS) {
    it(`shows the board as of a date and the changes since one (${lang})`, async () => {
      const t = msg(lang);
      const q = quadrantNames(lang);
      const { preview, page, cleanup } = await sampleBoard(browser, lang);
      try {
        await region(page, q.star!).waitFor();
        // The sample placed everything 150 days ago and moved some 40 days ago.
        const before = daysAgo(60);
        const { cards, changes } = await boardCards(preview, { since: before });
        const change = changes.find((c) => c.from !== null && c.to !== null)!;
        const moved = cards.find((c) => c.accountId === change.accountId)!;
        expect(moved.quadrant).toBe(change.to);
        await card(region(page, q[change.to!]!), lang, moved.name).waitFor();

        // As of a date before the mid-year moves: the earlier placement, and nothing can move.
        await page.getByLabel(t.board.asOf.label, { exact: true }).fill(before);
        await card(region(page, q[change.from!]!), lang, moved.name).waitFor();
        expect(hashOf(page)).toBe(`#/board/value-potential?asOf=${before}`);
        await page.locator('.board-banner--asof').waitFor();
        expect(await card(region(page, q[change.from!]!), lang, moved.name).getAttribute('aria-disabled')).toBe('true');
        expect(await page.getByRole('button', { name: fill(t.board.card.menu, { name: moved.name }) }).count()).toBe(0);
        await screenshot(page, 'board-as-of', lang);
        await page.getByRole('button', { name: t.board.asOf.back }).click();
        await card(region(page, q[change.to!]!), lang, moved.name).waitFor();

        // Changes since: moved cards say where they came from; the side list names them all.
        await page.getByLabel(t.board.since.label, { exact: true }).fill(before);
        const tag = fill(t.board.card.movedFrom, { from: q[change.from!]! });
        await card(region(page, q[change.to!]!), lang, moved.name).getByText(tag, { exact: true }).waitFor();
        const list = page.getByRole('region', { name: t.board.changes.title });
        await list.getByText(fill(t.board.changes.count, { n: changes.length })).waitFor();
        await list.getByText(fill(t.board.changes.fromTo, { from: q[change.from!]!, to: q[change.to!]! })).first().waitFor();
        await screenshot(page, 'board-changes-since', lang);
        // The list leads to the card and its history.
        await list.getByRole('button', { name: fill(t.board.changes.showLabel, { name: moved.name }) }).click();
        await page.getByRole('region', { name: fill(t.board.history.titleFor, { name: moved.name }) }).waitFor();
        // A reload keeps the view (the dates live in the URL).
        await page.reload();
        await card(region(page, q[change.to!]!), lang, moved.name).getByText(tag, { exact: true }).waitFor();
      } finally {
        await cleanup();
      }
    });

    it(`exports the board as PNG and as a one-page PDF (${lang})`, async () => {
      const t = msg(lang);
      const q = quadrantNames(lang);
      const { page, cleanup } = await sampleBoard(browser, lang);
      try {
        await region(page, q.star!).waitFor();
        const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t.board.exportPdf }).click()]);
        expect(pdf.suggestedFilename()).toMatch(/^keyplan-value-potential-\d{4}-\d{2}-\d{2}\.pdf$/);
        fs.mkdirSync(SCREENSHOTS, { recursive: true });
        const pdfPath = path.join(SCREENSHOTS, `board-export-${lang}.pdf`);
        await pdf.saveAs(pdfPath);
        const bytes = fs.readFileSync(pdfPath);
        expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
        for (const name of Object.values(q)) expect(text).toContain(name);
        const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
        expect(info).toMatch(/Pages:\s+1\b/);
        expect(info).toMatch(/Page size:\s+841\.\d+ x 59\d\.\d+ pts \(A4\)/);
        // Look at it as a person would: a small picture of the page.
        execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', pdfPath, path.join(SCREENSHOTS, `board-export-pdf-${lang}`)]);

        const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t.board.exportPng }).click()]);
        expect(png.suggestedFilename()).toMatch(/\.png$/);
        const pngPath = path.join(SCREENSHOTS, `board-export-${lang}.png`);
        await png.saveAs(pngPath);
        expect([...fs.readFileSync(pngPath).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        await page.getByText(fill(t.board.exported, { file: png.suggestedFilename() })).waitFor();
      } finally {
        await cleanup();
      }
    });

    it(`creates, edits and deletes a matrix of its own (${lang})`, async () => {
      const t = msg(lang);
      const e = t.board.editor;
      const zh = lang === 'zh-CN';
      const { page, cleanup } = await sampleBoard(browser, lang);
      try {
        await region(page, quadrantNames(lang).star!).waitFor();
        await page.getByRole('button', { name: t.board.newMatrix }).click();
        const dialog = page.getByRole('dialog', { name: e.titleNew });
        await dialog.waitFor();
        // Saving empty says what is missing, at the field.
        await dialog.getByRole('button', { name: e.save }).click();
        await dialog.getByText(e.required).first().waitFor();
        await dialog.getByLabel(e.nameZh, { exact: true }).first().fill('吸引力 × 实力');
        await dialog.getByLabel(e.nameEn, { exact: true }).first().fill('Attractiveness x strength');
        await dialog.getByLabel(e.xLabelZh).fill('我方实力');
        await dialog.getByLabel(e.xLabelEn).fill('Our strength');
        await dialog.getByLabel(e.yLabelZh).fill('客户吸引力');
        await dialog.getByLabel(e.yLabelEn).fill('Attractiveness');
        expect(await dialog.getByLabel(e.key, { exact: true }).inputValue()).toBe('attractiveness-x-strength');
        const quads = {
          tl: ['选择投入', 'Selective'],
          tr: ['重点发展', 'Grow'],
          bl: ['维持观望', 'Maintain'],
          br: ['收获利润', 'Harvest'],
        } as const;
        for (const [pos, [nameZh, nameEn]] of Object.entries(quads)) {
          const group = dialog.getByRole('group', { name: e.position[pos as keyof typeof quads] });
          await group.getByLabel(e.qNameZh).fill(nameZh);
          await group.getByLabel(e.qNameEn).fill(nameEn);
        }
        await dialog.getByRole('group', { name: e.position.tr }).getByLabel(e.treatmentZh).fill('加大投入，争取份额。');
        await dialog.getByRole('group', { name: e.position.tr }).getByLabel(e.treatmentEn).fill('Invest to win share.');
        await screenshot(page, 'board-matrix-editor', lang);
        await dialog.getByRole('button', { name: e.save }).click();
        await expect.poll(() => Promise.resolve(hashOf(page))).toBe('#/board/attractiveness-x-strength');
        const grow = region(page, zh ? '重点发展' : 'Grow');
        await grow.waitFor();
        await page.getByRole('navigation', { name: t.board.matrixNav }).getByRole('link', { name: zh ? '吸引力 × 实力' : 'Attractiveness x strength' }).waitFor();
        // Every account waits in the tray of a new matrix: the largest first, then all of them.
        const tray = region(page, t.board.tray.title);
        await tray.getByRole('button', { name: fill(t.board.quadrant.showAll, { n: 40 }) }).click();
        await expect.poll(() => tray.getByRole('listitem').count()).toBe(40);
        await tray.getByRole('button', { name: fill(t.board.quadrant.showFewer, { n: 24 }) }).waitFor();

        // Edit it, then delete it (it is not built in).
        await page.getByRole('button', { name: t.board.editMatrix }).click();
        const edit = page.getByRole('dialog', { name: fill(e.titleEdit, { name: zh ? '吸引力 × 实力' : 'Attractiveness x strength' }) });
        await edit.waitFor();
        expect(await edit.getByLabel(e.key, { exact: true }).isDisabled()).toBe(true);
        await edit.getByRole('button', { name: e.delete }).click();
        const confirm = page.getByRole('dialog', { name: fill(e.deleteTitle, { name: zh ? '吸引力 × 实力' : 'Attractiveness x strength' }) });
        await confirm.getByRole('button', { name: e.delete }).click();
        await expect.poll(() => Promise.resolve(hashOf(page))).toBe('#/board/value-potential');

        // A built-in matrix: the revenue threshold and the potential level are editable, not deletable.
        await page.getByRole('button', { name: t.board.editMatrix }).click();
        const builtin = page.getByRole('dialog', { name: fill(e.titleEdit, { name: zh ? '价值 × 潜力' : 'Value × potential' }) });
        await builtin.waitFor();
        expect(await builtin.getByLabel(e.revenueThreshold).inputValue()).toBe('2000000');
        expect(await builtin.getByRole('button', { name: e.delete }).count()).toBe(0);
        await screenshot(page, 'board-matrix-editor-builtin', lang);
        await builtin.getByRole('button', { name: t.common.cancel }).click();
        await expect.poll(() => builtin.count()).toBe(0);
      } finally {
        await cleanup();
      }
    });
  }

  it('filters by owner and finds an account by name', async () => {
    const lang = 'zh-CN';
    const t = msg(lang);
    const { preview, page, cleanup } = await sampleBoard(browser, lang);
    try {
      await region(page, '明星').waitFor();
      const { cards } = await boardCards(preview);
      const target = cards.find((c) => c.quadrant === 'dog')!;
      const search = page.getByRole('searchbox', { name: t.board.search.label });
      await search.fill(target.name);
      await page.getByText(fill(t.board.search.matches, { n: cards.filter((c) => c.name.includes(target.name)).length })).waitFor();
      await expect.poll(async () => (await card(page, lang, target.name).locator('..').getAttribute('class')) ?? '').toContain('is-match');
      await screenshot(page, 'board-search', lang);
      await search.press('Enter');
      await expect.poll(() => page.evaluate('(document.activeElement && document.activeElement.textContent) || ""')).toMatch(new RegExp(`^${target.name}`));

      const owners = [...new Set(cards.map((c) => c.ownerName).filter((o): o is string => o !== null))];
      const owner = owners[0]!;
      await page.getByLabel(t.board.filters.owner, { exact: true }).selectOption({ label: owner });
      const mine = cards.filter((c) => c.ownerName === owner).length;
      await page.getByText(fill(t.board.legend.summary, { n: mine, unplaced: 0 })).waitFor();
      await page.getByRole('button', { name: t.board.filters.clear }).click();
      await page.getByText(fill(t.board.legend.summary, { n: cards.length, unplaced: 0 })).waitFor();
    } finally {
      await cleanup();
    }
  });
});
