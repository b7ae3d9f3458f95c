import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TodayView } from '../../shared/api/accounts-views';
import { fill, inPage, invoke, LANGS, launchBrowser, msg, newPage, screenshot, startPreview, tempDir, type Locale, type Preview } from './harness';

const SOON_DAYS = 7;

describe('today: follow-up discipline', () => {
  let browser: Browser;
  let preview: Preview | undefined;
  let cleanup: (() => void) | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await preview?.stop();
    cleanup?.();
    preview = undefined;
  });

  async function start(): Promise<Preview> {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    preview = await startPreview({ dbPath: path.join(tmp.dir, 'keyplan.db') });
    return preview;
  }

  async function open(lang: Locale): Promise<Page> {
    const page = await newPage(browser, { lang });
    await page.goto(`${preview!.url}#/today`);
    await page.getByRole('heading', { level: 1, name: msg(lang).today.title }).waitFor();
    return page;
  }

  /** Closes the confirmations so that screenshots show the page under them. */
  async function dismissNotices(page: Page): Promise<void> {
    // They also leave on their own: a click may find one already gone.
    for (let i = 0; i < 5 && (await page.locator('.notice').count()) > 0; i++) {
      await page.locator('.notice__close').first().click({ timeout: 1_000 }).catch(() => undefined);
    }
    await expect.poll(() => page.locator('.notice').count(), { timeout: 10_000 }).toBe(0);
  }

  const today = () => invoke(preview!, 'today', { soonDays: SOON_DAYS }) as Promise<TodayView>;
  const overdueRow = (page: Page, accountId: number) => page.locator(`[data-testid="followups-overdue"] tr[data-account-id="${accountId}"]`);
  const overdueTotal = (page: Page, t: ReturnType<typeof msg>) =>
    page.locator('.stat').filter({ hasText: t.today.totals.overdue }).locator('.stat__value').innerText();

  for (const lang of LANGS) {
    it(`lists the sample's overdue follow-ups per owner; logging a call removes one (${lang})`, async () => {
      const t = msg(lang);
      await start();
      await invoke(preview!, 'sample-load', { locale: lang });
      const before = await today();
      expect(before.totals.overdue).toBeGreaterThan(0);
      const page = await open(lang);

      // Every owner with overdue follow-ups has a card listing exactly those accounts, worst first.
      await expect.poll(() => overdueTotal(page, t)).toBe(String(before.totals.overdue));
      for (const owner of before.owners.filter((o) => o.overdue.length > 0)) {
        const card = page.locator('.owner-card').filter({ has: page.getByRole('heading', { level: 3, name: owner.ownerName ?? t.today.owner.none, exact: true }) });
        const names = await card.locator('[data-testid="followups-overdue"] tbody th').allInnerTexts();
        expect(names).toEqual(owner.overdue.map((i) => i.accountName));
      }
      // Each account links to its page.
      const first = before.owners.find((o) => o.overdue.length > 0)!.overdue[0]!;
      expect(await overdueRow(page, first.accountId).getByRole('link').getAttribute('href')).toBe(`#/accounts/${first.accountId}`);
      await screenshot(page, 'today', lang);
      await screenshot(page, 'today-full', lang, { fullPage: true });

      // Log a call for an account overdue by its grade's cadence.
      const owner = before.owners.find((o) => o.overdue.some((i) => i.followUp.reason === 'cadence'))!;
      const item = owner.overdue.find((i) => i.followUp.reason === 'cadence')!;
      await overdueRow(page, item.accountId).getByRole('button', { name: fill(t.today.list.logFor, { name: item.accountName }) }).click();
      const dialog = page.getByRole('dialog', { name: fill(t.today.logDialog.title, { name: item.accountName }) });
      await dialog.waitFor();
      await dialog.getByLabel(t.today.logDialog.summary).fill(lang === 'en' ? 'Agreed on the Q1 review date.' : '约定了一季度复盘的时间。');
      await screenshot(page, 'today-log-dialog', lang);
      await dialog.getByRole('button', { name: t.today.logDialog.save }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText(fill(t.today.logDialog.saved.call, { name: item.accountName })).waitFor();
      await expect.poll(() => overdueRow(page, item.accountId).count()).toBe(0);
      await expect.poll(() => overdueTotal(page, t)).toBe(String(before.totals.overdue - 1));

      // The interaction exists, for today, with the owner.
      const after = await today();
      expect(after.totals.overdue).toBe(before.totals.overdue - 1);
      const detail = (await invoke(preview!, 'accounts-get', { id: item.accountId })) as { interactions: { kind: string; date: string; ownerId: number | null }[] };
      expect(detail.interactions.some((i) => i.kind === 'call' && i.date === after.today && i.ownerId === owner.ownerId)).toBe(true);

      // An account overdue on a promised next step: a visit, with the promise marked done.
      const promised = after.owners.flatMap((o) => o.overdue).find((i) => i.followUp.reason === 'next-step');
      if (promised) {
        await overdueRow(page, promised.accountId).getByRole('button', { name: fill(t.today.list.logFor, { name: promised.accountName }) }).click();
        const d2 = page.getByRole('dialog', { name: fill(t.today.logDialog.title, { name: promised.accountName }) });
        await d2.waitFor();
        await d2.getByRole('radio', { name: t.domain.interactionKind.visit }).check();
        expect(await d2.getByRole('checkbox').isChecked()).toBe(true);
        await d2.getByRole('button', { name: t.today.logDialog.save }).click();
        await d2.waitFor({ state: 'hidden' });
        const still = (await today()).owners.flatMap((o) => o.overdue).find((i) => i.accountId === promised.accountId);
        // It leaves the list unless an older promise is still open on the same account.
        if (!still) await expect.poll(() => overdueRow(page, promised.accountId).count()).toBe(0);
        else expect(still.followUp.dueDate! > promised.followUp.dueDate!).toBe(true);
      }

      // Filter by owner: only their card remains.
      const someone = after.owners.find((o) => o.ownerId !== null && o.ownerId !== owner.ownerId && o.overdue.length > 0)!;
      await page.getByLabel(t.today.owner.label).selectOption(String(someone.ownerId));
      await expect.poll(() => page.locator('.owner-card').count()).toBe(1);
      await page.getByRole('heading', { level: 3, name: someone.ownerName!, exact: true }).waitFor();
      await dismissNotices(page);
      await screenshot(page, 'today-owner', lang);

      // Compliance: per owner and per account (worst first).
      const worst = after.accounts[0]!;
      await page.getByLabel(t.today.owner.label).selectOption('');
      await expect.poll(() => page.locator('[data-testid="compliance-accounts"] tbody th').first().innerText()).toBe(worst.accountName);
      await inPage(page, `document.querySelector('.compliance-card').scrollIntoView({ block: 'start' })`);
      await screenshot(page, 'today-compliance', lang);
      await page.context().close();
    });

    it(`shows an empty state without accounts, and "all caught up" when nothing is due (${lang})`, async () => {
      const t = msg(lang);
      await start();
      const page = await open(lang);
      await page.getByRole('heading', { name: t.today.empty.title }).waitFor();
      expect(await page.getByRole('link', { name: t.today.empty.import }).getAttribute('href')).toBe('#/import');
      await screenshot(page, 'today-empty', lang);

      // Accounts just contacted (and some without a grade): nothing overdue, nothing due soon.
      const person = (await invoke(preview!, 'people-save', { name: lang === 'en' ? 'Alex Chen' : '陈志强', role: 'manager' })) as { id: number };
      const tiers = (await invoke(preview!, 'tiers-list', {})) as { id: number }[];
      const day = (await today()).today;
      for (const [i, name] of ['华东电网有限公司', '招商银行股份有限公司', '中国移动通信集团浙江有限公司'].entries()) {
        const a = (await invoke(preview!, 'accounts-create', { name, ownerId: person.id, tierId: tiers[3]!.id, ...(i < 2 ? { grade: 'D' } : {}) })) as { id: number };
        await invoke(preview!, 'interactions-save', { accountId: a.id, kind: 'visit', date: day, ownerId: person.id });
      }
      await page.getByTestId('caught-up').waitFor();
      await page.getByText(t.today.caughtUp.title).waitFor();
      expect(await page.locator('.owner-card').count()).toBe(0);
      await screenshot(page, 'today-caught-up', lang);
      await page.context().close();
    });
  }
});
