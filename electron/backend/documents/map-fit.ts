/**
 * A stakeholder map on a page or a slide so that people's names stay readable: the whole map when
 * it fits with its names at least `minNamePx` (in the page's CSS px), on the first of the given boxes
 * it fits (the plan: an A4 text column, then an A3 fold-out page); otherwise the key-people view -
 * the people who decide - laid out afresh, as many of them as fit (the most important first).
 *
 * Key people are chosen from the map as the audience sees it (mapForAudience): for a customer only
 * what the customer version shows counts (deciding roles other than the veto holder, the top level),
 * so the choice reveals nothing of our private assessment; internally high influence and the coach
 * count too.
 */
import type { StakeholderMap } from '../../../shared/api/stakeholders';
import { audienceOf, mapForAudience } from '../../../shared/domain/audience';
import { DECIDING_ROLES } from '../../../shared/domain/stakeholders';
import { NAME_PX, renderMapSvg, type MapSvg, type MapSvgOptions } from './map-svg';

export interface MapBox {
  /** Room for the map, in CSS px. */
  width: number;
  height: number;
}

export interface FittedMap {
  drawn: MapSvg;
  /** Index of the box it is drawn in. */
  box: number;
  /** CSS px of the page per SVG px. */
  scale: number;
  /** A name's size on the page, in CSS px. */
  namePx: number;
  /** People drawn, and people on the map. */
  shown: number;
  total: number;
  /** The key-people view (not everyone is drawn). */
  keyOnly: boolean;
}

/** How much a person matters for the key-people view; below KEY_SCORE: not a key person. */
export function keyScore(m: StakeholderMap['members'][number]): number {
  const roles = m.mapRoles.length ? m.mapRoles : m.roles;
  let s = 0;
  if (roles.some((r) => DECIDING_ROLES.includes(r))) s += 100;
  if (m.level === 'top') s += 50;
  if (m.influence === 'high') s += 30;
  if (roles.includes('economic-buyer') || roles.includes('technical-evaluator')) s += 10;
  if (roles.includes('coach')) s += 10;
  if (m.level === 'middle') s += 5;
  return s;
}

/** Deciding roles, the top level or high influence make a key person. */
export const KEY_SCORE = 30;

/** The map with only the `limit` most important key people (laid out afresh) and the lines between them. */
export function keyPeopleMap(map: StakeholderMap, safe: boolean, limit = Infinity): StakeholderMap {
  const seen = mapForAudience(map, audienceOf(safe));
  const all = seen.members.map((m, i) => ({ id: m.id, score: keyScore(m), i }));
  const key = all.filter((x) => x.score >= KEY_SCORE);
  // nobody stands out: the most senior people first
  const ranked = (key.length ? key : all).sort((a, b) => b.score - a.score || a.i - b.i).slice(0, limit);
  const keep = new Set(ranked.map((x) => x.id));
  return {
    ...map,
    members: map.members.filter((m) => keep.has(m.id)).map((m) => ({ ...m, x: null, y: null, collapsed: false })),
    lines: map.lines.filter((l) => keep.has(l.fromId) && keep.has(l.toId)),
  };
}

function scaleIn(drawn: MapSvg, box: MapBox): number {
  return Math.min(box.width / drawn.width, box.height / drawn.height);
}

/** The whole map, or the key people, in the first box where names are at least `minNamePx` (see the file comment). */
export function fitMap(map: StakeholderMap, opts: MapSvgOptions, boxes: readonly MapBox[], minNamePx: number, maxScale = Infinity): FittedMap {
  const total = map.members.length;
  const place = (drawn: MapSvg, shown: number, keyOnly: boolean): FittedMap | null => {
    for (let b = 0; b < boxes.length; b++) {
      const scale = Math.min(maxScale, scaleIn(drawn, boxes[b]!));
      if (NAME_PX * scale >= minNamePx) return { drawn, box: b, scale, namePx: NAME_PX * scale, shown, total, keyOnly };
    }
    return null;
  };
  const whole = place(renderMapSvg(map, opts), total, false);
  if (whole) return whole;
  const keys = keyPeopleMap(map, opts.safe).members.length;
  for (let limit = Math.max(1, keys); limit >= 1; limit = limit > 12 ? Math.floor(limit * 0.8) : limit - 1) {
    const sub = keyPeopleMap(map, opts.safe, limit);
    if (sub.members.length === 0) break;
    const fitted = place(renderMapSvg(sub, opts), sub.members.length, true);
    if (fitted) return fitted;
  }
  // nobody stands out (or not even one card fits): the first people, in the last box
  const one = renderMapSvg({ ...map, members: map.members.slice(0, 1).map((m) => ({ ...m, x: null, y: null })), lines: [] }, opts);
  const scale = Math.min(maxScale, scaleIn(one, boxes[boxes.length - 1]!));
  return { drawn: one, box: boxes.length - 1, scale, namePx: NAME_PX * scale, shown: 1, total, keyOnly: true };
}
