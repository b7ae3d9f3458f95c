/**
 * The account page on the sample workspace: open an account from the list, edit a field and see it
 * persist, add an interaction and see the follow-up state change, add an opportunity and a
 * satisfaction score, delete the account and undo; a competitor added, edited and deleted in the
 * tab's form; and every tab in both languages.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountDetail, AccountQueryResult } from '../../shared/api/accounts';
import { fill, hashOf, invoke, LANGS, launchBrowser, msg, newPage, screenshot, startPreview, tempDir, type Locale, type Preview } from './harness';

const TABS = ['overview', 'revenue', 'interactions', 'opportunities', 'competitors', 'receivables'] as const;

describe('account page', () => {
  let browser: Browser;
  let preview: Preview;
  let cleanup: () => void;

  beforeAll(async () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    [browser, preview] = await Promise.all([launchBrowser(), startPreview({ dbPath: path.join(tmp.dir, 'keyplan.db') })]);
    await invoke(preview, 'sample-load', { locale: 'zh-CN' });
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    cleanup?.();
  });

  const detail = (id: number) => invoke(preview, 'accounts-get', { id }) as Promise<AccountDetail>;
  const tab = (page: Page, lang: Locale, name: (typeof TABS)[number]) => page.getByRole('tab', { name: msg(lang).accounts.tabs[name] });

  it('edits, follows up, adds an opportunity, deletes and undoes (zh-CN)', async () => {
    const t = msg('zh-CN');
    // An account overdue by its grade's cadence, with no open promised step: a contact today clears it.
    const overdue = (await invoke(preview, 'accounts-query', { overdueOnly: true })) as AccountQueryResult;
    let target: AccountDetail | undefined;
    for (const row of overdue.rows.filter((r) => r.followUp.reason === 'cadence')) {
      const d = await detail(row.id);
      if (d.interactions.every((i) => !i.nextStep || i.nextDone || !i.nextDue)) {
        target = d;
        break;
      }
    }
    expect(target).toBeDefined();
    const account = target!.account;

    const page = await newPage(browser, { lang: 'zh-CN' });
    await page.goto(`${preview.url}#/accounts`);
    await page.getByRole('searchbox', { name: t.accounts.search.label }).fill(account.name);
    await page.locator('tr.acct-row', { hasText: account.name }).first().click();
    await page.getByRole('heading', { level: 1, name: account.name }).waitFor();
    expect(hashOf(page)).toBe(`#/accounts/${account.id}`);
    const followUp = page.getByTestId('follow-up');
    await followUp.getByText(/逾期未联系 \d+ 天/).waitFor();
    expect(await followUp.locator('.badge').getAttribute('title')).toContain(t.domain.followUpWhy.rule);

    // Edit: a money field accepts "1.2万" and reads it back; a bad number is refused inline.
    const terms = page.getByLabel(t.domain.field.paymentTerms);
    await terms.fill('预付 30%，其余月结 60 天');
    const receivable = page.getByLabel(t.domain.field.receivableOutstanding);
    await receivable.fill('1.2万');
    const lang12000 = '¥12,000（¥1.2万）';
    await page.getByText(fill(t.accounts.overview.moneyEquals, { value: lang12000 })).waitFor();
    const employees = page.getByLabel(t.domain.field.employees);
    await employees.fill('很多');
    await page.getByRole('button', { name: t.accounts.overview.save }).click();
    await page.getByText(t.accounts.validation.integer).waitFor();
    expect(await employees.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'account-overview-invalid', 'zh-CN');
    await employees.fill('3200');
    await page.getByRole('button', { name: t.accounts.overview.save }).click();
    await page.getByText(t.accounts.overview.saved).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: account.name }).waitFor();
    await expect.poll(() => page.getByLabel(t.domain.field.paymentTerms).inputValue()).toBe('预付 30%，其余月结 60 天');
    expect(await page.getByLabel(t.domain.field.receivableOutstanding).inputValue()).toBe('12,000');
    expect(await page.getByLabel(t.domain.field.employees).inputValue()).toBe('3200');
    expect((await detail(account.id)).account.receivableOutstanding).toBe(1_200_000);

    // A visit today: the follow-up state is no longer overdue.
    await tab(page, 'zh-CN', 'interactions').click();
    expect(hashOf(page)).toBe(`#/accounts/${account.id}/interactions`);
    await page.getByRole('button', { name: t.accounts.interactions.add }).click();
    const form = page.getByRole('form', { name: t.accounts.interactions.addTitle });
    await form.getByLabel(t.accounts.interactions.summary).fill('拜访信息中心主任，介绍新一代方案');
    await form.getByLabel(t.accounts.interactions.nextStep, { exact: true }).fill('发送方案建议书');
    // Dates are typed as people write them and shown as 2026-12-09 in either language.
    const nextDue = form.getByLabel(t.accounts.interactions.nextDue, { exact: true });
    await nextDue.fill('2026年13月9日');
    await nextDue.blur();
    await form.getByText(t.common.invalidDate).waitFor();
    expect(await nextDue.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'account-date-invalid', 'zh-CN');
    await nextDue.fill('2026年12月9日');
    await nextDue.blur();
    await expect.poll(() => nextDue.inputValue()).toBe('2026-12-09');
    expect(await form.getByText(t.common.invalidDate).count()).toBe(0);
    await screenshot(page, 'account-interaction-form', 'zh-CN');
    await form.getByRole('button', { name: t.accounts.form.save }).click();
    await page.getByText('拜访信息中心主任，介绍新一代方案').waitFor();
    await expect.poll(() => followUp.innerText()).not.toMatch(/逾期/);
    expect(await page.locator('.acct-timeline__item').first().innerText()).toContain('拜访信息中心主任');
    expect((await detail(account.id)).followUp.state).not.toBe('overdue');
    expect((await detail(account.id)).interactions.find((i) => i.nextStep === '发送方案建议书')?.nextDue).toBe('2026-12-09');

    // Next year's target before any revenue: revenue may stay empty; an empty year is refused.
    await tab(page, 'zh-CN', 'revenue').click();
    await page.getByRole('button', { name: t.accounts.revenue.add }).first().click();
    const next = new Date().getFullYear() + 1;
    const yearField = page.getByLabel(t.accounts.revenue.year, { exact: true });
    await yearField.fill(String(next));
    await page.getByRole('button', { name: t.accounts.form.save }).click();
    await page.getByText(t.accounts.revenue.needOne).waitFor();
    await page.getByLabel(t.accounts.revenue.target, { exact: true }).fill('500万');
    await page.getByRole('button', { name: t.accounts.form.save }).click();
    await page.getByText(fill(t.accounts.revenue.saved, { year: next })).waitFor();
    const nextYear = (await detail(account.id)).revenue.find((r) => r.year === next);
    expect(nextYear).toEqual({ year: next, revenue: null, target: 5_000_000_00, profit: null });
    await screenshot(page, 'account-revenue-target-only', 'zh-CN');

    // An opportunity in solution validation, with rivals.
    await tab(page, 'zh-CN', 'opportunities').click();
    await page.getByRole('button', { name: t.accounts.opportunities.add }).click();
    const opp = page.getByRole('form', { name: t.accounts.opportunities.addTitle });
    await opp.getByLabel(t.accounts.opportunities.name, { exact: true }).fill('2027 年数据中心扩容');
    await opp.getByLabel(t.accounts.opportunities.value, { exact: true }).fill('350万');
    await opp.getByLabel(t.accounts.opportunities.stage, { exact: true }).selectOption('validation');
    await opp.getByLabel(t.accounts.opportunities.rivals, { exact: true }).fill('华拓集成、恒信科技');
    await opp.getByRole('button', { name: t.accounts.form.save }).click();
    const card = page.locator('.opp', { hasText: '2027 年数据中心扩容' });
    await card.getByText('¥350万').waitFor();
    await card.getByRole('list', { name: fill(t.accounts.opportunities.stepsLabel, { stage: t.domain.opportunityStage.validation }) }).waitFor();
    expect(await card.locator('[aria-current="step"]').innerText()).toBe(t.domain.opportunityStage.validation);
    const saved = (await detail(account.id)).opportunities.find((o) => o.name === '2027 年数据中心扩容')!;
    expect(saved.value).toBe(350_000_000);
    expect(saved.rivals).toEqual(['华拓集成', '恒信科技']);
    await screenshot(page, 'account-opportunity-added', 'zh-CN');

    // A satisfaction score.
    await tab(page, 'zh-CN', 'receivables').click();
    const before = (await detail(account.id)).satisfaction.length;
    await page.getByLabel(t.accounts.satisfaction.score, { exact: true }).fill('88');
    await page.getByLabel(t.accounts.satisfaction.source).fill('季度回访');
    await page.getByRole('button', { name: t.accounts.satisfaction.add }).click();
    await page.getByText(t.accounts.satisfaction.saved).waitFor();
    await expect.poll(async () => (await detail(account.id)).satisfaction.length).toBe(before + 1);

    // Delete asks first, returns to the list, and can be undone.
    await page.getByRole('button', { name: t.accounts.detail.delete }).click();
    const confirm = page.getByRole('dialog', { name: fill(t.accounts.detail.deleteTitle, { name: account.name }) });
    await screenshot(page, 'account-delete-confirm', 'zh-CN');
    await confirm.getByRole('button', { name: t.accounts.detail.deleteConfirm }).click();
    await expect.poll(() => Promise.resolve(hashOf(page))).toBe('#/accounts');
    const notice = page.getByRole('status').filter({ hasText: fill(t.accounts.detail.deleted, { name: account.name }) });
    await notice.waitFor();
    await page.getByRole('searchbox', { name: t.accounts.search.label }).fill(account.name);
    await page.getByText(fill(t.accounts.search.noResultsFor, { query: account.name })).waitFor();
    await screenshot(page, 'account-deleted-undo', 'zh-CN');
    await notice.getByRole('button', { name: t.accounts.detail.undo }).click();
    await page.getByText(fill(t.accounts.detail.restored, { name: account.name })).waitFor();
    await page.locator('tr.acct-row', { hasText: account.name }).first().waitFor();
    expect((await detail(account.id)).opportunities.some((o) => o.name === '2027 年数据中心扩容')).toBe(true);
    await page.context().close();
  });

  for (const lang of LANGS) {
    it(`adds, edits and deletes a competitor in the tab's own form; a name is required, Cancel changes nothing (${lang})`, async () => {
      const t = msg(lang);
      const c = t.accounts.competitors;
      const all = (await invoke(preview, 'accounts-query', {})) as AccountQueryResult;
      const id = all.rows[lang === 'en' ? 1 : 2]!.id;
      const name = lang === 'en' ? 'Northwind Systems' : '北风系统';
      const page = await newPage(browser, { lang });
      await page.goto(`${preview.url}#/accounts/${id}/competitors`);
      const before = (await detail(id)).competitors.length;

      // Cancel closes the form and saves nothing.
      await page.getByRole('button', { name: c.add }).click();
      await page.getByRole('form', { name: c.addTitle }).getByRole('button', { name: t.common.cancel }).click();
      await page.getByRole('button', { name: c.add }).waitFor();
      expect(await page.getByRole('form', { name: c.addTitle }).count()).toBe(0);

      // A name is required; then it saves with a notice and the form closes.
      await page.getByRole('button', { name: c.add }).click();
      const form = page.getByRole('form', { name: c.addTitle });
      await form.getByRole('button', { name: t.common.save }).click();
      await form.getByText(t.accounts.validation.required).waitFor();
      await form.getByLabel(c.name, { exact: true }).fill(name);
      await form.getByLabel(c.position, { exact: true }).fill(lang === 'en' ? 'Incumbent' : '现有供应商');
      await screenshot(page, 'account-competitor-form', lang);
      await form.getByRole('button', { name: t.common.save }).click();
      await page.getByText(fill(c.saved, { name })).first().waitFor();
      await form.waitFor({ state: 'detached' });
      expect((await detail(id)).competitors.length).toBe(before + 1);

      // Edit in the same form.
      await page.getByRole('button', { name: fill(t.accounts.form.editFor, { name }) }).click();
      const edit = page.getByRole('form', { name: c.editTitle });
      await edit.getByLabel(c.position, { exact: true }).fill(lang === 'en' ? 'Challenger' : '挑战者');
      await edit.getByRole('button', { name: t.common.save }).click();
      await edit.waitFor({ state: 'detached' });
      await expect.poll(async () => (await detail(id)).competitors.find((x) => x.name === name)?.position).toBe(lang === 'en' ? 'Challenger' : '挑战者');

      // Delete asks first.
      await page.getByRole('button', { name: fill(t.accounts.form.deleteFor, { name }) }).click();
      const confirm = page.getByRole('dialog', { name: fill(c.deleteTitle, { name }) });
      await screenshot(page, 'account-competitor-delete-confirm', lang);
      await confirm.getByRole('button', { name: t.accounts.form.delete }).click();
      await page.getByText(fill(c.deleted, { name })).first().waitFor();
      expect((await detail(id)).competitors.length).toBe(before);
      await page.context().close();
    });

    it(`shows every tab (${lang})`, async () => {
      const t = msg(lang);
      // The account with the most to show.
      const all = (await invoke(preview, 'accounts-query', {})) as AccountQueryResult;
      let best: AccountDetail | undefined;
      let score = -1;
      for (const row of all.rows) {
        const d = await detail(row.id);
        const s = Math.min(d.competitors.length, 2) * 3 + Math.min(d.opportunities.length, 3) * 2 + Math.min(d.satisfaction.length, 3) + (d.account.parentId ? 2 : 0) + (d.account.receivableOutstanding ? 2 : 0);
        if (s > score) {
          score = s;
          best = d;
        }
      }
      const a = best!.account;
      const page = await newPage(browser, { lang });
      await page.goto(`${preview.url}#/accounts/${a.id}`);
      await page.getByRole('heading', { level: 1, name: a.name }).waitFor();
      expect(await page.getByRole('tablist', { name: t.accounts.detail.tabsLabel }).count()).toBe(1);
      await screenshot(page, 'account-overview', lang);
      await screenshot(page, 'account-overview-full', lang, { fullPage: true });
      for (const name of TABS.slice(1)) {
        await tab(page, lang, name).click();
        expect(await tab(page, lang, name).getAttribute('aria-selected')).toBe('true');
        await page.getByRole('tabpanel').waitFor();
        if (name === 'revenue' || name === 'receivables') await page.locator('.chart svg').first().waitFor();
        await screenshot(page, `account-${name}`, lang);
      }
      // Arrow keys move between tabs.
      await tab(page, lang, 'receivables').focus();
      await page.keyboard.press('Home');
      await expect.poll(() => tab(page, lang, 'overview').getAttribute('aria-selected')).toBe('true');
      await page.context().close();
    });
  }
});
