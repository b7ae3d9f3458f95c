/**
 * The map's undoable changes as the panels and dialogs call them: each does its change through the
 * map's queue (after pinning an automatic layout), then records the step from commands.ts.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapMember, StakeholderMap } from '../../../../shared/api/stakeholders';
import type { MapLine } from '../../../../shared/domain/stakeholders';
import { api } from '../../api/client';
import { errorText } from '../../lib/errors';
import { useNotice } from '../../ui/Notice';
import * as cmd from './commands';
import { NODE_H, NODE_W } from './graph';
import type { History } from './history';
import type { LineActions } from './LinePanel';
import type { PersonActions } from './PersonPanel';
import { spotUnder } from './read-model';
import type { MapFocus } from './useMapFocus';
import type { MapLayout, MapRef } from './useMapLayout';
import type { MapSelection } from './useMapSelection';

export interface MapCommands {
  personActions: PersonActions;
  lineActions: LineActions;
  /** Draws a line; `show`: select it afterwards (a line drawn on the canvas, not one added from a person's panel). */
  addLine: (kind: MapLine['kind'], fromId: number, toId: number, show?: boolean) => Promise<void>;
  deletePerson: (member: MapMember) => Promise<void>;
  relayout: () => Promise<void>;
  addMembers: (ids: number[]) => Promise<void>;
  /** A confirmed delete or re-layout is under way. */
  busy: boolean;
}

interface Deps {
  map: StakeholderMap;
  mapRef: MapRef;
  tenderId: number | null;
  names: ReadonlyMap<number, string>;
  history: History;
  layout: MapLayout;
  selection: MapSelection;
  focus: MapFocus;
  /** Selects a person and brings them into view. */
  focusPerson: (id: number) => void;
}

export function useMapCommands({ map, mapRef, tenderId, names, history, layout, selection, focus, focusPerson }: Deps): MapCommands {
  const { t } = useTranslation();
  const notice = useNotice();
  const [busy, setBusy] = useState(false);
  const { lines } = map;
  const { pinAll, savePositions } = layout;
  const { requestSelect, forceSelect, setConfirm } = selection;
  const name = (id: number) => names.get(id) ?? '';

  const addLine = async (kind: MapLine['kind'], fromId: number, toId: number, show = false): Promise<void> => {
    const existing = lines.find((l) => l.kind === kind && l.fromId === fromId && l.toId === toId);
    if (existing) {
      notice.success(t('mapper.line.exists'));
      if (show) requestSelect({ kind: 'line', id: existing.id });
      return;
    }
    const line = await history.run(async () => {
      await pinAll();
      return api('lines-create', { kind, fromId, toId });
    });
    const label = kind === 'reports' ? t('mapper.steps.addReports', { from: name(fromId), to: name(toId) }) : t('mapper.steps.addInfluence', { from: name(fromId), to: name(toId) });
    history.push(cmd.lineAdded(api, line, label));
    notice.success(label);
    if (show) requestSelect({ kind: 'line', id: line.id });
  };

  const personActions: PersonActions = {
    create: async (fields, reportsTo) => {
      const spot = reportsTo !== null ? spotUnder(reportsTo, lines, layout.placement.positions, { width: NODE_W, height: NODE_H }) : null;
      const created = await history.run(async () => {
        await pinAll();
        const made = await api('stakeholders-create', { ...fields, ...mapRef, ...(reportsTo !== null ? { reportsTo } : {}) });
        if (spot) await savePositions([{ id: made.id, ...spot }]).catch(() => undefined);
        return made;
      });
      history.push(cmd.personCreated(api, created.id, t('mapper.steps.add', { name: created.name })));
      notice.success(t('mapper.person.created', { name: created.name }));
      forceSelect({ kind: 'person', id: created.id });
      focus.centreOn(created.id);
      return created;
    },
    update: async (member, patch) => {
      const saved = await history.run(() => api('stakeholders-update', { id: member.id, patch }));
      history.push(cmd.personUpdated(api, member, patch, t('mapper.steps.edit', { name: saved.name })));
      notice.success(t('mapper.person.saved', { name: saved.name }));
    },
    setBidRoles: async (member, roles) => {
      if (tenderId === null) return;
      await history.run(() => cmd.setBidRoles(api, tenderId, member.id, roles));
      history.push(cmd.bidRolesSet(api, tenderId, member, roles, t('mapper.steps.bidRoles', { name: member.name })));
    },
    askDelete: (member) => setConfirm({ kind: 'delete', member }),
    removeFromTender: async (member) => {
      if (tenderId === null) return;
      await history.run(async () => {
        await pinAll();
        await cmd.removeFromTender(api, tenderId, member.id);
      });
      history.push(cmd.removedFromTender(api, tenderId, member, t('mapper.steps.removeFromTender', { name: member.name })));
      notice.success(t('mapper.person.removedFromTender', { name: member.name }));
      forceSelect(null);
    },
    addLine: async (kind, fromId, toId) => {
      await addLine(kind, fromId, toId);
    },
    selectPerson: (id) => focusPerson(id),
    selectLine: (id) => requestSelect({ kind: 'line', id }),
    close: () => {
      const sel = selection.sel;
      const id = sel?.kind === 'person' ? sel.id : null;
      requestSelect(null);
      if (id !== null) focus.focusCard(id);
    },
  };

  const lineActions: LineActions = {
    update: async (line, patch) => {
      await history.run(async () => {
        await pinAll();
        await api('lines-update', { id: line.id, ...patch });
      });
      history.push(cmd.lineUpdated(api, line, patch, t('mapper.steps.editLine', { from: name(line.fromId), to: name(line.toId) })));
    },
    remove: async (line) => {
      await history.run(async () => {
        await pinAll();
        await api('lines-delete', { id: line.id });
      });
      const label = t('mapper.steps.deleteLine', { from: name(line.fromId), to: name(line.toId) });
      history.push(cmd.lineDeleted(api, line, label));
      notice.success(label);
      forceSelect(null);
    },
    selectPerson: (id) => focusPerson(id),
    close: () => forceSelect(null),
  };

  const deletePerson = async (member: MapMember) => {
    setBusy(true);
    try {
      await history.run(async () => {
        await pinAll();
        await api('stakeholders-delete', { id: member.id });
      });
      history.push(cmd.personDeleted(api, member.id, t('mapper.steps.delete', { name: member.name })));
      forceSelect(null);
      setConfirm(null);
      notice.success(t('mapper.person.deleted', { name: member.name }), {
        duration: 10_000,
        action: { label: t('mapper.history.undo'), onClick: () => history.undo() },
      });
    } catch (e) {
      notice.error(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const relayout = async () => {
    setBusy(true);
    const before = layout.saved();
    const reset = async () => {
      await layout.reset();
      focus.fit();
    };
    const restore = async (list: cmd.Position[]) => {
      if (list.length > 0) await savePositions(list);
      focus.fit();
    };
    try {
      await history.run(reset);
      history.push(cmd.relaidOut(reset, restore, before, t('mapper.steps.relayout')));
      setConfirm(null);
    } catch (e) {
      notice.error(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const addMembers = async (ids: number[]) => {
    if (tenderId === null || ids.length === 0) return;
    await history.run(async () => {
      await pinAll();
      await cmd.addMembers(api, tenderId, ids);
    });
    history.push(cmd.membersAdded(api, tenderId, ids, t('mapper.steps.addMembers', { n: ids.length })));
    notice.success(t('mapper.members.added', { n: ids.length }));
  };

  return { personActions, lineActions, addLine, deletePerson, relayout, addMembers, busy };
}
