import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CapacityView } from '../../../../shared/api/capacity';
import { daysNeeded, ownerLoads } from '../../../../shared/domain/capacity';
import { required } from '../../../../shared/domain/compliance';
import { tierName } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { ScrollArea } from '../../ui/ScrollArea';
import { SelectField } from '../../ui/SelectField';
import { useNumbers } from './numbers';

/** The most rows listed for one owner (the rest are counted). */
const MAX_ROWS = 200;
const NONE = 'none';

interface Props {
  view: CapacityView;
  moves: ReadonlyMap<number, number | null>;
  pending: number;
  /** undefined: the account stays with its owner. */
  onMove: (accountId: number, to: number | null | undefined) => void;
  onSave: () => void;
  onCancel: () => void;
  busy: boolean;
  error: string | null;
}

/** The what-if: an owner's accounts, each with "move to"; Save applies every move, Cancel drops them. */
export function WhatIfCard({ view, moves, pending, onMove, onSave, onCancel, busy, error }: Props) {
  const { t, i18n } = useTranslation();
  const n = useNumbers();
  const owners = view.owners;
  // The most loaded owner first: the one who most needs help.
  const busiest = useMemo(
    () => [...ownerLoads(view)].filter((o) => o.ownerId !== null).sort((a, b) => (b.load ?? 0) - (a.load ?? 0))[0]?.ownerId ?? null,
    [view],
  );
  const [from, setFrom] = useState<string>(busiest === null ? NONE : String(busiest));
  const fromId = from === NONE ? null : Number(from);
  const tiers = useMemo(() => new Map(view.tiers.map((x) => [x.id, x])), [view.tiers]);
  const list = useMemo(() => view.accounts.filter((a) => a.ownerId === fromId), [view.accounts, fromId]);
  const cap = owners.find((o) => o.id === fromId) ?? { visitsPerDay: 2, callsPerDay: 12 };

  return (
    <Card title={t('capacity.whatIf.title')} lead={t('capacity.whatIf.lead')} className="capacity-whatif">
      <div className="capacity-whatif__bar">
        <SelectField label={t('capacity.whatIf.from')} value={from} onChange={(e) => setFrom(e.target.value)} data-testid="capacity-from">
          {owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
          <option value={NONE}>{t('capacity.owners.noOwner')}</option>
        </SelectField>
        <p className="capacity-whatif__pending" data-testid="capacity-pending" aria-live="polite">
          {pending ? t('capacity.whatIf.pending', { n: pending }) : t('capacity.whatIf.noPending')}
        </p>
        <div className="capacity-whatif__actions">
          <Button onClick={onCancel} disabled={pending === 0 || busy}>
            {t('capacity.whatIf.cancel')}
          </Button>
          <Button variant="primary" onClick={onSave} disabled={pending === 0} busy={busy}>
            {t('capacity.whatIf.save')}
          </Button>
        </div>
      </div>
      {error ? (
        <p className="inline-error" role="alert">
          {error}
        </p>
      ) : null}
      {list.length === 0 ? (
        <p className="muted">{t('capacity.whatIf.empty')}</p>
      ) : (
        <ScrollArea className="capacity-scroll capacity-whatif__scroll" label={t('capacity.whatIf.title')}>
          <table className="table table--compact capacity-table" data-testid="capacity-accounts">
            <caption className="visually-hidden">{t('capacity.whatIf.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('capacity.whatIf.account')}</th>
                <th scope="col">{t('capacity.whatIf.tier')}</th>
                <th scope="col" className="num">{t('capacity.owners.needDays')}</th>
                <th scope="col">{t('capacity.whatIf.move')}</th>
              </tr>
            </thead>
            <tbody>
              {list.slice(0, MAX_ROWS).map((a) => {
                const tier = a.tierId === null ? undefined : tiers.get(a.tierId);
                const to = moves.get(a.id);
                return (
                  <tr key={a.id} data-account={a.name} className={moves.has(a.id) ? 'is-moved' : undefined}>
                    <th scope="row">{a.name}</th>
                    <td>{tierName(tier, i18n.language) ?? <span className="muted">{t('capacity.tiers.noTier')}</span>}</td>
                    <td className="num tabular">{tier ? n.days(daysNeeded(required(tier, view.quarter.start), cap)) : '—'}</td>
                    <td>
                      <SelectField
                        label={t('capacity.whatIf.moveFor', { name: a.name })}
                        hideLabel
                        value={moves.has(a.id) ? (to === null ? NONE : String(to)) : ''}
                        onChange={(e) => onMove(a.id, e.target.value === '' ? undefined : e.target.value === NONE ? null : Number(e.target.value))}
                      >
                        <option value="">{t('capacity.whatIf.stay')}</option>
                        {owners
                          .filter((o) => o.id !== fromId)
                          .map((o) => (
                            <option key={o.id} value={o.id}>
                              {o.name}
                            </option>
                          ))}
                        {fromId !== null ? <option value={NONE}>{t('capacity.owners.noOwner')}</option> : null}
                      </SelectField>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {list.length > MAX_ROWS ? <p className="muted">{t('capacity.whatIf.more', { shown: MAX_ROWS, n: list.length })}</p> : null}
        </ScrollArea>
      )}
    </Card>
  );
}
