import { accountsCsv, accountsJson, accountsXlsx, loadExportAccounts } from '../import/account-export';
import { importAccounts, previewAccountImport } from '../import/account-import';
import { importBytes } from '../import/import-file';
import { loadSampleWorkspace } from '../sample/workspace';
import type { HandlerGroup } from './types';

const MIME = { csv: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', json: 'application/json' } as const;

export const ioHandlers: HandlerGroup<'import-preview' | 'import-run' | 'export-accounts' | 'sample-load'> = {
  'import-preview': ({ db, now }, args) => previewAccountImport(db(), importBytes(args), args.fileName, args.map, now()),
  'import-run': async (ctx, args) => {
    const { fileName, map, skipInvalid, dryRun } = args;
    const report = await importAccounts(
      ctx.db(),
      importBytes(args),
      fileName,
      // The bytes are this call's alone: the import worker may take them without a copy.
      { ...(map ? { map } : {}), skipInvalid: !!skipInvalid, dryRun: !!dryRun, handOver: true },
      ctx.now(),
    );
    if (report.dryRun || report.rejected) ctx.nothingChanged();
    return report;
  },
  'export-accounts': async ({ db, today }, { format, locale, query, today: day }) => {
    const conn = db();
    const stamp = today();
    const scope = query ? { query, today: day ?? query.today ?? stamp } : undefined;
    const { accounts, total } = loadExportAccounts(conn, scope);
    const base = `${locale === 'en' ? 'keyplan-accounts' : 'keyplan-客户'}-${stamp}${scope ? (locale === 'en' ? '-filtered' : '-筛选') : ''}`;
    const content =
      format === 'csv'
        ? Buffer.from(accountsCsv(conn, locale ?? 'zh-CN', scope), 'utf8')
        : format === 'xlsx'
          ? await accountsXlsx(conn, locale ?? 'zh-CN', scope)
          : Buffer.from(accountsJson(conn, scope), 'utf8');
    return { fileName: `${base}.${format}`, mime: MIME[format], contentBase64: content.toString('base64'), accounts: accounts.length, total, filtered: !!scope };
  },
  'sample-load': ({ db, now, today }, { locale, accounts, today: day }) =>
    loadSampleWorkspace(db(), { locale: locale ?? 'zh-CN', accounts: accounts ?? 40, today: today(day) }, now()),
};
