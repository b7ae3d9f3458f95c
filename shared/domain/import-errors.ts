/**
 * An import's bad row in words, the same in the import dialogs and the CLI (issue 11): the reason
 * (domain.importError.<code>; a reporting circle names its people and their rows) and, for the
 * CLI, the whole line "第 3 行，“上级”列（“李四”）：…" / "line 3, column "Boss" ("Li Si"): …".
 * Row numbers are the file's own (the header is line 1), as the dialogs' 行号 / Line column shows.
 */
import type { ImportRowError } from '../api/accounts-views';
import { messages, type Locale } from '../i18n';

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));
}

/** A reporting circle: 张三（第 2 行）→ 李四（第 3 行）→ 张三（第 2 行）. */
export function circleText(circle: readonly { name: string; line: number | null }[], locale: Locale, more = 0): string {
  const w = messages[locale].cli.rows;
  const steps = circle.map((p) => (p.line === null ? fill(w.personStored, { name: p.name }) : fill(w.person, { name: p.name, line: p.line })));
  // A long circle: its first people, "… N more", and the step back to the row's person.
  if (more > 0 && steps.length > 1) steps.splice(steps.length - 1, 0, fill(w.more, { n: more }));
  return steps.join(' → ');
}

/** Why the row is refused, in words. */
export function rowErrorReason(e: Pick<ImportRowError, 'code' | 'circle' | 'circleMore'>, locale: Locale): string {
  if (e.code === 'reporting-cycle' && e.circle && e.circle.length > 0) {
    return fill(messages[locale].cli.rows.circle, { circle: circleText(e.circle, locale, e.circleMore ?? 0) });
  }
  return (messages[locale].domain.importError as Record<string, string>)[e.code] ?? e.code;
}

/** "第 N 行" / "line N". */
export function rowText(line: number, locale: Locale): string {
  return fill(messages[locale].cli.rows.line, { line });
}

/**
 * The whole row error as one line. `clip` shortens a long value; `escape` makes a value one field
 * of one line (the CLI's cell()).
 */
export function rowErrorLine(e: ImportRowError, locale: Locale, escape: (s: string) => string = (s) => s): string {
  const w = messages[locale].cli.rows;
  let where = rowText(e.line, locale);
  if (e.column) where += w.sep + fill(w.column, { column: escape(e.column) });
  if (e.value) where += fill(w.value, { value: escape(e.value.length > 60 ? `${e.value.slice(0, 57)}...` : e.value) });
  const circle = e.circle?.map((p) => ({ name: escape(p.name), line: p.line }));
  return `${where}${w.reason}${rowErrorReason(circle ? { code: e.code, circle, ...(e.circleMore ? { circleMore: e.circleMore } : {}) } : e, locale)}`;
}
