/**
 * The stakeholder tables' rows and how they become the API's shapes: a person (stakeholders, with
 * the owner's name joined), a line (stakeholder_lines). No SQL runs here but the SELECT texts.
 */
import type { Stakeholder } from '../../../../../shared/api/stakeholders';
import type { Attitude, BuyingRole, Influence, Level, LineStrength, MapLine, Strength } from '../../../../../shared/domain/stakeholders';
import { laterOf } from './contacts';

export interface StakeholderRow {
  id: number;
  account_id: number;
  name: string;
  title: string;
  department: string;
  level: Level | null;
  roles: string;
  influence: Influence | null;
  attitude: Attitude | null;
  strength: Strength;
  owner_id: number | null;
  owner_name: string | null;
  last_contact_set: string | null;
  favours_competitor: string;
  org_wins: string;
  personal_wins: string;
  interests: string;
  notes: string;
  deleted_at: string | null;
  created_at: string;
  updated_at: string;
}

export const STAKEHOLDER_SELECT = 'SELECT s.*, p.name AS owner_name FROM stakeholders s LEFT JOIN people p ON p.id = s.owner_id';

/** The editable fields: camelCase -> column. */
export const STAKEHOLDER_COLUMNS = {
  name: 'name',
  title: 'title',
  department: 'department',
  level: 'level',
  roles: 'roles',
  influence: 'influence',
  attitude: 'attitude',
  strength: 'strength',
  ownerId: 'owner_id',
  lastContactSet: 'last_contact_set',
  favoursCompetitor: 'favours_competitor',
  orgWins: 'org_wins',
  personalWins: 'personal_wins',
  interests: 'interests',
  notes: 'notes',
} as const;

export interface StakeholderFields {
  name?: string;
  title?: string;
  department?: string;
  level?: Level | null;
  roles?: BuyingRole[];
  influence?: Influence | null;
  attitude?: Attitude | null;
  strength?: Strength;
  ownerId?: number | null;
  lastContactSet?: string | null;
  favoursCompetitor?: string;
  orgWins?: string;
  personalWins?: string;
  interests?: string;
  notes?: string;
}
export type FieldKey = keyof typeof STAKEHOLDER_COLUMNS;
export const FIELD_KEYS = Object.keys(STAKEHOLDER_COLUMNS) as FieldKey[];

/** Roles as stored: a JSON array of known keys, each once, in the vocabulary's order is not required. */
export function rolesOf(json: string): BuyingRole[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? (v.filter((x) => typeof x === 'string') as BuyingRole[]) : [];
  } catch {
    return [];
  }
}

export const uniqueRoles = (roles: readonly BuyingRole[]) => [...new Set(roles)];

/** A field's value as its column stores it. */
export function toDb(k: FieldKey, v: unknown): unknown {
  if (k === 'roles') return JSON.stringify(uniqueRoles(v as BuyingRole[]));
  return v ?? null;
}

export function toStakeholder(r: StakeholderRow, derivedContact: string | null | undefined): Stakeholder {
  return {
    id: r.id,
    accountId: r.account_id,
    name: r.name,
    title: r.title,
    department: r.department,
    level: r.level,
    roles: rolesOf(r.roles),
    influence: r.influence,
    attitude: r.attitude,
    strength: r.strength,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    lastContactSet: r.last_contact_set,
    lastContact: laterOf(r.last_contact_set, derivedContact),
    favoursCompetitor: r.favours_competitor,
    orgWins: r.org_wins,
    personalWins: r.personal_wins,
    interests: r.interests,
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface LineRow {
  id: number;
  account_id: number;
  kind: 'reports' | 'influence';
  from_id: number;
  to_id: number;
  dotted: number;
  strength: number;
}

export const LINE_SELECT = 'SELECT id, account_id, kind, from_id, to_id, dotted, strength FROM stakeholder_lines';

export const toLine = (r: LineRow): MapLine => ({
  id: r.id,
  kind: r.kind,
  fromId: r.from_id,
  toId: r.to_id,
  dotted: r.dotted === 1,
  strength: r.strength as LineStrength,
});
