import type { Migration } from './types';

/**
 * PLACEHOLDER on the `capacity` branch only: version 13 belongs to the health work of issue 16
 * (merged separately). It changes nothing; it exists so that 0014 (service capacity) can keep its
 * number here (versions rise by one). Drop this file, its line in index.ts and its test block when
 * the health branch's 0013 is merged.
 */
export const m0013: Migration = {
  version: 13,
  name: 'reserved',
  up() {},
};
