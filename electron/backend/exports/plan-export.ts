/**
 * The annual plan as a print-quality PDF (plan-document.ts): the plan as plan-get returns it (the
 * frozen copy once approved), our people's names for the owners, and the account's stakeholder map
 * as it is today. Customer-safe (`safe`: the customer audience) leaves out what is only for us, by
 * the one audience rule (shared/domain/audience.ts); the file name says which version it is.
 */
import type { ExportFile } from '../../../shared/api/accounts-views';
import { frozenMap, getPlan } from '../db/repos/plans';
import { getMap } from '../db/repos/stakeholders/map-read';
import type { Db } from '../db/types';
import { printPlanPdf, type PlanDocumentInput } from '../documents/plan-document';
import type { Printer } from '../documents/printer';
import { getPlanTemplate } from '../db/repos/plan-template';
import { safeFileName } from './map-export';
import type { Locale } from '../../../shared/i18n';

export interface PlanExportArgs {
  accountId: number;
  year: number;
  format: 'pdf';
  locale: Locale;
  safe: boolean;
  today: string;
}

/** `国能电力集团-2026年度客户计划.pdf`, `Guoneng-account-plan-2026-customer-version.pdf`. */
export function planFileName(account: string, year: number, locale: Locale, safe: boolean): string {
  const zh = locale === 'zh-CN';
  const parts = zh ? [account, `${year}年度客户计划`, ...(safe ? ['对外版'] : [])] : [account, `account-plan-${year}`, ...(safe ? ['customer-version'] : [])];
  return `${parts.map(safeFileName).filter((p) => p.length > 0).join('-')}.pdf`;
}

/** What the document needs besides the options: the plan, names of our people, the account's map. */
export function planDocumentInput(db: Db, accountId: number, year: number, today: string): PlanDocumentInput {
  const view = getPlan(db, accountId, year, today);
  const people = new Map((db.prepare('SELECT id, name FROM people').all() as { id: number; name: string }[]).map((p) => [p.id, p.name]));
  // An approved plan prints the map frozen with it; a draft, the map as it is today.
  const frozen = frozenMap(db, view.plan.id);
  const map = frozen !== undefined ? frozen : getMap(db, accountId, null, { today });
  return { view, people, map, template: getPlanTemplate(db) };
}

export async function exportPlan(db: Db, printer: () => Printer, a: PlanExportArgs): Promise<ExportFile> {
  const input = planDocumentInput(db, a.accountId, a.year, a.today);
  const printed = await printPlanPdf(printer(), input, { locale: a.locale, safe: a.safe, today: a.today });
  return {
    fileName: planFileName(input.view.plan.accountName, a.year, a.locale, a.safe),
    mime: 'application/pdf',
    contentBase64: Buffer.from(printed.pdf).toString('base64'),
  };
}
