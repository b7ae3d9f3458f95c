// What each undoable map command undoes and redoes (renderer/src/features/stakeholders/commands.ts):
// pure, with a fake API that records the calls.
import { describe, expect, it } from 'vitest';
import type { MapMember } from '../../shared/api/stakeholders';
import type { MapLine } from '../../shared/domain/stakeholders';
import * as cmd from '../../renderer/src/features/stakeholders/commands';

function fakeApi() {
  const calls: [string, unknown][] = [];
  let nextLine = 100;
  const call = (async (method: string, args: Record<string, unknown>) => {
    calls.push([method, args]);
    if (method === 'lines-create') return { id: nextLine++, dotted: false, strength: 2, ...args };
    return {};
  }) as unknown as cmd.Call;
  return { call, calls };
}

const member = (p: Partial<MapMember>): MapMember => ({ id: 7, name: '王伟', title: '处长', mapRoles: ['decision-maker'], ...p }) as unknown as MapMember;
const line: MapLine = { id: 5, kind: 'influence', fromId: 1, toId: 2, dotted: false, strength: 3 };

describe('map commands', () => {
  it('an added person: undo deletes, redo brings back', async () => {
    const { call, calls } = fakeApi();
    const step = cmd.personCreated(call, 7, '添加 王伟');
    expect(step.label).toBe('添加 王伟');
    await step.undo();
    await step.redo();
    expect(calls).toEqual([
      ['stakeholders-delete', { id: 7 }],
      ['stakeholders-undelete', { id: 7 }],
    ]);
  });

  it('a deleted person: undo brings back, redo deletes', async () => {
    const { call, calls } = fakeApi();
    const step = cmd.personDeleted(call, 7, 'x');
    await step.undo();
    await step.redo();
    expect(calls).toEqual([
      ['stakeholders-undelete', { id: 7 }],
      ['stakeholders-delete', { id: 7 }],
    ]);
  });

  it('an edit: undo writes back only the fields the patch changed, as they were', async () => {
    const { call, calls } = fakeApi();
    const step = cmd.personUpdated(call, member({}), { title: '副处长' } as never, 'x');
    await step.undo();
    await step.redo();
    expect(calls).toEqual([
      ['stakeholders-update', { id: 7, patch: { title: '处长' } }],
      ['stakeholders-update', { id: 7, patch: { title: '副处长' } }],
    ]);
  });

  it('bid roles: undo sets the roles the member had', async () => {
    const { call, calls } = fakeApi();
    const step = cmd.bidRolesSet(call, 3, member({}), ['user'] as never, 'x');
    await step.undo();
    await step.redo();
    expect(calls).toEqual([
      ['tender-members-set', { tenderId: 3, add: [{ stakeholderId: 7, roles: ['decision-maker'] }] }],
      ['tender-members-set', { tenderId: 3, add: [{ stakeholderId: 7, roles: ['user'] }] }],
    ]);
  });

  it('taken off a tender map: undo puts them back with their roles', async () => {
    const { call, calls } = fakeApi();
    const step = cmd.removedFromTender(call, 3, member({}), 'x');
    await step.undo();
    await step.redo();
    expect(calls).toEqual([
      ['tender-members-set', { tenderId: 3, add: [{ stakeholderId: 7, roles: ['decision-maker'] }] }],
      ['tender-members-set', { tenderId: 3, remove: [7] }],
    ]);
  });

  it('people put on a tender map: undo takes them off', async () => {
    const { call, calls } = fakeApi();
    const step = cmd.membersAdded(call, 3, [7, 8], 'x');
    await step.undo();
    await step.redo();
    expect(calls).toEqual([
      ['tender-members-set', { tenderId: 3, remove: [7, 8] }],
      ['tender-members-set', { tenderId: 3, add: [{ stakeholderId: 7 }, { stakeholderId: 8 }] }],
    ]);
  });

  it('a drawn line: undo deletes it; redo draws it again and a second undo deletes the new one', async () => {
    const { call, calls } = fakeApi();
    const step = cmd.lineAdded(call, { ...line, dotted: true }, 'x');
    await step.undo();
    await step.redo();
    await step.undo();
    expect(calls).toEqual([
      ['lines-delete', { id: 5 }],
      ['lines-create', { kind: 'influence', fromId: 1, toId: 2, dotted: true, strength: 3 }],
      ['lines-delete', { id: 100 }],
    ]);
  });

  it('a deleted line: undo draws it again; redo deletes the one drawn', async () => {
    const { call, calls } = fakeApi();
    const step = cmd.lineDeleted(call, line, 'x');
    await step.undo();
    await step.redo();
    expect(calls).toEqual([
      ['lines-create', { kind: 'influence', fromId: 1, toId: 2, dotted: false, strength: 3 }],
      ['lines-delete', { id: 100 }],
    ]);
  });

  it('an edited line: undo writes back only what the patch changed', async () => {
    const { call, calls } = fakeApi();
    expect(cmd.lineBefore(line, { dotted: true })).toEqual({ dotted: false });
    expect(cmd.lineBefore(line, { strength: 1 })).toEqual({ strength: 3 });
    const step = cmd.lineUpdated(call, line, { strength: 1 }, 'x');
    await step.undo();
    await step.redo();
    expect(calls).toEqual([
      ['lines-update', { id: 5, strength: 3 }],
      ['lines-update', { id: 5, strength: 1 }],
    ]);
  });

  it('moved cards and a re-layout undo through the functions given', async () => {
    const saved: unknown[] = [];
    const save = async (list: cmd.Position[]) => void saved.push(list);
    const before = [{ id: 1, x: 0, y: 0 }];
    const after = [{ id: 1, x: 50, y: 10 }];
    const moved = cmd.positionsMoved(save, before, after, 'x');
    await moved.undo();
    await moved.redo();
    expect(saved).toEqual([before, after]);
    let resets = 0;
    const relaid = cmd.relaidOut(async () => resets++, save, before, 'y');
    await relaid.undo();
    await relaid.redo();
    expect(saved).toEqual([before, after, before]);
    expect(resets).toBe(1);
  });
});
