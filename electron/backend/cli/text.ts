/**
 * What the CLI prints is escaped so that data cannot drive the terminal or forge output (issue 10,
 * item 7): names stored before the contract refused control characters may still hold an escape
 * sequence, a line break or a direction override.
 *
 * - `shown(s)`: for whole texts (every line the CLI writes goes through it): every control character
 *   (C0, DEL, C1), line/paragraph separator and bidi formatting character is written as a visible
 *   escape - `\x1b`, `\r`, `\u007f`, `\u0085`, `\u202e` - except tab, line feed and CR LF, which lay the
 *   output out. The `\uXXXX` form is also a valid escape inside a JSON string, so `--json` output
 *   stays valid JSON.
 * - `cell(s)`: for one value inside a line (a name in the tab-separated `list accounts`, a value in
 *   an import error): the same, and tab and line breaks too (`\t`, `\n`), so a value is one field.
 */
import { MULTI_LINE_FORBIDDEN, SINGLE_LINE_FORBIDDEN } from '../../../shared/api/text';

const ALL_MULTI = new RegExp(MULTI_LINE_FORBIDDEN.source, 'gu');
const ALL_SINGLE = new RegExp(SINGLE_LINE_FORBIDDEN.source, 'gu');

function visible(ch: string): string {
  if (ch === '\n') return '\\n';
  if (ch === '\t') return '\\t';
  if (ch === '\r') return '\\r';
  const c = ch.codePointAt(0)!;
  if (c < 0x20) return `\\x${c.toString(16).padStart(2, '0')}`;
  return `\\u${c.toString(16).padStart(4, '0')}`;
}

/** A text as the terminal should show it: controls and bidi characters as visible escapes. */
export function shown(s: string): string {
  return s.replace(ALL_MULTI, visible);
}

/** One value within a line: as shown(), and tab and line breaks escaped too. */
export function cell(s: string): string {
  return s.replace(ALL_SINGLE, visible);
}

/** Every string in a value (objects and arrays, deeply) passed through cell(); for line-based reports. */
export function cells<T>(value: T): T {
  if (typeof value === 'string') return cell(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => cells(v)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cells(v)])) as T;
  }
  return value;
}
