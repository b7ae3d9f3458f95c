/** The map's dialogs: confirm a delete, a re-layout, throwing away unsaved changes; import; snapshots. */
import { useTranslation } from 'react-i18next';
import type { MapMember, StakeholderMap } from '../../../../shared/api/stakeholders';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useNotice } from '../../ui/Notice';
import { ImportDialog } from './ImportDialog';
import { SnapshotsDialog } from './SnapshotsDialog';
import type { Confirm, Selection } from './useMapSelection';

export type MapDialog = 'import' | 'snapshots';

interface Props {
  map: StakeholderMap;
  safe: boolean;
  confirm: Confirm | null;
  setConfirm: (c: Confirm | null) => void;
  busy: boolean;
  onDelete: (member: MapMember) => Promise<void>;
  onRelayout: () => Promise<void>;
  /** Unsaved changes thrown away: select what was asked for. */
  onDiscard: (next: Selection) => void;
  dialog: MapDialog | null;
  setDialog: (d: MapDialog | null) => void;
  /** People were imported (the view fits the map again). */
  onImported: () => void;
}

export function MapDialogs({ map, safe, confirm, setConfirm, busy, onDelete, onRelayout, onDiscard, dialog, setDialog, onImported }: Props) {
  const { t } = useTranslation();
  const notice = useNotice();
  return (
    <>
      {confirm?.kind === 'delete' ? (
        <ConfirmDialog
          open
          title={t('mapper.confirmDelete.title', { name: confirm.member.name })}
          confirmLabel={t('mapper.confirmDelete.confirm')}
          tone="danger"
          busy={busy}
          onConfirm={() => void onDelete(confirm.member)}
          onCancel={() => setConfirm(null)}
        >
          <p>{t('mapper.confirmDelete.body')}</p>
        </ConfirmDialog>
      ) : null}
      {confirm?.kind === 'relayout' ? (
        <ConfirmDialog
          open
          title={t('mapper.confirmRelayout.title')}
          confirmLabel={t('mapper.confirmRelayout.confirm')}
          busy={busy}
          onConfirm={() => void onRelayout()}
          onCancel={() => setConfirm(null)}
        >
          <p>{t('mapper.confirmRelayout.body')}</p>
        </ConfirmDialog>
      ) : null}
      {confirm?.kind === 'discard' ? (
        <ConfirmDialog
          open
          title={t('mapper.confirmDiscard.title')}
          confirmLabel={t('mapper.confirmDiscard.confirm')}
          tone="danger"
          onConfirm={() => {
            onDiscard(confirm.next);
            setConfirm(null);
          }}
          onCancel={() => setConfirm(null)}
        >
          <p>{t('mapper.confirmDiscard.body')}</p>
        </ConfirmDialog>
      ) : null}
      {dialog === 'import' ? (
        <ImportDialog
          accountId={map.account.id}
          accountName={map.account.name}
          onClose={() => setDialog(null)}
          onDone={(r) => {
            setDialog(null);
            notice.success(t('mapper.import.done', { created: r.created, updated: r.updated, lines: r.linesCreated }));
            onImported();
          }}
        />
      ) : null}
      {dialog === 'snapshots' ? <SnapshotsDialog accountId={map.account.id} tenderId={map.tender?.id ?? null} today={map.coverage.today} safe={safe} onClose={() => setDialog(null)} /> : null}
    </>
  );
}
