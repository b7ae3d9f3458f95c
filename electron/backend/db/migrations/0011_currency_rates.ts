import type { Migration } from './types';

/**
 * Portfolio figures in one currency (shared/domain/fx.ts): the reporting currency (settings key
 * `reporting.currency`, default CNY when absent) and one dated rate per other currency, as the
 * reporting currency's minor units per 1 of that currency times 1,000,000 (`rate_micro`: 1 USD =
 * 7.1 CNY is 7100000). Integers only, so conversions are exact integer arithmetic.
 */
export const m0011: Migration = {
  version: 11,
  name: 'currency-rates',
  up(db) {
    db.exec(`
      CREATE TABLE currency_rates (
        currency   TEXT PRIMARY KEY CHECK (currency = 'CNY' OR currency = 'USD' OR currency = 'EUR' OR currency = 'HKD'),
        rate_micro INTEGER NOT NULL CHECK (rate_micro > 0 AND rate_micro <= 1000000000000),
        as_of      TEXT NOT NULL CHECK (as_of GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        updated_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
