/**
 * One audience rule (shared/domain/audience.ts). First the pure functions on small data; then the
 * test the issue asks for: every customer-facing output of the sample - the plan of each sample plan,
 * the map of each mapped account, the forum deck (and the board, which is refused) - made for the
 * customer audience in both languages, its text scanned for every internal value of the sample
 * collected from the database (attitude and strength words, coach and veto roles, notes, wins,
 * favoured competitors, internal risks, profit, competitor analysis, SWOT weaknesses and threats,
 * quadrant names and treatments, wallet-share objectives, action costs, churn, receivables, other
 * customers' names, a section and an item marked internal): zero found. The text scanned is the
 * whole HTML / SVG without its style blocks, entities decoded (twice, for the board's srcdoc), so
 * attributes and titles count too; one real plan PDF goes through Chromium and pdftotext.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import { EXIT_OK, runCli } from '../../electron/backend/cli/run';
import { findChromium } from '../../electron/backend/documents/chromium-printer';
import { renderMapSvg } from '../../electron/backend/documents/map-svg';
import { planDocument } from '../../electron/backend/documents/plan-document';
import { planDocumentInput } from '../../electron/backend/exports/plan-export';
import { getMap } from '../../electron/backend/db/repos/stakeholders/map-read';
import type { PlanView } from '../../shared/api/plans';
import type { SnapshotPersonChange, StakeholderMap } from '../../shared/api/stakeholders';
import {
  INTERNAL_ONLY,
  SECTION_RULES,
  audienceOf,
  isWalletShareMetric,
  itemForAudience,
  mayShow,
  portfolioForAudience,
  rolesForAudience,
  snapshotChangeForAudience,
} from '../../shared/domain/audience';
import { formatMoney } from '../../shared/domain/money';
import type { PlanItemData } from '../../shared/domain/plan';
import { messages, type Locale, LOCALES } from '../../shared/i18n';
import { NOW } from './accounts-helpers';
import { expectError, useTestEnv } from './helpers';

const env = useTestEnv();
const TODAY = '2026-11-24';
const YEAR = 2026;

describe('the audience functions', () => {
  it('internal sees everything; the customer nothing on the list', () => {
    for (const k of INTERNAL_ONLY) {
      expect(mayShow('internal', k)).toBe(true);
      expect(mayShow('customer', k)).toBe(false);
    }
    expect(audienceOf(true)).toBe('customer');
    expect(audienceOf(false)).toBe('internal');
    expect(audienceOf(undefined)).toBe('internal');
  });

  it('has the words of every entry of the list in both languages (English without CJK)', () => {
    for (const k of INTERNAL_ONLY) {
      expect(messages['zh-CN'].audience.internal[k], k).toMatch(/[\u4e00-\u9fff]/);
      expect(messages.en.audience.internal[k], k).toMatch(/^[^\u4e00-\u9fff]+$/);
    }
    expect(Object.keys(messages.en.audience.internal).sort()).toEqual([...INTERNAL_ONLY].sort());
  });

  it('keeps items by kind and flag for the customer', () => {
    const base = { internal: false } as const;
    const keep = (d: PlanItemData) => itemForAudience(d, 'customer');
    expect(keep({ kind: 'swot', quadrant: 's', text: 'x', ...base })).toBe(true);
    expect(keep({ kind: 'swot', quadrant: 'o', text: 'x', ...base })).toBe(true);
    expect(keep({ kind: 'swot', quadrant: 'w', text: 'x', ...base })).toBe(false);
    expect(keep({ kind: 'swot', quadrant: 't', text: 'x', ...base })).toBe(false);
    expect(keep({ kind: 'competitor', name: 'c', offer: '', position: '', strengths: '', weaknesses: '', ...base })).toBe(false);
    expect(keep({ kind: 'action', what: 'a', ownerId: null, due: null, status: 'todo', cost: 5, internal: true })).toBe(false);
    expect(keep({ kind: 'action', what: 'a', ownerId: null, due: null, status: 'todo', cost: 5, ...base })).toBe(true);
    expect(itemForAudience({ kind: 'action', what: 'a', ownerId: null, due: null, status: 'todo', cost: 5, internal: true }, 'internal')).toBe(true);
    for (const m of ['钱包份额', 'Share of wallet', '毛利率', 'Gross margin']) {
      expect(keep({ kind: 'objective', metric: m, unit: 'percent', baseline: null, target: null, q1: null, q2: null, q3: null, q4: null, ownerId: null, note: '', ...base }), m).toBe(false);
    }
    expect(isWalletShareMetric('销售额')).toBe(false);
    expect(rolesForAudience(['coach', 'decision-maker', 'veto-holder'], 'customer')).toEqual(['decision-maker']);
    expect(portfolioForAudience({ board: 1, figures: 2 }, 'customer')).toEqual({ board: null, figures: null });
    expect(portfolioForAudience({ board: 1, figures: 2 }, 'internal')).toEqual({ board: 1, figures: 2 });
  });

  it('filters snapshot changes: no attitude, strength or influence; roles without coach and veto holder', () => {
    const c = (field: SnapshotPersonChange['field'], before: string | number | null, after: string | number | null): SnapshotPersonChange => ({ id: 1, name: '王伟', field, before, after });
    for (const f of ['attitude', 'strength', 'influence'] as const) {
      expect(snapshotChangeForAudience(c(f, 1, 2), 'customer')).toBeNull();
      expect(snapshotChangeForAudience(c(f, 1, 2), 'internal')).toEqual(c(f, 1, 2));
    }
    expect(snapshotChangeForAudience(c('roles', 'user', 'coach,user'), 'customer')).toBeNull();
    expect(snapshotChangeForAudience(c('roles', 'coach', 'decision-maker,veto-holder'), 'customer')).toEqual(c('roles', null, 'decision-maker'));
    expect(snapshotChangeForAudience(c('title', '处长', '副厅长'), 'customer')).toEqual(c('title', '处长', '副厅长'));
  });
});

// --- the sample, printed for a customer -------------------------------------------------------------

/** The text of an HTML or SVG document as scanned: style blocks out, entities decoded twice (srcdoc). */
function scanned(doc: string): string {
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&nbsp;/g, ' ')
      .replace(/&amp;/g, '&');
  const noStyle = (s: string) => s.replace(/<style[\s\S]*?<\/style>/gi, ' ');
  return noStyle(decode(noStyle(decode(noStyle(doc)))));
}

/** The needles found in `text`: CJK ones anywhere, Latin ones as whole words. */
function found(text: string, needles: Iterable<string>): string[] {
  const hits = new Set<string>();
  for (const n of needles) {
    if (/[A-Za-z]/.test(n)) {
      const re = new RegExp(`(?<![A-Za-z])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z])`);
      if (re.test(text)) hits.add(n);
    } else if (text.includes(n)) hits.add(n);
  }
  return [...hits];
}

const nonEmpty = (xs: (string | null | undefined)[]) => xs.map((x) => (x ?? '').trim()).filter((x) => x.length >= 2);
/** The values in a section's text: its paragraphs and list items, and the table cells holding a figure. */
const textOfHtml = (html: string) => {
  const inner = (tag: string) => [...html.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'gi'))].map((m) => m[1]!.replace(/<[^>]*>/g, '').trim());
  return [...inner('p'), ...inner('li'), ...inner('td').filter((c) => /\d/.test(c))].filter((x) => x.length >= 2);
};

interface Internal {
  /** Values no customer output may contain. */
  everywhere: Set<string>;
  /** Per plan id: what its plan marks internal or holds on the list. */
  perPlan: Map<number, Set<string>>;
  accountNames: Map<number, string>;
}

/** Every internal value of the sample, from the database and the plans as the app reads them. */
function collectInternal(b: Backend, locale: Locale, plans: PlanView[]): Internal {
  const db = b.connection();
  const dmu = messages[locale].dmu;
  const pd = messages[locale].planDoc;
  const zh = locale === 'zh-CN';
  const everywhere = new Set<string>([
    ...Object.values(dmu.attitudes),
    dmu.attitudeUnknown,
    ...Object.entries(dmu.strengths).filter(([k]) => k !== 'none').map(([, v]) => v),
    dmu.roles.coach,
    dmu.roles['veto-holder'],
    dmu.rolesShort.coach,
    dmu.rolesShort['veto-holder'],
    pd.profit,
    pd.actionCost,
    pd.investmentTitle,
    pd.plannedCost,
    pd.churnTitle,
    pd.receivables,
    pd.placementsTitle,
    pd.movesTitle,
    pd.gapsTitle,
    pd.sections.analysis,
    pd.sections.investment,
    messages[locale].forumDoc.boardTitle,
    messages[locale].forumDoc.paretoTitle,
  ]);
  const people = db
    .prepare("SELECT notes, favours_competitor AS f, org_wins AS o, personal_wins AS p, interests AS i FROM stakeholders WHERE deleted_at IS NULL")
    .all() as { notes: string; f: string; o: string; p: string; i: string }[];
  for (const r of people) for (const v of nonEmpty([r.notes, r.f, r.o, r.p, r.i])) everywhere.add(v);
  const competitors = db.prepare('SELECT name, offer, position, strengths, weaknesses FROM competitors').all() as Record<string, string>[];
  for (const c of competitors) for (const v of nonEmpty(Object.values(c))) everywhere.add(v);
  const quadrants = db.prepare('SELECT name_zh, name_en, treatment_zh, treatment_en FROM quadrants').all() as Record<string, string>[];
  for (const q of quadrants) for (const v of nonEmpty(zh ? [q.name_zh, q.treatment_zh] : [q.name_en, q.treatment_en])) everywhere.add(v);
  const churn = db.prepare('SELECT churn_note AS note, payment_terms AS terms FROM accounts').all() as { note: string | null; terms: string | null }[];
  for (const c of churn) for (const v of nonEmpty([c.note, c.terms])) everywhere.add(v);

  const perPlan = new Map<number, Set<string>>();
  for (const v of plans) {
    const own = new Set<string>();
    const currency = v.plan.currency;
    for (const r of v.live.revenue) if (r.profit) own.add(formatMoney(r.profit, currency, locale));
    // sections marked internal, and those on the list (SECTION_RULES): competitors, investment, the buying centre's text
    for (const s of v.sections) if (s.internal || s.section in SECTION_RULES) for (const line of textOfHtml(s.html)) own.add(line);
    for (const i of v.items) {
      const d = i.data;
      const internal = 'internal' in d && d.internal;
      if (d.kind === 'risk' && internal) own.add(d.description).add(d.mitigation);
      if (d.kind === 'swot' && (d.quadrant === 'w' || d.quadrant === 't' || internal)) own.add(d.text);
      if (d.kind === 'competitor') for (const x of nonEmpty([d.name, d.offer, d.position, d.strengths, d.weaknesses])) own.add(x);
      if (d.kind === 'objective' && (internal || isWalletShareMetric(d.metric))) own.add(d.metric);
      if (d.kind === 'action' && internal) own.add(d.what);
      if (d.kind === 'action' && d.cost) own.add(formatMoney(d.cost, currency, locale));
    }
    perPlan.set(v.plan.id, own);
  }
  const accountNames = new Map((db.prepare('SELECT id, name FROM accounts WHERE deleted_at IS NULL').all() as { id: number; name: string }[]).map((a) => [a.id, a.name]));
  return { everywhere, perPlan, accountNames };
}

/** Loads the sample, then marks more internal: a section of the first plan and an action of the second. */
async function sampleBackend(locale: Locale, dbPath?: string): Promise<Backend> {
  const b = dbPath ? new Backend({ dbPath, transport: 'test', now: () => NOW, log: () => {} }) : env.backend({ now: () => NOW });
  await b.call('sample-load', { locale, accounts: 40, today: TODAY });
  const plans = (await b.call('plans-list', { year: YEAR, today: TODAY })).slice(0, 2);
  expect(plans.length).toBe(2);
  await b.call('plan-section-internal', { planId: plans[0]!.id, section: 'strategy', internal: true });
  const second = await b.call('plan-get', { accountId: plans[1]!.accountId, year: YEAR, today: TODAY });
  const action = second.items.find((i) => i.kind === 'action' && (i.data as { status: string }).status !== 'done')!;
  await b.call('plan-item-save', { planId: second.plan.id, id: action.id, data: { ...(action.data as Extract<PlanItemData, { kind: 'action' }>), what: locale === 'zh-CN' ? '私下约采购总监谈价格底线' : 'Private talk with the purchasing director on our floor price', internal: true } });
  return b;
}

describe.each(LOCALES)('every customer-facing output of the sample (%s)', (locale) => {
  it('holds no internal value: plans, maps, the forum deck; the board is refused', async () => {
    const b = await sampleBackend(locale);
    const db = b.connection();
    const summaries = await b.call('plans-list', { year: YEAR, today: TODAY });
    expect(summaries.length).toBeGreaterThanOrEqual(3);
    const plans = await Promise.all(summaries.map((p) => b.call('plan-get', { accountId: p.accountId, year: YEAR, today: TODAY })));
    const internal = collectInternal(b, locale, plans);
    // the sample has something of each kind to leak (else the scan proves nothing)
    expect(internal.everywhere.size).toBeGreaterThan(40);
    for (const own of internal.perPlan.values()) expect(own.size).toBeGreaterThan(5);
    // other customers' names; a name inside a shown one (a parent group in its subsidiary's name) is no leak
    const others = (keep: Iterable<number>) => {
      const k = new Set(keep);
      const shown = [...k].map((id) => internal.accountNames.get(id) ?? '');
      return [...internal.accountNames].filter(([id, name]) => !k.has(id) && !shown.some((s) => s.includes(name))).map(([, name]) => name);
    };
    const leaks: Record<string, string[]> = {};
    const scan = (what: string, text: string, needles: Iterable<string>) => {
      const hits = found(text, needles);
      if (hits.length) leaks[what] = hits;
    };

    // the plan of each sample plan (the document as printed, internal first: the scan can find things)
    for (const p of summaries) {
      const input = planDocumentInput(db, p.accountId, YEAR, TODAY);
      const needles = [...internal.everywhere, ...internal.perPlan.get(p.id)!, ...others([p.accountId])];
      const inside = scanned(planDocument(input, { locale, safe: false, today: TODAY }));
      expect(found(inside, internal.perPlan.get(p.id)!).length, 'the internal plan shows its own internal values').toBeGreaterThan(3);
      // the internal version tags what is marked internal only (the wallet-share objective of the sample, at least)
      expect(inside).toContain(`${messages[locale].audience.internalTag}</span>`);
      scan(`plan ${p.accountName}`, scanned(planDocument(input, { locale, safe: true, today: TODAY })), needles);
    }

    // the map of each mapped account (and each tender map)
    const mapped = db.prepare('SELECT DISTINCT account_id FROM stakeholders WHERE deleted_at IS NULL').pluck().all() as number[];
    expect(mapped.length).toBeGreaterThan(3);
    let maps = 0;
    for (const accountId of mapped) {
      const account = getMap(db, accountId, null, { today: TODAY });
      const all: StakeholderMap[] = [account, ...account.tenders.filter((t) => t.people > 0).map((t) => getMap(db, accountId, t.id, { today: TODAY }))];
      for (const map of all) {
        maps++;
        scan(`map ${map.account.name}${map.tender ? ` / ${map.tender.name}` : ''}`, scanned(renderMapSvg(map, { locale, safe: true, today: TODAY }).svg), [
          ...internal.everywhere,
          ...others([accountId]),
        ]);
      }
    }
    expect(maps).toBeGreaterThan(3);

    // the forum deck (the screen's and the PDF's HTML): only the invited accounts
    const deck = await b.call('forum-deck', { year: YEAR, locale, safe: true, today: TODAY });
    expect(deck.accountIds.length).toBeGreaterThanOrEqual(3);
    const deckNeedles = [...internal.everywhere, ...others(deck.accountIds)];
    for (const p of summaries) if (deck.accountIds.includes(p.accountId)) deckNeedles.push(...internal.perPlan.get(p.id)!);
    scan('forum deck', scanned(deck.html), deckNeedles);
    const inside = await b.call('forum-deck', { year: YEAR, locale, today: TODAY });
    expect(found(scanned(inside.html), others(deck.accountIds)).length, 'the internal deck names other customers (board, Pareto)').toBeGreaterThan(0);

    expect(leaks).toEqual({});

    // the board: internal only
    expectError(await b.invoke('board-export', { matrix: 'value-potential', format: 'pdf', locale, safe: true }), 'board-internal-only');
  }, 120_000);
});

describe('the customer plan through Chromium', () => {
  it.skipIf(!findChromium())('pdftotext of plan pdf --safe holds no internal value of its plan', { timeout: 120_000 }, async () => {
    const dbPath = env.file('keyplan.db');
    const b = await sampleBackend('zh-CN', dbPath);
    const first = (await b.call('plans-list', { year: YEAR, today: TODAY }))[0]!;
    const plans = [await b.call('plan-get', { accountId: first.accountId, year: YEAR, today: TODAY })];
    const internal = collectInternal(b, 'zh-CN', plans);
    await b.close();
    const out = env.file('safe.pdf');
    const io = { out: '', err: '' };
    const code = await runCli(['plan', 'pdf', '--db', dbPath, '--account', first.accountName, '--year', String(YEAR), '--safe', '--out', out], {
      out: (s) => (io.out += s),
      err: (s) => (io.err += s),
      env: {},
    });
    expect(code, io.err).toBe(EXIT_OK);
    expect(fs.existsSync(out)).toBe(true);
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    expect(text).toContain(first.accountName);
    const others = [...internal.accountNames].filter(([id]) => id !== first.accountId).map(([, n]) => n);
    expect(found(text.replace(/\s+/g, ''), [...internal.everywhere, ...internal.perPlan.get(plans[0]!.plan.id)!, ...others].map((n) => n.replace(/\s+/g, '')))).toEqual([]);
  });
});
