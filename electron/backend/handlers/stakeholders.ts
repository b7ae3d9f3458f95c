import { DEFAULT_STALE_DAYS } from '../../../shared/domain/stakeholders';
import { compareSnapshots, deleteSnapshot, listSnapshots, saveSnapshot } from '../db/repos/map-snapshots';
import { saveLayout } from '../db/repos/stakeholders/layout';
import { createLine, deleteLine, updateLine } from '../db/repos/stakeholders/lines';
import { getMap, listMaps } from '../db/repos/stakeholders/map-read';
import { createStakeholder, deleteStakeholder, listStakeholders, undeleteStakeholder, updateStakeholder } from '../db/repos/stakeholders/people';
import { setTenderMembers } from '../db/repos/stakeholders/tenders';
import { exportMap } from '../exports/map-export';
import { importBytes } from '../import/import-file';
import { importStakeholders, previewStakeholderImport } from '../import/stakeholder-import';
import type { HandlerGroup } from './types';

export const stakeholderHandlers: HandlerGroup<
  | 'maps-list'
  | 'map-get'
  | 'stakeholders-create'
  | 'stakeholders-update'
  | 'stakeholders-delete'
  | 'stakeholders-undelete'
  | 'stakeholders-list'
  | 'lines-create'
  | 'lines-update'
  | 'lines-delete'
  | 'map-layout-save'
  | 'tender-members-set'
  | 'coverage-get'
  | 'stakeholders-import-preview'
  | 'stakeholders-import'
  | 'map-export'
  | 'map-snapshots-list'
  | 'map-snapshot-save'
  | 'map-snapshot-delete'
  | 'map-snapshots-compare'
> = {
  'maps-list': ({ db, today }, { today: day }) => listMaps(db(), today(day)),
  'map-get': ({ db, today }, { accountId, tenderId, staleDays, today: day }) =>
    getMap(db(), accountId, tenderId ?? null, { today: today(day), staleDays: staleDays ?? DEFAULT_STALE_DAYS }),
  'coverage-get': ({ db, today }, { accountId, tenderId, staleDays, today: day }) =>
    getMap(db(), accountId, tenderId ?? null, { today: today(day), staleDays: staleDays ?? DEFAULT_STALE_DAYS }).coverage,
  'stakeholders-list': ({ db, today }, { accountId }) => listStakeholders(db(), accountId, today()),

  'stakeholders-create': ({ db, now, today }, args) => createStakeholder(db(), args, now(), today()),
  'stakeholders-update': ({ db, now, today }, { id, patch }) => updateStakeholder(db(), id, patch, now(), today()),
  'stakeholders-delete': ({ db, now }, { id }) => deleteStakeholder(db(), id, now()),
  'stakeholders-undelete': ({ db, now, today }, { id }) => undeleteStakeholder(db(), id, now(), today()),

  'lines-create': ({ db, now }, l) => createLine(db(), l, now()),
  'lines-update': ({ db }, { id, ...patch }) => updateLine(db(), id, patch),
  'lines-delete': ({ db }, { id }) => deleteLine(db(), id),

  'map-layout-save': ({ db }, args) => saveLayout(db(), args),
  'tender-members-set': ({ db }, { tenderId, add, remove }) => setTenderMembers(db(), tenderId, add ?? [], remove ?? []),

  'stakeholders-import-preview': ({ db }, args) => previewStakeholderImport(db(), args.accountId, importBytes(args), args.fileName, args.map),
  'stakeholders-import': async (ctx, args) => {
    const { accountId, fileName, map, skipInvalid, dryRun, inferLevels } = args;
    const report = await importStakeholders(ctx.db(), accountId, importBytes(args), fileName, { map, skipInvalid, dryRun, inferLevels }, ctx.now());
    if (report.dryRun || report.rejected || report.created + report.updated === 0) ctx.nothingChanged();
    return report;
  },

  'map-export': ({ db, printer, today }, { accountId, tenderId, format, locale, safe, today: day }) =>
    exportMap(db(), printer, { accountId, tenderId: tenderId ?? null, format, locale, safe: !!safe, today: today(day) }),

  'map-snapshots-list': ({ db }, { accountId, tenderId }) => listSnapshots(db(), accountId, tenderId ?? null),
  'map-snapshot-save': ({ db, now, today }, { accountId, tenderId, label, takenOn }) =>
    saveSnapshot(db(), { accountId, tenderId: tenderId ?? null, label, takenOn: takenOn ?? today(), today: today() }, now()),
  'map-snapshot-delete': ({ db }, { id }) => deleteSnapshot(db(), id),
  'map-snapshots-compare': ({ db, today }, { from, to }) => compareSnapshots(db(), from, to, today()),
};
