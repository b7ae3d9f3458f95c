/** The printed stakeholder map: the SVG (map-svg.ts), its print page and PNG size (map-document.ts), and a real Chromium print. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumPrinter, findChromium } from '../../electron/backend/documents/chromium-printer';
import { mapDocument, mapPage, mapPngSize, PNG_MAX_PIXELS, PNG_MAX_SIDE } from '../../electron/backend/documents/map-document';
import { CARD_H, CARD_W, fit, initials, renderMapSvg, textWidth } from '../../electron/backend/documents/map-svg';
import type { StakeholderMap } from '../../shared/api/stakeholders';
import { analyseCoverage } from '../../shared/domain/coverage';
import { ATTITUDE_COLOURS } from '../../shared/domain/map-palette';
import { messages, type Locale, LOCALES } from '../../shared/i18n';
import { orgMap, toMapPerson } from './map-fixtures';

const today = '2026-06-30';

/** Parses strictly (throws on anything not well-formed) and returns the root's attributes and the element count. */
function parseXml(xml: string): { root: string; attributes: Record<string, string>; elements: number; text: string } {
  const parser = new SaxesParser({ xmlns: false });
  let root = '';
  let attributes: Record<string, string> = {};
  let elements = 0;
  let text = '';
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => {
    if (elements === 0) {
      root = tag.name;
      attributes = tag.attributes as Record<string, string>;
    }
    elements++;
  });
  parser.on('text', (t) => (text += t));
  parser.write(xml).close();
  return { root, attributes, elements, text };
}

/** The top-left corner of a person's card as drawn (map group coordinates). */
function cardAt(svg: string, id: number): { x: number; y: number } {
  const m = new RegExp(`<g class="person" data-id="${id}"><title>[^<]*</title><rect x="([-\\d.]+)" y="([-\\d.]+)"`).exec(svg);
  if (!m) throw new Error(`no card for ${id}`);
  return { x: Number(m[1]), y: Number(m[2]) };
}

const render = (map: StakeholderMap, locale: Locale = 'zh-CN', safe = false) => renderMapSvg(map, { locale, safe, today });

function withCoverage(map: StakeholderMap): StakeholderMap {
  return { ...map, coverage: analyseCoverage(map.members.map(toMapPerson), { today, staleDays: 60 }) };
}

describe('renderMapSvg', () => {
  const map = orgMap(40);

  it('is well-formed, standalone SVG whose size is the one returned', () => {
    for (const locale of LOCALES) {
      for (const safe of [false, true]) {
        const { svg, width, height } = render(map, locale, safe);
        const xml = parseXml(svg);
        expect(xml.root).toBe('svg');
        expect(xml.attributes.xmlns).toBe('http://www.w3.org/2000/svg');
        expect(Number(xml.attributes.width)).toBe(width);
        expect(Number(xml.attributes.height)).toBe(height);
        expect(xml.attributes.viewBox).toBe(`0 0 ${width} ${height}`);
        // the fonts that carry Chinese
        expect(xml.attributes['font-family']).toContain('Noto Sans CJK SC');
        // text stays text: one card per person
        expect(svg.match(/<g class="person"/g)).toHaveLength(40);
        expect(svg).not.toMatch(/<image|base64/);
      }
    }
  });

  it('names every person with their title, department and translated roles (zh-CN)', () => {
    const { svg } = render(map);
    const { text } = parseXml(svg);
    for (const m of map.members) expect(text).toContain(m.name);
    expect(text).toContain('局长 · 信息中心');
    const dmu = messages['zh-CN'].dmu;
    for (const role of ['decision-maker', 'economic-buyer', 'veto-holder', 'technical-evaluator', 'coach'] as const) expect(text).toContain(dmu.rolesShort[role]);
    for (const label of ['支持者', '中立', '反对者', '有疑虑', '倾向支持', '态度未知']) expect(text).toContain(label);
    expect(text).toContain('河南省教育厅 决策链图谱');
    expect(text).toContain('2026年6月30日');
    expect(text).toContain(`覆盖缺口（${map.coverage.gaps.length}）`);
    expect(text).toContain('倾向华为');
    expect(text).toContain('超过 60 天未联系');
    // a Chinese owner's avatar shows the family name
    expect(svg).toMatch(/>张<\/text>/);
  });

  it('speaks English in en', () => {
    const { svg } = render(map, 'en');
    const { text } = parseXml(svg);
    for (const label of ['Decider', 'Budget', 'Veto', 'Supporter', 'Opponent', 'Sceptic', 'Legend', 'Reports to', 'Dotted-line report', 'Our owner', 'Favours 华为']) expect(text).toContain(label);
    expect(text).toContain('30 June 2026');
    expect(text).toContain(`Coverage gaps (${map.coverage.gaps.length})`);
    expect(text).not.toMatch(/决策者|支持者|覆盖缺口|图例/);
    // Latin owner initials
    expect(svg).toMatch(/>AC<\/text>/);
  });

  it('draws reporting lines, dashed dotted lines and influence arrows, weighted by strength', () => {
    const { svg } = render(map);
    expect(svg).toMatch(/<path class="reports" d="M/);
    expect(svg).toMatch(/<path class="dotted" d="M[^"]+" [^>]*stroke-dasharray/);
    const widths = new Set([...svg.matchAll(/<path class="influence" [^>]*stroke-width="([\d.]+)"/g)].map((m) => m[1]));
    expect(widths).toEqual(new Set(['1.25', '2.25', '3.5']));
    expect(svg).toContain('marker-end="url(#arrow)"');
  });

  it('customer-safe: no attitude, notes, competitor, wins, gaps, stale marks, influence or coach anywhere', () => {
    const people = map.members;
    // the fixture has all of these, so their absence below means something
    expect(people.some((m) => m.notes !== '') && people.some((m) => m.personalWins !== '') && people.some((m) => m.favoursCompetitor !== '')).toBe(true);
    expect(people.some((m) => m.mapRoles.includes('coach'))).toBe(true);
    for (const locale of LOCALES) {
      const { svg } = render(map, locale, true);
      const lower = svg.toLowerCase();
      const dmu = messages[locale].dmu;
      for (const word of [...Object.values(dmu.attitudes), dmu.attitudeUnknown, dmu.gaps.title, dmu.doc.legendAttitude, dmu.roles.coach, dmu.rolesShort.coach, dmu.doc.noOwner]) {
        expect(svg, `${locale}: ${word}`).not.toContain(word);
      }
      for (const word of ['opponent', 'sceptic', 'supporter', 'attitude', '反对', '支持', '态度', '内线', '缺口']) expect(lower, `${locale}: ${word}`).not.toContain(word);
      for (const m of people) {
        if (m.notes) expect(svg).not.toContain(m.notes);
        if (m.personalWins) expect(svg).not.toContain(m.personalWins);
      }
      expect(svg).not.toContain('华为');
      for (const colour of Object.values(ATTITUDE_COLOURS).filter((c) => c !== ATTITUDE_COLOURS['0'])) expect(lower).not.toContain(colour);
      expect(svg).not.toMatch(/class="(influence|stale|attitude|gaps|gap|no-owner|influence-weight)"/);
      // what stays: names, titles, other roles, owners, the org chart
      for (const m of people) expect(svg).toContain(m.name);
      expect(svg).toContain(dmu.rolesShort['decision-maker']);
      expect(svg).toContain(dmu.doc.safe);
      expect(svg).toMatch(/<path class="reports"/);
      expect(svg).toMatch(/<path class="dotted"/);
    }
  });

  it('escapes text (names, titles, account, tender)', () => {
    const m = orgMap(3, { tender: true });
    m.account.name = 'A&B <Group>';
    m.tender!.name = 'Bid "1" & <x>';
    m.members[0]!.name = '<script>alert(1)</script>';
    m.members[1]!.title = 'R&D <lead>';
    m.members[1]!.ownerName = "O'Brien & Co";
    const { svg } = render(withCoverage(m), 'en');
    const { text } = parseXml(svg);
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('R&D <lead>');
    expect(text).toContain('A&B <Group> decision-making unit');
    expect(text).toContain('Tender: Bid "1" & <x>');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('O&#39;Brien &amp; Co');
  });

  it('honours saved positions; people without one go below, without overlapping', () => {
    const m = orgMap(6);
    const saved = [
      { id: 1, x: 100, y: 50 },
      { id: 2, x: 500, y: 350 },
      { id: 3, x: -200, y: 350 },
    ];
    for (const s of saved) Object.assign(m.members.find((p) => p.id === s.id)!, { x: s.x, y: s.y });
    const { svg } = render(m);
    const [a, b, c] = saved.map((s) => cardAt(svg, s.id));
    expect([b!.x - a!.x, b!.y - a!.y]).toEqual([400, 300]);
    expect([c!.x - a!.x, c!.y - a!.y]).toEqual([-300, 300]);
    expect(c!.x).toBe(0);
    const placedBottom = b!.y + CARD_H;
    const rest = [4, 5, 6].map((id) => cardAt(svg, id));
    for (const r of rest) expect(r.y).toBeGreaterThan(placedBottom);
    for (let i = 0; i < rest.length; i++) {
      for (let j = i + 1; j < rest.length; j++) {
        const overlap = Math.abs(rest[i]!.x - rest[j]!.x) < CARD_W && Math.abs(rest[i]!.y - rest[j]!.y) < CARD_H;
        expect(overlap).toBe(false);
      }
    }
  });

  it('without saved positions, uses the automatic layout: managers above reports; folded branches still printed', () => {
    const m = orgMap(30);
    m.members[1]!.collapsed = true;
    const { svg } = render(m);
    for (const l of m.lines.filter((x) => x.kind === 'reports' && !x.dotted)) {
      expect(cardAt(svg, l.toId).y + CARD_H).toBeLessThanOrEqual(cardAt(svg, l.fromId).y);
    }
    expect(svg.match(/<g class="person"/g)).toHaveLength(30);
  });

  it('an empty map says so', () => {
    const m = withCoverage({ ...orgMap(1), members: [], lines: [] });
    const { svg } = render(m);
    parseXml(svg);
    expect(svg).toContain(messages['zh-CN'].dmu.doc.emptyMap);
    expect(svg).toContain(messages['zh-CN'].dmu.doc.noGaps);
  });

  it('a 300-person map renders everyone on it', () => {
    const big = orgMap(300);
    const { svg, width, height } = render(big);
    const { text } = parseXml(svg);
    for (const p of big.members) expect(text).toContain(p.name);
    expect(width).toBeGreaterThan(2000);
    expect(height).toBeGreaterThan(1000);
    // the gap list is capped on the map
    expect(svg.match(/<g class="gap">/g)).toHaveLength(12);
  });
});

describe('text helpers', () => {
  it('estimates widths (CJK a full em) and cuts with an ellipsis', () => {
    expect(textWidth('王伟', 10)).toBe(20);
    expect(textWidth('ab', 10)).toBeCloseTo(11.2);
    expect(fit('短', 12, 100)).toBe('短');
    const cut = fit('中华人民共和国教育部基础教育司', 10, 60);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 10)).toBeLessThanOrEqual(60);
  });

  it('initials', () => {
    expect(initials('张三')).toBe('张');
    expect(initials('Amy Chen')).toBe('AC');
    expect(initials('madonna')).toBe('M');
    expect(initials('  ')).toBe('?');
  });
});

describe('mapDocument', () => {
  it('a small map: at its natural size on an A4 page in its orientation', () => {
    expect(mapPage(800, 400)).toMatchObject({ pageWidthMm: 297, pageHeightMm: 210, scale: 1 });
    expect(mapPage(400, 800)).toMatchObject({ pageWidthMm: 210, pageHeightMm: 297, scale: 1 });
  });

  it('a mid-size map: one page of its own size plus margins, unscaled', () => {
    const p = mapPage(2476, 1308);
    expect(p.scale).toBe(1);
    expect(p.pageWidthMm).toBeCloseTo((2476 * 25.4) / 96 + 16, 0);
    expect(p.pageHeightMm).toBeCloseTo((1308 * 25.4) / 96 + 16, 0);
  });

  it('a huge map: scaled down to fit A0 in either orientation', () => {
    const wide = mapPage(12000, 3000);
    expect(wide.pageWidthMm).toBeLessThanOrEqual(1189);
    expect(wide.pageHeightMm).toBeLessThanOrEqual(841);
    expect(wide.scale).toBeLessThan(0.5);
    expect(wide.mapWidthMm).toBeCloseTo(1189 - 16, 0);
    const tall = mapPage(3000, 9000);
    expect(tall.pageWidthMm).toBeLessThanOrEqual(841);
    expect(tall.pageHeightMm).toBeCloseTo(1189, 0);
    const square = mapPage(9000, 9000);
    expect(square.pageWidthMm).toBeLessThanOrEqual(1189);
    expect(square.pageHeightMm).toBeLessThanOrEqual(841);
  });

  it('the page is set with CSS @page and holds the SVG', () => {
    const svg = renderMapSvg(orgMap(5), { locale: 'en', safe: false, today });
    const doc = mapDocument(svg, { locale: 'en', title: 'T & <t>' });
    expect(doc.html).toContain(`@page { size: ${doc.pageWidthMm}mm ${doc.pageHeightMm}mm; margin: 0; }`);
    expect(doc.html).toContain('<title>T &amp; &lt;t&gt;</title>');
    expect(doc.html).toContain(svg.svg);
  });

  it('PNG size: scale 2 at the natural size when it fits, else a smaller viewport within the limits', () => {
    expect(mapPngSize(2476, 1308)).toEqual({ width: 2476, height: 1308, scale: 2 });
    for (const [w, h] of [
      [12000, 3000],
      [3000, 20000],
      [7000, 7000],
    ] as const) {
      const s = mapPngSize(w, h);
      expect(s.scale).toBe(2);
      expect(Math.max(s.width, s.height) * s.scale).toBeLessThanOrEqual(PNG_MAX_SIDE);
      expect(s.width * s.height * s.scale * s.scale).toBeLessThanOrEqual(PNG_MAX_PIXELS);
      expect(s.width / s.height).toBeCloseTo(w / h, 2);
    }
  });
});

describe.skipIf(!findChromium())('printed through Chromium', () => {
  const printer = chromiumPrinter();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyplan-map-'));
  afterAll(async () => {
    await printer.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a one-page vector PDF of the map size whose text pdftotext finds (CJK too); the safe one without attitude words', async () => {
    const map = orgMap(60, { tender: true });
    for (const safe of [false, true]) {
      const svg = renderMapSvg(map, { locale: 'zh-CN', safe, today });
      const doc = mapDocument(svg, { locale: 'zh-CN', title: '河南省教育厅 决策链' });
      const pdf = await printer.pdf(doc.html, { landscape: doc.pageWidthMm > doc.pageHeightMm });
      const file = path.join(dir, `map-${safe}.pdf`);
      fs.writeFileSync(file, pdf);
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(info).toMatch(/Pages:\s+1\n/);
      const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
      expect(Number(w)).toBeCloseTo((doc.pageWidthMm * 72) / 25.4, -1);
      expect(Number(h)).toBeCloseTo((doc.pageHeightMm * 72) / 25.4, -1);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      for (const p of map.members.slice(0, 20)) expect(text).toContain(p.name);
      expect(text).toContain('投标：智慧教室二期');
      if (safe) expect(text).not.toMatch(/反对者|支持者|有疑虑|覆盖缺口|华为/);
      else expect(text).toMatch(/反对者/);
    }
  });

  it('a PNG at twice the map size', async () => {
    const svg = renderMapSvg(orgMap(12), { locale: 'en', safe: true, today });
    const size = mapPngSize(svg.width, svg.height);
    const png = Buffer.from(await printer.png(mapDocument(svg, { locale: 'en', title: 'map' }).html, size));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // IHDR: width and height, big-endian, at bytes 16..24
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([svg.width * 2, svg.height * 2]);
  });
});
