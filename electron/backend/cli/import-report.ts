/**
 * An import's report in the terminal, for `import accounts` and `import stakeholders` alike: its bad
 * rows (worded as the import dialogs word them, shared/domain/import-errors.ts), the refusal when
 * nothing was imported, and the columns it left out with the --map line that would import each.
 */
import type { ImportRowError, ImportSkippedColumn } from '../../../shared/api/accounts-views';
import { ACCOUNT_IMPORT_FIELDS } from '../../../shared/domain/import-fields';
import { rowErrorLine } from '../../../shared/domain/import-errors';
import type { Flags } from './flags';
import { say, type Locale } from './say';
import { cell } from './text';
import type { CliIo } from './verb';

/** One bad row of an import as the dialogs word it, its values escaped. */
function describeRowError(e: ImportRowError, lang: Locale): string {
  return rowErrorLine(e, lang, cell);
}

/** The refusal of an import with bad rows (nothing imported). */
function rejectedLine(lang: Locale, errors: readonly ImportRowError[]): string {
  return say(lang, 'rejected', { problems: errors.length, rows: new Set(errors.map((e) => e.line)).size });
}

/** A header as a --map source (inside the double quotes of the flag). */
function mapSource(column: string): string {
  return cell(column).replace(/"/g, '\\"');
}

/**
 * One line per column an import leaves out, with how to map it, in the language of --locale:
 * `not imported: Revenue (suggest --map "Revenue=revenue:2026")`.
 */
function describeSkipped(c: ImportSkippedColumn, lang: Locale): string {
  if (c.column === '') return say(lang, 'skipNoHeader', { n: c.index + 1 });
  const name = cell(c.column);
  const src = mapSource(c.column);
  if (c.reason === 'ignored') return say(lang, 'skipIgnored', { name });
  if (c.suggestion) return say(lang, 'skipSuggest', { name, src, field: c.suggestion });
  if (c.reason === 'taken') return say(lang, 'skipTaken', { name, src });
  return say(lang, 'skipUnknown', { name, src });
}

/** The fields a --map of the accounts import can name. */
export const ACCOUNT_FIELDS_HINT = `${ACCOUNT_IMPORT_FIELDS.join(', ')}, revenue:YYYY, target:YYYY, ignore`;

/** The columns left out, then (when there are any) the fields a --map can name. */
export function printSkipped(skipped: readonly ImportSkippedColumn[], out: (s: string) => void, lang: Locale, fields = ACCOUNT_FIELDS_HINT): void {
  if (skipped.length === 0) return;
  for (const c of skipped) out(`${describeSkipped(c, lang)}\n`);
  if (skipped.some((c) => c.column !== '' && c.reason !== 'ignored')) out(`${say(lang, 'skipFields', { fields })}\n`);
}

/** What both imports report alike. */
interface ImportReport {
  errors: readonly ImportRowError[];
  rejected: boolean;
  notImported: readonly ImportSkippedColumn[];
}

/**
 * The start of every import's output: the report as JSON (--json), each bad row on stderr, and when
 * the import was refused, the refusal and the columns left out. True when it was refused (exit 1).
 */
export function printRefusal(report: ImportReport, flags: Flags, io: CliIo, lang: Locale): boolean {
  if (flags.json) io.out(`${JSON.stringify(report, null, 2)}\n`);
  for (const e of report.errors) io.err(`  ${describeRowError(e, lang)}\n`);
  if (!report.rejected) return false;
  io.err(`keyplan: ${rejectedLine(lang, report.errors)}\n`);
  if (!flags.json) for (const c of report.notImported) io.err(`${describeSkipped(c, lang)}\n`);
  return true;
}
