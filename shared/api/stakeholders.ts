/**
 * The stakeholder map across the API: people and lines per account, maps per account and per tender
 * (an opportunity), saved positions, coverage, import, export and snapshots.
 */
import { z } from 'zod';
import type { CoverageReport } from '../domain/coverage.types';
import {
  ATTITUDES,
  BUYING_ROLES,
  INFLUENCES,
  LEVELS,
  LINE_STRENGTHS,
  STRENGTHS,
  type Attitude,
  type BuyingRole,
  type Influence,
  type Level,
  type LineStrength,
  type MapLine,
  type Strength,
} from '../domain/stakeholders';
import { idSchema, isoDate, withImportContent } from './accounts';
import type { ExportFile, ImportPreview, ImportRowError, ImportSkippedColumn } from './accounts-views';
import { method, nameSchema } from './method';
import { multiLine, singleLine } from './text';
import { LOCALES } from '../i18n/locales';

/** A person in the buyer's organisation, as stored (account-wide). */
export interface Stakeholder {
  id: number;
  accountId: number;
  name: string;
  title: string;
  department: string;
  level: Level | null;
  /** The person's roles in the account. On a tender map see MapMember.roles. */
  roles: BuyingRole[];
  influence: Influence | null;
  attitude: Attitude | null;
  strength: Strength;
  ownerId: number | null;
  ownerName: string | null;
  /** The date recorded by hand. */
  lastContactSet: string | null;
  /** The later of lastContactSet and the latest interaction whose people name this person. */
  lastContact: string | null;
  favoursCompetitor: string;
  /** What they win for the organisation, and personally (career, recognition, less risk). */
  orgWins: string;
  personalWins: string;
  interests: string;
  /** Private: never shown in customer-safe output. */
  notes: string;
  createdAt: string;
  updatedAt: string;
}

/** A person as placed on one map. */
export interface MapMember extends Stakeholder {
  /** The roles that count on this map: the account roles, or the bid's own roles on a tender map. */
  mapRoles: BuyingRole[];
  /** Saved position (top-left, flow coordinates); null: not placed yet, the layout decides. */
  x: number | null;
  y: number | null;
  /** The person's branch (the people reporting to them, transitively) is folded away. */
  collapsed: boolean;
}

export interface TenderRef {
  /** The opportunity's id. */
  id: number;
  name: string;
  stage: string;
  /** The opportunity's bid date (YYYY-MM-DD), when known. */
  bidDate: string | null;
  /** People on this tender's map (deleted people not counted). */
  people: number;
}

export interface StakeholderMap {
  account: { id: number; name: string };
  /** null: the account map (everyone). */
  tender: TenderRef | null;
  /** The account's opportunities, each of which can have a tender map. */
  tenders: TenderRef[];
  members: MapMember[];
  /** Account people not on this tender map (empty on the account map). */
  notOnMap: { id: number; name: string; title: string }[];
  /** Lines between members of this map. */
  lines: MapLine[];
  coverage: CoverageReport;
}

/** One account's map in the list of maps. */
export interface MapSummary {
  accountId: number;
  accountName: string;
  tierKey: string | null;
  ownerName: string | null;
  people: number;
  /** Gaps on the account map (coverage with the default stale days). */
  gaps: number;
  /** Deciders (decision maker, economic buyer, veto holder) who are not supporters. */
  deciderGaps: number;
  tenders: number;
  updatedAt: string | null;
}

export interface MapSnapshotInfo {
  id: number;
  accountId: number;
  tenderId: number | null;
  label: string;
  takenOn: string;
  createdAt: string;
  people: number;
}

export interface SnapshotPersonChange {
  id: number;
  name: string;
  field: 'attitude' | 'strength' | 'influence' | 'roles' | 'owner' | 'level' | 'title';
  before: string | number | null;
  after: string | number | null;
}

export interface SnapshotComparison {
  from: { id: number | null; label: string; takenOn: string };
  to: { id: number | null; label: string; takenOn: string };
  added: { id: number; name: string; title: string }[];
  removed: { id: number; name: string; title: string }[];
  changed: SnapshotPersonChange[];
  linesAdded: number;
  linesRemoved: number;
}

export interface StakeholderImportReport {
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  skipped: number;
  linesCreated: number;
  peopleCreated: string[];
  errors: ImportRowError[];
  rejected: boolean;
  /** The columns of the file this import left out (or would leave out), with how to map them. */
  notImported: ImportSkippedColumn[];
  /**
   * The file has no level column: the levels its titles suggest (shared/domain/level-inference.ts),
   * for the rows that would be imported and whose person has no level yet. Set only with
   * `inferLevels` (levelsInferred true); otherwise a suggestion to confirm.
   */
  levelSuggestions: LevelSuggestion[];
  levelsInferred: boolean;
}

export interface LevelSuggestion {
  line: number;
  name: string;
  title: string;
  level: Level;
  /** The title word that decided it (处长, Manager). */
  word: string;
}

// --- schemas -------------------------------------------------------------------------------------

/** One line (titles, labels) and paragraphs (notes): no control characters (./text.ts). */
const text = singleLine;
const roles = z.array(z.enum(BUYING_ROLES)).max(BUYING_ROLES.length);
const attitude = z.union(ATTITUDES.map((a) => z.literal(a)) as unknown as [z.ZodLiteral<-2>, z.ZodLiteral<-1>, z.ZodLiteral<0>, z.ZodLiteral<1>, z.ZodLiteral<2>]);
const lineStrength = z.union([z.literal(1), z.literal(2), z.literal(3)]) as z.ZodType<LineStrength>;
void LINE_STRENGTHS;

export const stakeholderFieldsSchema = z.strictObject({
  name: nameSchema.optional(),
  title: text(200).optional(),
  department: text(200).optional(),
  level: z.enum(LEVELS).nullable().optional(),
  roles: roles.optional(),
  influence: z.enum(INFLUENCES).nullable().optional(),
  attitude: attitude.nullable().optional(),
  strength: z.enum(STRENGTHS).optional(),
  ownerId: idSchema.nullable().optional(),
  lastContactSet: isoDate.nullable().optional(),
  favoursCompetitor: text(200).optional(),
  orgWins: multiLine(4000).optional(),
  personalWins: multiLine(4000).optional(),
  interests: multiLine(4000).optional(),
  notes: multiLine(20000).optional(),
});

/** Which map: the account's, or a tender's (an opportunity of that account). */
const mapRef = { accountId: idSchema, tenderId: idSchema.nullable().optional() };
const locale = z.enum(LOCALES);

const importSource = {
  fileName: z.string().trim().min(1).max(260),
  /** Source column header -> field (`name`, `title`, `reportsTo`, `roles`, ... or `ignore`). */
  map: z.record(z.string().max(200), z.string().max(60)).optional(),
};

export const stakeholdersContract = {
  /** Every account with its map's size and gaps; accounts without people too (people: 0). */
  'maps-list': method<MapSummary[]>()(z.strictObject({ today: isoDate.optional() }), { writes: [] }),
  /** One map: the account's (tenderId absent) or a tender's, with its coverage. */
  'map-get': method<StakeholderMap>()(z.strictObject({ ...mapRef, staleDays: z.number().int().min(1).max(3650).optional(), today: isoDate.optional() }), { writes: [] }),
  /** Adds a person to the account (and, with tenderId, to that tender's map), optionally under a manager. */
  'stakeholders-create': method<Stakeholder>()(
    stakeholderFieldsSchema.extend({ name: nameSchema, ...mapRef, reportsTo: idSchema.nullable().optional() }),
    { writes: ['stakeholders', 'stakeholder_lines', 'tender_members'] },
  ),
  'stakeholders-update': method<Stakeholder>()(z.strictObject({ id: idSchema, patch: stakeholderFieldsSchema }), { writes: ['stakeholders'] }),
  /** Moves the person to the bin (with their lines and positions kept for an undo). */
  'stakeholders-delete': method<{ id: number }>()(z.strictObject({ id: idSchema }), { writes: ['stakeholders'] }),
  'stakeholders-undelete': method<Stakeholder>()(z.strictObject({ id: idSchema }), { writes: ['stakeholders'] }),
  /** Every person of the account (not in the bin), for pickers and the CLI. */
  'stakeholders-list': method<Stakeholder[]>()(z.strictObject({ accountId: idSchema }), { writes: [] }),
  /** A reporting line (from reports to to; dotted: a dotted-line manager) or an influence line. A reporting cycle is refused. */
  'lines-create': method<MapLine>()(
    z.strictObject({
      kind: z.enum(['reports', 'influence']),
      fromId: idSchema,
      toId: idSchema,
      dotted: z.boolean().optional(),
      strength: lineStrength.optional(),
    }),
    { writes: ['stakeholder_lines'] },
  ),
  'lines-update': method<MapLine>()(
    z.strictObject({ id: idSchema, dotted: z.boolean().optional(), strength: lineStrength.optional() }),
    { writes: ['stakeholder_lines'] },
  ),
  'lines-delete': method<MapLine>()(z.strictObject({ id: idSchema }), { writes: ['stakeholder_lines'] }),
  /** Saves dragged positions and folded branches of one map (only the people named). */
  'map-layout-save': method<{ saved: number }>()(
    z.strictObject({
      ...mapRef,
      positions: z
        .array(z.strictObject({ id: idSchema, x: z.number().finite().min(-1e6).max(1e6), y: z.number().finite().min(-1e6).max(1e6) }))
        .max(5000)
        .optional(),
      collapsed: z.array(z.strictObject({ id: idSchema, collapsed: z.boolean() })).max(5000).optional(),
      /** Forget every saved position of the map (the automatic layout takes over). */
      reset: z.boolean().optional(),
    }),
    { writes: ['map_layout'] },
  ),
  /** Puts account people on a tender map (with the bid's roles) or takes them off. */
  'tender-members-set': method<{ tenderId: number; members: number }>()(
    z.strictObject({
      tenderId: idSchema,
      add: z.array(z.strictObject({ stakeholderId: idSchema, roles: roles.optional() })).max(5000).optional(),
      remove: z.array(idSchema).max(5000).optional(),
    }),
    { writes: ['tender_members'] },
  ),
  'coverage-get': method<CoverageReport>()(
    z.strictObject({ ...mapRef, staleDays: z.number().int().min(1).max(3650).optional(), today: isoDate.optional() }),
    { writes: [] },
  ),
  'stakeholders-import-preview': method<ImportPreview>()(withImportContent({ accountId: idSchema, ...importSource }), { writes: [] }),
  'stakeholders-import': method<StakeholderImportReport>()(
    withImportContent({
      accountId: idSchema,
      ...importSource,
      skipInvalid: z.boolean().optional(),
      dryRun: z.boolean().optional(),
      /** Without a level column: set each new person's level from their title (the suggestions confirmed). */
      inferLevels: z.boolean().optional(),
    }),
    { writes: ['stakeholders', 'stakeholder_lines', 'people'] },
  ),
  /** The map as SVG (vector), PNG at print resolution, or a PDF sized to the map; customer-safe with safe. */
  'map-export': method<ExportFile>()(
    z.strictObject({ ...mapRef, format: z.enum(['svg', 'png', 'pdf']), locale, safe: z.boolean().optional(), today: isoDate.optional() }),
    { writes: [] },
  ),
  'map-snapshots-list': method<MapSnapshotInfo[]>()(z.strictObject({ ...mapRef }), { writes: [] }),
  /** Saves the map as it is now, under a label and a date (e.g. "before the tender"). */
  'map-snapshot-save': method<MapSnapshotInfo>()(z.strictObject({ ...mapRef, label: text(200).min(1), takenOn: isoDate.optional() }), { writes: ['map_snapshots'] }),
  'map-snapshot-delete': method<{ id: number }>()(z.strictObject({ id: idSchema }), { writes: ['map_snapshots'] }),
  /** Compares two snapshots of one map, or a snapshot with the map now (to: null). */
  'map-snapshots-compare': method<SnapshotComparison>()(z.strictObject({ from: idSchema, to: idSchema.nullable() }), { writes: [] }),
} as const;
