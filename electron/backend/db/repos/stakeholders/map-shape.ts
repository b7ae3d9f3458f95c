/**
 * The map's read model shaped in memory (no database): a member row becomes a map member, a map
 * is its members, the lines between them, who is not on it yet and its coverage; the list of maps
 * is each account's size and gaps. ./map-read runs the queries and hands the rows here.
 */
import type { MapMember, MapSummary, StakeholderMap, TenderRef } from '../../../../../shared/api/stakeholders';
import { analyseCoverage } from '../../../../../shared/domain/coverage';
import { DEFAULT_STALE_DAYS, type Attitude, type Influence, type Level, type MapLine, type MapPerson, type Strength } from '../../../../../shared/domain/stakeholders';
import { laterOf, latestNamed } from './contacts';
import { rolesOf, toStakeholder, type StakeholderRow } from './rows';

/** A person's row on one map: the bid roles of a tender map (null on the account map) and the saved position. */
export interface MemberRow extends StakeholderRow {
  bid_roles: string | null;
  x: number | null;
  y: number | null;
  collapsed: number | null;
}

export function toMapPerson(m: MapMember): MapPerson {
  return {
    id: m.id,
    name: m.name,
    title: m.title,
    department: m.department,
    level: m.level,
    roles: m.mapRoles,
    influence: m.influence,
    attitude: m.attitude,
    strength: m.strength,
    ownerId: m.ownerId,
    ownerName: m.ownerName,
    lastContact: m.lastContact,
  };
}

/** A member with the roles that count on this map: a tender's bid roles when it has any, else the person's own. */
export function toMapMember(r: MemberRow, derivedContact: string | null | undefined): MapMember {
  const base = toStakeholder(r, derivedContact);
  const bid = r.bid_roles === null ? [] : rolesOf(r.bid_roles);
  return { ...base, mapRoles: bid.length > 0 ? bid : base.roles, x: r.x, y: r.y, collapsed: r.collapsed === 1 };
}

/** Members with "last contact" derived from the account's interactions (newest first). */
export function toMapMembers(rows: readonly MemberRow[], interactions: Iterable<{ date: string; people: string }>, today: string): MapMember[] {
  const found = latestNamed(interactions, rows, today);
  return rows.map((r) => toMapMember(r, found.get(r.id)));
}

/** The lines whose both ends are members. */
export function linesBetween<L extends { fromId: number; toId: number }>(lines: readonly L[], memberIds: ReadonlySet<number>): L[] {
  return lines.filter((l) => memberIds.has(l.fromId) && memberIds.has(l.toId));
}

export interface MapParts {
  account: { id: number; name: string };
  tender: TenderRef | null;
  tenders: TenderRef[];
  members: MapMember[];
  /** The account's live people by name (a tender map lists those not on it); ignored for the account map. */
  people: readonly { id: number; name: string; title: string }[];
  /** The account's lines; those between members are kept. */
  lines: readonly MapLine[];
  today: string;
  staleDays?: number | undefined;
}

export function shapeMap(p: MapParts): StakeholderMap {
  const ids = new Set(p.members.map((m) => m.id));
  const t = p.tender;
  return {
    account: { id: p.account.id, name: p.account.name },
    tender: t ? { id: t.id, name: t.name, stage: t.stage, bidDate: t.bidDate, people: t.people } : null,
    tenders: p.tenders,
    members: p.members,
    notOnMap: t === null ? [] : p.people.filter((x) => !ids.has(x.id)),
    lines: linesBetween(p.lines, ids),
    coverage: analyseCoverage(p.members.map(toMapPerson), { today: p.today, staleDays: p.staleDays ?? DEFAULT_STALE_DAYS }),
  };
}

/** One account of the list of maps before its gaps are counted. */
export type MapSummaryBase = Omit<MapSummary, 'gaps' | 'deciderGaps'>;

/** A mapped person as the list of maps reads it (only what the coverage needs), as an array row. */
export type SummaryPersonRow = [
  accountId: number,
  id: number,
  name: string,
  title: string,
  department: string,
  level: Level | null,
  roles: string,
  influence: Influence | null,
  attitude: Attitude | null,
  strength: Strength,
  ownerId: number | null,
  ownerName: string | null,
  lastContactSet: string | null,
];

/** Every account with its map's gaps: the coverage of its people, "last contact" derived from `texts` by account. */
export function summariseMaps(
  accounts: readonly MapSummaryBase[],
  rows: readonly SummaryPersonRow[],
  texts: ReadonlyMap<number, readonly { date: string; people: string }[]>,
  today: string,
): MapSummary[] {
  const byAccount = new Map<number, MapPerson[]>();
  for (const [accountId, id, name, title, department, level, roles, influence, attitude, strength, ownerId, ownerName, lastContact] of rows) {
    let list = byAccount.get(accountId);
    if (!list) byAccount.set(accountId, (list = []));
    list.push({ id, name, title, department, level, roles: rolesOf(roles), influence, attitude, strength, ownerId, ownerName, lastContact });
  }
  return accounts.map((a) => {
    const persons = byAccount.get(a.accountId);
    if (!persons) return { ...a, gaps: 0, deciderGaps: 0 };
    const found = latestNamed(texts.get(a.accountId) ?? [], persons, today);
    for (const p of persons) p.lastContact = laterOf(p.lastContact, found.get(p.id));
    const report = analyseCoverage(persons, { today, staleDays: DEFAULT_STALE_DAYS });
    return { ...a, gaps: report.gaps.length, deciderGaps: report.gaps.filter((g) => g.kind === 'decider-not-supporter').length };
  });
}
