/**
 * The stakeholder map as one standalone, vector SVG (text stays text): a title block, a legend, the
 * gap summary, then the people as cards like the mapper screen's with their reporting and influence
 * lines. Used as the SVG export, and inside map-document.ts for the PDF and the PNG.
 *
 * - Positions: the saved ones (member.x / y, top-left like React Flow). People without one are laid
 *   out by layoutMap among themselves and set below the placed people, so nobody overlaps. With no
 *   saved position at all, the automatic layout places everyone.
 * - Folded branches are ignored: a printed map shows everyone (folding is a screen convenience).
 * - Customer-safe (`safe`, the customer audience): the map is drawn from mapForAudience
 *   (shared/domain/audience.ts, the one rule), and the blocks that only show internal things are
 *   left out: no attitude (colour, label or value), no gap list, no stale-contact
 *   marks, no influence weights or influence lines (our reading of who sways whom), no coach role
 *   (it would expose our inside contact) or veto holder, no relationship strength, no favoured competitor, notes or wins, no "no owner".
 *   What remains: names, titles, departments, levels, the other roles, our owners and the org chart.
 * - The SVG simply grows with the map; the PDF page scales it (map-document.ts).
 */
import type { MapMember, StakeholderMap } from '../../../shared/api/stakeholders';
import type { CoverageGap } from '../../../shared/domain/coverage.types';
import { audienceOf, mapForAudience } from '../../../shared/domain/audience';
import { attitudeText, gapReason, levelText } from '../../../shared/domain/gap-reason';
import { LAYOUT_DEFAULTS, STACK_INDENT, layoutMap } from '../../../shared/domain/map-layout';
import {
  ATTITUDE_COLOURS,
  INFLUENCE_COLOUR,
  INFLUENCE_WIDTH,
  OWNER_COLOUR,
  REPORT_LINE_COLOUR,
  STALE_COLOUR,
  attitudeColour,
} from '../../../shared/domain/map-palette';
import { ATTITUDES, DECIDING_ROLES, type BuyingRole, type MapLine } from '../../../shared/domain/stakeholders';
import { messages, type Locale } from '../../../shared/i18n';
import { esc, fill, fontStack, printedDate } from './html';


export interface MapSvgOptions {
  locale: Locale;
  /** Customer-safe: nothing of our private assessment (see the file comment). */
  safe: boolean;
  /** 'YYYY-MM-DD': the date printed on the map. */
  today: string;
  /** Only the people and their lines, no title, legend or gaps (a slide has its own title). */
  bare?: boolean;
}

export interface MapSvg {
  svg: string;
  /** Size in CSS pixels (the SVG's width and height). */
  width: number;
  height: number;
}

/** Card size: the same as the screen's nodes and the automatic layout's. */
export const CARD_W = LAYOUT_DEFAULTS.nodeWidth;
export const CARD_H = LAYOUT_DEFAULTS.nodeHeight;
const MARGIN = 40;
/** A person's name on a card, in the SVG's px: what printed maps are scaled against (map-fit.ts). */
export const NAME_PX = 14.5;
/** Gaps listed on the map before "N more". */
export const GAPS_SHOWN = 12;

const C = {
  text: '#1b2330',
  muted: '#505b6b',
  faint: '#8a94a3',
  border: '#cfd6e0',
  surface: '#ffffff',
  page: '#f8f9fb',
  accent: '#1e4fa3',
  accentSoft: '#e8effb',
  danger: '#b42318',
  /** -1 (sceptic) as text: darker than its bar colour, for contrast on white. */
  warning: '#a4460b',
  dangerSoft: '#fdeceb',
  severity: { 3: '#b42318', 2: '#e07a1f', 1: '#8a94a3' } as Record<1 | 2 | 3, string>,
};

/** Numbers in path data: one decimal is plenty. */
const n = (v: number) => String(Math.round(v * 10) / 10);

const WIDE = /[\u1100-\u115f\u2460-\u27bf\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Rough advance width of a string in a sans-serif font: CJK a full em, Latin about half. */
export function textWidth(s: string, size: number): number {
  let em = 0;
  for (const ch of s) {
    if (WIDE.test(ch)) em += 1;
    else if (/[A-Z@%MW]/.test(ch)) em += 0.68;
    else if (/[ilj.,:;'|!]/.test(ch)) em += 0.28;
    else if (ch === ' ') em += 0.3;
    else em += 0.56;
  }
  return em * size;
}

/** The string cut to fit `max` pixels, with an ellipsis when cut; bold text runs about 8% wider. */
export function fit(s: string, size: number, max: number, bold = false): string {
  const width = (t: string) => textWidth(t, size) * (bold ? 1.08 : 1);
  if (width(s) <= max) return s;
  const chars = [...s];
  while (chars.length > 0 && width(`${chars.join('')}…`) > max) chars.pop();
  return chars.length > 0 ? `${chars.join('').trimEnd()}…` : '';
}

/** Initials for an owner's avatar: the family name of a Chinese name, else the first letters of two words. */
export function initials(name: string): string {
  const t = name.trim();
  if (t === '') return '?';
  const first = [...t][0]!;
  if (WIDE.test(first)) return first;
  const words = t.split(/\s+/).filter(Boolean);
  return words
    .slice(0, 2)
    .map((w) => [...w][0]!.toUpperCase())
    .join('');
}

type Box = { x: number; y: number };

/**
 * Where each member goes (top-left, map coordinates from (0, 0)): saved positions as they are;
 * people without one laid out among themselves below the placed ones.
 */
export function placeMembers(members: readonly MapMember[], lines: readonly MapLine[]): Map<number, Box> {
  const positions = new Map<number, Box>();
  const placed = members.filter((m) => m.x !== null && m.y !== null);
  const unplaced = members.filter((m) => m.x === null || m.y === null);
  for (const m of placed) positions.set(m.id, { x: m.x!, y: m.y! });
  if (unplaced.length > 0) {
    const ids = new Set(unplaced.map((m) => m.id));
    const layout = layoutMap(
      unplaced,
      lines.filter((l) => ids.has(l.fromId) && ids.has(l.toId)),
    );
    let left = 0;
    let top = 0;
    if (placed.length > 0) {
      left = Math.min(...placed.map((m) => m.x!));
      top = Math.max(...placed.map((m) => m.y!)) + CARD_H + LAYOUT_DEFAULTS.rankSep * 1.5;
    }
    for (const [id, p] of layout.positions) positions.set(id, { x: left + p.x, y: top + p.y });
  }
  // shift to (0, 0)
  let minX = Infinity;
  let minY = Infinity;
  for (const p of positions.values()) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
  }
  // (a stacked column's joining line may then sit left of 0, inside the page margin)
  for (const p of positions.values()) {
    p.x -= minX;
    p.y -= minY;
  }
  return positions;
}

/** Where the segment from the centre of `box` towards `p` leaves the card (plus `pad`). */
function border(box: Box, p: { x: number; y: number }, pad = 0): { x: number; y: number } {
  const cx = box.x + CARD_W / 2;
  const cy = box.y + CARD_H / 2;
  const dx = p.x - cx;
  const dy = p.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const hw = CARD_W / 2 + pad;
  const hh = CARD_H / 2 + pad;
  const t = Math.min(dx === 0 ? Infinity : hw / Math.abs(dx), dy === 0 ? Infinity : hh / Math.abs(dy));
  return { x: cx + dx * t, y: cy + dy * t };
}

const centre = (b: Box) => ({ x: b.x + CARD_W / 2, y: b.y + CARD_H / 2 });

/** Reporting lines: elbows from the manager down to each report; a shared trunk for a stacked column. */
function reportingPaths(lines: readonly MapLine[], pos: ReadonlyMap<number, Box>): string {
  const solid = lines.filter((l) => l.kind === 'reports' && !l.dotted && pos.has(l.fromId) && pos.has(l.toId));
  const dotted = lines.filter((l) => l.kind === 'reports' && l.dotted && pos.has(l.fromId) && pos.has(l.toId));
  // reports of each manager sharing a column (same x) are drawn on a trunk at the column's left
  const columnCount = new Map<string, number>();
  for (const l of solid) {
    const k = `${l.toId}:${Math.round(pos.get(l.fromId)!.x)}`;
    columnCount.set(k, (columnCount.get(k) ?? 0) + 1);
  }
  // the bus of each manager sits just above the first row of their reports below them
  const firstTop = new Map<number, number>();
  for (const l of solid) {
    const top = pos.get(l.fromId)!.y;
    if (top >= pos.get(l.toId)!.y + CARD_H + 16) firstTop.set(l.toId, Math.min(firstTop.get(l.toId) ?? Infinity, top));
  }
  const out: string[] = [];
  for (const l of solid) {
    const m = pos.get(l.toId)!;
    const r = pos.get(l.fromId)!;
    const mBottom = m.y + CARD_H;
    if (r.y >= mBottom + 16) {
      const mx = m.x + CARD_W / 2;
      const busY = mBottom + Math.min(LAYOUT_DEFAULTS.rankSep / 2, (firstTop.get(l.toId)! - mBottom) / 2);
      const trunk = (columnCount.get(`${l.toId}:${Math.round(r.x)}`) ?? 0) > 1;
      out.push(
        trunk
          ? `M${n(mx)} ${n(mBottom)}V${n(busY)}H${n(r.x - STACK_INDENT / 2)}V${n(r.y + CARD_H / 2)}H${n(r.x)}`
          : `M${n(mx)} ${n(mBottom)}V${n(busY)}H${n(r.x + CARD_W / 2)}V${n(r.y)}`,
      );
    } else {
      const a = border(m, centre(r));
      const b = border(r, centre(m));
      out.push(`M${n(a.x)} ${n(a.y)}L${n(b.x)} ${n(b.y)}`);
    }
  }
  const solidPath = out.length ? `<path class="reports" d="${out.join('')}" fill="none" stroke="${REPORT_LINE_COLOUR}" stroke-width="1.5" stroke-linejoin="round"/>` : '';
  const dottedPath = dotted
    .map((l) => {
      const a = border(pos.get(l.toId)!, centre(pos.get(l.fromId)!));
      const b = border(pos.get(l.fromId)!, centre(pos.get(l.toId)!));
      return `M${n(a.x)} ${n(a.y)}L${n(b.x)} ${n(b.y)}`;
    })
    .join('');
  return `${solidPath}${dottedPath ? `<path class="dotted" d="${dottedPath}" fill="none" stroke="${REPORT_LINE_COLOUR}" stroke-width="1.5" stroke-dasharray="6 4"/>` : ''}`;
}

/** Influence lines: curved arrows, thicker when stronger; two lines between the same pair bend apart. */
function influencePaths(lines: readonly MapLine[], pos: ReadonlyMap<number, Box>): string {
  return lines
    .filter((l) => l.kind === 'influence' && l.fromId !== l.toId && pos.has(l.fromId) && pos.has(l.toId))
    .map((l) => {
      const p0 = centre(pos.get(l.fromId)!);
      const p2 = centre(pos.get(l.toId)!);
      const dx = p2.x - p0.x;
      const dy = p2.y - p0.y;
      const len = Math.hypot(dx, dy) || 1;
      const bend = Math.min(140, len * 0.22);
      // perpendicular to the left of the direction: A->B and B->A bend to opposite sides
      const c = { x: (p0.x + p2.x) / 2 - (dy / len) * bend, y: (p0.y + p2.y) / 2 + (dx / len) * bend };
      const a = border(pos.get(l.fromId)!, c, 2);
      const b = border(pos.get(l.toId)!, c, 3 + INFLUENCE_WIDTH[l.strength]);
      const w = INFLUENCE_WIDTH[l.strength];
      return `<path class="influence" d="M${n(a.x)} ${n(a.y)}Q${n(c.x)} ${n(c.y)} ${n(b.x)} ${n(b.y)}" fill="none" stroke="${INFLUENCE_COLOUR}" stroke-opacity="0.8" stroke-width="${w}" marker-end="url(#arrow)"/>`;
    })
    .join('');
}

interface CardContext {
  locale: Locale;
  safe: boolean;
  stale: ReadonlyMap<number, CoverageGap>;
}

function roleBadges(roles: readonly BuyingRole[], x: number, y: number, maxRight: number, ctx: CardContext, extra: string | null): string {
  const dmu = messages[ctx.locale].dmu;
  const out: string[] = [];
  let cx = x;
  const size = 10.5;
  const shown = roles.filter((r) => !(ctx.safe && r === 'coach'));
  const pills: { text: string; fill: string; colour: string }[] = shown.map((r) =>
    DECIDING_ROLES.includes(r)
      ? { text: dmu.rolesShort[r], fill: C.accent, colour: '#ffffff' }
      : { text: dmu.rolesShort[r], fill: C.accentSoft, colour: C.accent },
  );
  if (extra) pills.push({ text: extra, fill: C.dangerSoft, colour: C.danger });
  for (let i = 0; i < pills.length; i++) {
    const p = pills[i]!;
    const rest = pills.length - i - 1;
    const moreW = rest > 0 ? textWidth(`+${rest}`, size) + 10 : 0;
    let text = p.text;
    let w = textWidth(text, size) + 10;
    if (cx + w > maxRight - moreW) {
      // the last pill may be cut; otherwise say how many are left
      if (rest === 0 && maxRight - cx > 40) {
        text = fit(text, size, maxRight - cx - 10);
        w = textWidth(text, size) + 10;
      } else {
        out.push(`<text x="${n(cx + 2)}" y="${n(y + 12)}" font-size="${size}" fill="${C.muted}">+${pills.length - i}</text>`);
        break;
      }
    }
    out.push(
      `<rect x="${n(cx)}" y="${n(y)}" width="${n(w)}" height="16" rx="8" fill="${p.fill}"/><text x="${n(cx + 5)}" y="${n(y + 12)}" font-size="${size}" fill="${p.colour}">${esc(text)}</text>`,
    );
    cx += w + 4;
  }
  return out.join('');
}

function card(m: MapMember, b: Box, ctx: CardContext): string {
  const dmu = messages[ctx.locale].dmu;
  const { x, y } = b;
  const sep = ' · ';
  const left = x + 16;
  const right = x + CARD_W - 10;
  const stale = ctx.safe ? undefined : ctx.stale.get(m.id);
  const parts: string[] = [];
  parts.push(`<g class="person" data-id="${m.id}"><title>${esc(m.name)}</title>`);
  parts.push(`<rect x="${n(x)}" y="${n(y)}" width="${CARD_W}" height="${CARD_H}" rx="8" fill="${C.surface}" stroke="${C.border}"/>`);
  if (!ctx.safe) {
    parts.push(
      `<path d="M${n(x + 8)} ${n(y)}A8 8 0 0 0 ${n(x)} ${n(y + 8)}V${n(y + CARD_H - 8)}A8 8 0 0 0 ${n(x + 8)} ${n(y + CARD_H)}Z" fill="${attitudeColour(m.attitude)}"/>`,
    );
  }
  // name, and the stale-contact mark
  const nameMax = right - left - (stale ? 22 : 0);
  parts.push(`<text class="name" x="${n(left)}" y="${n(y + 22)}" font-size="${NAME_PX}" font-weight="700" fill="${C.text}">${esc(fit(m.name, NAME_PX, nameMax, true))}</text>`);
  if (stale) {
    const label = stale.days === null ? dmu.doc.never : fill(dmu.doc.stale, { days: stale.days });
    parts.push(
      `<g class="stale"><title>${esc(label)}</title><circle cx="${n(right - 8)}" cy="${n(y + 17)}" r="8" fill="${STALE_COLOUR}"/><text x="${n(right - 8)}" y="${n(y + 21.5)}" font-size="12" font-weight="700" fill="#ffffff" text-anchor="middle">!</text></g>`,
    );
  }
  // title and department
  const role = [m.title, m.department].filter((s) => s.trim() !== '').join(sep);
  if (role) parts.push(`<text x="${n(left)}" y="${n(y + 40)}" font-size="11.5" fill="${C.muted}">${esc(fit(role, 11.5, right - left))}</text>`);
  // role badges (and the favoured competitor, internal only)
  const favours = !ctx.safe && m.favoursCompetitor.trim() !== '' ? fill(dmu.doc.favours, { competitor: m.favoursCompetitor.trim() }) : null;
  parts.push(roleBadges(m.mapRoles, left, y + 49, right, ctx, favours));
  // bottom row: influence weight and attitude (internal) or the level (safe); our owner on the right
  const base = y + 82;
  let cursor = left;
  if (!ctx.safe) {
    const filled = m.influence === 'high' ? 3 : m.influence === 'medium' ? 2 : m.influence === 'low' ? 1 : 0;
    const influenceLabel = `${dmu.fields.influence}: ${m.influence ? dmu.influences[m.influence] : dmu.influenceNone}`;
    parts.push(`<g class="influence-weight"><title>${esc(influenceLabel)}</title>`);
    for (let i = 0; i < 3; i++) {
      parts.push(`<circle cx="${n(cursor + 4 + i * 10)}" cy="${n(base - 4)}" r="3.6" fill="${i < filled ? C.text : 'none'}" stroke="${i < filled ? C.text : C.faint}" stroke-width="1"/>`);
    }
    parts.push('</g>');
    cursor += 36;
    const att = attitudeText(m.attitude, ctx.locale);
    const colour = m.attitude === null ? C.faint : m.attitude === -2 ? C.danger : m.attitude === -1 ? C.warning : m.attitude >= 1 ? ATTITUDE_COLOURS['2'] : C.muted;
    parts.push(`<text class="attitude" x="${n(cursor)}" y="${n(base)}" font-size="11" font-weight="600" fill="${colour}">${esc(att)}</text>`);
    cursor += textWidth(att, 11) + 6;
  } else if (m.level) {
    const lv = levelText(m.level, ctx.locale);
    parts.push(`<text x="${n(cursor)}" y="${n(base)}" font-size="11" fill="${C.muted}">${esc(lv)}</text>`);
    cursor += textWidth(lv, 11) + 6;
  }
  if (m.ownerName) {
    const r = 8.5;
    const ax = right - r;
    const ay = base - 4;
    const nameMax = ax - r - 4 - cursor;
    const ownerName = nameMax > 20 ? fit(m.ownerName, 11, nameMax) : '';
    parts.push(
      `<g class="owner"><title>${esc(`${dmu.fields.owner}: ${m.ownerName}`)}</title><circle cx="${n(ax)}" cy="${n(ay)}" r="${r}" fill="${OWNER_COLOUR}"/><text x="${n(ax)}" y="${n(ay + 3.5)}" font-size="9.5" font-weight="700" fill="#ffffff" text-anchor="middle">${esc(initials(m.ownerName))}</text>`,
    );
    if (ownerName) parts.push(`<text x="${n(ax - r - 4)}" y="${n(base)}" font-size="11" fill="${C.muted}" text-anchor="end">${esc(ownerName)}</text>`);
    parts.push('</g>');
  } else if (!ctx.safe) {
    parts.push(`<text class="no-owner" x="${n(right)}" y="${n(base)}" font-size="11" fill="${C.faint}" text-anchor="end">${esc(dmu.doc.noOwner)}</text>`);
  }
  parts.push('</g>');
  return parts.join('');
}

interface Block {
  svg: string;
  width: number;
  height: number;
}

function titleBlock(map: StakeholderMap, opts: MapSvgOptions): Block {
  const dmu = messages[opts.locale].dmu;
  const title = fill(dmu.doc.title, { account: map.account.name });
  const sub = [
    map.tender ? fill(dmu.doc.tender, { tender: map.tender.name }) : dmu.doc.accountMap,
    fill(dmu.doc.date, { date: printedDate(opts.today, opts.locale) }),
    fill(dmu.doc.people, { n: map.members.length }),
  ].join('  ·  ');
  const safeTag = opts.safe ? dmu.doc.safe : '';
  const titleW = textWidth(title, 28);
  let svg = `<text class="title" x="0" y="28" font-size="28" font-weight="700" fill="${C.text}">${esc(title)}</text>`;
  if (safeTag) {
    const w = textWidth(safeTag, 13) + 16;
    svg += `<rect x="${n(titleW + 14)}" y="6" width="${n(w)}" height="24" rx="12" fill="${C.accentSoft}"/><text x="${n(titleW + 22)}" y="23" font-size="13" font-weight="600" fill="${C.accent}">${esc(safeTag)}</text>`;
  }
  svg += `<text class="subtitle" x="0" y="56" font-size="15" fill="${C.muted}">${esc(sub)}</text>`;
  svg += `<text x="0" y="78" font-size="11" fill="${C.faint}">${esc(dmu.doc.generated)}</text>`;
  const width = Math.max(titleW + (safeTag ? textWidth(safeTag, 13) + 30 : 0), textWidth(sub, 15));
  return { svg, width, height: 84 };
}

/** The legend, in rows of items no wider than `maxWidth`. */
function legend(opts: MapSvgOptions, staleDays: number, maxWidth: number): Block {
  const dmu = messages[opts.locale].dmu;
  const d = dmu.doc;
  const size = 12.5;
  const items: { w: number; draw: (x: number, y: number) => string }[] = [];
  const labelled = (sample: number, label: string, draw: (x: number, y: number) => string) =>
    items.push({
      w: sample + 6 + textWidth(label, size),
      draw: (x, y) => `${draw(x, y)}<text x="${n(x + sample + 6)}" y="${n(y + 4.5)}" font-size="${size}" fill="${C.text}">${esc(label)}</text>`,
    });
  labelled(34, d.legendReports, (x, y) => `<path d="M${n(x)} ${n(y)}H${n(x + 34)}" stroke="${REPORT_LINE_COLOUR}" stroke-width="1.5"/>`);
  labelled(34, d.legendDotted, (x, y) => `<path d="M${n(x)} ${n(y)}H${n(x + 34)}" stroke="${REPORT_LINE_COLOUR}" stroke-width="1.5" stroke-dasharray="6 4"/>`);
  if (!opts.safe) {
    labelled(
      40,
      d.legendInfluence,
      (x, y) => `<path d="M${n(x)} ${n(y + 3)}Q${n(x + 18)} ${n(y - 7)} ${n(x + 33)} ${n(y + 1)}" fill="none" stroke="${INFLUENCE_COLOUR}" stroke-width="2.25" marker-end="url(#arrow)"/>`,
    );
    for (const a of [...ATTITUDES].reverse()) {
      labelled(10, dmu.attitudes[`${a}`], (x, y) => `<rect x="${n(x)}" y="${n(y - 6)}" width="10" height="12" rx="2" fill="${ATTITUDE_COLOURS[`${a}`]}"/>`);
    }
    labelled(10, dmu.attitudeUnknown, (x, y) => `<rect x="${n(x)}" y="${n(y - 6)}" width="10" height="12" rx="2" fill="${ATTITUDE_COLOURS.unknown}"/>`);
    labelled(0, d.legendInfluenceWeight, () => '');
    labelled(16, fill(d.legendStale, { days: staleDays }), (x, y) => `<circle cx="${n(x + 8)}" cy="${n(y)}" r="8" fill="${STALE_COLOUR}"/><text x="${n(x + 8)}" y="${n(y + 4.5)}" font-size="12" font-weight="700" fill="#fff" text-anchor="middle">!</text>`);
  }
  labelled(17, d.legendOwner, (x, y) => `<circle cx="${n(x + 8.5)}" cy="${n(y)}" r="8.5" fill="${OWNER_COLOUR}"/>`);

  const head = `<text x="0" y="14" font-size="13" font-weight="700" fill="${C.muted}">${esc(d.legend)}</text>`;
  const rowH = 24;
  let x = 0;
  let row = 0;
  let width = 0;
  const out: string[] = [head];
  for (const it of items) {
    if (x > 0 && x + it.w > maxWidth) {
      x = 0;
      row++;
    }
    out.push(it.draw(x, 36 + row * rowH));
    x += it.w + 22;
    width = Math.max(width, x - 22);
  }
  return { svg: out.join(''), width, height: 36 + row * rowH + 12 };
}

function gapSummary(map: StakeholderMap, locale: Locale, width: number): Block {
  const dmu = messages[locale].dmu;
  const gaps = map.coverage.gaps;
  const attitude = new Map(map.members.map((m) => [m.id, m.attitude]));
  const out: string[] = [`<text x="0" y="14" font-size="13" font-weight="700" fill="${C.muted}">${esc(fill(dmu.doc.gapsTitle, { n: gaps.length }))}</text>`];
  let y = 38;
  if (gaps.length === 0) {
    out.push(`<text x="0" y="${y}" font-size="12.5" fill="${C.text}">${esc(dmu.doc.noGaps)}</text>`);
    y += 20;
  }
  for (const g of gaps.slice(0, GAPS_SHOWN)) {
    const reason = gapReason(g, locale, g.personId === null ? undefined : attitude.get(g.personId));
    out.push(
      `<g class="gap"><circle cx="5" cy="${y - 4.5}" r="4.5" fill="${C.severity[g.severity]}"/><text x="16" y="${y}" font-size="12.5" fill="${C.text}">${esc(fit(reason, 12.5, width - 16))}</text></g>`,
    );
    y += 20;
  }
  if (gaps.length > GAPS_SHOWN) {
    out.push(`<text x="16" y="${y}" font-size="12" fill="${C.muted}">${esc(fill(dmu.doc.gapsMore, { n: gaps.length - GAPS_SHOWN }))}</text>`);
    y += 20;
  }
  return { svg: out.join(''), width, height: y - 8 };
}

export function renderMapSvg(given: StakeholderMap, opts: MapSvgOptions): MapSvg {
  const { locale, safe } = opts;
  const dmu = messages[locale].dmu;
  // the layout is the same for every audience; everything drawn comes from the map as the audience sees it
  const positions = placeMembers(given.members, given.lines);
  const map = mapForAudience(given, audienceOf(safe));
  let mapW = 0;
  let mapH = 0;
  for (const p of positions.values()) {
    mapW = Math.max(mapW, p.x + CARD_W);
    mapH = Math.max(mapH, p.y + CARD_H);
  }

  // header: title, legend and (internal only) the gaps; side by side when the map is wide enough
  const title = titleBlock(map, opts);
  const gapW = 640;
  const sideBySide = !safe && mapW >= 1500;
  const legendMax = Math.max(560, sideBySide ? Math.min(mapW - gapW - 60, 1100) : Math.max(mapW, 700));
  const leg = legend(opts, map.coverage.staleDays, legendMax);
  const left = `<g class="title-block">${title.svg}</g><g class="legend" transform="translate(0 ${title.height + 14})">${leg.svg}</g>`;
  const leftW = Math.max(title.width, leg.width);
  const leftH = title.height + 14 + leg.height;
  let header = left;
  let headerW = leftW;
  let headerH = leftH;
  if (!safe) {
    const gaps = gapSummary(map, locale, gapW);
    if (sideBySide) {
      const gx = Math.max(leftW + 60, mapW - gapW);
      header += `<g class="gaps" transform="translate(${n(gx)} 0)">${gaps.svg}</g>`;
      headerW = gx + gapW;
      headerH = Math.max(leftH, gaps.height);
    } else {
      header += `<g class="gaps" transform="translate(0 ${n(leftH + 18)})">${gaps.svg}</g>`;
      headerW = Math.max(leftW, gapW);
      headerH = leftH + 18 + gaps.height;
    }
  }

  const ctx: CardContext = {
    locale,
    safe,
    stale: new Map(map.coverage.gaps.filter((g) => g.kind === 'stale-contact' && g.personId !== null).map((g) => [g.personId!, g])),
  };
  if (opts.bare) {
    header = '';
    headerW = 0;
    headerH = -36;
  }
  const mapTop = headerH + 36;
  const lines = safe ? map.lines.filter((l) => l.kind === 'reports') : map.lines;
  const body =
    map.members.length === 0
      ? `<text x="0" y="20" font-size="15" fill="${C.muted}">${esc(dmu.doc.emptyMap)}</text>`
      : [
          reportingPaths(lines, positions),
          safe ? '' : influencePaths(lines, positions),
          map.members.map((m) => card(m, positions.get(m.id)!, ctx)).join(''),
        ].join('');
  const width = Math.ceil(Math.max(mapW, headerW, 300) + 2 * MARGIN);
  const height = Math.ceil(mapTop + Math.max(mapH, 24) + 2 * MARGIN);
  const docTitle = fill(dmu.doc.title, { account: map.account.name }) + (map.tender ? ` · ${map.tender.name}` : '');

  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(docTitle)}" font-family="${esc(fontStack(locale))}" lang="${locale}">`,
    `<title>${esc(docTitle)}</title>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="1" refY="5" markerWidth="3.2" markerHeight="3.2" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="${INFLUENCE_COLOUR}"/></marker></defs>`,
    `<rect width="${width}" height="${height}" fill="${C.page}"/>`,
    `<g class="header" transform="translate(${MARGIN} ${MARGIN})">${header}</g>`,
    opts.bare ? '' : `<path d="M${MARGIN} ${n(MARGIN + headerH + 16)}H${width - MARGIN}" stroke="${C.border}"/>`,
    `<g class="map" transform="translate(${MARGIN} ${n(MARGIN + mapTop)})">${body}</g>`,
    '</svg>',
  ].join('\n');
  return { svg, width, height };
}
