/**
 * `coverage` in words, for a terminal: the map's title, the gaps with their reasons (most severe
 * first, as the analysis orders them) and the per-level summary as a table, in zh-CN or English,
 * using the map's vocabulary (shared/i18n/areas/dmu.*, shared/domain/gap-reason.ts).
 */
import type { StakeholderMap } from '../../../shared/api/stakeholders';
import { gapReason, levelText } from '../../../shared/domain/gap-reason';
import { messages } from '../../../shared/i18n';
import { fill } from '../documents/html';
import type { Locale } from './say';

/** Columns a string takes in a terminal: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return w;
}

const pad = (s: string, width: number, right = false) => {
  const fillIn = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fillIn + s : s + fillIn;
};

export function formatCoverage(map: StakeholderMap, locale: Locale): string {
  const dmu = messages[locale].dmu;
  const c = map.coverage;
  const attitude = new Map(map.members.map((m) => [m.id, m.attitude]));
  const sep = locale === 'zh-CN' ? '，' : ', ';
  const lines: string[] = [];
  const title = fill(dmu.doc.title, { account: map.account.name });
  lines.push(map.tender ? `${title} · ${fill(dmu.doc.tender, { tender: map.tender.name })}` : `${title} · ${dmu.doc.accountMap}`);
  lines.push([fill(dmu.doc.date, { date: c.today }), fill(dmu.doc.people, { n: c.people })].join(sep));
  lines.push('');
  if (c.gaps.length === 0) {
    lines.push(dmu.gaps.none);
  } else {
    lines.push(`${dmu.gaps.title} (${fill(dmu.gaps.count, { n: c.gaps.length })})`);
    const severity = (s: 1 | 2 | 3) => dmu.gaps.severity[String(s) as '1' | '2' | '3'];
    const width = Math.max(...c.gaps.map((g) => displayWidth(severity(g.severity))));
    for (const g of c.gaps) {
      const reason = gapReason(g, locale, g.personId === null ? undefined : attitude.get(g.personId));
      lines.push(`  ${pad(severity(g.severity), width)}  ${reason}`);
    }
  }
  lines.push('');
  const s = dmu.levelSummary;
  lines.push(s.title);
  const header = [s.level, s.people, s.covered, s.supporters, s.neutral, s.opponents, s.unknown];
  const rows = c.levels.map((l) => [levelText(l.level, locale), ...[l.people, l.covered, l.supporters, l.neutral, l.opponents, l.unknown].map(String)]);
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))));
  const row = (cells: string[]) => `  ${cells.map((cell, i) => pad(cell, widths[i]!, i > 0)).join('  ')}`.trimEnd();
  lines.push(row(header));
  for (const r of rows) lines.push(row(r));
  return `${lines.join('\n')}\n`;
}
