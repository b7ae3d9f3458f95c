/** The plan template, kept as JSON in settings under `plan.template` (see shared/domain/plan-template.ts). */
import type { Database as Db } from 'better-sqlite3';
import { DEFAULT_PLAN_TEMPLATE, planTemplateSchema, type PlanTemplate } from '../../../../shared/domain/plan-template';

const KEY = 'plan.template';

/** The stored template, or the default when none is stored (or what is stored cannot be read). */
export function getPlanTemplate(db: Db): PlanTemplate {
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as string | undefined;
  if (raw === undefined) return DEFAULT_PLAN_TEMPLATE;
  try {
    const parsed = planTemplateSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : DEFAULT_PLAN_TEMPLATE;
  } catch {
    return DEFAULT_PLAN_TEMPLATE;
  }
}

export function setPlanTemplate(db: Db, template: PlanTemplate): PlanTemplate {
  const value = planTemplateSchema.parse(template);
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(value));
  return value;
}
