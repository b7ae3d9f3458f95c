/**
 * The plan template (Settings): stored and read back through the handlers, refused when it is not
 * the twelve sections in order or keeps none; sections left out are not printed unless a plan has
 * written in them. An approved plan prints the stakeholder map frozen with it.
 */
import { describe, expect, it } from 'vitest';
import { planDocumentInput } from '../../electron/backend/exports/plan-export';
import { planDocument, printedSections } from '../../electron/backend/documents/plan-document';
import { PLAN_SECTIONS } from '../../shared/domain/plan';
import { DEFAULT_PLAN_TEMPLATE, planSectionsShown, shownSections, type PlanTemplate } from '../../shared/domain/plan-template';
import { messages } from '../../shared/i18n';
import { NOW, TODAY } from './accounts-helpers';
import { expectError, useTestEnv } from './helpers';
import { seedPlan } from './plan-fixtures';

const env = useTestEnv();

const without = (...left: string[]): PlanTemplate => ({
  sections: DEFAULT_PLAN_TEMPLATE.sections.map((s) => (left.includes(s.section) ? { ...s, included: false } : s)),
});

describe('the plan template', () => {
  it('is the twelve sections with their guiding questions until a team saves its own, which is read back', async () => {
    const b = env.backend({ now: () => NOW });
    const tpl = await b.call('plan-template-get', {});
    expect(tpl.sections.map((s) => s.section)).toEqual([...PLAN_SECTIONS]);
    expect(tpl.sections.every((s) => s.included && s.guide['zh-CN'].length > 0 && s.guide.en.length > 0)).toBe(true);
    const mine = without('investment', 'measures');
    mine.sections[0]!.guide['zh-CN'] = '  客户的战略重点是什么？ ';
    const saved = await b.call('plan-template-set', { template: mine });
    expect(saved.sections[0]!.guide['zh-CN']).toBe('客户的战略重点是什么？');
    expect(await b.call('plan-template-get', {})).toEqual(saved);
  });

  it('refuses sections out of order, missing, none kept, or a question over 400 characters, and keeps what was stored', async () => {
    const b = env.backend({ now: () => NOW });
    const stored = await b.call('plan-template-set', { template: without('investment') });
    const swapped = { sections: [DEFAULT_PLAN_TEMPLATE.sections[1]!, DEFAULT_PLAN_TEMPLATE.sections[0]!, ...DEFAULT_PLAN_TEMPLATE.sections.slice(2)] };
    const short = { sections: DEFAULT_PLAN_TEMPLATE.sections.slice(1) };
    const none = { sections: DEFAULT_PLAN_TEMPLATE.sections.map((s) => ({ ...s, included: false })) };
    const long = { sections: DEFAULT_PLAN_TEMPLATE.sections.map((s, i) => (i === 3 ? { ...s, guide: { ...s.guide, en: 'x'.repeat(401) } } : s)) };
    for (const template of [swapped, short, none, long]) {
      expectError(await b.invoke('plan-template-set', { template }), 'invalid-args');
    }
    expect(await b.call('plan-template-get', {})).toEqual(stored);
  });

  it('a stored value that cannot be read gives the default, not an error', async () => {
    const b = env.backend({ now: () => NOW });
    b.connection().prepare("INSERT INTO settings (key, value) VALUES ('plan.template', '{not json')").run();
    expect(await b.call('plan-template-get', {})).toEqual(DEFAULT_PLAN_TEMPLATE);
  });

  it('shows the sections in the template and any other that has content, in the plan order', () => {
    const tpl = without('dmu', 'investment', 'measures');
    expect(shownSections(tpl, () => false)).toEqual(PLAN_SECTIONS.filter((s) => !['dmu', 'investment', 'measures'].includes(s)));
    expect(shownSections(tpl, (s) => s === 'investment')).toEqual(PLAN_SECTIONS.filter((s) => !['dmu', 'measures'].includes(s)));
  });

  it('counts text or items as content, not empty markup (the editor and the PDF use the same rule)', () => {
    const tpl = without('team', 'investment', 'measures');
    const shown = planSectionsShown(
      tpl,
      [
        { section: 'investment', html: '<p></p><p>&nbsp;</p>' },
        { section: 'measures', html: '<p>每季度复盘</p>' },
      ],
      [{ kind: 'team' }],
    );
    expect(shown).not.toContain('investment');
    expect(shown).toContain('measures');
    expect(shown).toContain('team'); // a team member is an item of the team section
  });

  it('the PDF leaves out a section the template leaves out, numbering the rest 1..n, but prints one a plan wrote in', async () => {
    const b = env.backend({ now: () => NOW });
    const f = await seedPlan(b);
    // empty the investment section; measures keeps its text
    const view = await b.call('plan-get', { accountId: f.accountId, year: f.year });
    const inv = view.sections.find((s) => s.section === 'investment')!;
    await b.call('plan-section-save', { planId: view.plan.id, section: 'investment', html: '', baseUpdatedAt: inv.updatedAt });
    await b.call('plan-template-set', { template: without('investment', 'measures') });
    const input = planDocumentInput(b.connection(), f.accountId, f.year, TODAY);
    expect(input.template?.sections.find((s) => s.section === 'investment')?.included).toBe(false);
    const printed = printedSections(input);
    expect(printed).not.toContain('investment');
    expect(printed).toContain('measures');
    expect(printed).toHaveLength(11);
    const t = messages['zh-CN'].planDoc;
    const html = planDocument(input, { locale: 'zh-CN', safe: false, today: TODAY });
    const body = html.slice(html.indexOf('<body>'));
    expect(body).not.toContain(`<span class="ttl">${t.sections.investment}</span>`);
    expect(body).toContain(`<span class="num">11</span><span class="ttl">${t.sections.measures}</span>`);
    expect(body).not.toContain('<span class="num">12</span>');
  });

  it('an approved plan prints the stakeholder map it was approved with; a draft, today\'s', async () => {
    const b = env.backend({ now: () => NOW });
    const f = await seedPlan(b);
    await b.call('plan-status-set', { planId: f.planId, status: 'review' });
    await b.call('plan-status-set', { planId: f.planId, status: 'approved' });
    // someone joins the map after the approval
    await b.call('stakeholders-create', { accountId: f.accountId, name: '新来的处长', title: '处长' });
    const approved = planDocumentInput(b.connection(), f.accountId, f.year, TODAY);
    expect(approved.view.frozen).toBe(true);
    expect(approved.map?.members.map((p) => p.name)).not.toContain('新来的处长');
    // back to draft (version 2): the map as it is now
    await b.call('plan-status-set', { planId: f.planId, status: 'draft' });
    const draft = planDocumentInput(b.connection(), f.accountId, f.year, TODAY);
    expect(draft.map?.members.map((p) => p.name)).toContain('新来的处长');
  });
});
