/**
 * The structured parts of a plan as the editor shows them: per kind, its fields (label, type,
 * whether the table shows it; in fields.ts with a field's value in words), the form's values to and from an item's data, and a one-line label
 * of an item (for the compare dialog and the buttons' accessible names).
 */
import type { TFunction } from 'i18next';
import type { Currency } from '../../../../shared/domain/enums';
import { isIsoDate } from '../../../../shared/domain/dates';
import type { OBJECTIVE_UNITS, PlanItemData, PlanItemInput, PlanItemKind } from '../../../../shared/domain/plan';
import { parseInteger, parseMoney } from '../../../../shared/domain/values';
import { money, moneyInput } from '../../lib/format';

import { FIELDS, type FieldSpec } from './fields';

export { FIELDS, type FieldSpec };

/** A new item's data before the form fills it. */
export function blankItem(kind: PlanItemKind, preset: Record<string, unknown> = {}): Record<string, unknown> {
  const base: Record<PlanItemKind, Record<string, unknown>> = {
    objective: { kind, metric: '', unit: 'money', baseline: null, target: null, q1: null, q2: null, q3: null, q4: null, ownerId: null, note: '' },
    swot: { kind, quadrant: 's', text: '' },
    competitor: { kind, name: '', offer: '', position: '', strengths: '', weaknesses: '' },
    team: { kind, personId: null, name: '', role: '', responsibility: '' },
    action: { kind, what: '', ownerId: null, due: null, status: 'todo', cost: null },
    risk: { kind, description: '', likelihood: 'medium', impact: 'medium', mitigation: '', ownerId: null, internal: false },
    contact: { kind, stakeholderId: null, target: '', ownerId: null, visitsPerQuarter: 1, callsPerMonth: 1, tierKey: null },
  };
  return { ...base[kind], ...preset };
}

export type FormValues = Record<string, string | boolean>;

type Unit = (typeof OBJECTIVE_UNITS)[number];

/** A figure of an objective as typed: money as an amount, percent as 12.5 (stored as basis points), a count. */
export function figureInput(v: number | null, unit: Unit): string {
  if (v === null) return '';
  if (unit === 'money') return moneyInput(v);
  if (unit === 'percent') return String(v / 100);
  return String(v);
}

export function parseFigure(s: string, unit: Unit): { ok: true; value: number | null } | { ok: false } {
  const text = s.trim();
  if (!text) return { ok: true, value: null };
  if (unit === 'money') {
    const p = parseMoney(text);
    return p.ok ? { ok: true, value: p.value } : { ok: false };
  }
  const n = Number(text.replace(/[,，%\s]/g, ''));
  if (!Number.isFinite(n)) return { ok: false };
  return { ok: true, value: unit === 'percent' ? Math.round(n * 100) : Math.round(n) };
}

export function showFigure(v: number | null, unit: Unit, currency: Currency, locale: string): string {
  if (v === null) return '—';
  if (unit === 'money') return money(v, currency, locale);
  if (unit === 'percent') return `${(v / 100).toLocaleString(locale)}%`;
  return v.toLocaleString(locale);
}

export function toForm(kind: PlanItemKind, data: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  const unit = (data.unit as Unit | undefined) ?? 'money';
  for (const spec of FIELDS[kind]) {
    const v = data[spec.key];
    if (spec.type === 'bool') out[spec.key] = v === true;
    else if (spec.type === 'figure') out[spec.key] = figureInput((v as number | null) ?? null, unit);
    else if (spec.type === 'money') out[spec.key] = moneyInput((v as number | null) ?? null);
    else if (v === null || v === undefined) out[spec.key] = '';
    else out[spec.key] = String(v);
  }
  return out;
}

/** The form's values back into item data, or the errors by field (translated). */
export function fromForm(
  kind: PlanItemKind,
  values: FormValues,
  before: Record<string, unknown>,
  t: TFunction,
): { ok: true; data: PlanItemInput } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const data: Record<string, unknown> = { ...before, kind };
  const unit = (values.unit as Unit | undefined) ?? 'money';
  for (const spec of FIELDS[kind]) {
    const raw = values[spec.key];
    if (spec.type === 'bool') {
      data[spec.key] = raw === true;
      continue;
    }
    const s = String(raw ?? '').trim();
    if (spec.required && !s) {
      errors[spec.key] = t('planEditor.items.required');
      continue;
    }
    switch (spec.type) {
      case 'text':
      case 'textarea':
      case 'enum':
        data[spec.key] = s;
        break;
      case 'person':
        data[spec.key] = s ? Number(s) : null;
        break;
      case 'date':
        if (s && !isIsoDate(s)) errors[spec.key] = t('planEditor.items.date');
        else data[spec.key] = s || null;
        break;
      case 'money': {
        if (!s) data[spec.key] = null;
        else {
          const p = parseMoney(s);
          if (p.ok && p.value >= 0) data[spec.key] = p.value;
          else errors[spec.key] = t('planEditor.items.money');
        }
        break;
      }
      case 'int': {
        const p = parseInteger(s || '0');
        if (p.ok && p.value >= 0) data[spec.key] = p.value;
        else errors[spec.key] = t('planEditor.items.number');
        break;
      }
      case 'figure': {
        const p = parseFigure(s, unit);
        if (p.ok) data[spec.key] = p.value;
        else errors[spec.key] = unit === 'money' ? t('planEditor.items.money') : t('planEditor.items.number');
        break;
      }
    }
  }
  if (kind === 'team' && !data.personId && !String(data.name ?? '').trim()) errors.name = t('planEditor.items.required');
  if (kind === 'contact' && (data.visitsPerQuarter !== before.visitsPerQuarter || data.callsPerMonth !== before.callsPerMonth)) data.tierKey = null;
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, data: data as PlanItemInput };
}

/** One line naming an item. */
export function itemLabel(data: PlanItemData): string {
  switch (data.kind) {
    case 'objective':
      return data.metric;
    case 'swot':
      return data.text;
    case 'competitor':
      return data.name;
    case 'team':
      return data.name || data.role;
    case 'action':
      return data.what;
    case 'risk':
      return data.description;
    case 'contact':
      return data.target;
  }
}

