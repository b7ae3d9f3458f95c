import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUpItem } from '../../../../shared/api/accounts-views';
import { api } from '../../api/client';
import { errorText } from '../../lib/errors';
import { formatDay } from '../../lib/figures';
import { FormDialog } from '../../ui/FormDialog';
import { Icon } from '../../ui/icons';
import { useNotice } from '../../ui/Notice';
import { TextField } from '../../ui/TextField';

export interface LogTarget {
  item: FollowUpItem;
  ownerId: number | null;
  ownerName: string | null;
}

type Kind = 'call' | 'visit';

/**
 * Logs a call or visit for today with the owner (interactions-save). When the follow-up is due
 * because of a promised next step, that promise can be marked done at the same time; otherwise the
 * account would stay overdue on the promise even after the contact.
 */
export function LogDialog({ target, today, onClose, onLogged }: { target: LogTarget | null; today: string; onClose: () => void; onLogged: () => void }) {
  const { t, i18n } = useTranslation();
  const notice = useNotice();
  const [kind, setKind] = useState<Kind>('call');
  const [summary, setSummary] = useState('');
  const [stepDone, setStepDone] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [shownFor, setShownFor] = useState<LogTarget | null>(null);

  // A new target starts with a fresh form.
  if (target !== shownFor) {
    setShownFor(target);
    setKind('call');
    setSummary('');
    setStepDone(true);
    setError(null);
  }

  const item = target?.item;
  const promised = item?.followUp.reason === 'next-step' && item.followUp.dueDate !== null;
  const date = formatDay(today, i18n.language);

  const save = async () => {
    if (!target || !item) return;
    setBusy(true);
    setError(null);
    try {
      await api('interactions-save', {
        accountId: item.accountId,
        kind,
        date: today,
        ownerId: target.ownerId,
        ...(summary.trim() ? { summary: summary.trim() } : {}),
      });
      if (promised && stepDone) {
        // Mark the promise(s) due on that day done, keeping everything else as recorded.
        const detail = await api('accounts-get', { id: item.accountId });
        for (const i of detail.interactions.filter((x) => !x.nextDone && x.nextDue === item.followUp.dueDate)) {
          await api('interactions-save', {
            id: i.id,
            accountId: i.accountId,
            kind: i.kind,
            date: i.date,
            people: i.people,
            ownerId: i.ownerId,
            summary: i.summary,
            outcome: i.outcome,
            nextStep: i.nextStep,
            nextDue: i.nextDue,
            nextDone: true,
          });
        }
      }
      notice.success(t(`today.logDialog.saved.${kind}`, { name: item.accountName }));
      onLogged();
      onClose();
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog
      open={target !== null}
      title={item ? t('today.logDialog.title', { name: item.accountName }) : ''}
      submitLabel={t('today.logDialog.save')}
      busy={busy}
      error={error}
      onSubmit={() => void save()}
      onCancel={onClose}
    >
      <fieldset className="choice-group">
        <legend className="field__label">{t('today.logDialog.kind')}</legend>
        <div className="choice-group__options">
          {(['call', 'visit'] as const).map((k) => (
            <label key={k} className="choice">
              <input type="radio" name="log-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              <Icon name={k} size={18} />
              <span>{t(`domain.interactionKind.${k}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <TextField
        label={t('today.logDialog.summary')}
        hint={t('today.logDialog.summaryHint')}
        value={summary}
        maxLength={5000}
        onChange={(e) => setSummary(e.target.value)}
      />
      {promised ? (
        <label className="check">
          <input type="checkbox" checked={stepDone} onChange={(e) => setStepDone(e.target.checked)} />
          <span>
            {item.nextStep
              ? t('today.logDialog.stepDone', { step: item.nextStep })
              : t('today.logDialog.stepDoneNoText', { date: formatDay(item.followUp.dueDate ?? today, i18n.language) })}
          </span>
        </label>
      ) : null}
      <p className="muted dialog__note">
        {target?.ownerName ? t('today.logDialog.when', { date, owner: target.ownerName }) : t('today.logDialog.whenNoOwner', { date })}
      </p>
    </FormDialog>
  );
}
