/**
 * The one rule for text people type (issue 10, item 7): invisible control characters are refused
 * at the contract, so an escape sequence cannot reach a terminal through `list accounts`, a line
 * break cannot forge a row of a tab-separated listing, and a direction override (U+202E) cannot
 * reverse a name on screen or in a PDF.
 *
 * - `singleLine(max)`: names, titles, labels, tags - anything printed on one line. Refuses every C0
 *   control (tab and line breaks too), DEL, every C1 control, the line and paragraph separators
 *   (U+2028, U+2029) and the bidi formatting characters: the marks (U+200E LRM, U+200F RLM, U+061C
 *   ALM), embeddings and overrides (U+202A-U+202E) and isolates (U+2066-U+2069). The marks cannot
 *   reverse text by themselves but they reorder what is around them, are invisible, and have no use
 *   in Chinese or English names, so they go too.
 * - `multiLine(max)`: notes and other texts shown as paragraphs. The same, except that tab, line
 *   feed and CR LF are kept.
 *
 * A refusal is a zod issue carrying `params.textRule` (see TEXT_RULE_PARAM); the backend turns it
 * into the typed error `text-control-char` with the field and the character (U+001B), which the UI
 * translates (errors.text-control-char).
 */
import { z } from 'zod';

/** What a refused character is: a control (C0, DEL, C1), a line/paragraph separator, or a bidi format character. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
/** As above, but tab, line feed, and a carriage return that starts a CR LF pair are allowed. */
// eslint-disable-next-line no-control-regex -- as above
export const MULTI_LINE_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\r(?!\n)/u;

/** The zod issue param that marks a refusal by this rule. */
export const TEXT_RULE_PARAM = 'textRule';

/** The first refused character of `s` (null when the text is fine). */
export function forbiddenChar(s: string, multi = false): string | null {
  const m = (multi ? MULTI_LINE_FORBIDDEN : SINGLE_LINE_FORBIDDEN).exec(s);
  return m ? m[0] : null;
}

/** `U+001B`: how a refused character is named in messages. */
export function codePointName(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

function rule(multi: boolean) {
  return (value: string, ctx: z.RefinementCtx) => {
    const ch = forbiddenChar(value, multi);
    if (ch === null) return;
    ctx.addIssue({
      code: 'custom',
      message: `contains the control character ${codePointName(ch)}`,
      params: { [TEXT_RULE_PARAM]: multi ? 'multi-line' : 'single-line', char: codePointName(ch) },
      input: value,
    });
  };
}

/** Text printed on one line: trimmed, at most `max` characters, no control or bidi characters. */
export const singleLine = (max: number) => z.string().trim().max(max).superRefine(rule(false));

/** Text shown as paragraphs (notes): as singleLine, but tab and line breaks are kept. */
export const multiLine = (max: number) => z.string().trim().max(max).superRefine(rule(true));

/** A name a person types: trimmed, non-empty, bounded, on one line. */
export const nameText = (max: number) => singleLine(max).min(1);

/**
 * `s` without the characters multiLine refuses (a lone CR becomes a line feed). For rich text
 * pasted from Word or a web page (plan sections), where refusing an autosave would lose typing:
 * the invisible characters are dropped instead.
 */
export function stripForbidden(s: string): string {
  return s.replace(/\r(?!\n)/g, '\n').replace(new RegExp(MULTI_LINE_FORBIDDEN.source, 'gu'), '');
}
