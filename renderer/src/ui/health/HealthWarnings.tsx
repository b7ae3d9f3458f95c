/**
 * Early warning (README, "Health and early warning"): the accounts whose health fell sharply or is
 * below the threshold, each with a suggested churn risk a director confirms or dismisses with a note.
 * On Today and in the portfolio.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HealthWarning } from '../../../../shared/api/health';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { Button } from '../Button';
import { Card } from '../Card';
import { ConfirmDialog } from '../ConfirmDialog';
import { TextArea } from '../TextArea';
import { useSaveAction } from '../useSaveAction';
import { HEALTH_TABLES } from './AccountHealthCard';
import { HealthBadge, HealthReasons } from './HealthParts';

type Deciding = { warning: HealthWarning; decision: 'confirmed' | 'dismissed' };

export function HealthWarnings({ ownerId, linkOf }: { ownerId?: number | null; linkOf: (accountId: number) => string }) {
  const { t } = useTranslation();
  const list = useApiQuery('health-list', ownerId ? { ownerId } : {}, HEALTH_TABLES);
  const save = useSaveAction();
  const [deciding, setDeciding] = useState<Deciding | null>(null);
  const [note, setNote] = useState('');
  const warnings = list.value?.warnings ?? [];
  const threshold = list.value?.settings.threshold ?? 0;

  const open = (warning: HealthWarning, decision: Deciding['decision']) => {
    save.setError(null);
    setNote('');
    setDeciding({ warning, decision });
  };
  const decide = () => {
    if (!deciding) return;
    const { warning, decision } = deciding;
    void save.run(() => api('health-decide', { accountId: warning.accountId, decision, note }), {
      success: () => t(decision === 'confirmed' ? 'health.warning.confirmed' : 'health.warning.dismissed', { name: warning.accountName }),
      then: () => {
        setDeciding(null);
        list.reload();
      },
    });
  };

  return (
    <Card className="health-warnings" title={t('health.warning.title')} lead={t('health.warning.lead')}>
      {warnings.length === 0 ? (
        <p className="muted">{list.value ? t('health.warning.none') : null}</p>
      ) : (
        <ul className="health-warnings__list" data-testid="health-warnings">
          {warnings.map((w) => (
            <li key={w.accountId} className="health-warning" data-account={w.accountName}>
              <div className="health-warning__head">
                <HealthBadge score={w.score} />
                <a href={linkOf(w.accountId)} className="health-warning__name">
                  {w.accountName}
                </a>
                {w.ownerName ? <span className="muted">{w.ownerName}</span> : null}
                <span className="badge badge--warning">{t('health.warning.suggested')}</span>
              </div>
              <p className="health-warning__why muted">
                {w.reason === 'drop' && w.previous !== null
                  ? t('health.warning.drop', { previous: w.previous, points: w.previous - w.score })
                  : t('health.warning.threshold', { threshold })}
              </p>
              <HealthReasons reasons={w.reasons} />
              <div className="health-warning__actions">
                <Button size="sm" onClick={() => open(w, 'dismissed')}>
                  {t('health.warning.dismiss')}
                </Button>
                <Button size="sm" variant="primary" onClick={() => open(w, 'confirmed')}>
                  {t('health.warning.confirm')}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={deciding !== null}
        title={
          deciding
            ? t(deciding.decision === 'confirmed' ? 'health.warning.confirmTitle' : 'health.warning.dismissTitle', { name: deciding.warning.accountName })
            : ''
        }
        confirmLabel={deciding?.decision === 'dismissed' ? t('health.warning.dismiss') : t('health.warning.confirm')}
        busy={save.busy}
        error={save.error}
        onConfirm={decide}
        onCancel={() => setDeciding(null)}
      >
        <TextArea label={t('health.warning.note')} placeholder={t('health.warning.notePlaceholder')} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
      </ConfirmDialog>
    </Card>
  );
}
