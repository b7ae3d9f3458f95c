/**
 * The mapper around the map: the account page's link to it, tender maps (people picked from the
 * account, bid roles, taking someone off), snapshots compared with now, and importing a people list
 * into an account that has no map yet (its empty state, bad rows reported, all-or-nothing).
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MapSummary, Stakeholder } from '../../shared/api/stakeholders';
import { fill, hashOf, invoke, launchBrowser, msg, newPage, screenshot, startPreview, tempDir } from './harness';
import { getMap, openSampleMap, personCard } from './stakeholders-helpers';

describe('stakeholder map: tender maps, snapshots, import', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('builds a tender map from the account people, with bid roles, and compares a snapshot with now (zh-CN)', async () => {
    const lang = 'zh-CN' as const;
    const t = msg(lang);
    const { preview, page, accountId, map, cleanup } = await openSampleMap(browser, lang);
    try {
      // The account page links to its map, with the number of people on it.
      await page.goto(`${preview.url}#/accounts/${accountId}`);
      await page.getByRole('link', { name: fill(t.mapper.accountLink.people, { n: map.members.length }) }).click();
      await expect.poll(() => Promise.resolve(hashOf(page))).toBe(`#/stakeholders/${accountId}`);
      await page.locator('.react-flow__node').first().waitFor();

      // A tender map that is still empty explains itself.
      const tenders = await Promise.all(map.tenders.map(async (x) => ({ x, m: await getMap(preview, accountId, x.id) })));
      const empty = tenders.find((e) => e.m.members.length === 0) ?? tenders[0]!;
      const tender = empty.x;
      await page.getByRole('combobox', { name: t.mapper.tenderPick.label }).selectOption(String(tender.id));
      await expect.poll(() => Promise.resolve(hashOf(page))).toBe(`#/stakeholders/${accountId}/tender/${tender.id}`);
      const before = empty.m.members.length;
      if (before === 0) {
        await page.getByRole('heading', { name: fill(t.mapper.empty.tenderTitle, { tender: tender.name }) }).waitFor();
        await screenshot(page, 'stakeholders-tender-empty', lang);
        await page.getByRole('button', { name: t.mapper.empty.pick }).click();
      } else {
        await page.locator('.react-flow__node').first().waitFor();
        await page.getByRole('button', { name: fill(t.mapper.members.button, { n: empty.m.notOnMap.length }) }).click();
      }

      // Pick two people of the account.
      const members = page.getByTestId('members-panel');
      await members.getByRole('heading', { name: t.mapper.members.title }).waitFor();
      const [a, b] = empty.m.notOnMap;
      await members.getByRole('checkbox', { name: new RegExp(`^${a!.name}`) }).check();
      await members.getByRole('checkbox', { name: new RegExp(`^${b!.name}`) }).check();
      await members.getByRole('button', { name: fill(t.mapper.members.addN, { n: 2 }) }).click();
      await expect.poll(() => page.locator('.react-flow__node').count()).toBe(before + 2);
      await page.getByText(fill(t.mapper.members.added, { n: 2 })).waitFor();

      // Bid roles: this person is a technical evaluator for this bid.
      await personCard(page, lang, a!.name).click();
      const panel = page.getByTestId('person-panel');
      await panel.getByRole('heading', { name: a!.name }).waitFor();
      const bid = panel.getByRole('group', { name: fill(t.mapper.person.bidRoles, { tender: tender.name }) });
      for (const box of await bid.getByRole('checkbox', { checked: true }).all()) await box.uncheck();
      await bid.getByRole('checkbox', { name: t.dmu.roles['technical-evaluator'] }).check();
      await screenshot(page, 'stakeholders-tender', lang);
      await panel.getByRole('button', { name: t.common.save }).click();
      await expect
        .poll(async () => (await getMap(preview, accountId, tender.id)).members.find((m) => m.id === a!.id)?.mapRoles)
        .toEqual(['technical-evaluator']);
      await personCard(page, lang, a!.name).getByText(t.dmu.rolesShort['technical-evaluator'], { exact: true }).waitFor();
      // The account map keeps the account roles.
      const onAccount = (await getMap(preview, accountId)).members.find((m) => m.id === a!.id)!;
      expect(onAccount.roles).toEqual(map.members.find((m) => m.id === a!.id)!.roles);

      // Off the tender map (still on the account's), and back with undo.
      await panel.getByRole('button', { name: t.mapper.person.removeFromTender }).click();
      await expect.poll(() => page.locator('.react-flow__node').count()).toBe(before + 1);
      expect((await getMap(preview, accountId)).members.some((m) => m.id === a!.id)).toBe(true);
      await page.getByRole('button', { name: t.mapper.history.undo, exact: true }).click();
      await expect.poll(() => page.locator('.react-flow__node').count()).toBe(before + 2);

      // --- snapshots: save one, change an attitude, compare with now --------------------------------
      await page.locator('.map-tabs a').first().click();
      await expect.poll(() => Promise.resolve(hashOf(page))).toBe(`#/stakeholders/${accountId}`);
      await page.getByRole('button', { name: t.mapper.snapshots.button }).click();
      const dialog = page.getByRole('dialog', { name: t.mapper.snapshots.title });
      await dialog.getByLabel(t.mapper.snapshots.label, { exact: true }).fill('评审会前');
      await dialog.getByRole('button', { name: t.mapper.snapshots.save }).click();
      const row = dialog.getByTestId('snapshot-list').getByRole('row', { name: /评审会前/ });
      await row.waitFor();
      const sceptic = map.members.find((m) => m.attitude === -1) ?? map.members.find((m) => m.attitude !== 2)!;
      await invoke(preview, 'stakeholders-update', { id: sceptic.id, patch: { attitude: 2 } });
      await row.getByRole('button', { name: t.mapper.snapshots.compareNow }).click();
      const result = dialog.getByTestId('snapshot-result');
      const change = result.getByRole('row', { name: new RegExp(sceptic.name) });
      await change.waitFor();
      expect(await change.innerText()).toContain(t.mapper.snapshots.fields.attitude);
      expect(await change.innerText()).toContain(t.dmu.attitudes['2']);
      await screenshot(page, 'stakeholders-snapshots', lang);
      await dialog.getByRole('button', { name: t.common.close }).click();
    } catch (e) {
      await screenshot(page, 'stakeholders-tender-failure', lang);
      throw e;
    } finally {
      await cleanup();
    }
  });

  it('imports a people list into an account without a map: bad rows first, then all at once (en)', async () => {
    const lang = 'en' as const;
    const t = msg(lang);
    const tmp = tempDir();
    const preview = await startPreview({ dbPath: path.join(tmp.dir, 'keyplan.db') });
    const page = await newPage(browser, { lang });
    try {
      const account = (await invoke(preview, 'accounts-create', { name: 'Northwind Power Grid' })) as { id: number };
      await page.goto(`${preview.url}#/stakeholders`);
      const table = page.getByTestId('maps-table');
      await table.getByText(t.mapper.landing.notMapped).waitFor();
      await screenshot(page, 'stakeholders-landing-empty', lang);
      await table.getByRole('link', { name: 'Northwind Power Grid' }).click();
      await page.getByRole('heading', { name: t.mapper.empty.title }).waitFor();
      await screenshot(page, 'stakeholders-empty', lang);

      await page.getByRole('button', { name: t.mapper.empty.import }).click();
      const dialog = page.getByRole('dialog', { name: fill(t.mapper.import.title, { account: 'Northwind Power Grid' }) });
      const csv = [
        'Name,Title,Department,Level,Reports to,Roles,Attitude,Owner,WeChat',
        'Grace Lin,General Manager,Management,top,,decision-maker,1,Chen Jing,gl88',
        'Tom Reed,Chief Engineer,Engineering,middle,Grace Lin,veto-holder;technical-evaluator,-1,,',
        'Ada Hall,Engineer,Engineering,base,Tom Reed,user,0,Chen Jing,',
        'Bo Wu,Buyer,Procurement,middle,Grace Lin,wizard,0,,',
      ].join('\n');
      await dialog.getByTestId('stakeholder-import-file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
      const report = dialog.getByTestId('stakeholder-import-report');
      await report.waitFor();
      // The mapping was recognised from the headers; the dry run names the bad row and why.
      expect(await dialog.getByLabel(fill(t.importer.mapping.targetFor, { column: 'Reports to' })).inputValue()).toBe('reportsTo');
      const errors = dialog.getByTestId('stakeholder-import-errors');
      await errors.getByRole('cell', { name: t.domain.importError['unknown-role'] }).waitFor();
      expect(await errors.getByRole('row').count()).toBe(2);
      // The column no field takes is named as left out, with why.
      const left = dialog.getByTestId('stakeholder-import-not-imported');
      expect(await left.locator('li').allInnerTexts()).toEqual([`WeChat ${t.importer.check.reasons.unknown}`]);
      await screenshot(page, 'stakeholders-import', lang);
      await left.scrollIntoViewIfNeeded();
      await screenshot(page, 'stakeholders-import-not-imported', lang);

      // All or nothing: with a bad row, nothing is imported.
      await dialog.getByRole('button', { name: t.mapper.import.run, exact: true }).click();
      await dialog.getByTestId('stakeholder-import-rejected').waitFor();
      expect((await invoke(preview, 'stakeholders-list', { accountId: account.id })) as Stakeholder[]).toHaveLength(0);
      // Skipping the bad row imports the rest, with their reporting lines.
      await dialog.getByRole('checkbox', { name: t.importer.run.skip }).check();
      await dialog.getByRole('button', { name: t.mapper.import.run, exact: true }).click();
      await page.getByText(fill(t.mapper.import.done, { created: 3, updated: 0, lines: 2 })).waitFor();
      await expect.poll(() => page.locator('.react-flow__node').count()).toBe(3);
      const map = await getMap(preview, account.id);
      expect(map.lines.filter((l) => l.kind === 'reports')).toHaveLength(2);
      expect(map.members.find((m) => m.name === 'Tom Reed')!.roles.sort()).toEqual(['technical-evaluator', 'veto-holder']);
      await page.getByTestId('gap-list').waitFor();
      await screenshot(page, 'stakeholders-imported', lang);
      const maps = (await invoke(preview, 'maps-list', {})) as MapSummary[];
      expect(maps.find((m) => m.accountId === account.id)!.people).toBe(3);
    } catch (e) {
      await screenshot(page, 'stakeholders-import-failure', lang);
      throw e;
    } finally {
      await page.context().close();
      await preview.stop();
      tmp.cleanup();
    }
  });

  it('imports a people list with Chinese headers and words, the bad row explained in Chinese (zh-CN)', async () => {
    const lang = 'zh-CN' as const;
    const t = msg(lang);
    const tmp = tempDir();
    const preview = await startPreview({ dbPath: path.join(tmp.dir, 'keyplan.db') });
    const page = await newPage(browser, { lang });
    try {
      const account = (await invoke(preview, 'accounts-create', { name: '华北电网有限公司' })) as { id: number };
      await page.goto(`${preview.url}#/stakeholders/${account.id}`);
      await page.getByRole('button', { name: t.mapper.empty.import }).click();
      const dialog = page.getByRole('dialog', { name: fill(t.mapper.import.title, { account: '华北电网有限公司' }) });
      const csv = [
        '姓名,职务,部门,层级,上级,角色,态度,微信',
        '林雪,总经理,经理层,高层,,决策者,1,lx01',
        '唐锐,总工程师,工程部,中层,林雪,技术评估者,-1,',
        '吴博,采购员,采购部,中层,林雪,巫师,0,',
      ].join('\n');
      await dialog.getByTestId('stakeholder-import-file').setInputFiles({ name: '决策链.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
      await dialog.getByTestId('stakeholder-import-report').waitFor();
      expect(await dialog.getByLabel(fill(t.importer.mapping.targetFor, { column: '上级' })).inputValue()).toBe('reportsTo');
      const errors = dialog.getByTestId('stakeholder-import-errors');
      await errors.getByRole('cell', { name: t.domain.importError['unknown-role'] }).waitFor();
      expect(await errors.getByRole('row').count()).toBe(2);
      await screenshot(page, 'stakeholders-import', lang);
      const left = dialog.getByTestId('stakeholder-import-not-imported');
      expect(await left.locator('li').allInnerTexts()).toEqual([`微信 ${t.importer.check.reasons.unknown}`]);
      await left.scrollIntoViewIfNeeded();
      await screenshot(page, 'stakeholders-import-not-imported', lang);
      await dialog.getByRole('checkbox', { name: t.importer.run.skip }).check();
      await dialog.getByRole('button', { name: t.mapper.import.run, exact: true }).click();
      await page.getByText(fill(t.mapper.import.done, { created: 2, updated: 0, lines: 1 })).waitFor();
      await expect.poll(() => page.locator('.react-flow__node').count()).toBe(2);
    } catch (e) {
      await screenshot(page, 'stakeholders-import-failure', lang);
      throw e;
    } finally {
      await page.context().close();
      await preview.stop();
      tmp.cleanup();
    }
  });
});
