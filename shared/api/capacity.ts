/**
 * Service capacity across the API (issue 16 item 5, shared/domain/capacity.ts): what the capacity
 * screen and the CLI read, and the one write of the what-if - moving accounts between owners.
 */
import { z } from 'zod';
import type { CapacityInput } from '../domain/capacity';
import { idSchema, isoDate } from './accounts';
import { method } from './method';

/** The most accounts one reassignment moves (the 10,000-account sample's owners fit). */
export const MAX_MOVES = 20_000;

/** What the capacity screen computes from: the quarter, owners with their days, tiers, live accounts. */
export interface CapacityView extends CapacityInput {
  /** The quarter as `YYYY-Qn`. */
  label: string;
}

export const capacityContract = {
  /**
   * The quarter's capacity input (default: the quarter of today): every active manager and director
   * and every person who owns a live account, with their capacity (Settings → people); the tiers with their
   * standard; every live account (not in the bin, not churned) with its owner, tier and the visits
   * and calls delivered in the quarter up to `asOf`. The figures are computed by the pure functions
   * of shared/domain/capacity.ts (on the client, instantly, for the what-if).
   */
  'capacity-view': method<CapacityView>()(
    z.strictObject({ quarter: z.string().trim().regex(/^\d{4}-Q[1-4]$/i).optional(), today: isoDate.optional() }),
    { writes: [] },
  ),
  /**
   * Applies a what-if reassignment in one transaction: each account moves from the owner the screen
   * saw (`from`) to `to` (null: no owner). Refused whole with `capacity-stale` when an account's
   * owner is no longer `from` (another window, the CLI), `not-found` for an account not live or a
   * person that does not exist, `person-inactive` for an inactive new owner.
   */
  'capacity-reassign': method<{ moved: number }>()(
    z.strictObject({
      moves: z
        .array(z.strictObject({ accountId: idSchema, from: idSchema.nullable(), to: idSchema.nullable() }))
        .min(1)
        .max(MAX_MOVES),
    }),
    { writes: ['accounts'] },
  ),
} as const;
