/** Display helpers of the accounts area: follow-up badge tones, enum options. */
import type { TFunction } from 'i18next';
import type { FollowUp } from '../../../../shared/domain/cadence';
import { tk } from '../../lib/format';
import type { BadgeTone } from '../../ui/Badge';
import type { SelectOption } from './OptionSelect';

export const FOLLOW_UP_TONE: Record<FollowUp['state'], BadgeTone> = { overdue: 'danger', due: 'warning', ok: 'success', none: 'neutral' };

/** Options for a closed vocabulary, labelled from domain.<group>.<value>. */
export function enumOptions(values: readonly string[], group: string, t: TFunction): SelectOption[] {
  return values.map((v) => ({ value: v, label: tk(t, `domain.${group}.${v}`) }));
}
