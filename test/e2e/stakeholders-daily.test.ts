/**
 * The mapper's daily use (issue 11), in both languages: a new line released on a person's card,
 * away from its dots, connects to that card; a people list without a level column offers the
 * levels its titles suggest, which are set only when confirmed.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stakeholder } from '../../shared/api/stakeholders';
import { fill, invoke, LANGS, launchBrowser, msg, newPage, screenshot, startPreview, tempDir } from './harness';
import { getMap, handle, mouseDrag, personCard } from './stakeholders-helpers';

describe('stakeholder map: daily use', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const lang of LANGS) {
    it(`connects a line dropped on a card, and sets levels from titles when confirmed (${lang})`, async () => {
      const t = msg(lang);
      const tmp = tempDir();
      const preview = await startPreview({ dbPath: path.join(tmp.dir, 'keyplan.db') });
      const page = await newPage(browser, { lang });
      try {
        const zh = lang === 'zh-CN';
        const accountName = zh ? '华东电网公司' : 'East Grid Company';
        const account = (await invoke(preview, 'accounts-create', { name: accountName })) as { id: number };
        const [bossName, expertName] = zh ? ['赵明', '钱亮'] : ['Grace Lin', 'Tom Reed'];
        const boss = (await invoke(preview, 'stakeholders-create', { accountId: account.id, name: bossName, title: zh ? '副总经理' : 'Vice President' })) as Stakeholder;
        const expert = (await invoke(preview, 'stakeholders-create', { accountId: account.id, name: expertName, title: zh ? '高级工程师' : 'Senior Engineer' })) as Stakeholder;
        await page.goto(`${preview.url}#/stakeholders/${account.id}`);
        const bossCard = personCard(page, lang, bossName);
        const expertCard = personCard(page, lang, expertName);
        await bossCard.waitFor();
        await expertCard.waitFor();

        // --- a line from the boss's bottom dot, released in the middle of the expert's card --------
        await bossCard.hover();
        const target = (await expertCard.boundingBox())!;
        const bottom = (await handle(expertCard, 'b').boundingBox())!;
        const top = (await handle(expertCard, 't').boundingBox())!;
        // the middle of the card is well away from every dot (beyond React Flow's connection radius)
        expect(bottom.y - (target.y + target.height / 2)).toBeGreaterThan(30);
        expect(target.y + target.height / 2 - (top.y + top.height)).toBeGreaterThan(30);
        await mouseDrag(page, handle(bossCard, 'b'), expertCard);
        await page.getByText(fill(t.mapper.steps.addReports, { from: expertName, to: bossName })).first().waitFor();
        await expect
          .poll(async () => (await getMap(preview, account.id)).lines.filter((l) => l.kind === 'reports' && l.fromId === expert.id && l.toId === boss.id).length)
          .toBe(1);
        await screenshot(page, 'stakeholders-drop-on-card', lang);

        // --- a people list without a level column: levels suggested from the titles -------------
        await page.getByRole('button', { name: t.mapper.import.button }).click();
        const dialog = page.getByRole('dialog', { name: fill(t.mapper.import.title, { account: accountName }) });
        const csv = zh
          ? ['姓名,职务,上级', '孙丽,副厅长,', '李强,信息处处长,孙丽', '周敏,科员,李强', '吴涛,秘书,李强'].join('\n')
          : ['Name,Title,Reports to', 'Ada Hall,Chief Executive Officer,', 'Bo Wu,IT Manager,Ada Hall', 'Cy Lee,Specialist,Bo Wu', 'Di Ng,Secretary,Bo Wu'].join('\n');
        await dialog.getByTestId('stakeholder-import-file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
        const levels = dialog.getByTestId('stakeholder-import-levels');
        await levels.getByRole('heading', { name: fill(t.mapper.import.levels.title, { n: 3 }) }).waitFor();
        const first = zh ? '孙丽' : 'Ada Hall';
        await levels.getByRole('row', { name: new RegExp(`${first}.*${t.dmu.levels.top}`) }).waitFor();
        const apply = levels.getByRole('checkbox', { name: t.mapper.import.levels.apply });
        expect(await apply.isChecked()).toBe(false);
        await screenshot(page, 'stakeholders-import-levels', lang);
        await apply.check();
        await dialog.getByRole('button', { name: t.mapper.import.run, exact: true }).click();
        await page.getByText(fill(t.mapper.import.done, { created: 4, updated: 0, lines: 3 })).waitFor();
        const people = (await invoke(preview, 'stakeholders-list', { accountId: account.id })) as Stakeholder[];
        const level = Object.fromEntries(people.map((p) => [p.name, p.level]));
        expect(level).toMatchObject(
          zh ? { 孙丽: 'top', 李强: 'middle', 周敏: 'base', 吴涛: null } : { 'Ada Hall': 'top', 'Bo Wu': 'middle', 'Cy Lee': 'base', 'Di Ng': null },
        );
      } finally {
        await page.context().close();
        await preview.stop();
        tmp.cleanup();
      }
    });
  }
});
