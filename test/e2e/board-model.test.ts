/**
 * Value x potential follows the seed's KAM model: the board's help says which model, the corners are
 * 潜力明星 / 明星 / 瘦狗 / 金牛, 野猫 is a verdict on a card (profit contribution below the cost to
 * serve), and a workspace from before the change keeps its history with a "model changed" entry.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/backend/db/migrate';
import { openConnection } from '../../electron/backend/db/open';
import { generateSample } from '../../electron/backend/sample/generate';
import { loadSample } from '../../electron/backend/sample/load';
import { boardCards, card, quadrantNames, region, sampleBoard } from './board-helpers';
import { fill, invoke, LANGS, launchBrowser, msg, newPage, screenshot, startPreview, tempDir } from './harness';

describe('quadrant board: the value x potential model', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const lang of LANGS) {
    it(`says which model it follows, and marks a loss-making account as 野猫 on its card (${lang})`, async () => {
      const t = msg(lang);
      const q = quadrantNames(lang);
      const { preview, page, cleanup } = await sampleBoard(browser, lang);
      try {
        for (const name of Object.values(q)) await region(page, name).waitFor();
        // The help: one line naming the model, opened on demand.
        const help = page.locator('details.board-model');
        await help.getByText(t.board.model['value-potential'].summary).click();
        await help.getByText(t.board.model['value-potential'].wildcat).waitFor();
        await help.getByText(t.board.model['value-potential'].bcg).waitFor();
        await screenshot(page, 'board-model-help', lang);
        await help.getByText(t.board.model['value-potential'].summary).click();

        // A low-potential account whose profit does not cover its cost to serve: the card says 野猫.
        const { cards } = await boardCards(preview);
        const target = cards.filter((c) => c.quadrant === 'dog').sort((a, b) => (b.revenueThisYear ?? -1) - (a.revenueThisYear ?? -1))[0]!;
        await invoke(preview, 'accounts-update', { id: target.accountId, patch: { growthPotential: 'low', profitContribution: 1_000_00, costToServe: 90_000_00 } });
        const dog = region(page, q.dog!);
        const marked = card(dog, lang, target.name);
        await expect.poll(() => marked.textContent()).toContain(t.board.card.verdictLong);
        await marked.click();
        await page.getByText(t.board.detail.verdictWildcat).waitFor();
        await screenshot(page, 'board-verdict', lang);
        const after = await boardCards(preview);
        expect((after.cards.find((c) => c.accountId === target.accountId) as unknown as { verdict: string | null }).verdict).toBe('wildcat');

        // Raised to high potential: no verdict any more (a high-potential account is never cut).
        await invoke(preview, 'accounts-update', { id: target.accountId, patch: { growthPotential: 'high' } });
        await expect.poll(async () => (await card(page, lang, target.name).locator('.visually-hidden').textContent()) ?? '').not.toContain(t.board.card.verdictLong);

        // The other built-in matrix names its own model.
        await page.getByRole('link', { name: lang === 'zh-CN' ? '重要性 × 紧急度' : 'Importance × urgency' }).click();
        await page.getByText(t.board.model['importance-urgency'].summary).waitFor();
      } finally {
        await cleanup();
      }
    });

    it(`upgrades a workspace with 野猫 placements: they are 潜力明星 now, with the old moves and a model-change entry (${lang})`, async () => {
      const t = msg(lang);
      const q = quadrantNames(lang);
      const tmp = tempDir();
      const dbPath = path.join(tmp.dir, 'keyplan.db');
      const today = new Date().toISOString().slice(0, 10);
      const old = openConnection(dbPath);
      migrate(old, { target: 6 });
      loadSample(old, generateSample({ locale: lang, accounts: 30, today }), new Date());
      const [id, name] = old.prepare('SELECT id, name FROM accounts ORDER BY id LIMIT 1').raw().get() as [number, string];
      old.prepare("INSERT INTO placement_moves (matrix_id, account_id, from_key, to_key, at, by_person, reason) VALUES (1, ?, NULL, 'wildcat', '2026-01-05T09:00:00.000Z', '刘思远', 'start')").run(id);
      old.prepare("INSERT INTO placements (matrix_id, account_id, quadrant_key, placed_at) VALUES (1, ?, 'wildcat', '2026-01-05T09:00:00.000Z')").run(id);
      old.close();
      const preview = await startPreview({ dbPath });
      const page = await newPage(browser, { lang });
      try {
        await page.goto(`${preview.url}#/board/value-potential`);
        const moved = card(region(page, q['rising-star']!), lang, name);
        await moved.click();
        const history = page.getByRole('region', { name: fill(t.board.history.titleFor, { name }) });
        await history.getByText(t.board.history.modelChanged).waitFor();
        await history.getByText(fill(t.board.history.by, { name: t.board.history.system })).waitFor();
        await history.getByText(fill(t.board.history.move, { from: lang === 'zh-CN' ? '野猫' : 'Wildcat', to: q['rising-star']! })).waitFor();
        await history.getByText('start').waitFor();
        await screenshot(page, 'board-model-migrated', lang);
      } finally {
        await page.context().close();
        await preview.stop();
        tmp.cleanup();
      }
    });
  }
});
