/** An empty map: what to do first (add or import people; on a tender map, pick people of the account). */
import { useTranslation } from 'react-i18next';
import type { StakeholderMap } from '../../../../shared/api/stakeholders';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import type { Selection } from './useMapSelection';

export function MapEmpty({ map, onSelect, onImport }: { map: StakeholderMap; onSelect: (next: Selection) => void; onImport: () => void }) {
  const { t } = useTranslation();
  const tender = map.tender;
  return (
    <div className="map-empty">
      {tender === null ? (
        <EmptyState
          icon="stakeholders"
          title={t('mapper.empty.title')}
          actions={
            <>
              <Button variant="primary" icon="plus" onClick={() => onSelect({ kind: 'new', reportsTo: null })}>
                {t('mapper.empty.add')}
              </Button>
              <Button icon="upload" onClick={onImport}>
                {t('mapper.empty.import')}
              </Button>
            </>
          }
        >
          <p>{t('mapper.empty.body')}</p>
          <p className="muted">{t('stakeholders.points.levels')}</p>
        </EmptyState>
      ) : (
        <EmptyState
          icon="stakeholders"
          title={t('mapper.empty.tenderTitle', { tender: tender.name })}
          actions={
            <>
              <Button variant="primary" icon="accounts" onClick={() => onSelect({ kind: 'members' })} disabled={map.notOnMap.length === 0}>
                {t('mapper.empty.pick')}
              </Button>
              <Button icon="plus" onClick={() => onSelect({ kind: 'new', reportsTo: null })}>
                {t('mapper.empty.add')}
              </Button>
            </>
          }
        >
          <p>{t('mapper.empty.tenderBody')}</p>
        </EmptyState>
      )}
    </div>
  );
}
