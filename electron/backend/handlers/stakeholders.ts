import { dateOf } from '../../../shared/domain/dates';
import { DEFAULT_STALE_DAYS } from '../../../shared/domain/stakeholders';
import { compareSnapshots, deleteSnapshot, listSnapshots, saveSnapshot } from '../db/repos/map-snapshots';
import { saveLayout } from '../db/repos/stakeholders/layout';
import { createLine, deleteLine, updateLine } from '../db/repos/stakeholders/lines';
import { getMap, listMaps } from '../db/repos/stakeholders/map-read';
import { createStakeholder, deleteStakeholder, listStakeholders, undeleteStakeholder, updateStakeholder } from '../db/repos/stakeholders/people';
import { setTenderMembers } from '../db/repos/stakeholders/tenders';
import type { Db } from '../db/types';
import { importBytes } from '../import/import-file';
import { importStakeholders, previewStakeholderImport } from '../import/stakeholder-import';
import { exportMap } from './map-export';
import type { HandlerContext, HandlerGroup } from './types';

const today = (ctx: HandlerContext, given?: string) => given ?? dateOf(ctx.backend.now());

/** Runs a write and tells every window which tables changed. */
function write<T>(ctx: HandlerContext, tables: string[], fn: (db: Db, now: Date) => T): T {
  const result = fn(ctx.backend.connection(), ctx.backend.now());
  ctx.emit('data-changed', { tables });
  return result;
}

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
  'maps-list': (ctx, { today: day }) => listMaps(ctx.backend.connection(), today(ctx, day)),
  'map-get': (ctx, { accountId, tenderId, staleDays, today: day }) =>
    getMap(ctx.backend.connection(), accountId, tenderId ?? null, { today: today(ctx, day), staleDays: staleDays ?? DEFAULT_STALE_DAYS }),
  'coverage-get': (ctx, { accountId, tenderId, staleDays, today: day }) =>
    getMap(ctx.backend.connection(), accountId, tenderId ?? null, { today: today(ctx, day), staleDays: staleDays ?? DEFAULT_STALE_DAYS }).coverage,
  'stakeholders-list': (ctx, { accountId }) => listStakeholders(ctx.backend.connection(), accountId, today(ctx)),

  'stakeholders-create': (ctx, args) =>
    write(
      ctx,
      ['stakeholders', ...(args.reportsTo != null ? ['stakeholder_lines'] : []), ...(args.tenderId != null ? ['tender_members'] : [])],
      (db, now) => createStakeholder(db, args, now, today(ctx)),
    ),
  'stakeholders-update': (ctx, { id, patch }) => write(ctx, ['stakeholders'], (db, now) => updateStakeholder(db, id, patch, now, today(ctx))),
  'stakeholders-delete': (ctx, { id }) => write(ctx, ['stakeholders'], (db, now) => deleteStakeholder(db, id, now)),
  'stakeholders-undelete': (ctx, { id }) => write(ctx, ['stakeholders'], (db, now) => undeleteStakeholder(db, id, now, today(ctx))),

  'lines-create': (ctx, l) => write(ctx, ['stakeholder_lines'], (db, now) => createLine(db, l, now)),
  'lines-update': (ctx, { id, ...patch }) => write(ctx, ['stakeholder_lines'], (db) => updateLine(db, id, patch)),
  'lines-delete': (ctx, { id }) => write(ctx, ['stakeholder_lines'], (db) => deleteLine(db, id)),

  'map-layout-save': (ctx, args) => write(ctx, ['map_layout'], (db) => saveLayout(db, args)),
  'tender-members-set': (ctx, { tenderId, add, remove }) => write(ctx, ['tender_members'], (db) => setTenderMembers(db, tenderId, add ?? [], remove ?? [])),

  'stakeholders-import-preview': ({ backend }, args) => previewStakeholderImport(backend.connection(), args.accountId, importBytes(args), args.fileName, args.map),
  'stakeholders-import': async ({ backend, emit }, args) => {
    const { accountId, fileName, map, skipInvalid, dryRun, inferLevels } = args;
    const report = await importStakeholders(backend.connection(), accountId, importBytes(args), fileName, { map, skipInvalid, dryRun, inferLevels }, backend.now());
    if (!report.dryRun && !report.rejected && report.created + report.updated > 0) {
      emit('data-changed', { tables: ['stakeholders', 'stakeholder_lines', 'people'] });
    }
    return report;
  },

  'map-export': (ctx, { accountId, tenderId, format, locale, safe, today: day }) =>
    exportMap(ctx.backend, { accountId, tenderId: tenderId ?? null, format, locale, safe: !!safe, today: today(ctx, day) }),

  'map-snapshots-list': (ctx, { accountId, tenderId }) => listSnapshots(ctx.backend.connection(), accountId, tenderId ?? null),
  'map-snapshot-save': (ctx, { accountId, tenderId, label, takenOn }) =>
    write(ctx, ['map_snapshots'], (db, now) =>
      saveSnapshot(db, { accountId, tenderId: tenderId ?? null, label, takenOn: takenOn ?? today(ctx), today: today(ctx) }, now),
    ),
  'map-snapshot-delete': (ctx, { id }) => write(ctx, ['map_snapshots'], (db) => deleteSnapshot(db, id)),
  'map-snapshots-compare': (ctx, { from, to }) => compareSnapshots(ctx.backend.connection(), from, to, today(ctx)),
};
