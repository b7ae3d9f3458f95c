import { useTranslation } from 'react-i18next';
import { DEFAULT_PLAN_TEMPLATE, GUIDE_MAX, type PlanTemplate } from '../../../../shared/domain/plan-template';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { useStoredDraft } from '../../lib/useStoredDraft';
import { Button } from '../../ui/Button';
import { EditCard } from '../../ui/EditCard';
import { TextArea } from '../../ui/TextArea';
import { useSaveAction } from '../../ui/useSaveAction';
import { LOCALES } from '../../../../shared/i18n';

type Row = PlanTemplate['sections'][number];
const same = (a: PlanTemplate, b: PlanTemplate) => JSON.stringify(a) === JSON.stringify(b);

/** The plan template: which sections annual plans have, and the question each one answers (zh-CN and English). */
export function PlanTemplateCard() {
  const { t } = useTranslation();
  const save = useSaveAction();
  const stored = useApiQuery('plan-template-get', {}, ['settings']);
  const { draft, setDraft, accept } = useStoredDraft(stored.value, (v) => v, same);
  const current = draft ?? stored.value ?? DEFAULT_PLAN_TEMPLATE;
  const dirty = stored.value !== undefined && !same(current, stored.value);
  const tooLong = (s: string) => s.trim().length > GUIDE_MAX;
  const noneIncluded = !current.sections.some((s) => s.included);
  const invalid = noneIncluded || current.sections.some((s) => tooLong(s.guide['zh-CN']) || tooLong(s.guide.en));

  const change = (i: number, row: Partial<Row>) =>
    setDraft((d) => {
      const base = d ?? current;
      return { sections: base.sections.map((r, k) => (k === i ? { ...r, ...row } : r)) };
    });

  const submit = () => {
    save.setError(null);
    if (invalid) return;
    void save.run(() => api('plan-template-set', { template: current }), {
      success: () => t('settings.planTemplate.saved'),
      then: (saved) => {
        accept(saved);
        stored.reload();
      },
    });
  };

  return (
    <EditCard
      title={t('settings.planTemplate.title')}
      lead={t('settings.planTemplate.lead')}
      className="settings-plan-template"
      onSubmit={submit}
      saveLabel={t('settings.planTemplate.save')}
      saveDisabled={!dirty || invalid}
      busy={save.busy}
      errors={[noneIncluded && t('settings.planTemplate.noneIncluded'), save.error]}
      actions={
        <Button onClick={() => setDraft(DEFAULT_PLAN_TEMPLATE)} disabled={save.busy}>
          {t('settings.planTemplate.reset')}
        </Button>
      }
    >
      <table className="table settings-table plan-template-table" data-testid="plan-template-table">
        <caption className="visually-hidden">{t('settings.planTemplate.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="plan-template-table__in">
              {t('settings.planTemplate.included')}
            </th>
            <th scope="col" className="plan-template-table__section">
              {t('settings.planTemplate.section')}
            </th>
            <th scope="col">{t('settings.planTemplate.guideZh')}</th>
            <th scope="col">{t('settings.planTemplate.guideEn')}</th>
          </tr>
        </thead>
        <tbody>
          {current.sections.map((row, i) => {
            const name = t(`planEditor.sections.${row.section}`);
            return (
              <tr key={row.section} className={row.included ? undefined : 'plan-template-table__out'}>
                <td className="plan-template-table__in">
                  <input
                    type="checkbox"
                    checked={row.included}
                    aria-label={t('settings.planTemplate.includedFor', { section: name })}
                    onChange={(e) => change(i, { included: e.target.checked })}
                  />
                </td>
                <th scope="row">
                  <span className="plan-template-table__n tabular">{i + 1}</span> {name}
                </th>
                {LOCALES.map((lang) => (
                  <td key={lang}>
                    <TextArea
                      label={t('settings.planTemplate.guideFor', { section: name, language: lang === 'en' ? 'English' : '中文' })}
                      hideLabel
                      rows={3}
                      value={row.guide[lang]}
                      error={tooLong(row.guide[lang]) ? t('settings.planTemplate.tooLong', { n: GUIDE_MAX }) : null}
                      onChange={(e) => change(i, { guide: { ...row.guide, [lang]: e.target.value } })}
                    />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </EditCard>
  );
}
