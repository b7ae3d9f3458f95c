import { dateOf } from '../../../shared/domain/dates';
import { accountsCsv, accountsJson, accountsXlsx, loadExportAccounts } from '../import/account-export';
import { importAccounts, previewAccountImport } from '../import/account-import';
import { importBytes } from '../import/import-file';
import { generateSample } from '../sample/generate';
import { loadSample } from '../sample/load';
import { sampleStakeholders } from '../sample/dmu';
import { placeSample } from '../sample/place';
import { samplePlans } from '../sample/plans';
import type { HandlerGroup } from './types';

const MIME = { csv: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', json: 'application/json' } as const;

export const ioHandlers: HandlerGroup<'import-preview' | 'import-run' | 'export-accounts' | 'sample-load'> = {
  'import-preview': ({ backend }, args) => previewAccountImport(backend.connection(), importBytes(args), args.fileName, args.map, backend.now()),
  'import-run': async ({ backend, emit }, args) => {
    const { fileName, map, skipInvalid, dryRun } = args;
    const report = await importAccounts(
      backend.connection(),
      importBytes(args),
      fileName,
      // The bytes are this call's alone: the import worker may take them without a copy.
      { ...(map ? { map } : {}), skipInvalid: !!skipInvalid, dryRun: !!dryRun, handOver: true },
      backend.now(),
    );
    if (!report.dryRun && !report.rejected) emit('data-changed', { tables: ['accounts', 'people', 'account_revenue', 'account_team'] });
    return report;
  },
  'export-accounts': async ({ backend }, { format, locale, query, today }) => {
    const db = backend.connection();
    const stamp = dateOf(backend.now());
    const scope = query ? { query, today: today ?? query.today ?? stamp } : undefined;
    const { accounts, total } = loadExportAccounts(db, scope);
    const base = `${locale === 'en' ? 'keyplan-accounts' : 'keyplan-客户'}-${stamp}${scope ? (locale === 'en' ? '-filtered' : '-筛选') : ''}`;
    const content =
      format === 'csv'
        ? Buffer.from(accountsCsv(db, locale ?? 'zh-CN', scope), 'utf8')
        : format === 'xlsx'
          ? await accountsXlsx(db, locale ?? 'zh-CN', scope)
          : Buffer.from(accountsJson(db, scope), 'utf8');
    return { fileName: `${base}.${format}`, mime: MIME[format], contentBase64: content.toString('base64'), accounts: accounts.length, total, filtered: !!scope };
  },
  'sample-load': ({ backend, emit }, { locale, accounts, today }) => {
    const ws = generateSample({ locale: locale ?? 'zh-CN', accounts: accounts ?? 40, today: today ?? dateOf(backend.now()) });
    const result = loadSample(backend.connection(), ws, backend.now());
    const director = ws.people.find((p) => p.role === 'director')?.name ?? ws.people[0]?.name ?? 'Keyplan';
    placeSample(backend.connection(), locale ?? 'zh-CN', today ?? dateOf(backend.now()), director);
    sampleStakeholders(backend.connection(), locale ?? 'zh-CN', today ?? dateOf(backend.now()), backend.now());
    samplePlans(backend.connection(), locale ?? 'zh-CN', today ?? dateOf(backend.now()), backend.now());
    emit('data-changed', {
      tables: ['accounts', 'people', 'account_revenue', 'interactions', 'opportunities', 'placements', 'stakeholders', 'stakeholder_lines', 'tender_members', 'map_snapshots', 'plans', 'plan_sections', 'plan_items', 'plan_versions'],
    });
    return result;
  },
};
