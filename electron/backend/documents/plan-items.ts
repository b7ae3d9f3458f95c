/**
 * The plan document's structured items as tables and blocks: competitors, the SWOT grid, objectives
 * with their quarterly milestones, the team, actions (with costs for us) and contact standards, the
 * investment summary, risks (and, for us, churn and receivables after them). Each is a function of
 * the document's context (plan-parts.ts) and returns '' when the plan has nothing of its kind.
 */
import type { ActionData, ContactData, PlanItemData, RiskData } from '../../../shared/domain/plan';
import { esc, fill } from './html';
import { churnBlock } from './plan-figures';
import { messages } from '../../../shared/i18n';
import { reasonsText } from '../../../shared/domain/health-words';
import { keep, note, sub, table, type PlanDocContext } from './plan-parts';

export function competitorTable(ctx: PlanDocContext): string {
  const { t, mark } = ctx;
  const rows = ctx.dataOf('competitor');
  if (rows.length === 0) return '';
  return table(
    [{ label: t.competitorName, cls: 'w-name' }, { label: t.competitorOffer }, { label: t.competitorPosition }, { label: t.competitorStrengths }, { label: t.competitorWeaknesses }],
    rows.map((c) => [`<strong>${esc(c.name)}</strong>${mark(c)}`, esc(c.offer), esc(c.position), esc(c.strengths), esc(c.weaknesses)]),
  );
}

/** The SWOT grid; a customer sees strengths and opportunities only. */
export function swotGrid(ctx: PlanDocContext): string {
  const { t, mark } = ctx;
  const rows = ctx.dataOf('swot');
  if (rows.length === 0) return '';
  const cell = (q: 's' | 'w' | 'o' | 't') => {
    const list = rows.filter((r) => r.quadrant === q);
    return `<div class="swot-cell swot-${q}"><h3>${esc(t.swot[q])}</h3>${
      list.length ? `<ul>${list.map((r) => `<li>${esc(r.text)}${mark(r)}</li>`).join('')}</ul>` : `<p class="note">${esc(t.swotEmpty)}</p>`
    }</div>`;
  };
  const cells = ctx.shows('swot-weaknesses-threats') ? cell('s') + cell('w') + cell('o') + cell('t') : cell('s') + cell('o');
  return `${sub(t.swotTitle)}<div class="swot">${cells}</div>`;
}

export function objectiveTable(ctx: PlanDocContext): string {
  const { t, mark, figure } = ctx;
  const rows = ctx.dataOf('objective');
  if (rows.length === 0) return '';
  return (
    sub(t.objectivesTitle) +
    table(
      [
        { label: t.metric, cls: 'w-metric' },
        { label: t.baseline, cls: 'num' },
        { label: t.target, cls: 'num strong' },
        { label: t.q.q1, cls: 'num' },
        { label: t.q.q2, cls: 'num' },
        { label: t.q.q3, cls: 'num' },
        { label: t.q.q4, cls: 'num' },
        { label: t.ownerCol },
      ],
      rows.map((o) => [
        `<strong>${esc(o.metric)}</strong>${mark(o)}${o.note ? `<div class="cell-note">${esc(o.note)}</div>` : ''}`,
        figure(o.unit, o.baseline),
        figure(o.unit, o.target),
        figure(o.unit, o.q1),
        figure(o.unit, o.q2),
        figure(o.unit, o.q3),
        figure(o.unit, o.q4),
        esc(ctx.person(o.ownerId)),
      ]),
      { cls: 'objectives' },
    )
  );
}

export function teamTable(ctx: PlanDocContext): string {
  const { t, mark, person } = ctx;
  const rows = ctx.items('team').map((i) => i.data as Extract<PlanItemData, { kind: 'team' }>);
  if (rows.length === 0) return '';
  return table(
    [{ label: t.teamName, cls: 'w-name' }, { label: t.teamRole }, { label: t.teamResponsibility }],
    rows.map((m) => [`<strong>${esc(m.personId !== null ? person(m.personId) || m.name : m.name)}</strong>${mark(m)}`, esc(m.role), esc(m.responsibility)]),
  );
}

/** Actions (numbered, with costs and their total for us) and the contact standards. */
export function actionTables(ctx: PlanDocContext): string {
  const { t, mark, person, shows, moneyFull } = ctx;
  const acts: ActionData[] = ctx.dataOf('action');
  const contacts: ContactData[] = ctx.dataOf('contact');
  let out = '';
  if (acts.length) {
    const head = [
      { label: t.actionNo, cls: 'num no' },
      { label: t.actionWhat, cls: 'w-what' },
      { label: t.ownerCol },
      { label: t.actionDue },
      { label: t.actionStatus },
      ...(shows('action-costs') ? [{ label: t.actionCost, cls: 'num' }] : []),
    ];
    const total = acts.filter((a) => a.status !== 'dropped').reduce((s, a) => s + (a.cost ?? 0), 0);
    out +=
      sub(t.actionsTitle) +
      table(
        head,
        acts.map((a, i) => [
          esc(i + 1),
          esc(a.what) + mark(a),
          esc(person(a.ownerId)),
          a.due ? esc(ctx.shortDate(a.due)) : '',
          `<span class="status st-${a.status}">${esc(t.actionStatuses[a.status])}</span>`,
          ...(shows('action-costs') ? [a.cost === null ? '' : esc(moneyFull(a.cost))] : []),
        ]),
        { cls: 'actions', ...(!shows('action-costs') ? {} : { foot: ['', esc(t.totalCost), '', '', '', esc(moneyFull(total))] }) },
      );
  }
  if (contacts.length) {
    out += keep(
      sub(t.contactTitle) +
        table(
          [{ label: t.contactTarget, cls: 'w-name' }, { label: t.ownerCol }, { label: t.contactVisits, cls: 'num' }, { label: t.contactCalls, cls: 'num' }],
          contacts.map((c) => [esc(c.target) + mark(c), esc(person(c.ownerId)), esc(c.visitsPerQuarter), esc(c.callsPerMonth)]),
        ),
    );
  }
  return out;
}

/** What the actions cost, done and open (for us only). */
export function investmentSummary(ctx: PlanDocContext): string {
  const { t, moneyFull } = ctx;
  if (!ctx.shows('action-costs')) return '';
  const acts = ctx.dataOf('action').filter((a) => a.status !== 'dropped');
  const total = acts.reduce((s, a) => s + (a.cost ?? 0), 0);
  if (total === 0) return sub(t.investmentTitle) + note(t.noCost);
  const done = acts.filter((a) => a.status === 'done').reduce((s, a) => s + (a.cost ?? 0), 0);
  return keep(sub(t.investmentTitle) + `<p>${esc(fill(t.investmentLine, { total: moneyFull(total), done: moneyFull(done), open: moneyFull(total - done) }))}</p>`);
}

/** Risks with likelihood and impact, then (for us) churn and receivables. */
export function riskTables(ctx: PlanDocContext): string {
  const { t, shows, person } = ctx;
  const risks: RiskData[] = ctx.dataOf('risk').filter((r) => shows('internal-risks') || !r.internal);
  let out = '';
  if (risks.length) {
    const level = (l: RiskData['likelihood']) => `<span class="lvl lvl-${l}">${esc(t.levels[l])}</span>`;
    out +=
      sub(t.risksTitle) +
      table(
        [{ label: t.riskDescription, cls: 'w-what' }, { label: t.likelihood }, { label: t.impact }, { label: t.mitigation, cls: 'w-what' }, { label: t.ownerCol }],
        risks.map((r) => [
          `${esc(r.description)}${!ctx.safe && r.internal ? ` <span class="tag">${esc(t.internalRisk)}</span>` : ''}`,
          level(r.likelihood),
          level(r.impact),
          esc(r.mitigation),
          esc(person(r.ownerId)),
        ]),
      );
  }
  if (shows('churn') && shows('receivables')) out += churnBlock(ctx);
  if (shows('health')) out += healthRisks(ctx);
  return out;
}

/** Warnings a director confirmed as churn risks (internal only). */
function healthRisks(ctx: PlanDocContext): string {
  const risks = ctx.live.healthRisks ?? [];
  if (!risks.length) return '';
  const h = messages[ctx.locale].health;
  const lines = risks.map((r) => {
    const line = fill(h.plan.line, { date: r.decidedAt.slice(0, 10), score: r.scoreThen, reasons: reasonsText(r.reasons, ctx.locale) });
    return `<li>${esc(line)}${r.note ? ` · ${esc(r.note)}` : ''}</li>`;
  });
  return keep(sub(h.plan.title) + `<ul class="health-risks">${lines.join('')}</ul>`);
}
