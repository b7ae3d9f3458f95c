/**
 * The map's words, resolved once per language from the catalogue: hundreds of cards read plain
 * strings from one object instead of each subscribing to i18next.
 */
import type { MapMember } from '../../../../shared/api/stakeholders';
import type { CoverageGap } from '../../../../shared/domain/coverage.types';
import { attitudeText } from '../../../../shared/domain/gap-reason';
import { messages, type Locale } from '../../../../shared/i18n';
import type { Attitude, BuyingRole, Influence, Level, Strength } from '../../../../shared/domain/stakeholders';

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));
}

export interface MapWords {
  lang: Locale;
  /** Between parts of one accessible name: ， / , */
  sep: string;
  /** Between items of a list: 、 / , */
  list: string;
  role: (r: BuyingRole) => string;
  roleShort: (r: BuyingRole) => string;
  level: (l: Level | null) => string;
  influence: (i: Influence | null) => string;
  attitude: (a: Attitude | null) => string;
  strength: (s: Strength) => string;
  stale: (gap: CoverageGap) => string;
  owner: (name: string) => string;
  noOwner: string;
  influenceLabel: (i: Influence | null) => string;
  collapse: (n: number) => string;
  expand: (n: number) => string;
  /** The card's accessible name: the person's name first, then title and department. */
  nodeLabel: (m: Pick<MapMember, 'name' | 'title' | 'department'>) => string;
  reportsLabel: (from: string, to: string, dotted: boolean) => string;
  influenceLineLabel: (from: string, to: string, strength: number) => string;
}

const cache = new Map<Locale, MapWords>();

export function mapWords(lang: Locale): MapWords {
  const hit = cache.get(lang);
  if (hit) return hit;
  const dmu = messages[lang].dmu;
  const m = messages[lang].mapper;
  const sep = lang === 'zh-CN' ? '，' : ', ';
  const words: MapWords = {
    lang,
    sep,
    list: lang === 'zh-CN' ? '、' : ', ',
    role: (r) => dmu.roles[r],
    roleShort: (r) => dmu.rolesShort[r],
    level: (l) => (l === null ? dmu.levelNone : dmu.levels[l]),
    influence: (i) => (i === null ? dmu.influenceNone : dmu.influences[i]),
    attitude: (a) => attitudeText(a, lang),
    strength: (s) => dmu.strengths[s],
    stale: (gap) => (gap.days === null ? dmu.doc.never : fill(dmu.doc.stale, { days: gap.days })),
    owner: (name) => fill(m.node.owner, { name }),
    noOwner: dmu.doc.noOwner,
    influenceLabel: (i) => fill(m.node.influence, { level: i === null ? dmu.influenceNone : dmu.influences[i] }),
    collapse: (n) => fill(m.node.collapse, { n }),
    expand: (n) => fill(m.node.expand, { n }),
    nodeLabel: (p) => [p.name, p.title, p.department].filter(Boolean).join(sep),
    reportsLabel: (from, to, dotted) => fill(dotted ? m.line.dottedLabel : m.line.reportsLabel, { from, to }),
    influenceLineLabel: (from, to, strength) =>
      fill(m.line.influenceLabel, { from, to, strength: dmu.lineStrengths[String(strength) as '1' | '2' | '3'] }),
  };
  cache.set(lang, words);
  return words;
}

/** Two letters for an avatar: the given name of a Chinese name (王建国 -> 建国), initials otherwise (Li Na -> LN). */
export function initials(name: string): string {
  const n = name.trim();
  if (/[\u3400-\u9fff]/.test(n)) return n.length <= 2 ? n : n.slice(-2);
  const parts = n.split(/[\s.·-]+/).filter(Boolean);
  if (parts.length === 0) return '?';
  const first = parts[0]![0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1]![0] ?? '') : (parts[0]![1] ?? '');
  return (first + last).toUpperCase();
}

/** A calm colour per owner, so the cards of one owner read as one group (text on it is white, >= 4.5:1). */
const OWNER_PALETTE = ['#1e4fa3', '#0f6b63', '#7a3e9d', '#9a4a12', '#35608a', '#5a5f16', '#8c2f5c', '#2f5f3a'];
export function ownerColour(ownerId: number): string {
  return OWNER_PALETTE[ownerId % OWNER_PALETTE.length]!;
}
