/**
 * The annual plans area (#/plans…): the list of plans, or one plan in the editor. The editor
 * (TipTap, the charts) is loaded on first use: the list and the rest of the app do not pay for it.
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubPath } from '../../app/routes';
import { PlansLanding } from './PlansLanding';
import { parsePlanPath } from './route';
import './plans.css';

const PlanEditor = lazy(() => import('./PlanEditor'));

function Loading() {
  const { t } = useTranslation();
  return (
    <p className="plan-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {t('planEditor.loading')}
    </p>
  );
}

export function PlansPage() {
  const route = parsePlanPath(useSubPath());
  if (!route) return <PlansLanding />;
  return (
    <Suspense fallback={<Loading />}>
      <PlanEditor key={`${route.accountId}/${route.year}`} accountId={route.accountId} year={route.year} />
    </Suspense>
  );
}
