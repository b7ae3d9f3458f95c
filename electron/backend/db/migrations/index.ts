import type { Migration } from './types';
import { m0001 } from './0001_foundation';
import { m0002 } from './0002_account_record';
import { m0003 } from './0003_quadrant_board';
import { m0004 } from './0004_stakeholder_map';
import { m0005 } from './0005_account_plans';
import { m0006 } from './0006_checks_without_in_lists';
import { m0007 } from './0007_keyplan_identity';
import { m0008 } from './0008_value_potential_model';
import { m0009 } from './0009_internal_plan_sections';
import { m0010 } from './0010_account_bin_names';
import { m0011 } from './0011_currency_rates';
import { m0012 } from './0012_recorded_by';
import { m0013 } from './0013_health_warnings';
import { m0014 } from './0014_service_capacity';

export type { Migration } from './types';

/** Every migration, in order. Versions start at 1 and rise by one. */
export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010, m0011, m0012, m0013, m0014];

export const LATEST_VERSION = MIGRATIONS.length === 0 ? 0 : MIGRATIONS[MIGRATIONS.length - 1]!.version;
