/** The reporting currency and the dated exchange rates to it (migration 0011; shared/domain/fx.ts). */
import type { Database as Db } from 'better-sqlite3';
import { AppError } from '../../../../shared/api/errors';
import { CURRENCIES, type Currency } from '../../../../shared/domain/enums';
import type { FxRate, FxTable } from '../../../../shared/domain/fx';
import { writeTx } from '../tx';

const REPORTING_KEY = 'reporting.currency';

export function getFxTable(db: Db): FxTable {
  const stored = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(REPORTING_KEY) as string | undefined;
  const reporting: Currency = (CURRENCIES as readonly string[]).includes(stored ?? '') ? (stored as Currency) : 'CNY';
  const rates = db
    .prepare('SELECT currency, rate_micro AS rateMicro, as_of AS asOf FROM currency_rates WHERE currency <> ? ORDER BY currency')
    .all(reporting) as FxRate[];
  return { reporting, rates };
}

/** Replaces the reporting currency and the whole rate table at once (the Settings form saves both). */
export function setFxTable(db: Db, fx: FxTable, now: Date): FxTable {
  const seen = new Set<Currency>();
  for (const r of fx.rates) {
    if (r.currency === fx.reporting || seen.has(r.currency)) {
      throw new AppError('fx-rates-invalid', `${r.currency} is the reporting currency or appears twice.`, { currency: r.currency });
    }
    seen.add(r.currency);
  }
  return writeTx(db, () => {
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(REPORTING_KEY, fx.reporting);
    db.prepare('DELETE FROM currency_rates').run();
    const ins = db.prepare('INSERT INTO currency_rates (currency, rate_micro, as_of, updated_at) VALUES (?, ?, ?, ?)');
    for (const r of fx.rates) ins.run(r.currency, r.rateMicro, r.asOf, now.toISOString());
    return getFxTable(db);
  });
}
