/**
 * The stakeholder map area (#/stakeholders…): the list of the accounts' maps, or one map. The
 * mapper itself (React Flow and the panels around it) is loaded on first use: the list and the
 * rest of the app do not pay for it.
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubPath } from '../../app/routes';
import { MapsLanding } from './MapsLanding';
import { parseMapPath } from './route';
import './stakeholders.css';

const MapScreen = lazy(() => import('./MapScreen'));

function Loading() {
  const { t } = useTranslation();
  return (
    <div className="map-page map-page--loading">
      <p className="map-loading" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('mapper.loading')}
      </p>
    </div>
  );
}

export function StakeholdersPage() {
  const route = parseMapPath(useSubPath());
  if (!route) return <MapsLanding />;
  return (
    <Suspense fallback={<Loading />}>
      <MapScreen key={`${route.accountId}/${route.tenderId ?? ''}`} accountId={route.accountId} tenderId={route.tenderId} />
    </Suspense>
  );
}
