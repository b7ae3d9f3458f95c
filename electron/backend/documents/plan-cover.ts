/**
 * The plan document's front matter: the cover (account, year, owner, status, version, printed date;
 * "customer version" on the customer's) and the contents with page numbers when they are known and
 * the plan at a glance (objectives, open actions, risks and, for us, the planned cost).
 */
import type { PlanSectionKey } from '../../../shared/domain/plan';
import { messages } from '../../../shared/i18n';
import { esc, fill } from './html';
import { factList, sectionAnchor, sectionTitle, type PlanDocContext } from './plan-parts';

export function cover(ctx: PlanDocContext): string {
  const { t, plan, safe, longDate } = ctx;
  const meta: [string, string][] = [
    [t.owner, plan.ownerName ?? t.noOwner],
    [t.status, plan.status === 'approved' && plan.approvedAt ? fill(t.approvedOn, { date: longDate(plan.approvedAt) }) : t.statuses[plan.status]],
    [t.version, fill(t.versionN, { n: plan.version })],
    [t.printed, longDate(ctx.today)],
  ];
  return `<div class="cover">
  <div class="band">
    <div class="kicker">${esc(t.kicker)}${safe ? ` <span class="pill">${esc(t.customerVersion)}</span>` : ''}</div>
    <div class="acct">${esc(plan.accountName)}</div>
    <div class="year">${esc(plan.year)}</div>
  </div>
  <dl class="meta">${factList(meta)}</dl>
  <div class="cover-foot">${esc(safe ? t.customerNote : t.internal)}<span>Keyplan · ${esc(messages[ctx.locale].app.product)}</span></div>
</div>`;
}

/** The contents of the printed sections; `pages`: each section's page by its anchor, null for none. */
export function contents(ctx: PlanDocContext, printed: readonly PlanSectionKey[], pages: ReadonlyMap<string, number> | null): string {
  const { t, dataOf } = ctx;
  const acts = dataOf('action');
  const openActs = acts.filter((a) => a.status === 'todo' || a.status === 'doing').length;
  const glance: [string, string][] = [
    [t.objectivesCount, String(dataOf('objective').length)],
    [t.openActions, `${openActs} / ${acts.length}`],
    [t.risksCount, String(dataOf('risk').length)],
    ...(!ctx.shows('action-costs') ? [] : ([[t.plannedCost, ctx.moneyShort(acts.filter((a) => a.status !== 'dropped').reduce((s, a) => s + (a.cost ?? 0), 0))]] as [string, string][])),
  ];
  return `<nav class="toc" aria-label="${esc(t.contents)}">
  <div class="toc-title">${esc(t.contents)}</div>
  <ol>${printed.map((key, i) => {
    const p = pages?.get(sectionAnchor(i));
    return `<li><a href="#${sectionAnchor(i)}"><span class="n">${i + 1}</span><span class="t">${esc(sectionTitle(ctx, key))}</span><span class="dots"></span><span class="p">${p ?? ''}</span></a></li>`;
  }).join('')}</ol>
  <div class="glance"><div class="glance-title">${esc(t.glance)}</div><dl>${factList(glance)}</dl></div>
</nav>`;
}
