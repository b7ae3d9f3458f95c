import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../shared/api/accounts';
import { CAPACITY_LIMITS, DEFAULT_CAPACITY } from '../../../../shared/domain/capacity';
import { PERSON_ROLES, type PersonRole } from '../../../../shared/domain/enums';
import { api, ApiFailure } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { cx } from '../../lib/cx';
import { errorText } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormDialog } from '../../ui/FormDialog';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { ScrollArea } from '../../ui/ScrollArea';
import { useSaveAction } from '../../ui/useSaveAction';

interface Draft {
  id?: number;
  /** The name when the dialog opened (for its title). */
  title?: string;
  name: string;
  role: PersonRole;
  region: string;
  email: string;
  phone: string;
  active: boolean;
  /** Service capacity (shared/domain/capacity.ts), as typed. */
  quarterDays: string;
  visitsPerDay: string;
  callsPerDay: string;
}

type CapacityKey = keyof typeof CAPACITY_LIMITS;
const CAPACITY_KEYS = Object.keys(CAPACITY_LIMITS) as CapacityKey[];

const EMPTY: Draft = {
  name: '',
  role: 'manager',
  region: '',
  email: '',
  phone: '',
  active: true,
  quarterDays: String(DEFAULT_CAPACITY.quarterDays),
  visitsPerDay: String(DEFAULT_CAPACITY.visitsPerDay),
  callsPerDay: String(DEFAULT_CAPACITY.callsPerDay),
};

const toDraft = (p: Person): Draft => ({
  id: p.id,
  title: p.name,
  name: p.name,
  role: p.role,
  region: p.region ?? '',
  email: p.email ?? '',
  phone: p.phone ?? '',
  active: p.active,
  quarterDays: String(p.quarterDays),
  visitsPerDay: String(p.visitsPerDay),
  callsPerDay: String(p.callsPerDay),
});

/** A capacity field's whole number within its bounds, else null. */
function capacityValue(key: CapacityKey, text: string): number | null {
  const [min, max] = CAPACITY_LIMITS[key];
  const v = Number(text.trim());
  return /^\d+$/.test(text.trim()) && v >= min && v <= max ? v : null;
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** Our team: the people who own accounts and work on them. */
export function PeopleCard() {
  const { t, i18n } = useTranslation();
  const save = useSaveAction();
  const del = useSaveAction();
  const people = useApiQuery('people-list', {}, ['people']);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const [capacityErrors, setCapacityErrors] = useState<Partial<Record<CapacityKey, string>>>({});
  const [deleting, setDeleting] = useState<Person | null>(null);

  const list = useMemo(() => {
    const collator = new Intl.Collator(i18n.language);
    return [...(people.value ?? [])].sort((a, b) => Number(b.active) - Number(a.active) || collator.compare(a.name, b.name));
  }, [people.value, i18n.language]);

  const open = (d: Draft) => {
    setNameError(null);
    setCapacityErrors({});
    save.setError(null);
    setDraft(d);
  };

  const submit = () => {
    if (!draft) return;
    const name = draft.name.trim();
    save.setError(null);
    if (!name) {
      setNameError(t('settings.people.nameRequired'));
      return;
    }
    setNameError(null);
    const errors: Partial<Record<CapacityKey, string>> = {};
    for (const k of CAPACITY_KEYS) {
      if (capacityValue(k, draft[k]) === null) errors[k] = t('capacity.people.range', { min: CAPACITY_LIMITS[k][0], max: CAPACITY_LIMITS[k][1] });
    }
    setCapacityErrors(errors);
    if (Object.keys(errors).length > 0) return;
    void save.run(
      () =>
        api('people-save', {
          ...(draft.id ? { id: draft.id } : {}),
          name,
          role: draft.role,
          region: orNull(draft.region),
          email: orNull(draft.email),
          phone: orNull(draft.phone),
          active: draft.active,
          quarterDays: capacityValue('quarterDays', draft.quarterDays)!,
          visitsPerDay: capacityValue('visitsPerDay', draft.visitsPerDay)!,
          callsPerDay: capacityValue('callsPerDay', draft.callsPerDay)!,
        }),
      {
        success: (saved) => t('settings.people.saved', { name: saved.name }),
        then: () => {
          setDraft(null);
          people.reload();
        },
        failed: (e) => {
          if (!(e instanceof ApiFailure && e.code === 'conflict')) return false;
          setNameError(t('settings.people.conflict', { name }));
          return true;
        },
      },
    );
  };

  const remove = () => {
    if (!deleting) return;
    void del.run(() => api('people-delete', { id: deleting.id }), {
      success: () => t('settings.people.deleted', { name: deleting.name }),
      then: () => {
        setDeleting(null);
        people.reload();
      },
    });
  };

  const text = (key: 'name' | 'region' | 'email' | 'phone') => ({
    value: draft?.[key] ?? '',
    onChange: (e: { target: { value: string } }) => {
      if (key === 'name') setNameError(null);
      setDraft((d) => (d ? { ...d, [key]: e.target.value } : d));
    },
  });
  const number = (key: CapacityKey) => ({
    value: draft?.[key] ?? '',
    inputMode: 'numeric' as const,
    error: capacityErrors[key] ?? null,
    onChange: (e: { target: { value: string } }) => {
      setCapacityErrors((errs) => ({ ...errs, [key]: undefined }));
      setDraft((d) => (d ? { ...d, [key]: e.target.value } : d));
    },
  });
  const none = <span className="muted">{t('settings.people.none')}</span>;

  return (
    <Card
      title={t('settings.people.title')}
      lead={t('settings.people.lead')}
      className="settings-people"
      aside={
        <Button icon="plus" onClick={() => open({ ...EMPTY })}>
          {t('settings.people.add')}
        </Button>
      }
    >
      {people.error ? (
        <p className="inline-error" role="alert">
          {errorText(t, people.error)}
        </p>
      ) : null}
      {people.value && list.length === 0 ? <p className="muted">{t('settings.people.empty')}</p> : null}
      {list.length > 0 ? (
        <ScrollArea className="settings-scroll" label={t('settings.people.caption')}>
          <table className="table settings-table people-table" data-testid="people-table">
            <caption className="visually-hidden">{t('settings.people.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('settings.people.name')}</th>
                <th scope="col">{t('settings.people.role')}</th>
                <th scope="col">{t('settings.people.region')}</th>
                <th scope="col">{t('settings.people.contact')}</th>
                <th scope="col">{t('capacity.people.capacity')}</th>
                <th scope="col">{t('settings.people.status')}</th>
                <th scope="col" className="settings-table__actions">
                  <span className="visually-hidden">{t('settings.people.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <tr key={p.id} className={cx(!p.active && 'is-inactive')}>
                  <th scope="row">{p.name}</th>
                  <td>{t(`domain.personRole.${p.role}`)}</td>
                  <td>{p.region ?? none}</td>
                  <td className="people-table__contact">
                    {p.email || p.phone ? (
                      <>
                        {p.email ? <span className="people-table__email">{p.email}</span> : null}
                        {p.phone ? <span className="tabular">{p.phone}</span> : null}
                      </>
                    ) : (
                      none
                    )}
                  </td>
                  <td className="people-table__capacity tabular">
                    <span>{t('capacity.people.capacityDays', { days: p.quarterDays })}</span>
                    <span className="people-table__rate">{t('capacity.people.capacityRate', { visits: p.visitsPerDay, calls: p.callsPerDay })}</span>
                  </td>
                  <td>
                    <span className={cx('status-pill', p.active ? 'status-pill--active' : 'status-pill--inactive')}>
                      {p.active ? t('settings.people.active') : t('settings.people.inactive')}
                    </span>
                  </td>
                  <td className="settings-table__actions">
                    <Button size="sm" variant="ghost" icon="edit" aria-label={t('settings.people.editFor', { name: p.name })} onClick={() => open(toDraft(p))}>
                      {t('settings.people.edit')}
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      icon="trash"
                      aria-label={t('settings.people.deleteFor', { name: p.name })}
                      onClick={() => {
                        del.setError(null);
                        setDeleting(p);
                      }}
                    >
                      {t('settings.people.delete')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      ) : null}

      <FormDialog
        open={draft !== null}
        title={draft?.id ? t('settings.people.editTitle', { name: draft.title ?? '' }) : t('settings.people.addTitle')}
        submitLabel={t('common.save')}
        busy={save.busy}
        error={save.error}
        onSubmit={submit}
        onCancel={() => setDraft(null)}
      >
        <div className="form-grid">
          <TextField label={t('settings.people.name')} maxLength={100} error={nameError} {...text('name')} />
          <SelectField label={t('settings.people.role')} value={draft?.role ?? 'manager'} onChange={(e) => setDraft((d) => (d ? { ...d, role: e.target.value as PersonRole } : d))}>
            {PERSON_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`domain.personRole.${r}`)}
              </option>
            ))}
          </SelectField>
          <TextField label={t('settings.people.region')} maxLength={100} {...text('region')} />
          <TextField label={t('settings.people.phone')} type="tel" maxLength={50} {...text('phone')} />
          <TextField className="form-grid__wide" label={t('settings.people.email')} type="email" maxLength={200} {...text('email')} />
          <TextField className="form-grid__wide" label={t('capacity.people.quarterDays')} hint={t('capacity.people.hint')} {...number('quarterDays')} />
          <TextField label={t('capacity.people.visitsPerDay')} {...number('visitsPerDay')} />
          <TextField label={t('capacity.people.callsPerDay')} {...number('callsPerDay')} />
          <label className="check form-grid__wide">
            <input type="checkbox" checked={draft?.active ?? true} onChange={(e) => setDraft((d) => (d ? { ...d, active: e.target.checked } : d))} />
            <span>{t('settings.people.activeLabel')}</span>
          </label>
        </div>
      </FormDialog>

      <ConfirmDialog
        open={deleting !== null}
        title={t('settings.people.deleteTitle', { name: deleting?.name ?? '' })}
        confirmLabel={t('settings.people.delete')}
        tone="danger"
        busy={del.busy}
        error={del.error}
        onConfirm={remove}
        onCancel={() => setDeleting(null)}
      >
        <p>{t('settings.people.deleteBody', { name: deleting?.name ?? '' })}</p>
      </ConfirmDialog>
    </Card>
  );
}
