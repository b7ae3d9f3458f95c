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
  'accounts-list': method<AccountRecord[]>()(z.strictObject({ search: z.string().max(200).optional() })),
  'accounts-query': method<AccountQueryResult>()(accountQuerySchema),
  'accounts-get': method<AccountDetail>()(z.strictObject({ id: idSchema, today: isoDate.optional() })),
  'accounts-create': method<AccountRecord>()(accountFieldsSchema.extend({ name: nameSchema })),
  'accounts-update': method<AccountRecord>()(z.strictObject({ id: idSchema, patch: accountFieldsSchema.extend({ name: nameSchema.optional() }) })),
  'accounts-rename': method<AccountRecord>()(z.strictObject({ id: idSchema, name: nameSchema })),
  /** Moves the account to the bin; `accounts-undelete` brings it back with everything attached. */
  'accounts-delete': method<{ id: number; name: string }>()(byId),
  'accounts-undelete': method<AccountRecord>()(byId),
  'accounts-team-set': method<AccountDetail['team']>()(
    z.strictObject({ accountId: idSchema, members: z.array(z.strictObject({ personId: idSchema, role: singleLine(100) })).max(100) }),
  ),

  'revenue-set': method<RevenueYear[]>()(revenueInputSchema),
  'revenue-delete': method<RevenueYear[]>()(z.strictObject({ accountId: idSchema, year: z.number().int().min(1900).max(2200) })),
  'satisfaction-add': method<SatisfactionScore>()(satisfactionInputSchema),
  'satisfaction-delete': method<{ id: number }>()(byId),
  'competitors-save': method<Competitor>()(competitorInputSchema),
  'competitors-delete': method<{ id: number }>()(byId),
  'interactions-save': method<Interaction>()(interactionInputSchema),
  'interactions-delete': method<{ id: number }>()(byId),
  'opportunities-save': method<Opportunity>()(opportunityInputSchema),
  'opportunities-delete': method<{ id: number }>()(byId),

  'people-list': method<Person[]>()(empty),
  'people-save': method<Person>()(personInputSchema),
  'people-delete': method<{ id: number }>()(byId),
  'tiers-list': method<Tier[]>()(empty),
  'tiers-save': method<Tier>()(tierInputSchema),
  'tiers-delete': method<{ id: number }>()(byId),
  'cadence-get': method<CadenceDays>()(empty),
  'cadence-set': method<CadenceDays>()(z.strictObject(Object.fromEntries(GRADES.map((g) => [g, z.number().int().min(1).max(3660)])) as Record<(typeof GRADES)[number], z.ZodNumber>)),
  /** The reporting currency and the dated rates to it (Settings; shared/domain/fx.ts). */
  'fx-get': method<FxTable>()(empty),
  'fx-set': method<FxTable>()(
    z.strictObject({
      reporting: z.enum(CURRENCIES),
      rates: z
        .array(z.strictObject({ currency: z.enum(CURRENCIES), rateMicro: z.number().int().min(1).max(MAX_RATE_MICRO), asOf: isoDate }))
        .max(CURRENCIES.length),
    }),
  ),
  'views-list': method<SavedView[]>()(empty),
  'views-save': method<SavedView>()(z.strictObject({ id: idSchema.optional(), name: nameText(100), query: accountQuerySchema })),
  'views-delete': method<{ id: number }>()(byId),

  /** Overdue and due follow-ups per owner, and visit compliance this quarter. */
  'today': method<TodayView>()(z.strictObject({ today: isoDate.optional(), ownerId: idSchema.optional(), soonDays: z.number().int().min(0).max(60).optional() })),
  /** Pareto, accounts and revenue by tier/industry/region, churn, receivables ageing, per owner. */
  'portfolio-figures': method<PortfolioFigures>()(z.strictObject({ year: z.number().int().min(1900).max(2200).optional(), today: isoDate.optional() })),

  'import-preview': method<ImportPreview>()(withImportContent({ ...importSource })),
  'import-run': method<ImportReport>()(withImportContent({ ...importSource, skipInvalid: z.boolean().optional(), dryRun: z.boolean().optional() })),
  /**
   * The accounts as a file. Without `query`: every account. With it: the accounts the list shows for
   * that filter (accounts-query's filter, in its order); the reply says how many of how many.
   */
  'export-accounts': method<AccountsExportFile>()(
    z.strictObject({ format: z.enum(EXPORT_FORMATS), locale: z.enum(['zh-CN', 'en']).optional(), query: accountQuerySchema.optional(), today: isoDate.optional() }),
  ),
  'sample-load': method<{ accounts: number }>()(z.strictObject({ locale: z.enum(['zh-CN', 'en']).optional(), accounts: z.number().int().min(1).max(20_000).optional(), today: isoDate.optional() })),
} as const;
