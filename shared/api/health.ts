/** Account health and early warning (README, "Health and early warning"; shared/domain/health.ts). */
import { z } from 'zod';
import { healthSettingsSchema, type HealthReason, type HealthSettings, type HealthWeights, type WarningReason } from '../domain/health';
import { idSchema, isoDate } from './accounts';
import { method } from './method';
import { multiLine } from './text';

/** One point of the trend: the score as of `date` (the ends of the last four quarters, then today). */
export interface HealthPoint {
  date: string;
  score: number;
}

export interface AccountHealth {
  accountId: number;
  accountName: string;
  ownerName: string | null;
  score: number;
  lost: HealthWeights;
  /** Every input that lost points, most first (the UI shows the top three). */
  reasons: HealthReason[];
  /** Five points, oldest first: four quarter ends and today. */
  trend: HealthPoint[];
  /** A suggested churn risk nobody has decided yet. */
  warning: WarningReason | null;
}

/** A suggested churn risk (computed, not stored until a director decides). */
export interface HealthWarning {
  accountId: number;
  accountName: string;
  ownerName: string | null;
  reason: WarningReason;
  score: number;
  /** The score at the end of last quarter. */
  previous: number | null;
  reasons: HealthReason[];
}

/** A director's decision on a warning (table health_warnings). */
export interface HealthDecision {
  id: number;
  accountId: number;
  suggestedAt: string;
  scoreThen: number;
  previous: number | null;
  reason: WarningReason;
  reasons: HealthReason[];
  decision: 'confirmed' | 'dismissed';
  note: string;
  decidedBy: string | null;
  decidedAt: string;
}

export interface HealthList {
  today: string;
  settings: HealthSettings;
  accounts: AccountHealth[];
  warnings: HealthWarning[];
}

const healthNote = multiLine(2000);

export const healthContract = {
  /** One account's score, trend and reasons. */
  'health-get': method<AccountHealth>()(z.strictObject({ accountId: idSchema, today: isoDate.optional() }), { writes: [] }),
  /** Every live account's health (lowest first) and the warnings waiting for a decision. */
  'health-list': method<HealthList>()(z.strictObject({ today: isoDate.optional(), ownerId: idSchema.optional() }), { writes: [] }),
  /** Confirms a warning as a churn risk (the account becomes at risk) or dismisses it, with a note. */
  'health-decide': method<HealthDecision>()(
    z.strictObject({ accountId: idSchema, decision: z.enum(['confirmed', 'dismissed']), note: healthNote, today: isoDate.optional() }),
    { writes: ['health_warnings', 'accounts'] },
  ),
  /** The decisions taken on an account, latest first. */
  'health-decisions': method<HealthDecision[]>()(z.strictObject({ accountId: idSchema }), { writes: [] }),
  'health-settings-get': method<HealthSettings>()(z.strictObject({}), { writes: [] }),
  'health-settings-set': method<HealthSettings>()(healthSettingsSchema, { writes: ['settings'] }),
} as const;
