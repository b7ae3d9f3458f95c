/** The quadrant board across the API: matrices, the board, moves and their history. */
import { z } from 'zod';
import { QUADRANT_POSITIONS, type QuadrantPosition, type SuggestRule } from '../domain/quadrants';
import { type GRADES, POTENTIALS, URGENCIES } from '../domain/enums';
import type { Change, QuadrantFigure, Verdict } from '../domain/quadrants';
import { idSchema, isoDate } from './accounts';
import { method } from './method';
import { multiLine, nameText, singleLine } from './text';
import { LOCALES } from '../i18n/locales';

export interface Quadrant {
  key: string;
  position: QuadrantPosition;
  nameZh: string;
  nameEn: string;
  color: string;
  treatmentZh: string;
  treatmentEn: string;
}

export interface Matrix {
  id: number;
  key: string;
  nameZh: string;
  nameEn: string;
  xLabelZh: string;
  xLabelEn: string;
  yLabelZh: string;
  yLabelEn: string;
  builtin: boolean;
  suggest: SuggestRule;
  quadrants: Quadrant[];
}

export interface BoardCard {
  accountId: number;
  name: string;
  tierKey: string | null;
  grade: (typeof GRADES)[number] | null;
  ownerName: string | null;
  industry: string | null;
  region: string | null;
  revenueThisYear: number | null;
  overdue: boolean;
  /** The Pareto head: the accounts that together make 80% of this year's revenue. */
  inParetoHead: boolean;
  /** Quadrant key (current, or as of the requested moment); null: in the tray. */
  quadrant: string | null;
  /** What the matrix's rule suggests from the account's data. */
  suggested: string | null;
  /**
   * The seed's 野猫 verdict from the account's data (value x potential boards only): its profit
   * contribution does not cover its cost to serve. Never for a high-potential account.
   */
  verdict: Verdict | null;
  /** With `since`: where the account was then (only when it moved). */
  movedFrom?: string | null;
}

export interface Board {
  matrix: Matrix;
  asOf: string | null;
  since: string | null;
  cards: BoardCard[];
  figures: QuadrantFigure[];
  changes: Change[];
}

/** Who is at this Keyplan ("I am" in Settings): one of our people, or nobody yet. */
export interface Me {
  person: { id: number; name: string } | null;
  /** The person's name, the recorder of every move and approval ('' when nobody is chosen). */
  name: string;
}

export interface PlacementMove {
  id: number;
  matrixKey: string;
  matrixNameZh: string;
  matrixNameEn: string;
  accountId: number;
  accountName: string;
  from: string | null;
  to: string | null;
  fromNameZh: string | null;
  fromNameEn: string | null;
  toNameZh: string | null;
  toNameEn: string | null;
  at: string;
  by: string;
  reason: string;
}

const matrixKey = z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: 'lower-case letters, digits and dashes' });
/** A matrix, axis or quadrant label: one line, no control characters (./text.ts). */
const label = nameText(60);
const isoMoment = z.string().refine((s) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}/.test(s), { message: 'expected an ISO date or time' });

/** An English label is optional: left empty, the Chinese one is shown in English too. */
const labelEn = singleLine(60).optional();
/** A key, generated from the names (pinyin of the Chinese, or the English) when left out or empty. */
const optionalKey = z.union([matrixKey, z.literal('')]).optional();

const quadrantInput = z.strictObject({
  key: z.union([z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,39}$/), z.literal('')]).optional(),
  position: z.enum(QUADRANT_POSITIONS),
  nameZh: label,
  nameEn: labelEn,
  color: z.string().trim().regex(/^#[0-9a-fA-F]{6}$/, { message: 'a colour like #e3ecfb' }),
  treatmentZh: multiLine(500).optional(),
  treatmentEn: multiLine(500).optional(),
});

export const suggestRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('value-potential'), revenueThreshold: z.number().int().min(0).max(1e15), potentialAtLeast: z.enum(POTENTIALS) }),
  z.strictObject({ kind: z.literal('importance-urgency'), urgentAtLeast: z.enum(URGENCIES) }),
]);

export const matrixInputSchema = z
  .strictObject({
    id: idSchema.optional(),
    key: optionalKey,
    nameZh: label,
    nameEn: labelEn,
    xLabelZh: label,
    xLabelEn: labelEn,
    yLabelZh: label,
    yLabelEn: labelEn,
    suggest: suggestRuleSchema.optional(),
    quadrants: z.array(quadrantInput).length(4),
  })
  .refine((m) => new Set(m.quadrants.map((q) => q.position)).size === 4, { message: 'each position (tl, tr, bl, br) exactly once', path: ['quadrants'] })
  .refine((m) => new Set(m.quadrants.map((q) => q.key).filter(Boolean)).size === m.quadrants.filter((q) => q.key).length, {
    message: 'quadrant keys must differ',
    path: ['quadrants'],
  });

const boardFilters = {
  ownerIds: z.array(idSchema).max(500).optional(),
  industries: z.array(z.string().trim().max(100)).max(200).optional(),
  regions: z.array(z.string().trim().max(100)).max(200).optional(),
  tierIds: z.array(idSchema).max(100).optional(),
};

export const boardContract = {
  'matrices-list': method<Matrix[]>()(z.strictObject({}), { writes: [] }),
  'matrices-save': method<Matrix>()(matrixInputSchema, { writes: ['matrices', 'quadrants'] }),
  'matrices-delete': method<{ id: number }>()(z.strictObject({ id: idSchema }), { writes: ['matrices', 'placements', 'quadrants', 'placement_moves'] }),
  /** The board of one matrix: cards with their quadrant now (or as of a moment), figures, changes since. */
  'board-get': method<Board>()(
    z.strictObject({ matrix: matrixKey, asOf: isoMoment.optional(), since: isoMoment.optional(), today: isoDate.optional(), ...boardFilters }),
    { writes: [] },
  ),
  /** Places an account (to: a quadrant key) or returns it to the tray (to: null). A decision: recorded. */
  'board-move': method<PlacementMove>()(
    z.strictObject({ matrix: matrixKey, accountId: idSchema, to: z.string().trim().max(40).nullable(), reason: multiLine(1000).optional() }),
    { writes: ['placements', 'placement_moves'] },
  ),
  /** Adds or changes the reason of a recorded move (the popover after a drop). */
  'board-move-reason': method<PlacementMove>()(z.strictObject({ moveId: idSchema, reason: multiLine(1000) }), { writes: ['placements', 'placement_moves'] }),
  /** Undoes a move: only the latest move of that account on that matrix; the move is removed. */
  'board-undo': method<{ accountId: number; quadrant: string | null }>()(z.strictObject({ moveId: idSchema }), { writes: ['placements', 'placement_moves'] }),
  /** Every move of an account, newest first, across matrices. */
  'placements-history': method<PlacementMove[]>()(z.strictObject({ accountId: idSchema }), { writes: [] }),
  /** The board as one A4 landscape PDF page or a PNG picture, in the given language. Internal only (no customer version). */
  'board-export': method<{ fileName: string; mime: string; contentBase64: string }>()(
    z.strictObject({
      matrix: matrixKey,
      format: z.enum(['pdf', 'png']),
      locale: z.enum(LOCALES),
      asOf: isoMoment.optional(),
      since: isoMoment.optional(),
      today: isoDate.optional(),
      /** The customer audience: refused (board-internal-only), the board names other customers and our verdicts. */
      safe: z.boolean().optional(),
      ...boardFilters,
    }),
    { writes: [] },
  ),
  /** Every current placement (account, matrix key, quadrant key and labels). */
  'placements-list': method<{ accountId: number; matrix: string; quadrant: string; nameZh: string; nameEn: string }[]>()(z.strictObject({}), { writes: [] }),
  /**
   * Accepts the suggested quadrant for many accounts at once: those listed that are not placed and
   * have a suggestion are placed there (one recorded move each, one transaction); the rest are skipped.
   */
  'board-place-suggested': method<{ moves: PlacementMove[]; skipped: number[] }>()(
    z.strictObject({ matrix: matrixKey, accountIds: z.array(idSchema).min(1).max(20_000), reason: multiLine(1000).optional(), today: isoDate.optional() }),
    { writes: ['placements', 'placement_moves'] },
  ),
  /** The board's preferences: whether placing a card from the tray (its first placement) asks why. */
  'board-prefs-get': method<{ askReasonOnFirstPlacement: boolean }>()(z.strictObject({}), { writes: [] }),
  'board-prefs-set': method<{ askReasonOnFirstPlacement: boolean }>()(z.strictObject({ askReasonOnFirstPlacement: z.boolean() }), { writes: ['settings'] }),
  /**
   * Who I am ("I am" in Settings): one of our people, the recorder of every move and approval.
   * Never the computer's login: nobody chosen is `person: null` (recorded without a name).
   */
  'user-get': method<Me>()(z.strictObject({}), { writes: [] }),
  'user-set': method<Me>()(z.strictObject({ personId: idSchema.nullable() }), { writes: ['settings'] }),
  /**
   * Moves several accounts to one quadrant (or the tray) at once with one reason: one recorded move
   * each, in one transaction; those already there are skipped.
   */
  'board-move-many': method<{ moves: PlacementMove[]; skipped: number[] }>()(
    z.strictObject({ matrix: matrixKey, accountIds: z.array(idSchema).min(1).max(20_000), to: z.string().trim().max(40).nullable(), reason: multiLine(1000).optional() }),
    { writes: ['placements', 'placement_moves'] },
  ),
  /** Gives several recorded moves (a multi-card move) one reason, in one transaction. */
  'board-moves-reason': method<PlacementMove[]>()(
    z.strictObject({ moveIds: z.array(idSchema).min(1).max(20_000), reason: multiLine(1000) }),
    { writes: ['placements', 'placement_moves'] },
  ),
} as const;
