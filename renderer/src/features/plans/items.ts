/**
 * The structured parts of a plan as the editor shows them: per kind, its fields (label, type,
 * whether the table shows it), the form's values to and from an item's data, and a one-line label
 * of an item (for the compare dialog and the buttons' accessible names).
 */
import type { TFunction } from 'i18next';
import type { Currency } from '../../../../shared/domain/enums';
import { isIsoDate } from '../../../../shared/domain/dates';
import {
  ACTION_STATUSES,
  OBJECTIVE_UNITS,
  RISK_LEVELS,
  SWOT_QUADRANTS,
  type PlanItemData,
  type PlanItemInput,
  type PlanItemKind,
} from '../../../../shared/domain/plan';
import { parseInteger, parseMoney } from '../../../../shared/domain/values';
import { money, moneyFull, moneyInput, shortDate, tk } from '../accounts/format';

export type FieldType = 'text' | 'textarea' | 'figure' | 'money' | 'date' | 'int' | 'person' | 'enum' | 'bool';

export interface FieldSpec {
  key: string;
  type: FieldType;
  /** i18n key of the label under planEditor.fields. */
  label: string;
  required?: boolean;
  /** For enum: the values and their i18n group under planEditor. */
  options?: readonly string[];
  group?: string;
  /** Shown as a column of the table (else only in the form). */
  column?: boolean;
}

const f = (key: string, type: FieldType, extra: Partial<FieldSpec> = {}): FieldSpec => ({ key, type, label: key, column: true, ...extra });

export const FIELDS: Record<PlanItemKind, FieldSpec[]> = {
  objective: [
    f('metric', 'text', { required: true }),
    f('unit', 'enum', { options: OBJECTIVE_UNITS, group: 'units', column: false }),
    f('baseline', 'figure'),
    f('target', 'figure'),
    f('q1', 'figure'),
    f('q2', 'figure'),
    f('q3', 'figure'),
    f('q4', 'figure'),
    f('ownerId', 'person', { label: 'owner' }),
    f('note', 'textarea', { column: false }),
    f('internal', 'bool', { column: false }),
  ],
  swot: [f('quadrant', 'enum', { options: SWOT_QUADRANTS, group: 'swot', column: false }), f('text', 'textarea', { required: true }), f('internal', 'bool', { column: false })],
  competitor: [
    f('name', 'text', { required: true }),
    f('offer', 'textarea'),
    f('position', 'textarea'),
    f('strengths', 'textarea'),
    f('weaknesses', 'textarea'),
    f('internal', 'bool', { column: false }),
  ],
  team: [f('personId', 'person', { label: 'person' }), f('name', 'text', { label: 'memberName' }), f('role', 'text'), f('responsibility', 'textarea'), f('internal', 'bool', { column: false })],
  action: [
    f('what', 'textarea', { required: true }),
    f('ownerId', 'person', { label: 'owner' }),
    f('due', 'date'),
    f('status', 'enum', { options: ACTION_STATUSES, group: 'actionStatus' }),
    f('cost', 'money'),
    f('internal', 'bool', { column: false }),
  ],
  risk: [
    f('description', 'textarea', { required: true }),
    f('likelihood', 'enum', { options: RISK_LEVELS, group: 'levels' }),
    f('impact', 'enum', { options: RISK_LEVELS, group: 'levels' }),
    f('mitigation', 'textarea'),
    f('ownerId', 'person', { label: 'owner' }),
    f('internal', 'bool'),
  ],
  contact: [
    f('target', 'text', { label: 'contactTarget', required: true }),
    f('ownerId', 'person', { label: 'owner' }),
    f('visitsPerQuarter', 'int'),
    f('callsPerMonth', 'int'),
    f('internal', 'bool', { column: false }),
  ],
};

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

/** What the compare dialog and the tables need to show a field's value in words. */
export interface ShowContext {
  people: readonly { id: number; name: string }[];
  currency: Currency;
  locale: string;
  t: TFunction;
}

/** Longer texts are cut in the compare dialog (the whole text is in the plan). */
const MAX_SHOWN = 60;

/** One field of an item as words: a person's name, an enum's label, money in the currency, a date; `empty` when unset. */
export function fieldText(spec: FieldSpec, data: Record<string, unknown>, ctx: ShowContext, empty = '—'): string {
  const v = data[spec.key];
  const { t, locale, currency } = ctx;
  switch (spec.type) {
    case 'person': {
      const p = ctx.people.find((x) => x.id === v);
      return p ? p.name : v === null || v === undefined ? empty : `#${String(v)}`;
    }
    case 'enum':
      return v ? tk(t, `planEditor.${spec.group}.${String(v)}`) : empty;
    case 'bool':
      return v ? t('planEditor.items.yes') : t('planEditor.items.no');
    case 'date':
      return v ? shortDate(v as string, locale) : empty;
    case 'money':
      return v === null || v === undefined ? empty : moneyFull(v as number, currency, locale);
    case 'figure': {
      // money in full: a compact ¥1.2万 could hide the change being shown
      const unit = (data.unit as Unit | undefined) ?? 'money';
      if (v === null || v === undefined) return empty;
      return unit === 'money' ? moneyFull(v as number, currency, locale) : showFigure(v as number, unit, currency, locale);
    }
    case 'int':
      return v === null || v === undefined ? empty : (v as number).toLocaleString(locale);
    default: {
      const s = v === null || v === undefined ? '' : String(v).replace(/\s+/g, ' ').trim();
      if (!s) return empty;
      return s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN)}…` : s;
    }
  }
}

export interface FieldChange {
  field: string;
  /** The field's label in the language shown. */
  label: string;
  before: string;
  after: string;
}

/**
 * The fields of a changed item with their old and new values in words, in the order of the form;
 * bookkeeping fields (the tier a contact plan came from, the stakeholder link) are left out.
 */
export function itemFieldChanges(kind: PlanItemKind, fields: readonly string[], before: PlanItemData, after: PlanItemData, ctx: ShowContext): FieldChange[] {
  const b = before as unknown as Record<string, unknown>;
  const a = after as unknown as Record<string, unknown>;
  const empty = ctx.t('planEditor.compare.empty');
  return FIELDS[kind]
    .filter((spec) => fields.includes(spec.key))
    .map((spec) => ({
      field: spec.key,
      label: tk(ctx.t, `planEditor.fields.${spec.label}`),
      before: fieldText(spec, b, ctx, empty),
      after: fieldText(spec, a, ctx, empty),
    }));
}
