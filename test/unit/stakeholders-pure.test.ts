/**
 * The stakeholder map's pure parts, without SQLite: reporting circles on a graph in memory
 * (./cycles; and that the stored lines' recursive query agrees with it) and the read model's shaping (./map-shape): members with the roles that count on the
 * map, lines between members, who is not on a tender map, the list of maps' gap counts.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { closesStoredReportingCycle } from '../../electron/backend/db/repos/stakeholders/lines';
import { useTestEnv } from './helpers';
import { closesReportingCycle, managersIn, wayUp } from '../../electron/backend/db/repos/stakeholders/cycles';
import {
  linesBetween,
  shapeMap,
  summariseMaps,
  toMapMember,
  toMapMembers,
  type MemberRow,
  type SummaryPersonRow,
} from '../../electron/backend/db/repos/stakeholders/map-shape';
import type { MapLine } from '../../shared/domain/stakeholders';

const lines = (pairs: [number, number][]) => pairs.map(([fromId, toId]) => ({ fromId, toId }));

describe('reporting circles in memory', () => {
  // 4 -> 2 -> 1, 3 -> 1, 5 -> 4 and 5 -> 3 (a dotted second manager)
  const up = managersIn(lines([[4, 2], [2, 1], [3, 1], [5, 4], [5, 3]]));

  it('refuses a line that makes someone report, through others, to themselves', () => {
    expect(closesReportingCycle(up, 1, 5)).toBe(true); // 5 is below 1
    expect(closesReportingCycle(up, 2, 4)).toBe(true);
    expect(closesReportingCycle(up, 3, 5)).toBe(true); // through the second manager
    expect(closesReportingCycle(up, 7, 7)).toBe(true);
  });

  it('allows lines that close nothing: sideways, upwards, to strangers', () => {
    expect(closesReportingCycle(up, 4, 3)).toBe(false);
    expect(closesReportingCycle(up, 5, 1)).toBe(false);
    expect(closesReportingCycle(up, 1, 9)).toBe(false);
    expect(closesReportingCycle(managersIn([]), 1, 2)).toBe(false);
  });

  it('names the shortest way up, both ends included, and ends on a graph that already has a circle', () => {
    expect(wayUp(up, 5, 1)).toEqual([5, 3, 1]);
    expect(wayUp(up, 5, 2)).toEqual([5, 4, 2]);
    expect(wayUp(up, 4, 4)).toEqual([4]);
    expect(wayUp(up, 1, 4)).toBeNull();
    const ring = managersIn(lines([[1, 2], [2, 3], [3, 1]]));
    expect(wayUp(ring, 1, 9)).toBeNull();
    expect(wayUp(ring, 2, 1)).toEqual([2, 3, 1]);
  });

  it('works on any node type (the importer walks "id:N" and "new:NAME" nodes)', () => {
    const m = managersIn([{ fromId: 'new:甲', toId: 'id:1' }, { fromId: 'id:1', toId: 'new:乙' }]);
    expect(wayUp(m, 'id:1', 'new:乙')).toEqual(['id:1', 'new:乙']);
    expect(closesReportingCycle(m, 'new:乙', 'new:甲')).toBe(true);
  });
});

describe('the stored lines follow the same rule', () => {
  const env = useTestEnv();
  it('agrees with the in-memory rule on random graphs, influence lines ignored', () => {
    const db = new Database(env.file('lines.db'));
    try {
      db.exec('CREATE TABLE stakeholder_lines (from_id INTEGER, to_id INTEGER, kind TEXT)');
      let seed = 7;
      const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
      for (let g = 0; g < 20; g++) {
        db.exec('DELETE FROM stakeholder_lines');
        const reports: { fromId: number; toId: number }[] = [];
        const ins = db.prepare('INSERT INTO stakeholder_lines VALUES (?, ?, ?)');
        for (let i = 0; i < 25; i++) {
          const from = rnd(12);
          const to = rnd(12);
          const kind = rnd(3) === 0 ? 'influence' : 'reports';
          ins.run(from, to, kind);
          if (kind === 'reports') reports.push({ fromId: from, toId: to });
        }
        const up = managersIn(reports);
        for (let a = 0; a < 12; a++) for (let b = 0; b < 12; b++) expect(closesStoredReportingCycle(db, a, b), `graph ${g}: ${a} -> ${b}`).toBe(closesReportingCycle(up, a, b));
      }
    } finally {
      db.close();
    }
  });
});

function row(id: number, name: string, extra: Partial<MemberRow> = {}): MemberRow {
  return {
    id,
    account_id: 1,
    name,
    title: '',
    department: '',
    level: null,
    roles: '[]',
    influence: null,
    attitude: null,
    strength: 'none',
    owner_id: null,
    owner_name: null,
    last_contact_set: null,
    favours_competitor: '',
    org_wins: '',
    personal_wins: '',
    interests: '',
    notes: '',
    deleted_at: null,
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
    bid_roles: null,
    x: null,
    y: null,
    collapsed: null,
    ...extra,
  };
}

const line = (id: number, fromId: number, toId: number): MapLine => ({ id, kind: 'reports', fromId, toId, dotted: false, strength: 2 });

describe('the map read model', () => {
  it('a member takes the tender bid roles when it has any, else its own', () => {
    const own = toMapMember(row(1, '王伟', { roles: '["decision-maker"]' }), null);
    expect(own.mapRoles).toEqual(['decision-maker']);
    const bid = toMapMember(row(1, '王伟', { roles: '["decision-maker"]', bid_roles: '["evaluator"]', x: 10, y: 20, collapsed: 1 }), null);
    expect(bid).toMatchObject({ roles: ['decision-maker'], mapRoles: ['evaluator'], x: 10, y: 20, collapsed: true });
    expect(toMapMember(row(1, '王伟', { roles: '["user"]', bid_roles: '[]' }), null).mapRoles).toEqual(['user']);
  });

  it('last contact is the later of the typed date and the latest interaction naming the person, planned ones not counted', () => {
    const members = toMapMembers(
      [row(1, '王伟', { last_contact_set: '2026-02-01' }), row(2, '李娜')],
      [
        { date: '2026-09-01', people: '李娜' },
        { date: '2026-03-01', people: '王伟、李娜' },
      ],
      '2026-06-01',
    );
    expect(members.map((m) => m.lastContact)).toEqual(['2026-03-01', '2026-03-01']);
  });

  it('keeps the lines between members only and lists who is not on a tender map', () => {
    const ls = [line(1, 1, 2), line(2, 2, 3), line(3, 3, 1)];
    expect(linesBetween(ls, new Set([1, 2])).map((l) => l.id)).toEqual([1]);
    const tender = { id: 7, name: '二期', stage: 'lead', bidDate: null, people: 2 };
    const people = [{ id: 1, name: '王伟', title: '' }, { id: 2, name: '李娜', title: '' }, { id: 3, name: '张强', title: '处长' }];
    const base = { account: { id: 1, name: '国能' }, tenders: [tender], people, lines: ls, today: '2026-06-01' };
    const members = toMapMembers([row(1, '王伟'), row(2, '李娜')], [], '2026-06-01');
    const onTender = shapeMap({ ...base, tender, members });
    expect(onTender.tender).toEqual(tender);
    expect(onTender.notOnMap).toEqual([{ id: 3, name: '张强', title: '处长' }]);
    expect(onTender.lines.map((l) => l.id)).toEqual([1]);
    expect(onTender.coverage).toBeDefined();
    const accountMap = shapeMap({ ...base, tender: null, members });
    expect(accountMap.tender).toBeNull();
    expect(accountMap.notOnMap).toEqual([]);
  });

  it('the list of maps counts gaps per account; an account without people has none', () => {
    const accounts = [
      { accountId: 1, accountName: '国能', tierKey: null, ownerName: null, people: 1, updatedAt: null, tenders: 0 },
      { accountId: 2, accountName: '华夏', tierKey: null, ownerName: null, people: 0, updatedAt: null, tenders: 0 },
    ];
    const decider: SummaryPersonRow = [1, 10, '王伟', '', '', 'top', '["decision-maker"]', 'high', -2, 'none', null, null, null];
    const out = summariseMaps(accounts, [decider], new Map(), '2026-06-01');
    expect(out[1]).toMatchObject({ accountId: 2, gaps: 0, deciderGaps: 0 });
    expect(out[0]!.gaps).toBeGreaterThan(0);
    expect(out[0]!.deciderGaps).toBe(1);
  });
});
