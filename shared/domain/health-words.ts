/**
 * Health reasons in words, in either language: one place for the screens, the CLI and the printed
 * plan ("满意度从 92 降到 72", "决策者 2 人无人覆盖", "应收逾期 95 天"). Plain strings.
 */
import { messages, type Locale } from '../i18n';
import type { HealthReason } from './health';

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));
}

export function reasonText(r: Pick<HealthReason, 'key' | 'params'>, locale: Locale): string {
  const template = (messages[locale].health.reason as Record<string, string>)[r.key];
  return template === undefined ? r.key : fill(template, r.params);
}

/** The first `n` reasons joined as a list (、 in Chinese, "; " in English). */
export function reasonsText(reasons: readonly Pick<HealthReason, 'key' | 'params'>[], locale: Locale, n = 3): string {
  return reasons
    .slice(0, n)
    .map((r) => reasonText(r, locale))
    .join(locale === 'zh-CN' ? '；' : '; ');
}
