/**
 * The printed annual plan's HTML (plan-document.ts) from a real database: the cover, the contents
 * and the twelve numbered sections, tables that repeat their header rows, the customer-safe
 * version, escaping of hostile text (also in the CSS of the running header), the revenue chart, and
 * reading back a PDF's named destinations (pdf-pages.ts) for the contents' page numbers.
 */
import { describe, expect, it } from 'vitest';
import { planDocumentInput, planFileName } from '../../electron/backend/exports/plan-export';
import { planDocument, printPlanPdf } from '../../electron/backend/documents/plan-document';
import { cssString } from '../../electron/backend/documents/plan-css';
import { sectionAnchor } from '../../electron/backend/documents/plan-parts';
import { namedDestinationPages } from '../../electron/backend/documents/pdf-pages';
import { revenueChartSvg } from '../../electron/backend/documents/revenue-chart';
import type { Printer } from '../../electron/backend/documents/printer';
import { PLAN_SECTIONS } from '../../shared/domain/plan';
import { messages, type Locale } from '../../shared/i18n';
import { NOW, TODAY } from './accounts-helpers';
import { expectError, useTestEnv } from './helpers';
import { seedPlan, type PlanFixtureOptions } from './plan-fixtures';

const env = useTestEnv();
let dbs = 0;

async function doc(opts: { locale?: Locale; safe?: boolean; pages?: Map<string, number> } & PlanFixtureOptions = {}) {
  const b = env.backend({ now: () => NOW, dbPath: env.file(`plan-${++dbs}.db`) });
  const f = await seedPlan(b, opts);
  const input = planDocumentInput(b.connection(), f.accountId, f.year, TODAY);
  const html = planDocument(input, { locale: opts.locale ?? 'zh-CN', safe: !!opts.safe, today: TODAY, sectionPages: opts.pages ?? null });
  return { f, input, html, b };
}

/** The document without its style sheet and embedded fonts: what is printed as text. */
const bodyOf = (html: string) => html.slice(html.indexOf('<body>'));

describe('the plan document', () => {
  it('has a cover, contents listing the twelve sections with links, and the sections numbered 1-12 in order', async () => {
    const { html, f } = await doc();
    const t = messages['zh-CN'].planDoc;
    const body = bodyOf(html);
    expect(body).toContain('<div class="acct">国能电力集团</div>');
    expect(body).toContain(`<div class="year">${f.year}</div>`);
    expect(body).toContain('赵敏');
    const toc = body.slice(body.indexOf('<nav class="toc"'), body.indexOf('</nav>'));
    const entries = [...toc.matchAll(/<a href="#(sec-\d+)"><span class="n">(\d+)<\/span><span class="t">([^<]*)<\/span>/g)].map((m) => [m[1], m[2], m[3]]);
    expect(entries).toEqual(PLAN_SECTIONS.map((k, i) => [`sec-${i + 1}`, String(i + 1), t.sections[k]]));
    const headings = [...body.matchAll(/<h1 id="(sec-\d+)"><span class="num">(\d+)<\/span><span class="ttl">([^<]*)<\/span><\/h1>/g)].map((m) => [m[1], m[2], m[3]]);
    expect(headings).toEqual(entries);
    // no page numbers until a first print has told them
    expect(toc).not.toMatch(/<span class="p">\d/);
    // every section starts a page; headers repeat on every page a table runs over; rows do not split
    expect(html).toMatch(/\.sec \{ break-before: page; \}/);
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toMatch(/tr, [^{]*\{ break-inside: avoid; \}/);
    // the running header and footer: account, year, page x / y
    expect(html).toContain(`@top-left { content: ${cssString(`国能电力集团 ${f.year} 年度客户计划`)}`);
    expect(html).toContain('@bottom-right { content: "第 " counter(page) " / " counter(pages) " 页"');
    expect(html).toMatch(/@page :first \{ margin: 0;/);
  });

  it('fills in the contents page numbers it is given', async () => {
    const pages = new Map(PLAN_SECTIONS.map((_, i) => [sectionAnchor(i), 3 + i * 2]));
    const { html } = await doc({ pages });
    const numbers = [...html.matchAll(/<span class="dots"><\/span><span class="p">(\d*)<\/span>/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual(PLAN_SECTIONS.map((_, i) => 3 + i * 2));
  });

  it('prints every kind of item as a table with a header row, the SWOT as a 2x2 grid, and the live figures', async () => {
    const { html, f } = await doc();
    const body = bodyOf(html);
    const tables = [...body.matchAll(/<table class="grid[^"]*">(.*?)<\/table>/gs)].map((m) => m[1]!);
    expect(tables.length).toBeGreaterThanOrEqual(8);
    for (const tb of tables) expect(tb.startsWith('<thead><tr><th')).toBe(true);
    // the section text's own tables keep their thead too
    expect(body).toContain('<table><thead><tr><th>项目</th>');
    // objectives with Q1-Q4 in the account's currency, percent from basis points
    expect(body).toContain('<th class="num">一季度</th><th class="num">二季度</th><th class="num">三季度</th><th class="num">四季度</th>');
    expect(body).toContain('¥1300万');
    expect(body).toContain('<td class="num">20%</td>');
    // actions: owner names, due dates, status and cost; the total leaves out dropped actions
    expect(body).toContain(f.action);
    expect(body).toContain('<td>孙杰</td><td>2026-02-15</td><td><span class="status st-doing">进行中</span></td><td class="num">¥20,000</td>');
    expect(body).toContain('<td class="num">¥160,000</td>'); // 10+20+30+40+60 thousand
    // SWOT, team (a person by id and a typed name), the contact plan, risks with the internal tag
    expect(body).toMatch(/<div class="swot"><div class="swot-cell swot-s">.*<div class="swot-cell swot-t">/s);
    expect(body).toContain('钱工');
    expect(body).toContain('李娜（信息中心主任）');
    expect(body).toContain(`${f.internal.risk} <span class="tag">内部</span>`);
    // live figures: the chart, the map with its gaps, placements, churn and receivables
    expect(body).toMatch(/<figure class="chart"[^>]*><svg/);
    expect(body).toMatch(/<figure class="map" style="width:[\d.]+px;height:[\d.]+px" data-scale="[\d.]+"><svg/);
    expect(body).toContain('主要缺口');
    expect(body).toContain('明星');
    expect(body).toContain('¥1,250,000');
    expect(body).toContain('35 天');
  });

  it('the customer version leaves out internal risks, attitudes, notes, gaps, placements, churn, receivables and costs', async () => {
    const internal = await doc();
    const { html, f } = await doc({ safe: true });
    const body = bodyOf(html);
    const words = messages['zh-CN'].dmu.attitudes;
    expect(body).toContain('对外版');
    expect(body).toContain(messages['zh-CN'].planDoc.customerNote);
    expect(body).not.toContain(f.internal.risk);
    expect(body).not.toContain(f.internal.notes);
    // the competitor table names competitors; the map must not say whom a person favours
    const mapOf = (h: string) => h.slice(h.indexOf('<figure class="map"'), h.indexOf('</figure>', h.indexOf('<figure class="map"')));
    expect(mapOf(body)).not.toContain(f.internal.favours);
    expect(mapOf(bodyOf(internal.html))).toContain(f.internal.favours);
    for (const w of Object.values(words)) expect(body, w).not.toContain(w);
    expect(body).not.toContain('主要缺口');
    expect(body).not.toContain('内线');
    expect(body).not.toContain('明星');
    expect(body).not.toContain('¥1,250,000');
    expect(body).not.toContain('¥20,000');
    // still there: the plan, the map's people, the ordinary risk, the actions
    expect(body).toContain(f.action);
    expect(body).toContain('王建国');
    expect(body).toContain('旺季供货不能保障');
    // and the internal document does have what the customer version leaves out
    const full = bodyOf(internal.html);
    for (const s of [internal.f.internal.risk, '主要缺口', words['-2'], '¥20,000']) expect(full).toContain(s);
  });

  it('escapes hostile text everywhere, including the running header CSS, and re-cleans section HTML', async () => {
    const evil = '<script>alert(1)</script>"; } body { display:none } @page { x: "</style><b>';
    const { html } = await doc({ accountName: evil, overview: '<p>ok</p><img src=x onerror=alert(1)><script>alert(2)</script>' });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('</style><b>');
    expect(html).not.toContain('onerror');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain(cssString(`${evil} 2026 年度客户计划`));
    expect(cssString('a"b\\c</style>\nd')).toBe('"a\\"b\\\\c\\3C /style> d"');
    // nothing closed a style element early: every one that opens closes once
    expect(html.match(/<\/style>/g)!.length).toBe(html.match(/<style[ >]/g)!.length);
    expect(html).toContain('\\3C /style>');
  });

  it('is English throughout in English, with the plan currency; file names say which version', async () => {
    const { html } = await doc({ locale: 'en' });
    const body = bodyOf(html);
    expect(body).toContain('Account overview');
    expect(body).toContain('Contents');
    expect(html).toContain('@bottom-right { content: "Page " counter(page) " / " counter(pages);');
    expect(body).toContain('<th class="num">Q1</th>');
    expect(body).toContain('¥13M');
    expect(planFileName('国能电力集团', 2026, 'zh-CN', false)).toBe('国能电力集团-2026年度客户计划.pdf');
    expect(planFileName('Acme / Co', 2026, 'en', true)).toBe('Acme - Co-account-plan-2026-customer-version.pdf');
  });

  it('an approved plan says when it was approved and prints the figures frozen then', async () => {
    const b = env.backend({ now: () => NOW });
    const f = await seedPlan(b);
    await b.call('plan-status-set', { planId: f.planId, status: 'review' });
    await b.call('plan-status-set', { planId: f.planId, status: 'approved' });
    // revenue changed after approval does not reach the printed plan
    await b.call('revenue-set', { accountId: f.accountId, year: f.year - 1, revenue: 1_234_567_00 });
    const html = planDocument(planDocumentInput(b.connection(), f.accountId, f.year, TODAY), { locale: 'zh-CN', safe: false, today: TODAY });
    expect(html).toContain('<dd>已于 2026年5月15日 批准</dd>');
    expect(html).toContain('数据为 2026年5月15日 批准时的数据');
    expect(html).toContain(cssString('第 1 版 · 已批准'));
    expect(html).not.toContain('¥1,234,567');
    expect(html).toContain('¥10,400,000');
  });

  it('plan-export needs a printer and a plan', async () => {
    const b = env.backend({ now: () => NOW });
    const f = await seedPlan(b);
    expectError(await b.invoke('plan-export', { accountId: f.accountId, year: f.year, format: 'pdf', locale: 'zh-CN' }), 'printer-unavailable');
    expectError(await b.invoke('plan-export', { accountId: f.accountId, year: 2030, format: 'pdf', locale: 'zh-CN' }), 'not-found');
    expectError(await b.invoke('plan-export', { accountId: f.accountId, year: f.year, format: 'png', locale: 'zh-CN' }), 'invalid-args');
  });

  it('an empty plan prints every section with a note', async () => {
    const b = env.backend({ now: () => NOW });
    const acct = await b.call('accounts-create', { name: 'Empty Co' });
    await b.call('plan-create', { accountId: acct.id, year: 2026 });
    const html = planDocument(planDocumentInput(b.connection(), acct.id, 2026, TODAY), { locale: 'en', safe: false, today: TODAY });
    expect(html.match(/<h1 id="sec-/g)).toHaveLength(12);
    expect(html).toContain(messages.en.planDoc.emptySection);
    expect(html).toContain(messages.en.planDoc.noRevenue);
  });
});

describe('the revenue chart', () => {
  it('is a vector SVG with the years, compact money and the embedded font', () => {
    const svg = revenueChartSvg(
      [
        { year: 2024, revenue: 5_000_000_00, target: 6_000_000_00, profit: null },
        { year: 2025, revenue: 7_000_000_00, target: 6_500_000_00, profit: null },
      ],
      { locale: 'zh-CN', currency: 'CNY', width: 600, height: 240 },
    );
    expect(svg).toMatch(/^<svg[^>]*width="600" height="240"/);
    expect(svg).toContain('2024');
    expect(svg).toContain('¥700万');
    expect(svg).toContain('Keyplan Noto Sans SC');
  });
});

/** A minimal PDF laid out as Chromium writes one: classic xref, nested page tree, /Dests. */
function fakePdf(): Uint8Array {
  const objs: Record<number, string> = {
    1: '<</Type /Catalog\n/Pages 2 0 R\n/Dests 9 0 R>>',
    2: '<</Type /Pages\n/Count 4\n/Kids [3 0 R 4 0 R]>>',
    3: '<</Type /Pages\n/Count 3\n/Kids [5 0 R 6 0 R 7 0 R]\n/Parent 2 0 R>>',
    4: '<</Type /Page\n/Parent 2 0 R>>',
    5: '<</Type /Page\n/Parent 3 0 R>>',
    6: '<</Type /Page\n/Parent 3 0 R>>',
    7: '<</Type /Page\n/Parent 3 0 R>>',
    9: '<</sec-1 [6 0 R /XYZ 6 826 0]\n/sec-2 [4 0 R /XYZ 6 600 0]\n/a#2Db [7 0 R /XYZ 0 0 0]>>',
  };
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const [n, body] of Object.entries(objs)) {
    offsets[Number(n)] = out.length;
    out += `${n} 0 obj\n${body}\nendobj\n`;
  }
  const xref = out.length;
  out += 'xref\n0 10\n0000000000 65535 f \n';
  for (let n = 1; n < 10; n++) out += offsets[n] === undefined ? '0000000000 65535 f \n' : `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<</Size 10\n/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF`;
  return new TextEncoder().encode(out);
}

describe('page numbers read back from the PDF', () => {
  it('maps named destinations to pages in the page tree order', () => {
    expect(namedDestinationPages(fakePdf())).toEqual(
      new Map([
        ['sec-1', 2],
        ['sec-2', 4],
        ['a-b', 3],
      ]),
    );
    expect(namedDestinationPages(new TextEncoder().encode('%PDF-1.4\n%%EOF'))).toEqual(new Map());
  });

  it('prints twice when the first print tells the pages, once (without numbers) when it does not', async () => {
    const b = env.backend({ now: () => NOW });
    const f = await seedPlan(b);
    const input = planDocumentInput(b.connection(), f.accountId, f.year, TODAY);
    const printed: string[] = [];
    const printer = (pdf: Uint8Array): Printer => ({
      pdf: (html) => {
        printed.push(html);
        return Promise.resolve(pdf);
      },
      png: () => Promise.resolve(new Uint8Array()),
      close: () => Promise.resolve(),
    });
    const none = await printPlanPdf(printer(new TextEncoder().encode('%PDF-1.4\n%%EOF')), input, { locale: 'zh-CN', safe: false, today: TODAY });
    expect(printed).toHaveLength(1);
    expect(none.sectionPages.size).toBe(0);
    // a PDF whose destinations name all twelve sections
    const pages = new Map(PLAN_SECTIONS.map((_, i) => [sectionAnchor(i), i + 3]));
    const dests = PLAN_SECTIONS.map((_, i) => `/sec-${i + 1} [${100 + i + 3} 0 R /XYZ 0 0 0]`).join('\n');
    const kids = Array.from({ length: 16 }, (_, i) => `${101 + i} 0 R`).join(' ');
    let s = '%PDF-1.4\n';
    s += '1 0 obj\n<</Type /Catalog\n/Pages 2 0 R\n/Dests 3 0 R>>\nendobj\n';
    s += `2 0 obj\n<</Type /Pages\n/Count 16\n/Kids [${kids}]>>\nendobj\n`;
    s += `3 0 obj\n<<${dests}>>\nendobj\n`;
    for (let i = 0; i < 16; i++) s += `${101 + i} 0 obj\n<</Type /Page\n/Parent 2 0 R>>\nendobj\n`;
    s += 'trailer\n<</Root 1 0 R>>\n%%EOF';
    printed.length = 0;
    const two = await printPlanPdf(printer(new TextEncoder().encode(s)), input, { locale: 'zh-CN', safe: false, today: TODAY });
    expect(printed).toHaveLength(2);
    expect(two.sectionPages).toEqual(pages);
    expect(printed[1]).toContain('<span class="p">3</span>');
    expect(printed[1]).toContain('<span class="p">14</span>');
  });
});
