import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_HEALTH_SETTINGS, HEALTH_INPUTS, healthSettingsSchema, weightsTotal, type HealthInput, type HealthSettings } from '../../../../shared/domain/health';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { useStoredDraft } from '../../lib/useStoredDraft';
import { Button } from '../../ui/Button';
import { EditCard } from '../../ui/EditCard';
import { TextField } from '../../ui/TextField';
import { useSaveAction } from '../../ui/useSaveAction';

type Field = HealthInput | 'dropPoints' | 'threshold';
type Draft = Record<Field, string>;

const toDraft = (s: HealthSettings): Draft =>
  ({ ...Object.fromEntries(HEALTH_INPUTS.map((k) => [k, String(s.weights[k])])), dropPoints: String(s.dropPoints), threshold: String(s.threshold) }) as Draft;

const same = (d: Draft, s: HealthSettings) => HEALTH_INPUTS.every((k) => d[k] === String(s.weights[k])) && d.dropPoints === String(s.dropPoints) && d.threshold === String(s.threshold);

const whole = (s: string): number => (/^\d{1,3}$/.test(s.trim()) ? Number(s.trim()) : NaN);

/** The health weights (points per input, summing to 100) and when to suggest a churn risk. */
export function HealthSettingsCard() {
  const { t } = useTranslation();
  const save = useSaveAction();
  const settings = useApiQuery('health-settings-get', {}, ['settings']);
  const { draft, setDraft, accept } = useStoredDraft(settings.value, toDraft, same);
  const [invalid, setInvalid] = useState<Set<Field>>(new Set());
  const current = draft ?? toDraft(settings.value ?? DEFAULT_HEALTH_SETTINGS);
  const total = HEALTH_INPUTS.reduce((s, k) => s + (whole(current[k]) || 0), 0);
  const dirty = settings.value !== undefined && !same(current, settings.value);

  const submit = () => {
    const value = {
      weights: Object.fromEntries(HEALTH_INPUTS.map((k) => [k, whole(current[k])])),
      dropPoints: whole(current.dropPoints),
      threshold: whole(current.threshold),
    };
    const parsed = healthSettingsSchema.safeParse(value);
    const bad = new Set<Field>(parsed.success ? [] : parsed.error.issues.map((i) => i.path[i.path.length - 1] as Field));
    setInvalid(bad);
    save.setError(null);
    if (!parsed.success) return;
    if (weightsTotal(parsed.data.weights) !== 100) {
      save.setError(t('health.settings.sum', { total: weightsTotal(parsed.data.weights) }));
      return;
    }
    void save.run(() => api('health-settings-set', parsed.data), {
      success: () => t('health.settings.saved'),
      then: (saved) => {
        accept(saved);
        settings.reload();
      },
    });
  };

  const field = (k: Field, label: string, error: string) => (
    <TextField
      label={label}
      hideLabel={HEALTH_INPUTS.includes(k as HealthInput)}
      inputMode="numeric"
      className="health-settings__input"
      value={current[k]}
      error={invalid.has(k) ? error : null}
      onChange={(e) => {
        const v = e.target.value;
        setInvalid((x) => (x.has(k) ? new Set([...x].filter((y) => y !== k)) : x));
        setDraft((d) => ({ ...(d ?? current), [k]: v }));
      }}
    />
  );

  return (
    <EditCard
      title={t('health.settings.title')}
      lead={t('health.settings.lead')}
      className="settings-health"
      testId="health-settings"
      onSubmit={submit}
      saveLabel={t('health.settings.save')}
      saveDisabled={!dirty && invalid.size === 0}
      busy={save.busy}
      errors={[save.error]}
      actions={
        <Button
          onClick={() => {
            setInvalid(new Set());
            setDraft(toDraft(DEFAULT_HEALTH_SETTINGS));
          }}
          disabled={save.busy}
        >
          {t('health.settings.reset')}
        </Button>
      }
    >
      <table className="table settings-table health-settings-table">
        <caption className="visually-hidden">{t('health.settings.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('health.settings.input')}</th>
            <th scope="col">{t('health.settings.weight')}</th>
            <th scope="col">{t('health.settings.default')}</th>
          </tr>
        </thead>
        <tbody>
          {HEALTH_INPUTS.map((k) => (
            <tr key={k}>
              <th scope="row">{t(`health.input.${k}`)}</th>
              <td>{field(k, t('health.settings.weightFor', { input: t(`health.input.${k}`) }), t('health.settings.invalid'))}</td>
              <td className="muted tabular">{t('health.settings.defaultPoints', { n: DEFAULT_HEALTH_SETTINGS.weights[k] })}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3} className={total === 100 ? 'muted' : 'health-settings__off'}>
              {t('health.settings.total', { total })}
            </th>
          </tr>
        </tfoot>
      </table>
      <div className="health-settings__rules">
        {field('dropPoints', t('health.settings.drop'), t('health.settings.invalidRange'))}
        {field('threshold', t('health.settings.threshold'), t('health.settings.invalidRange'))}
      </div>
    </EditCard>
  );
}
