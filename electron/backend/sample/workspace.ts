/**
 * The sample workspace (sample-load): generated accounts and people (generate.ts, load.ts), placed
 * on the boards (place.ts), with stakeholder maps (dmu.ts), plans (plans.ts) and a few early
 * warnings of falling health (health.ts).
 */
import { generateSample } from './generate';
import { loadSample } from './load';
import { sampleStakeholders } from './dmu';
import { placeSample } from './place';
import { samplePlans } from './plans';
import { sampleHealthWarnings } from './health';
import type { Db } from '../db/types';
import type { Locale } from '../../../shared/i18n';

export function loadSampleWorkspace(db: Db, opts: { locale: Locale; accounts: number; today: string }, now: Date): { accounts: number } {
  const { locale, today } = opts;
  const ws = generateSample({ locale, accounts: opts.accounts, today });
  const result = loadSample(db, ws, now);
  const director = ws.people.find((p) => p.role === 'director')?.name ?? ws.people[0]?.name ?? 'Keyplan';
  placeSample(db, locale, today, director);
  sampleStakeholders(db, locale, today, now);
  samplePlans(db, locale, today, now);
  sampleHealthWarnings(db, locale, today, now);
  return result;
}
