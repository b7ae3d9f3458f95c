import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkPatch } from '../../../../shared/api/accounts-bin';
import { GRADES, LIFECYCLE_STAGES } from '../../../../shared/domain/enums';
import { api } from '../../api/client';
import { errorText } from '../../lib/errors';
import { FormDialog } from '../../ui/FormDialog';
import { useNotice } from '../../ui/Notice';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { tierName, tk } from '../../lib/format';
import { usePeople, useTiers } from './reference';

const KEEP = '';
const CLEAR = '-';

type Choice = { owner: string; tier: string; grade: string; lifecycle: string; industry: string; region: string };
const NONE: Choice = { owner: KEEP, tier: KEEP, grade: KEEP, lifecycle: KEEP, industry: '', region: '' };

/** A select's choice as a patch value: undefined keeps, null clears. */
const pick = <T,>(v: string, to: (s: string) => T): T | null | undefined => (v === KEEP ? undefined : v === CLEAR ? null : to(v));

/**
 * Edits the selected accounts at once: owner, tier, grade, lifecycle, industry, region. One
 * request, one transaction; the notice offers Undo (accounts changed again since are skipped).
 */
export function BulkEditDialog({ ids, facets, onClose, onDone }: { ids: number[]; facets?: { industries: string[]; regions: string[] }; onClose: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const notice = useNotice();
  const people = usePeople();
  const tiers = useTiers();
  const [c, setC] = useState<Choice>(NONE);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof Choice) => (e: { target: { value: string } }) => setC((x) => ({ ...x, [k]: e.target.value }));

  const patch: BulkPatch = {};
  const owner = pick(c.owner, Number);
  if (owner !== undefined) patch.ownerId = owner;
  const tier = pick(c.tier, Number);
  if (tier !== undefined) patch.tierId = tier;
  const grade = pick(c.grade, (s) => s as (typeof GRADES)[number]);
  if (grade !== undefined) patch.grade = grade;
  const lifecycle = pick(c.lifecycle, (s) => s as (typeof LIFECYCLE_STAGES)[number]);
  if (lifecycle !== undefined) patch.lifecycle = lifecycle;
  if (c.industry.trim()) patch.industry = c.industry.trim();
  if (c.region.trim()) patch.region = c.region.trim();
  const changing = Object.keys(patch).length;

  const fieldNames = [
    patch.ownerId !== undefined && t('accountsBin.bulk.owner'),
    patch.tierId !== undefined && t('accountsBin.bulk.tier'),
    patch.grade !== undefined && t('accountsBin.bulk.grade'),
    patch.lifecycle !== undefined && t('accountsBin.bulk.lifecycle'),
    patch.industry !== undefined && t('accountsBin.bulk.industry'),
    patch.region !== undefined && t('accountsBin.bulk.region'),
  ].filter(Boolean);

  const submit = async () => {
    if (changing === 0) {
      setError(t('accountsBin.bulk.nothing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await api('accounts-bulk-update', { ids, patch });
      onDone();
      const n = r.changed.length;
      const text = n === 0 ? t('accountsBin.bulk.doneNone') : r.unchanged > 0 ? t('accountsBin.bulk.doneSome', { n, same: r.unchanged }) : t('accountsBin.bulk.done', { n });
      notice.success(
        text,
        n === 0
          ? undefined
          : {
              duration: 15_000,
              action: {
                label: t('accountsBin.bulk.undo'),
                onClick: () => {
                  api('accounts-bulk-undo', { changes: r.changed.map(({ id, before, updatedAt }) => ({ id, before, updatedAt })) }).then(
                    (u) =>
                      notice.success(
                        u.skipped.length ? t('accountsBin.bulk.undoneSkipped', { n: u.reverted, names: u.skipped.join(i18n.language.startsWith('zh') ? '、' : ', ') }) : t('accountsBin.bulk.undone', { n: u.reverted }),
                      ),
                    (e: unknown) => notice.error(errorText(t, e)),
                  );
                },
              },
            },
      );
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const keepClear = (
    <>
      <option value={KEEP}>{t('accountsBin.bulk.keep')}</option>
      <option value={CLEAR}>{t('accountsBin.bulk.clearValue')}</option>
    </>
  );

  return (
    <FormDialog
      open
      title={t('accountsBin.bulk.title', { n: ids.length })}
      submitLabel={t('accountsBin.bulk.apply', { n: ids.length })}
      busy={busy}
      error={error}
      onSubmit={() => void submit()}
      onCancel={onClose}
      className="bulk-dialog"
    >
      <p className="dialog__lead">{t('accountsBin.bulk.lead')}</p>
      <div className="bulk-grid">
        <SelectField label={t('accountsBin.bulk.owner')} value={c.owner} onChange={set('owner')}>
          {keepClear}
          {people.list.map((p) => (
            <option key={p.id} value={String(p.id)}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('accountsBin.bulk.tier')} value={c.tier} onChange={set('tier')}>
          {keepClear}
          {tiers.list.map((x) => (
            <option key={x.id} value={String(x.id)}>
              {tierName(x, i18n.language) ?? x.key}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('accountsBin.bulk.grade')} value={c.grade} onChange={set('grade')}>
          {keepClear}
          {GRADES.map((g) => (
            <option key={g} value={g}>
              {tk(t, `domain.grade.${g}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('accountsBin.bulk.lifecycle')} value={c.lifecycle} onChange={set('lifecycle')}>
          {keepClear}
          {LIFECYCLE_STAGES.map((l) => (
            <option key={l} value={l}>
              {tk(t, `domain.lifecycle.${l}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('accountsBin.bulk.industry')} hint={t('accountsBin.bulk.textHint')} value={c.industry} onChange={set('industry')} list="bulk-industries" maxLength={100} autoComplete="off" />
        <TextField label={t('accountsBin.bulk.region')} hint={t('accountsBin.bulk.textHint')} value={c.region} onChange={set('region')} list="bulk-regions" maxLength={100} autoComplete="off" />
      </div>
      <datalist id="bulk-industries">
        {(facets?.industries ?? []).map((x) => (
          <option key={x} value={x} />
        ))}
      </datalist>
      <datalist id="bulk-regions">
        {(facets?.regions ?? []).map((x) => (
          <option key={x} value={x} />
        ))}
      </datalist>
      {fieldNames.length ? (
        <p className="bulk-summary" role="status">
          {t('accountsBin.bulk.summary', { list: fieldNames.join(i18n.language.startsWith('zh') ? '、' : ', ') })}
        </p>
      ) : null}
    </FormDialog>
  );
}
