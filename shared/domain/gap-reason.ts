/**
 * The coverage gaps and the map's vocabulary in words, in either language: one place for the
 * mapper screen, the CLI and the printed map. Plain strings (escape them where markup needs it).
 */
import { messages, type Locale } from '../i18n';
import type { CoverageGap } from './coverage.types';
import type { Attitude, BuyingRole, Level } from './stakeholders';

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));
}

/** A role name without its explanation in brackets: 内线（教练） -> 内线, Coach (internal champion) -> Coach. */
const plain = (s: string) => s.replace(/（[^）]*）|\s*\([^)]*\)/g, '');

/**
 * Role names joined as a list (、 in Chinese). `full`: the catalogue's names; `plain`: without the
 * bracketed explanation (for use inside brackets); `short`: the badge names.
 */
export function rolesText(roles: readonly BuyingRole[], locale: Locale, style: 'full' | 'plain' | 'short' = 'full'): string {
  const dmu = messages[locale].dmu;
  const names = roles.map((r) => (style === 'short' ? dmu.rolesShort[r] : style === 'plain' ? plain(dmu.roles[r]) : dmu.roles[r]));
  return names.join(locale === 'zh-CN' ? '、' : ', ');
}

export function levelText(level: Level | null, locale: Locale): string {
  const dmu = messages[locale].dmu;
  return level === null ? dmu.levelNone : dmu.levels[level];
}

export function attitudeText(attitude: Attitude | null, locale: Locale): string {
  const dmu = messages[locale].dmu;
  return attitude === null ? dmu.attitudeUnknown : dmu.attitudes[String(attitude) as '-2' | '-1' | '0' | '1' | '2'];
}

/**
 * The reason sentence of a gap. `attitude` (the person's, when the caller has it) sharpens a
 * decider gap: opposed or sceptical, or not known at all.
 */
export function gapReason(gap: CoverageGap, locale: Locale, attitude?: Attitude | null): string {
  const dmu = messages[locale].dmu;
  const r = dmu.gaps.reasons;
  const values = {
    name: gap.personName ?? '',
    roles: gap.roles.length > 0 ? rolesText(gap.roles, locale, 'plain') : dmu.gaps.highInfluence,
    days: gap.days ?? '',
    level: gap.level === null ? dmu.levelNone : dmu.levels[gap.level],
  };
  switch (gap.kind) {
    case 'decider-not-supporter': {
      const template = attitude === null ? r['decider-unknown'] : attitude !== undefined && attitude <= -1 ? r['decider-opposed'] : r['decider-not-supporter'];
      return fill(template, values);
    }
    case 'stale-contact':
      return fill(gap.days === null ? r['stale-contact-never'] : r['stale-contact'], values);
    default:
      return fill(r[gap.kind], values);
  }
}
