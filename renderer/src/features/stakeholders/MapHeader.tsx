/** The map's header: back, the account's and tender maps, undo/redo, customer-safe, snapshots, import, export. */
import { useTranslation } from 'react-i18next';
import type { StakeholderMap, TenderRef } from '../../../../shared/api/stakeholders';
import type { Locale } from '../../../../shared/i18n';
import { cx } from '../../lib/cx';
import { formatDate } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/icons';
import { MenuButton } from '../../ui/Menu';
import type { History } from './history';
import { MapIcon } from './MapIcons';
import { MAPS_HREF, mapHref } from './route';
import type { MapFormat } from './useMapExport';

interface Props {
  map: StakeholderMap;
  lang: Locale;
  history: History;
  safe: boolean;
  onSafe: (on: boolean) => void;
  onDialog: (d: 'import' | 'snapshots') => void;
  exporting: boolean;
  onExport: (format: MapFormat) => void;
}

export function MapHeader({ map, lang, history, safe, onSafe, onDialog, exporting, onExport }: Props) {
  const { t } = useTranslation();
  const accountId = map.account.id;
  const tender = map.tender;
  const empty = map.members.length === 0;
  return (
    <header className="map-head">
      <a className="back-link map-head__back" href={MAPS_HREF}>
        <Icon name="arrow-left" size={16} />
        <span>{t('mapper.back')}</span>
      </a>
      <div className="map-head__row">
        <h1 className="map-head__title" tabIndex={-1} title={map.account.name}>
          <span className="visually-hidden">{t('stakeholders.title')}：</span>
          {map.account.name}
        </h1>
        <nav className="map-tabs" aria-label={t('mapper.maps')}>
          <a className="map-tabs__tab" href={mapHref(accountId)} aria-current={tender === null ? 'page' : undefined}>
            {t('mapper.accountMap')}
          </a>
          <TenderPicker accountId={accountId} tenders={map.tenders} tender={tender} lang={lang} />
        </nav>
        <span className="map-head__spacer" />
        <div className="map-tools__group" role="group" aria-label={t('mapper.history.group')}>
          <button
            type="button"
            className="map-icon-btn"
            aria-label={t('mapper.history.undo')}
            title={history.undoLabel ? t('mapper.history.undoWhat', { what: history.undoLabel }) : t('mapper.history.undo')}
            aria-keyshortcuts="Control+Z Meta+Z"
            disabled={!history.canUndo}
            onClick={history.undo}
          >
            <MapIcon name="undo" />
          </button>
          <button
            type="button"
            className="map-icon-btn"
            aria-label={t('mapper.history.redo')}
            title={history.redoLabel ? t('mapper.history.redoWhat', { what: history.redoLabel }) : t('mapper.history.redo')}
            aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
            disabled={!history.canRedo}
            onClick={history.redo}
          >
            <MapIcon name="redo" />
          </button>
        </div>
        <button
          type="button"
          className={cx('safe-toggle', safe && 'is-on')}
          aria-pressed={safe}
          title={t('mapper.safe.title')}
          onClick={() => onSafe(!safe)}
        >
          <MapIcon name={safe ? 'eye-off' : 'eye'} size={16} />
          {t('mapper.safe.label')}
        </button>
        <Button size="sm" variant="ghost" onClick={() => onDialog('snapshots')} title={t('mapper.snapshots.title')}>
          <MapIcon name="history" size={16} />
          <span className="map-head__label">{t('mapper.snapshots.button')}</span>
        </Button>
        {tender === null ? (
          <Button size="sm" variant="ghost" icon="upload" onClick={() => onDialog('import')} title={t('mapper.import.button')}>
            <span className="map-head__label">{t('mapper.import.button')}</span>
          </Button>
        ) : null}
        <MenuButton
          label={
            <>
              {exporting ? <span className="spinner" aria-hidden="true" /> : <Icon name="download" size={16} />}
              <span>{safe ? t('mapper.export.buttonSafe') : t('mapper.export.button')}</span>
              <Icon name="chevron-down" size={14} />
            </>
          }
          menuLabel={t('mapper.export.menu')}
          buttonClassName="btn btn--secondary btn--sm map-export"
          disabled={exporting || empty}
          items={[
            { id: 'pdf', label: t('mapper.export.pdf'), onSelect: () => onExport('pdf') },
            { id: 'png', label: t('mapper.export.png'), onSelect: () => onExport('png') },
            { id: 'svg', label: t('mapper.export.svg'), onSelect: () => onExport('svg') },
          ]}
        />
      </div>
    </header>
  );
}

/** The tender maps of the account's opportunities, by name, stage, bid date and people on the map. */
function TenderPicker({ accountId, tenders, tender, lang }: { accountId: number; tenders: TenderRef[]; tender: TenderRef | null; lang: Locale }) {
  const { t } = useTranslation();
  if (tenders.length === 0) return null;
  const label = (x: TenderRef) =>
    t('mapper.tenderPick.option', {
      name: x.name,
      stage: t(`domain.opportunityStage.${x.stage}`, { defaultValue: x.stage }),
      people: x.people,
      bid: x.bidDate ? t('mapper.tenderPick.bid', { date: formatDate(x.bidDate, lang) }) : '',
    });
  return (
    <select
      className={cx('map-tabs__tender', tender !== null && 'is-current')}
      aria-label={t('mapper.tenderPick.label')}
      title={tender ? t('mapper.tenderTab', { name: tender.name }) : t('mapper.tenderPick.label')}
      value={tender ? String(tender.id) : ''}
      onChange={(e) => {
        window.location.hash = e.target.value ? mapHref(accountId, Number(e.target.value)) : mapHref(accountId);
      }}
    >
      <option value="">{t('mapper.tenderPick.placeholder', { n: tenders.length })}</option>
      {tenders.map((x) => (
        <option key={x.id} value={String(x.id)}>
          {label(x)}
        </option>
      ))}
    </select>
  );
}
