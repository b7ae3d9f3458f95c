/**
 * The database's tables, by name: what a contract method declares it `writes` (shared/api/method.ts),
 * what a `data-changed` event names, and what a view subscribes to (renderer/src/api/hooks.ts). One
 * list, so a misspelt table is a compile error; test/unit/tables.test.ts checks it equals the tables
 * of a freshly migrated database (sqlite_schema, less INTERNAL_TABLES and SQLite's own sqlite_*).
 */
export const TABLE_NAMES = [
  'account_revenue',
  'account_team',
  'accounts',
  'competitors',
  'currency_rates',
  'grade_cadence',
  'health_warnings',
  'interactions',
  'map_layout',
  'map_snapshots',
  'matrices',
  'opportunities',
  'people',
  'placement_moves',
  'placements',
  'plan_items',
  'plan_sections',
  'plan_versions',
  'plans',
  'quadrants',
  'satisfaction',
  'saved_views',
  'settings',
  'stakeholder_lines',
  'stakeholders',
  'tender_members',
  'tiers',
] as const;

export type TableName = (typeof TABLE_NAMES)[number];

/** Tables of the schema that no method writes and no view shows: the migrations' own log. */
export const INTERNAL_TABLES = ['migration_log'] as const;

export function isTableName(name: unknown): name is TableName {
  return typeof name === 'string' && (TABLE_NAMES as readonly string[]).includes(name);
}
