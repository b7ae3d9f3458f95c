/**
 * The CLI's words in the language of --locale (zh-CN unless `--locale en`; issue 11): its own lines
 * from the `cli.*` catalogue, usage refusals as keyed UsageErrors, and a backend refusal in Chinese
 * from `errors.<code>` with its params (in English the AppError's message, written for the CLI and
 * more detailed). `--json` output is never translated. The language itself is read by
 * cli/flags.ts (locale()).
 */
import type { AppError } from '../../../shared/api/errors';
import { messages, type Locale, type Messages } from '../../../shared/i18n';
import { UsageError } from '../args';
import { cell } from './text';

export type { Locale };

type Cli = Messages['cli'];
export type UsageKey = keyof Cli['usage'];
export type ReportKey = { [K in keyof Cli['report']]: Cli['report'][K] extends string ? K : never }[keyof Cli['report']];

export function fill(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));
}

/** A usage refusal: English in the message (logs), translated when printed. */
export function usage(key: UsageKey, params: Record<string, string | number> = {}): UsageError {
  return new UsageError(fill(messages.en.cli.usage[key], params), `cli.usage.${key}`, params);
}

/** A report line of the CLI in the chosen language. */
export function say(lang: Locale, key: ReportKey, params: Record<string, string | number> = {}): string {
  return fill(messages[lang].cli.report[key], params);
}

/** Names joined as a list in the chosen language (、 in Chinese), each one escaped. */
export function list(lang: Locale, names: readonly string[]): string {
  return names.map(cell).join(messages[lang].cli.report.list);
}

/** A refusal as the one line the CLI prints (without `keyplan: ` and the code). */
export function refusalText(e: UsageError | AppError, lang: Locale): string {
  if (e instanceof UsageError) {
    const key = e.key?.startsWith('cli.usage.') ? (e.key.slice('cli.usage.'.length) as UsageKey) : null;
    return key && key in messages[lang].cli.usage ? fill(messages[lang].cli.usage[key], e.params) : e.message;
  }
  // In English the backend's own message, which says the most (the file's columns, the reason it
  // was refused); in Chinese its translation, errors.<code> with the params.
  if (lang === 'en') return e.message;
  const params = e.params ?? {};
  const template = (messages[lang].errors as Record<string, string>)[e.code];
  if (!template) return e.message;
  const values: Record<string, string | number> = { ...params };
  // A path's reason is a code of pathReason; a database holder's kind one of processKind.
  if (e.code === 'out-path-invalid' && typeof params.reason === 'string') {
    values.reason = (messages[lang].pathReason as Record<string, string>)[params.reason] ?? params.reason;
  }
  if ((e.code === 'db-in-use' || e.code === 'db-busy') && typeof params.kind === 'string') {
    values.kind = (messages[lang].processKind as Record<string, string>)[params.kind] ?? params.kind;
  }
  let text = fill(template, values);
  const find = messages[lang].cli.find;
  if (e.code === 'account-not-found' && params.near) text += fill(find.didYouMean, { names: params.near });
  if (e.code === 'tender-not-found') text += params.choices ? fill(find.opportunities, { names: params.choices }) : find.noOpportunities;
  return text;
}
