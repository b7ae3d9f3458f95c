/**
 * The sample workspace's board: every account placed on the built-in matrices where its data
 * points, as the director did at the start of the year, and a few accounts moved since, with the
 * reasons a director would give — so the "changes since" view and the history have something to say.
 */
import type { Database as Db } from 'better-sqlite3';
import { addDays } from '../../../shared/domain/dates';
import { suggestQuadrant } from '../../../shared/domain/quadrants';
import { queryAccountRows } from '../db/repos/account-query';
import { getMatrix, moveAccount } from '../db/repos/board';
import { writeTx } from '../db/tx';
import type { Locale } from '../../../shared/i18n';

/** Why a director moved an account mid-year, by where it went (value x potential). */
const REASONS = {
  'zh-CN': {
    first: '年初组合盘点',
    moves: {
      star: '年中复盘：收入增长超预期',
      'rising-star': '新项目中标，潜力上调',
      'cash-cow': '客户预算削减，增长放缓',
      dog: '服务投诉多，需控制投入',
    } as Record<string, string>,
  },
  en: {
    first: 'Start-of-year portfolio review',
    moves: {
      star: 'Mid-year review: revenue grew faster than planned',
      'rising-star': 'Won a new project; potential raised',
      'cash-cow': 'Budget cut, growth slowing',
      dog: 'Many service complaints; control spending',
    } as Record<string, string>,
  },
};

/** Quadrants of the top row (high potential): a high-potential account stays in one of them. */
const TOP = new Set(['tl', 'tr']);

export function placeSample(db: Db, locale: Locale, today: string, director: string): void {
  const rows = queryAccountRows(db, {}, today).rows;
  const start = new Date(`${addDays(today, -150)}T09:00:00Z`);
  const later = new Date(`${addDays(today, -40)}T15:30:00Z`);
  const words = REASONS[locale];
  writeTx(db, () => {
    for (const key of ['value-potential', 'importance-urgency']) {
      const matrix = getMatrix(db, key);
      rows.forEach((r, i) => {
        const q = suggestQuadrant(matrix, r);
        if (!q) return;
        moveAccount(db, key, r.id, q, words.first, new Date(start.getTime() + i * 60_000), director);
        // Every seventh account was moved since: the forum will ask why. The move agrees with the
        // model: an account of high potential is kept in the top row (invested in, never cut).
        if (key === 'value-potential' && i % 7 === 3) {
          const others = matrix.quadrants.filter((x) => x.key !== q && (r.growthPotential !== 'high' || TOP.has(x.position))).map((x) => x.key);
          const to = others[i % others.length];
          if (!to) return;
          moveAccount(db, key, r.id, to, words.moves[to] ?? '', new Date(later.getTime() + i * 60_000), director);
        }
      });
    }
  });
}
