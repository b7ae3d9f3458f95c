import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { effectiveMoves, ownerLoads, quarterLabel, tierService, inversions } from '../../../../shared/domain/capacity';
import { quarterOf, addDays } from '../../../../shared/domain/dates';
import { api, ApiFailure } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { errorText } from '../../lib/errors';
import { localToday } from '../../lib/format';
import { PageHeader } from '../../ui/PageHeader';
import { SelectField } from '../../ui/SelectField';
import { useSaveAction } from '../../ui/useSaveAction';
import { OwnerLoadCard } from './OwnerLoadCard';
import { TierServiceCard } from './TierServiceCard';
import { WhatIfCard } from './WhatIfCard';
import './capacity.css';

const TABLES = ['accounts', 'people', 'tiers', 'interactions'] as const;

/** This quarter and the three before it, newest first. */
function quarters(today: string): string[] {
  const out: string[] = [];
  let q = quarterOf(today);
  for (let i = 0; i < 4; i++) {
    out.push(quarterLabel(q));
    q = quarterOf(addDays(q.start, -1));
  }
  return out;
}

/**
 * Service capacity (服务能力, 鸡头凤尾): each owner's load against their days, the tiers' service this
 * quarter with the inversion flag, and a what-if reassignment computed on the client
 * (shared/domain/capacity.ts) - saved in one call, or cancelled.
 */
export function CapacityPage() {
  const { t } = useTranslation();
  const today = localToday();
  const options = useMemo(() => quarters(today), [today]);
  const [quarter, setQuarter] = useState(options[0]!);
  const view = useApiQuery('capacity-view', { quarter }, TABLES);
  const [moves, setMoves] = useState<ReadonlyMap<number, number | null>>(new Map());
  const save = useSaveAction();

  const v = view.value;
  const base = useMemo(() => (v ? ownerLoads(v) : []), [v]);
  const after = useMemo(() => (v ? ownerLoads(v, moves) : []), [v, moves]);
  const tiers = useMemo(() => (v ? tierService(v) : []), [v]);
  const flags = useMemo(() => inversions(tiers), [tiers]);
  const pending = useMemo(() => (v ? effectiveMoves(v, moves) : []), [v, moves]);

  const move = (accountId: number, to: number | null | undefined) =>
    setMoves((m) => {
      const next = new Map(m);
      if (to === undefined) next.delete(accountId);
      else next.set(accountId, to);
      return next;
    });

  const commit = () => {
    if (pending.length === 0) return;
    void save.run(() => api('capacity-reassign', { moves: pending }), {
      success: (r) => t('capacity.whatIf.saved', { n: r.moved }),
      then: () => {
        setMoves(new Map());
        view.reload();
      },
      failed: (e) => {
        // Someone else moved an account meanwhile: read again, start over (the error says so).
        if (e instanceof ApiFailure && e.code === 'capacity-stale') {
          setMoves(new Map());
          view.reload();
        }
        return false;
      },
    });
  };

  return (
    <div className="capacity" aria-busy={view.loading || undefined}>
      <PageHeader
        title={t('capacity.title')}
        lead={t('capacity.lead')}
        aside={
          <SelectField label={t('capacity.quarter')} value={quarter} onChange={(e) => { setQuarter(e.target.value); setMoves(new Map()); }} data-testid="capacity-quarter">
            {options.map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
          </SelectField>
        }
      />
      {view.error ? (
        <p className="inline-error" role="alert">
          {errorText(t, view.error)}
        </p>
      ) : null}
      {v ? (
        <>
          <OwnerLoadCard view={v} base={base} after={after} moved={pending.length > 0} />
          <TierServiceCard tiers={tiers} flags={flags} />
          <WhatIfCard view={v} moves={moves} pending={pending.length} onMove={move} onSave={commit} onCancel={() => { setMoves(new Map()); save.setError(null); }} busy={save.busy} error={save.error} />
        </>
      ) : null}
    </div>
  );
}
