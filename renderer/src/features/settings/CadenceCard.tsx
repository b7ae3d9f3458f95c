import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CADENCE_DAYS, type CadenceDays } from '../../../../shared/domain/cadence';
import { GRADES, type Grade } from '../../../../shared/domain/enums';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { useStoredDraft } from '../../lib/useStoredDraft';
import { Button } from '../../ui/Button';
import { EditCard } from '../../ui/EditCard';
import { TextField } from '../../ui/TextField';
import { useSaveAction } from '../../ui/useSaveAction';

type Draft = Record<Grade, string>;

const toDraft = (c: CadenceDays): Draft => Object.fromEntries(GRADES.map((g) => [g, String(c[g])])) as Draft;

function days(s: string): number | null {
  const v = s.trim();
  if (!/^\d{1,4}$/.test(v)) return null;
  const n = Number(v);
  return n >= 1 && n <= 3660 ? n : null;
}

/** The follow-up cadence per deal-timing grade A-E, in days. */
export function CadenceCard() {
  const { t } = useTranslation();
  const save = useSaveAction();
  const cadence = useApiQuery('cadence-get', {}, ['grade_cadence']);
  const { draft, setDraft, accept } = useStoredDraft(cadence.value, toDraft, (d, c) => GRADES.every((g) => d[g] === String(c[g])));
  const [invalid, setInvalid] = useState<Set<Grade>>(new Set());

  const current = draft ?? toDraft(cadence.value ?? DEFAULT_CADENCE_DAYS);
  const dirty = cadence.value !== undefined && GRADES.some((g) => current[g].trim() !== String(cadence.value?.[g]));

  const submit = () => {
    const parsed = Object.fromEntries(GRADES.map((g) => [g, days(current[g])])) as Record<Grade, number | null>;
    const bad = new Set(GRADES.filter((g) => parsed[g] === null));
    setInvalid(bad);
    save.setError(null);
    if (bad.size > 0) return;
    void save.run(() => api('cadence-set', parsed as CadenceDays), {
      success: () => t('settings.cadence.saved'),
      then: (saved) => {
        accept(saved);
        cadence.reload();
      },
    });
  };

  return (
    <EditCard
      title={t('settings.cadence.title')}
      lead={t('settings.cadence.lead')}
      className="settings-cadence"
      onSubmit={submit}
      saveLabel={t('settings.cadence.save')}
      saveDisabled={!dirty && invalid.size === 0}
      busy={save.busy}
      errors={[save.error]}
      actions={
        <Button
          onClick={() => {
            setInvalid(new Set());
            setDraft(toDraft(DEFAULT_CADENCE_DAYS));
          }}
          disabled={save.busy}
        >
          {t('settings.cadence.reset')}
        </Button>
      }
    >
      <table className="table settings-table cadence-table" data-testid="cadence-table">
        <caption className="visually-hidden">{t('settings.cadence.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="cadence-table__grade">
              {t('settings.cadence.grade')}
            </th>
            <th scope="col">{t('settings.cadence.meaning')}</th>
            <th scope="col" className="cadence-table__days">
              {t('settings.cadence.days')}
            </th>
            <th scope="col" className="cadence-table__default">
              {t('settings.cadence.default')}
            </th>
          </tr>
        </thead>
        <tbody>
          {GRADES.map((g) => (
            <tr key={g}>
              <th scope="row">
                <span className={`grade grade--${g}`}>{g}</span>
              </th>
              <td>{t(`domain.gradeMeaning.${g}`)}</td>
              <td>
                <TextField
                  label={t('settings.cadence.daysFor', { grade: t(`domain.grade.${g}`) })}
                  hideLabel
                  inputMode="numeric"
                  className="cadence-table__input"
                  value={current[g]}
                  error={invalid.has(g) ? t('settings.cadence.invalid') : null}
                  onChange={(e) => {
                    const v = e.target.value;
                    setInvalid((x) => (x.has(g) ? new Set([...x].filter((y) => y !== g)) : x));
                    setDraft((d) => ({ ...(d ?? current), [g]: v }));
                  }}
                />
              </td>
              <td className="muted tabular">{t('settings.cadence.defaultDays', { n: DEFAULT_CADENCE_DAYS[g] })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </EditCard>
  );
}
