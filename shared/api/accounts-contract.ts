/** The accounts area of the contract (the account-database issue). */
import { z } from 'zod';
import {
  accountFieldsSchema,
  accountQuerySchema,
  competitorInputSchema,
  idSchema,
  interactionInputSchema,
  isoDate,
  opportunityInputSchema,
  personInputSchema,
  revenueInputSchema,
  satisfactionInputSchema,
  tierInputSchema,
  type AccountDetail,
  type AccountQueryResult,
  type AccountRecord,
  type Competitor,
  type Interaction,
  type Opportunity,
  type Person,
  type RevenueYear,
  type SatisfactionScore,
  type Tier,
  withImportContent,
} from './accounts';
import type { AccountsExportFile, ImportPreview, ImportReport, PortfolioFigures, SavedView, TodayView } from './accounts-views';
import { CURRENCIES, GRADES } from '../domain/enums';
import { MAX_RATE_MICRO, type FxTable } from '../domain/fx';
import { method, nameSchema } from './method';
import { nameText, singleLine } from './text';
import type { CadenceDays } from '../domain/cadence';
import { LOCALES } from '../i18n/locales';

const byId = z.strictObject({ id: idSchema });
const empty = z.strictObject({});

export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export const EXPORT_FORMATS = ['csv', 'xlsx', 'json'] as const;

/** The file (`contentBase64`, or `content` in process: withImportContent), its name and the column map. */
const importSource = {
  fileName: z.string().trim().min(1).max(260),
  /** Source column header -> field (`name`, `industry`, `revenue:2024`, `ignore`, ...). */
  map: z.record(z.string().max(200), z.string().max(60)).optional(),
};

export const accountsContract = {
  'accounts-list': method<AccountRecord[]>()(z.strictObject({ search: z.string().max(200).optional() }), { writes: [] }),
  'accounts-query': method<AccountQueryResult>()(accountQuerySchema, { writes: [] }),
  'accounts-get': method<AccountDetail>()(z.strictObject({ id: idSchema, today: isoDate.optional() }), { writes: [] }),
  'accounts-create': method<AccountRecord>()(accountFieldsSchema.extend({ name: nameSchema }), { writes: ['accounts'] }),
  'accounts-update': method<AccountRecord>()(
    z.strictObject({ id: idSchema, patch: accountFieldsSchema.extend({ name: nameSchema.optional() }) }),
    { writes: ['accounts'] },
  ),
  'accounts-rename': method<AccountRecord>()(z.strictObject({ id: idSchema, name: nameSchema }), { writes: ['accounts'] }),
  /** Moves the account to the bin; `accounts-undelete` brings it back with everything attached. */
  'accounts-delete': method<{ id: number; name: string }>()(byId, { writes: ['accounts'] }),
  'accounts-undelete': method<AccountRecord>()(byId, { writes: ['accounts'] }),
  'accounts-team-set': method<AccountDetail['team']>()(
    z.strictObject({ accountId: idSchema, members: z.array(z.strictObject({ personId: idSchema, role: singleLine(100) })).max(100) }),
    { writes: ['account_team', 'accounts'] },
  ),

  'revenue-set': method<RevenueYear[]>()(revenueInputSchema, { writes: ['account_revenue', 'accounts'] }),
  'revenue-delete': method<RevenueYear[]>()(
    z.strictObject({ accountId: idSchema, year: z.number().int().min(1900).max(2200) }),
    { writes: ['account_revenue', 'accounts'] },
  ),
  'satisfaction-add': method<SatisfactionScore>()(satisfactionInputSchema, { writes: ['satisfaction', 'accounts'] }),
  'satisfaction-delete': method<{ id: number }>()(byId, { writes: ['satisfaction', 'accounts'] }),
  'competitors-save': method<Competitor>()(competitorInputSchema, { writes: ['competitors', 'accounts'] }),
  'competitors-delete': method<{ id: number }>()(byId, { writes: ['competitors', 'accounts'] }),
  'interactions-save': method<Interaction>()(interactionInputSchema, { writes: ['interactions', 'accounts'] }),
  'interactions-delete': method<{ id: number }>()(byId, { writes: ['interactions', 'accounts'] }),
  'opportunities-save': method<Opportunity>()(opportunityInputSchema, { writes: ['opportunities', 'accounts'] }),
  'opportunities-delete': method<{ id: number }>()(byId, { writes: ['opportunities', 'accounts', 'tender_members', 'map_snapshots'] }),

  'people-list': method<Person[]>()(empty, { writes: [] }),
  'people-save': method<Person>()(personInputSchema, { writes: ['people'] }),
  'people-delete': method<{ id: number }>()(byId, { writes: ['people', 'accounts'] }),
  'tiers-list': method<Tier[]>()(empty, { writes: [] }),
  'tiers-save': method<Tier>()(tierInputSchema, { writes: ['tiers'] }),
  'tiers-delete': method<{ id: number }>()(byId, { writes: ['tiers', 'accounts'] }),
  'cadence-get': method<CadenceDays>()(empty, { writes: [] }),
  'cadence-set': method<CadenceDays>()(
    z.strictObject(Object.fromEntries(GRADES.map((g) => [g, z.number().int().min(1).max(3660)])) as Record<(typeof GRADES)[number], z.ZodNumber>),
    { writes: ['grade_cadence'] },
  ),
  /** The reporting currency and the dated rates to it (Settings; shared/domain/fx.ts). */
  'fx-get': method<FxTable>()(empty, { writes: [] }),
  'fx-set': method<FxTable>()(
    z.strictObject({
      reporting: z.enum(CURRENCIES),
      rates: z
        .array(z.strictObject({ currency: z.enum(CURRENCIES), rateMicro: z.number().int().min(1).max(MAX_RATE_MICRO), asOf: isoDate }))
        .max(CURRENCIES.length),
    }),
    { writes: ['currency_rates', 'settings'] },
  ),
  'views-list': method<SavedView[]>()(empty, { writes: [] }),
  'views-save': method<SavedView>()(z.strictObject({ id: idSchema.optional(), name: nameText(100), query: accountQuerySchema }), { writes: ['saved_views'] }),
  'views-delete': method<{ id: number }>()(byId, { writes: ['saved_views'] }),

  /** Overdue and due follow-ups per owner, and visit compliance this quarter. */
  'today': method<TodayView>()(
    z.strictObject({ today: isoDate.optional(), ownerId: idSchema.optional(), soonDays: z.number().int().min(0).max(60).optional() }),
    { writes: [] },
  ),
  /** Pareto, accounts and revenue by tier/industry/region, churn, receivables ageing, per owner. */
  'portfolio-figures': method<PortfolioFigures>()(z.strictObject({ year: z.number().int().min(1900).max(2200).optional(), today: isoDate.optional() }), { writes: [] }),

  'import-preview': method<ImportPreview>()(withImportContent({ ...importSource }), { writes: [] }),
  'import-run': method<ImportReport>()(
    withImportContent({ ...importSource, skipInvalid: z.boolean().optional(), dryRun: z.boolean().optional() }),
    { writes: ['accounts', 'people', 'account_revenue', 'account_team'] },
  ),
  /**
   * The accounts as a file. Without `query`: every account. With it: the accounts the list shows for
   * that filter (accounts-query's filter, in its order); the reply says how many of how many.
   */
  'export-accounts': method<AccountsExportFile>()(
    z.strictObject({ format: z.enum(EXPORT_FORMATS), locale: z.enum(LOCALES).optional(), query: accountQuerySchema.optional(), today: isoDate.optional() }),
    { writes: [] },
  ),
  'sample-load': method<{ accounts: number }>()(
    z.strictObject({ locale: z.enum(LOCALES).optional(), accounts: z.number().int().min(1).max(20_000).optional(), today: isoDate.optional() }),
    { writes: ['accounts', 'people', 'account_revenue', 'satisfaction', 'competitors', 'interactions', 'opportunities', 'placements', 'stakeholders', 'stakeholder_lines', 'tender_members', 'map_snapshots', 'plans', 'plan_sections', 'plan_items', 'plan_versions', 'account_team', 'placement_moves'] },
  ),
} as const;
