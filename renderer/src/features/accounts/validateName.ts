import type { TFunction } from 'i18next';
import { nameSchema } from '../../../../shared/api/contract';
import { codePointName, forbiddenChar } from '../../../../shared/api/text';

/** The contract's own limit, so the form and the backend agree. */
export const NAME_MAX = nameSchema.maxLength ?? 200;

/** A translated error for an account name the backend would refuse, or null when it is fine. */
export function validateName(value: string, t: TFunction): string | null {
  const name = value.trim();
  if (name.length === 0) return t('accounts.validation.empty');
  if (name.length > NAME_MAX) return t('accounts.validation.tooLong', { max: NAME_MAX, length: name.length });
  const ch = forbiddenChar(name);
  if (ch !== null) return t('errors.text-control-char', { char: codePointName(ch) });
  return null;
}
