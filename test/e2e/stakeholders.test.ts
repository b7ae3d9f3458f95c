/**
 * The mapper's main job, in both languages, on the sample workspace: open an account's map from the
 * list, add people, draw a reporting line by dragging between handles (a circle is refused), undo
 * and redo, change an attitude and see the gap list follow, move a card and find it there after a
 * reload, fold a branch, search, and export SVG and PDF (and the customer-safe version).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MapMember } from '../../shared/api/stakeholders';
import { gapReason } from '../../shared/domain/gap-reason';
import { descendants } from '../../shared/domain/map-layout';
import { fill, hashOf, inPage, LANGS, launchBrowser, msg, screenshot, SCREENSHOTS, type Locale } from './harness';
import { cardPosition, getMap, handle, mouseDrag, openSampleMap, personCard, zoomOf } from './stakeholders-helpers';

const nodes = (page: Page) => page.locator('.react-flow__node');

describe('stakeholder map: the mapper', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const lang of LANGS) {
    it(`maps people, lines and coverage, and keeps them (${lang})`, async () => {
      const t = msg(lang);
      const { preview, page, accountId, map, cleanup } = await openSampleMap(browser, lang);
      try {
        // --- the list of maps leads to the map -------------------------------------------------
        await page.goto(`${preview.url}#/stakeholders`);
        const table = page.getByTestId('maps-table');
        await table.waitFor();
        await screenshot(page, 'stakeholders-landing', lang);
        await table.getByRole('link', { name: map.account.name, exact: true }).click();
        await expect.poll(() => Promise.resolve(hashOf(page))).toBe(`#/stakeholders/${accountId}`);
        await page.getByRole('heading', { level: 1, name: map.account.name }).waitFor();
        await expect.poll(() => nodes(page).count()).toBe(map.members.length);
        await page.getByTestId('gap-list').waitFor();
        // Every line is drawn, even with the cards zoomed out to names only: then as one picture
        // (the line sketch), with React Flow's edges kept for when the view comes closer.
        await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(map.lines.length);
        await page.getByTestId('line-sketch').waitFor();
        expect(await edgesShown(page)).toBe(false);
        await screenshot(page, 'stakeholders-map', lang);
        // Nothing untranslated on the screen (React Flow's own words included).
        const body = await page.locator('main').innerText();
        expect(body).not.toMatch(/\b(undefined|null|NaN)\b/);
        if (lang === 'zh-CN') expect(body).not.toMatch(/\b(Press|Edge|Node|Mini Map|Zoom|Control Panel)\b/);
        else expect(body).not.toMatch(/[\u4e00-\u9fff]/);

        // --- add two people --------------------------------------------------------------------
        const boss = lang === 'zh-CN' ? '欧阳明' : 'Oliver Grant';
        const expert = lang === 'zh-CN' ? '司马慧' : 'Sophie Marsh';
        for (const [name, title] of [
          [boss, lang === 'zh-CN' ? '信息中心主任' : 'Head of IT'],
          [expert, lang === 'zh-CN' ? '高级工程师' : 'Senior engineer'],
        ] as const) {
          await page.getByRole('button', { name: t.mapper.addPerson }).click();
          const panel = page.getByTestId('person-panel');
          await panel.getByRole('heading', { name: t.mapper.person.newTitle }).waitFor();
          await panel.getByLabel(t.dmu.fields.name, { exact: true }).fill(name);
          await panel.getByLabel(t.dmu.fields.title, { exact: true }).fill(title);
          await panel.getByLabel(t.dmu.fields.level, { exact: true }).selectOption('middle');
          // The selected person is offered as the manager; these two start on their own.
          await panel.getByLabel(t.dmu.fields.reportsTo, { exact: true }).selectOption('');
          await panel.getByRole('button', { name: t.mapper.person.create }).click();
          await personCard(page, lang, name).waitFor();
          await panel.getByRole('heading', { name }).waitFor();
        }
        // Cards out of view are not drawn (500-person maps stay quick), so count what was stored.
        await expect.poll(async () => (await getMap(preview, accountId)).members.length).toBe(map.members.length + 2);
        let now = await getMap(preview, accountId);
        const bossId = now.members.find((m) => m.name === boss)!.id;
        const expertId = now.members.find((m) => m.name === expert)!.id;
        await screenshot(page, 'stakeholders-added', lang);

        // A name already on the map is refused in the form, before it reaches the database.
        await page.getByRole('button', { name: t.mapper.addPerson }).click();
        const form = page.getByTestId('person-panel');
        await form.getByLabel(t.dmu.fields.name, { exact: true }).fill(boss);
        await form.getByRole('button', { name: t.mapper.person.create }).click();
        await form.getByText(fill(t.mapper.person.nameTaken, { name: boss })).waitFor();
        await form.getByRole('button', { name: t.common.cancel }).click();
        await page.getByRole('button', { name: t.mapper.confirmDiscard.confirm }).click();

        // --- draw a reporting line: from the boss's bottom handle to the expert's top --------------
        const bossCard = personCard(page, lang, boss);
        const expertCard = personCard(page, lang, expert);
        await bossCard.hover();
        await mouseDrag(page, handle(bossCard, 'b'), handle(expertCard, 't'));
        await page.getByTestId('line-panel').waitFor();
        await page.getByText(fill(t.mapper.steps.addReports, { from: expert, to: boss })).first().waitFor();
        now = await getMap(preview, accountId);
        const line = now.lines.find((l) => l.kind === 'reports' && l.fromId === expertId && l.toId === bossId);
        expect(line).toBeDefined();
        await page.locator(`.react-flow__edge[data-id="l${line!.id}"]`).waitFor({ state: 'attached' });
        await screenshot(page, 'stakeholders-line', lang);

        // The other way round would be a circle: refused, with the reason in words.
        await expertCard.hover();
        await mouseDrag(page, handle(expertCard, 'b'), handle(bossCard, 't'));
        await page.getByText(fill(t.errors['reporting-cycle'], { name: boss })).waitFor();
        expect((await getMap(preview, accountId)).lines.filter((l) => l.fromId === bossId && l.toId === expertId)).toHaveLength(0);

        // --- undo and redo -------------------------------------------------------------------------
        await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
        await page.keyboard.press('Control+z');
        await page.getByText(fill(t.mapper.history.undone, { what: fill(t.mapper.steps.addReports, { from: expert, to: boss }) })).waitFor();
        await expect.poll(async () => (await getMap(preview, accountId)).lines.some((l) => l.fromId === expertId && l.toId === bossId)).toBe(false);
        await page.keyboard.press('Control+z');
        await expect.poll(() => personCard(page, lang, expert).count()).toBe(0);
        await page.keyboard.press('Control+Shift+z');
        await personCard(page, lang, expert).waitFor();
        await page.getByRole('button', { name: t.mapper.history.redo, exact: true }).click();
        await expect.poll(async () => (await getMap(preview, accountId)).lines.some((l) => l.kind === 'reports' && l.fromId === expertId && l.toId === bossId)).toBe(true);

        // --- change an attitude and see the gap list follow ----------------------------------------
        now = await getMap(preview, accountId);
        const gap = now.coverage.gaps.find((g) => g.kind === 'decider-not-supporter')!;
        const person = now.members.find((m) => m.id === gap.personId)!;
        const gapsButton = page.getByRole('button', { name: fill(t.mapper.coverage.button, { n: now.coverage.gaps.length }) });
        if ((await gapsButton.getAttribute('aria-pressed')) !== 'true') await gapsButton.click();
        const gaps = page.getByTestId('gap-list');
        const reason = gapReason(gap, lang, person.attitude);
        await gaps.getByRole('button', { name: reason }).click();
        const panel = page.getByTestId('person-panel');
        await panel.getByRole('heading', { name: person.name }).waitFor();
        // the card is selected and in view
        const card = personCard(page, lang, person.name);
        await expect.poll(async () => (await card.locator('.pcard').getAttribute('class')) ?? '').toContain('is-selected');
        expect(await card.isVisible()).toBe(true);
        await panel.getByText(`+2 ${t.dmu.attitudes['2']}`).click();
        await screenshot(page, 'stakeholders-person', lang);
        await panel.getByRole('button', { name: t.common.save }).click();
        await page.getByText(fill(t.mapper.person.saved, { name: person.name })).waitFor();
        await expect.poll(async () => (await getMap(preview, accountId)).members.find((m) => m.id === person.id)!.attitude).toBe(2);
        await panel.getByRole('button', { name: t.mapper.panel.close }).click();
        await gaps.waitFor();
        await expect.poll(() => gaps.getByRole('button', { name: reason }).count()).toBe(0);
        await expect.poll(async () => Number(await page.getByTestId('gap-count').innerText())).toBe((await getMap(preview, accountId)).coverage.gaps.length);
        await card.locator('.pcard__attitude', { hasText: t.dmu.attitudes['2'] }).waitFor();

        // --- move a card; the place is kept ----------------------------------------------------------
        // The search finds the card and brings it into view.
        const search = page.getByRole('searchbox', { name: t.mapper.search.label });
        await search.fill(boss);
        await search.press('Enter');
        await page.getByTestId('person-panel').getByRole('heading', { name: boss }).waitFor();
        await search.fill('');
        const moving = personCard(page, lang, boss);
        await expect.poll(() => moving.isVisible()).toBe(true);
        // Close up, the lines are React Flow's own again (they can be clicked).
        await expect.poll(() => page.getByTestId('line-sketch').count()).toBe(0);
        expect(await edgesShown(page)).toBe(true);
        await page.waitForTimeout(400); // the view glides to the card
        const before = await cardPosition(moving);
        const zoom = await zoomOf(page);
        await mouseDrag(page, moving.locator('.pcard__sub'), { x: 90, y: 60 });
        const after = await cardPosition(moving);
        // moved by the drag (less the few pixels before a drag starts), in canvas units
        expect(after.x - before.x).toBeGreaterThan(60 / zoom);
        expect(after.y - before.y).toBeGreaterThan(40 / zoom);
        await expect
          .poll(async () => {
            const m = (await getMap(preview, accountId)).members.find((x) => x.id === bossId)!;
            return { x: m.x, y: m.y };
          })
          .toEqual({ x: Math.round(after.x), y: Math.round(after.y) });
        const saved = (await getMap(preview, accountId)).members.find((x) => x.id === bossId)!;
        await page.reload();
        await personCard(page, lang, boss).waitFor();
        expect(await cardPosition(personCard(page, lang, boss))).toEqual({ x: saved.x, y: saved.y });

        // --- fold a branch: the people below go, the fold is kept -------------------------------------
        now = await getMap(preview, accountId);
        const top = topManager(now.members, now.lines);
        const below = descendants(top.id, now.lines).size;
        const topCard = personCard(page, lang, top.name);
        await topCard.getByRole('button', { name: fill(t.mapper.node.collapse, { n: below }) }).click();
        // Cards out of view are not drawn either, so fit the whole map in view before counting.
        const fitAll = page.getByRole('button', { name: t.mapper.a11y.fitView });
        await fitAll.click();
        await expect.poll(() => nodes(page).count()).toBeLessThan(now.members.length - below / 2);
        await topCard.getByRole('button', { name: new RegExp(fill(t.mapper.node.expand, { n: '\\d+' }).replace(/[()（）]/g, '.')) }).waitFor();
        await screenshot(page, 'stakeholders-folded', lang);
        await expect.poll(async () => (await getMap(preview, accountId)).members.find((m) => m.id === top.id)!.collapsed).toBe(true);
        await page.reload();
        await personCard(page, lang, top.name).waitFor();
        await fitAll.click();
        expect(await nodes(page).count()).toBeLessThan(now.members.length - below / 2);
        await personCard(page, lang, top.name).locator('.pcard__fold').click();
        await fitAll.click();
        await expect.poll(() => nodes(page).count()).toBe(now.members.length);

        // --- search: a name deep in the map is found, selected and opened -----------------------------
        const target = now.members.find((m) => m.level === 'base' && m.name !== boss && m.name !== expert)!;
        await search.fill(target.name);
        await expect.poll(() => page.locator('#map-search-count').innerText()).toBe(fill(t.mapper.search.count, { at: 0, n: 1 }));
        await search.press('Enter');
        await page.getByTestId('person-panel').getByRole('heading', { name: target.name }).waitFor();
        await expect.poll(async () => (await personCard(page, lang, target.name).locator('.pcard').getAttribute('class')) ?? '').toContain('is-match');
        await search.fill('');

        // --- export: SVG and PDF, then customer-safe ------------------------------------------------
        fs.mkdirSync(SCREENSHOTS, { recursive: true });
        const exportMenu = page.getByRole('button', { name: t.mapper.export.button, exact: true });
        await exportMenu.click();
        const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: t.mapper.export.svg }).click()]);
        expect(svg.suggestedFilename()).toMatch(/\.svg$/);
        const svgText = fs.readFileSync(await svg.path(), 'utf8');
        expect(svgText).toContain('<svg');
        expect(svgText).toContain(boss);
        expect(svgText).toContain(t.dmu.attitudes['2']);
        await exportMenu.click();
        const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: t.mapper.export.pdf }).click()]);
        const pdfPath = path.join(SCREENSHOTS, `stakeholders-export-${lang}.pdf`);
        await pdf.saveAs(pdfPath);
        const pdfText = pdfWords(pdfPath, lang);
        expect(pdfText).toContain(flat(map.account.name, lang));
        expect(pdfText).toContain(flat(boss, lang));
        expect(pdfText).toContain(flat(t.dmu.attitudes['2'], lang));
        execFileSync('pdftoppm', ['-png', '-r', '40', '-singlefile', pdfPath, path.join(SCREENSHOTS, `stakeholders-export-pdf-${lang}`)]);

        await checkCustomerSafe(page, lang, person, pdfPath.replace(/\.pdf$/, '-safe.pdf'));
      } catch (e) {
        await screenshot(page, 'stakeholders-failure', lang);
        throw e;
      } finally {
        await cleanup();
      }
    });
  }

  it('opens a card from the keyboard and deletes a person after asking, with undo (en)', async () => {
    const lang: Locale = 'en';
    const t = msg(lang);
    const { preview, page, accountId, map, cleanup } = await openSampleMap(browser, lang);
    try {
      const someone = map.members.find((m) => m.level === 'middle')!;
      const card = personCard(page, lang, someone.name);
      await card.focus();
      await page.keyboard.press('Enter');
      const panel = page.getByTestId('person-panel');
      await panel.getByRole('heading', { name: someone.name }).waitFor();
      await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.textContent')).toBe(someone.name);
      // Escape closes the panel and returns to the card.
      await page.keyboard.press('Escape');
      await expect.poll(() => panel.count()).toBe(0);
      await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.getAttribute("data-id")')).toBe(String(someone.id));
      // Delete asks first.
      await page.keyboard.press('Delete');
      const confirm = page.getByRole('dialog', { name: fill(t.mapper.confirmDelete.title, { name: someone.name }) });
      await confirm.waitFor();
      await screenshot(page, 'stakeholders-delete', lang);
      await confirm.getByRole('button', { name: t.mapper.confirmDelete.confirm }).click();
      await expect.poll(() => personCard(page, lang, someone.name).count()).toBe(0);
      expect((await getMap(preview, accountId)).members.some((m) => m.id === someone.id)).toBe(false);
      // The notice's Undo brings them back.
      await page.locator('.notices').getByRole('button', { name: t.mapper.history.undo }).click();
      await personCard(page, lang, someone.name).waitFor();
      expect((await getMap(preview, accountId)).members.some((m) => m.id === someone.id)).toBe(true);
    } finally {
      await cleanup();
    }
  });
});

/** Whether React Flow's edges are displayed (their box has no size of its own, so not `isVisible`). */
function edgesShown(page: Page): Promise<boolean> {
  return inPage<boolean>(page, `getComputedStyle(document.querySelector('.react-flow__edges')).display !== 'none'`);
}

/** Text as pdftotext reads it, where line breaks fall anywhere: no spaces in Chinese, single spaces in English. */
function flat(s: string, lang: Locale): string {
  return lang === 'zh-CN' ? s.replace(/\s+/g, '') : s.replace(/\s+/g, ' ').trim();
}

function pdfWords(pdfPath: string, lang: Locale): string {
  return flat(execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }), lang);
}

/** The person at the top of the org chart with the most people below. */
function topManager(members: MapMember[], lines: { kind: string; fromId: number; toId: number }[]): MapMember {
  const hasManager = new Set(lines.filter((l) => l.kind === 'reports').map((l) => l.fromId));
  const managers = new Set(lines.filter((l) => l.kind === 'reports').map((l) => l.toId));
  const roots = members.filter((m) => managers.has(m.id) && !hasManager.has(m.id));
  return roots[0]!;
}

async function checkCustomerSafe(page: Page, lang: Locale, supporter: MapMember, pdfPath: string): Promise<void> {
  const t = msg(lang);
  const toggle = page.getByRole('button', { name: t.mapper.safe.label, exact: true });
  await toggle.click();
  expect(await toggle.getAttribute('aria-pressed')).toBe('true');
  await page.getByText(t.mapper.safe.banner).waitFor();
  // No attitude words, no coverage panel, no influence lines on screen.
  await expect.poll(() => page.locator('.pcard__attitude').count()).toBe(0);
  expect(await page.getByTestId('coverage-panel').count()).toBe(0);
  expect(await page.locator('.map-edge--influence').count()).toBe(0);
  expect(await page.getByRole('button', { name: new RegExp(t.mapper.coverage.button.replace(' {{n}}', '')) }).count()).toBe(0);
  // The person's panel leaves out the attitude and private notes.
  const search = page.getByRole('searchbox', { name: t.mapper.search.label });
  await search.fill(supporter.name);
  await search.press('Enter');
  const panel = page.getByTestId('person-panel');
  await panel.getByRole('heading', { name: supporter.name }).waitFor();
  expect(await panel.getByLabel(t.dmu.fields.notes, { exact: true }).count()).toBe(0);
  expect(await panel.getByText(t.dmu.fields.attitude, { exact: true }).count()).toBe(0);
  expect(await panel.getByLabel(t.dmu.fields.favoursCompetitor, { exact: true }).count()).toBe(0);
  // ... and, by the one audience rule, the coach and veto checkboxes (for everyone, ticked or not),
  // relationship strength, influence, wins and interests; the other roles stay
  expect(await panel.getByRole('checkbox', { name: t.dmu.roles.coach, exact: true }).count()).toBe(0);
  expect(await panel.getByRole('checkbox', { name: t.dmu.roles['veto-holder'], exact: true }).count()).toBe(0);
  expect(await panel.getByRole('checkbox', { name: t.dmu.roles['decision-maker'], exact: true }).count()).toBe(1);
  expect(await panel.getByLabel(t.dmu.fields.strength, { exact: true }).count()).toBe(0);
  expect(await panel.getByLabel(t.dmu.fields.influence, { exact: true }).count()).toBe(0);
  expect(await panel.getByLabel(t.dmu.fields.personalWins, { exact: true }).count()).toBe(0);
  expect(await panel.getByLabel(t.dmu.fields.interests, { exact: true }).count()).toBe(0);
  for (const role of [t.dmu.rolesShort.coach, t.dmu.rolesShort['veto-holder']]) expect(await page.locator('.pcard__role', { hasText: new RegExp(`^${role}$`) }).count()).toBe(0);
  await screenshot(page, 'stakeholders-safe', lang);
  // The export goes out customer-safe.
  await page.getByRole('button', { name: t.mapper.export.buttonSafe }).click();
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: t.mapper.export.pdf }).click()]);
  expect(pdf.suggestedFilename()).toMatch(lang === 'zh-CN' ? /对外版\.pdf$/ : /customer-safe\.pdf$/);
  await pdf.saveAs(pdfPath);
  const text = pdfWords(pdfPath, lang);
  expect(text).toContain(flat(supporter.name, lang));
  for (const word of Object.values(t.dmu.attitudes)) expect(text).not.toContain(flat(word, lang));
  await toggle.click();
  await panel.getByText(t.dmu.fields.attitude, { exact: true }).waitFor();
  await panel.getByLabel(t.dmu.fields.strength, { exact: true }).waitFor();
  expect(await panel.getByRole('checkbox', { name: t.dmu.roles.coach, exact: true }).count()).toBe(1);
  await panel.getByLabel(t.dmu.fields.notes, { exact: true }).waitFor();
  await expect.poll(() => page.locator('.pcard__attitude').count()).toBeGreaterThan(0);
}
