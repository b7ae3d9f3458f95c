/**
 * The Overview form's model: the record as the strings a form holds, and back to a patch of only
 * what changed, with a translated error per field that does not parse.
 */
import type { TFunction } from 'i18next';
import type { AccountFields, AccountRecord } from '../../../../../shared/api/accounts';
import { parseInteger, parseMoney, parsePercent } from '../../../../../shared/domain/values';
import { moneyInput } from '../../../lib/format';
import { validateName } from '../validateName';

export interface Draft {
  name: string;
  nameEn: string;
  shortName: string;
  parentId: number | null;
  parentName: string;
  industry: string;
  region: string;
  ownerId: string;
  classification: string;
  strategic: boolean;
  brandInfluence: boolean;
  tierId: string;
  lifecycle: string;
  dealStatus: string;
  grade: string;
  urgency: string;
  importance: string;
  currency: string;
  companyRevenue: string;
  employees: string;
  profitContribution: string;
  shareOfWallet: string;
  growthPotential: string;
  lifetimeValue: string;
  costToServe: string;
  churnStatus: string;
  churnReason: string;
  churnNote: string;
  churnedOn: string;
  receivableOutstanding: string;
  receivableDaysOverdue: string;
  paymentTerms: string;
  notes: string;
}

export type FieldErrors = Partial<Record<keyof Draft, string>>;

const s = (v: string | null | undefined) => v ?? '';
const n = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** 3550 bp -> "35.5". */
function percentText(bp: number | null): string {
  if (bp === null) return '';
  return `${bp / 100}%`;
}

export function draftFrom(a: AccountRecord): Draft {
  return {
    name: a.name,
    nameEn: s(a.nameEn),
    shortName: s(a.shortName),
    parentId: a.parentId,
    parentName: s(a.parentName),
    industry: s(a.industry),
    region: s(a.region),
    ownerId: n(a.ownerId),
    classification: s(a.classification),
    strategic: a.strategic,
    brandInfluence: a.brandInfluence,
    tierId: n(a.tierId),
    lifecycle: s(a.lifecycle),
    dealStatus: s(a.dealStatus),
    grade: s(a.grade),
    urgency: s(a.urgency),
    importance: s(a.importance),
    currency: a.currency,
    companyRevenue: moneyInput(a.companyRevenue),
    employees: n(a.employees),
    profitContribution: moneyInput(a.profitContribution),
    shareOfWallet: percentText(a.shareOfWalletBp),
    growthPotential: s(a.growthPotential),
    lifetimeValue: moneyInput(a.lifetimeValue),
    costToServe: moneyInput(a.costToServe),
    churnStatus: a.churnStatus,
    churnReason: s(a.churnReason),
    churnNote: s(a.churnNote),
    churnedOn: s(a.churnedOn),
    receivableOutstanding: moneyInput(a.receivableOutstanding),
    receivableDaysOverdue: n(a.receivableDaysOverdue),
    paymentTerms: s(a.paymentTerms),
    notes: s(a.notes),
  };
}

export function isDirty(draft: Draft, base: Draft): boolean {
  return (Object.keys(base) as (keyof Draft)[]).some((k) => draft[k] !== base[k]);
}

type Patch = AccountFields & { name?: string };

/** The fields that changed, parsed; or the errors of those that do not parse. */
export function buildPatch(draft: Draft, base: Draft, t: TFunction): { patch: Patch; errors: FieldErrors } {
  const patch: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  const changed = (k: keyof Draft) => draft[k] !== base[k];

  if (changed('name')) {
    const invalid = validateName(draft.name, t);
    if (invalid) errors.name = invalid;
    else patch.name = draft.name.trim();
  }
  for (const k of ['nameEn', 'shortName', 'industry', 'region', 'churnNote', 'paymentTerms', 'notes', 'churnedOn'] as const) {
    if (changed(k)) patch[k] = draft[k].trim() || null;
  }
  for (const k of ['classification', 'lifecycle', 'dealStatus', 'grade', 'urgency', 'importance', 'growthPotential', 'churnReason'] as const) {
    if (changed(k)) patch[k] = draft[k] || null;
  }
  if (changed('currency')) patch.currency = draft.currency;
  if (changed('churnStatus')) patch.churnStatus = draft.churnStatus;
  if (changed('strategic')) patch.strategic = draft.strategic;
  if (changed('brandInfluence')) patch.brandInfluence = draft.brandInfluence;
  if (changed('parentId')) patch.parentId = draft.parentId;
  if (changed('ownerId')) patch.ownerId = draft.ownerId ? Number(draft.ownerId) : null;
  if (changed('tierId')) patch.tierId = draft.tierId ? Number(draft.tierId) : null;

  const money = (k: 'companyRevenue' | 'profitContribution' | 'lifetimeValue' | 'costToServe' | 'receivableOutstanding', allowNegative: boolean) => {
    if (!changed(k)) return;
    const v = draft[k].trim();
    if (!v) {
      patch[k] = null;
      return;
    }
    const p = parseMoney(v);
    if (!p.ok) errors[k] = t('accounts.validation.money');
    else if (!allowNegative && p.value < 0) errors[k] = t('accounts.validation.moneyNegative');
    else patch[k] = p.value;
  };
  money('companyRevenue', false);
  money('profitContribution', true);
  money('lifetimeValue', true);
  money('costToServe', false);
  money('receivableOutstanding', false);

  const integer = (k: 'employees' | 'receivableDaysOverdue') => {
    if (!changed(k)) return;
    const v = draft[k].trim();
    if (!v) {
      patch[k] = null;
      return;
    }
    const p = parseInteger(v);
    if (!p.ok || p.value < 0) errors[k] = t('accounts.validation.integer');
    else patch[k] = p.value;
  };
  integer('employees');
  integer('receivableDaysOverdue');

  if (changed('shareOfWallet')) {
    const v = draft.shareOfWallet.trim();
    if (!v) patch.shareOfWalletBp = null;
    else {
      // A bare number here means percent ("35" = 35%), also when it has decimals ("35.5").
      const p = parsePercent(/%$/.test(v) ? v : `${v}%`);
      if (!p.ok) errors.shareOfWallet = t('accounts.validation.percent');
      else patch.shareOfWalletBp = p.value;
    }
  }
  return { patch: patch as Patch, errors };
}
