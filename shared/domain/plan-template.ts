/**
 * The team's plan template (Settings): which of the twelve sections its plans have, and the
 * guiding question of each, shown in an empty section of the editor as placeholder help. A section
 * left out of the template is left out of the editor and the PDF - unless a plan already has text
 * or items in it, which are never hidden.
 */
import { z } from 'zod';
import { multiLine } from '../api/text';
import { PLAN_SECTIONS, sectionOfKind, type PlanItemKind, type PlanSectionKey } from './plan';

export const GUIDE_MAX = 400;

const guide = multiLine(GUIDE_MAX);

export const planTemplateSchema = z.strictObject({
  sections: z
    .array(z.strictObject({ section: z.enum(PLAN_SECTIONS), included: z.boolean(), guide: z.strictObject({ 'zh-CN': guide, en: guide }) }))
    .length(PLAN_SECTIONS.length)
    .refine((list) => PLAN_SECTIONS.every((s, i) => list[i]!.section === s), 'the twelve sections, each once, in their order')
    .refine((list) => list.some((s) => s.included), 'at least one section'),
});

export type PlanTemplate = z.output<typeof planTemplateSchema>;

/** The questions a key-account director answers in each section (domain.md, "The annual account plan"). */
const GUIDES: Record<PlanSectionKey, { 'zh-CN': string; en: string }> = {
  overview: { 'zh-CN': '客户是谁、做什么业务？对我们有多重要，今年的重点是什么？', en: 'Who is the customer and what do they do? How much do they matter to us, and what matters this year?' },
  review: { 'zh-CN': '去年的目标完成了多少？哪些做得好，哪些没做到，原因是什么？', en: "How much of last year's targets was reached? What went well, what did not, and why?" },
  competitors: { 'zh-CN': '谁在这个客户里和我们竞争？他们的报价、位置、优势和弱点？', en: 'Who competes with us at this account? Their offer, position, strengths and weaknesses?' },
  analysis: { 'zh-CN': '我们的优势、劣势，客户带来的机会和威胁分别是什么？', en: 'What are our strengths and weaknesses here, and the opportunities and threats the account brings?' },
  objectives: { 'zh-CN': '今年要达成哪些可衡量的目标？基数、目标值和季度分解？', en: 'Which measurable objectives for this year? Baseline, target and the split by quarter?' },
  strategy: { 'zh-CN': '用什么方式实现目标：产品、价格、关系、服务上怎么做？', en: 'How will the objectives be reached: product, price, relationships, service?' },
  dmu: { 'zh-CN': '谁参与采购决策？各自的角色、态度和影响力，谁由我们哪位同事覆盖？', en: 'Who takes part in buying decisions? Their role, attitude and influence, and who on our side covers each?' },
  team: { 'zh-CN': '我方客户团队由谁组成，各自负责什么？', en: 'Who is on our account team, and what is each responsible for?' },
  actions: { 'zh-CN': '具体要做哪些事？负责人、完成日期和费用？', en: 'Which actions, with owner, due date and cost?' },
  investment: { 'zh-CN': '需要投入哪些资源和费用？预期回报是什么？', en: 'Which resources and money does the plan need, and what return is expected?' },
  risks: { 'zh-CN': '哪些风险会影响目标？可能性、影响和应对措施？', en: 'Which risks could stop the objectives? Likelihood, impact and mitigation?' },
  measures: { 'zh-CN': '用哪些指标跟踪进展？多久回顾一次，由谁负责？', en: 'Which measures track progress? How often are they reviewed, and by whom?' },
};

export const DEFAULT_PLAN_TEMPLATE: PlanTemplate = {
  sections: PLAN_SECTIONS.map((section) => ({ section, included: true, guide: { ...GUIDES[section] } })),
};

/** The sections a plan shows, in order: those in the template, and any other that has content. */
export function shownSections(template: PlanTemplate, hasContent: (s: PlanSectionKey) => boolean): PlanSectionKey[] {
  return template.sections.filter((s) => s.included || hasContent(s.section)).map((s) => s.section);
}

/** Whether a section's HTML has any text in it (markup alone, an empty paragraph, is none). */
export function hasText(html: string): boolean {
  return html.replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ').trim() !== '';
}

/**
 * The sections a plan shows - in the editor and in its PDF alike: the template's, and any other
 * where this plan has text or items.
 */
export function planSectionsShown(
  template: PlanTemplate,
  sections: readonly { section: PlanSectionKey; html: string }[],
  items: readonly { kind: PlanItemKind }[],
): PlanSectionKey[] {
  const written = new Set(sections.filter((s) => hasText(s.html)).map((s) => s.section));
  for (const i of items) written.add(sectionOfKind(i.kind));
  return shownSections(template, (s) => written.has(s));
}
