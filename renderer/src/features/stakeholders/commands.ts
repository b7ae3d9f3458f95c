/**
 * What each undoable map command undoes and redoes (pure: the API comes in as `call`, the label as
 * text). The screen does a change, then pushes the step built here onto the map's undo queue
 * (history.ts, lib/undo.ts). Unit tests: test/unit/map-commands.test.ts.
 */
import type { Args, Method, Result } from '../../../../shared/api/contract';
import type { MapMember, stakeholderFieldsSchema } from '../../../../shared/api/stakeholders';
import type { BuyingRole, LineStrength, MapLine } from '../../../../shared/domain/stakeholders';
import type { z } from 'zod';
import type { Position } from './read-model';

export type { Position };

/** The typed API call (api/client's `api`, or a fake in tests). */
export type Call = <M extends Method>(method: M, args: Args<M>) => Promise<Result<M>>;

type Fields = z.infer<typeof stakeholderFieldsSchema>;
export type LinePatch = { dotted?: boolean; strength?: LineStrength };

export interface Step {
  /** What the step did, e.g. "添加 王伟": shown as "已撤销：添加 王伟". */
  label: string;
  undo: () => Promise<unknown>;
  redo: () => Promise<unknown>;
}

/** A person was added: undo deletes them, redo brings them back. */
export function personCreated(call: Call, id: number, label: string): Step {
  return { label, undo: () => call('stakeholders-delete', { id }), redo: () => call('stakeholders-undelete', { id }) };
}

/** A person was deleted: undo brings them back, redo deletes them again. */
export function personDeleted(call: Call, id: number, label: string): Step {
  return { label, undo: () => call('stakeholders-undelete', { id }), redo: () => call('stakeholders-delete', { id }) };
}

/** The member's values of the fields a patch changes (what an undo writes back). */
export function fieldsBefore(member: MapMember, patch: Fields): Fields {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(patch)) out[k] = member[k as keyof MapMember];
  return out as Fields;
}

/** A person was edited: undo writes back the fields as they were, redo the patch again. */
export function personUpdated(call: Call, member: MapMember, patch: Fields, label: string): Step {
  const before = fieldsBefore(member, patch);
  return {
    label,
    undo: () => call('stakeholders-update', { id: member.id, patch: before }),
    redo: () => call('stakeholders-update', { id: member.id, patch }),
  };
}

/** Sets a member's bid roles on a tender map. */
export function setBidRoles(call: Call, tenderId: number, memberId: number, roles: BuyingRole[]): Promise<unknown> {
  return call('tender-members-set', { tenderId, add: [{ stakeholderId: memberId, roles }] });
}

/** A member's bid roles were set: undo sets the ones they had. */
export function bidRolesSet(call: Call, tenderId: number, member: MapMember, roles: BuyingRole[], label: string): Step {
  const before: BuyingRole[] = member.mapRoles;
  return { label, undo: () => setBidRoles(call, tenderId, member.id, before), redo: () => setBidRoles(call, tenderId, member.id, roles) };
}

export function removeFromTender(call: Call, tenderId: number, memberId: number): Promise<unknown> {
  return call('tender-members-set', { tenderId, remove: [memberId] });
}

/** A person was taken off a tender map: undo puts them back with the roles they had. */
export function removedFromTender(call: Call, tenderId: number, member: MapMember, label: string): Step {
  return {
    label,
    undo: () => call('tender-members-set', { tenderId, add: [{ stakeholderId: member.id, roles: member.mapRoles }] }),
    redo: () => removeFromTender(call, tenderId, member.id),
  };
}

export function addMembers(call: Call, tenderId: number, ids: number[]): Promise<unknown> {
  return call('tender-members-set', { tenderId, add: ids.map((id) => ({ stakeholderId: id })) });
}

/** People were put on a tender map: undo takes them off. */
export function membersAdded(call: Call, tenderId: number, ids: number[], label: string): Step {
  return { label, undo: () => call('tender-members-set', { tenderId, remove: ids }), redo: () => addMembers(call, tenderId, ids) };
}

/** A line was drawn: undo deletes it, redo draws it again (a new line, with the id it then gets). */
export function lineAdded(call: Call, line: Result<'lines-create'>, label: string): Step {
  const entry = { line };
  return {
    label,
    undo: () => call('lines-delete', { id: entry.line.id }),
    redo: async () => {
      const l = entry.line;
      entry.line = await call('lines-create', { kind: l.kind, fromId: l.fromId, toId: l.toId, dotted: l.dotted, strength: l.strength });
    },
  };
}

/** The line's values of what a patch changes. */
export function lineBefore(line: MapLine, patch: LinePatch): LinePatch {
  return { ...(patch.dotted !== undefined ? { dotted: line.dotted } : {}), ...(patch.strength !== undefined ? { strength: line.strength } : {}) };
}

/** A line was edited (dotted, strength): undo writes back what it was. */
export function lineUpdated(call: Call, line: MapLine, patch: LinePatch, label: string): Step {
  const before = lineBefore(line, patch);
  return { label, undo: () => call('lines-update', { id: line.id, ...before }), redo: () => call('lines-update', { id: line.id, ...patch }) };
}

/** A line was deleted: undo draws it again (a new id), redo deletes that one. */
export function lineDeleted(call: Call, line: MapLine, label: string): Step {
  const entry = { line };
  return {
    label,
    undo: async () => {
      entry.line = await call('lines-create', { kind: line.kind, fromId: line.fromId, toId: line.toId, dotted: line.dotted, strength: line.strength as LineStrength });
    },
    redo: () => call('lines-delete', { id: entry.line.id }),
  };
}

/** Cards were dragged: undo puts them back where they were, redo where they were dropped. */
export function positionsMoved(save: (list: Position[]) => Promise<unknown>, before: Position[], after: Position[], label: string): Step {
  return { label, undo: () => save(before), redo: () => save(after) };
}

/** The map was laid out afresh: undo saves everyone's place as it was (and fits the view). */
export function relaidOut(reset: () => Promise<unknown>, restore: (before: Position[]) => Promise<unknown>, before: Position[], label: string): Step {
  return { label, undo: () => restore(before), redo: reset };
}
