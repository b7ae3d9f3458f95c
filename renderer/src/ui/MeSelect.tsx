/**
 * The "I am" (我是) select: who uses Keyplan here, chosen among our people, saved on change. Shown by
 * the settings' MeCard and by the board, which asks once when nobody is chosen.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../shared/api/board';
import { api } from '../api/client';
import { useApiQuery } from '../api/hooks';
import { useSaveAction } from './useSaveAction';

/** A labelled select of our active people (and "not chosen"); saves on change. */
export function MeSelect({ me, onSaved, autoFocus }: { me: Me | undefined; onSaved?: (me: Me) => void; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const people = useApiQuery('people-list', {}, ['people']);
  const { busy, error, run } = useSaveAction();
  const current = me?.person?.id ?? null;
  const active = (people.value ?? []).filter((p) => p.active || p.id === current);

  const choose = (value: string) =>
    run(() => api('user-set', { personId: value === '' ? null : Number(value) }), {
      success: (out) => (out.person ? t('settings.me.saved', { name: out.name }) : t('settings.me.cleared')),
      then: (out) => onSaved?.(out),
    });

  if (people.value && active.length === 0) return <p className="muted">{t('settings.me.noPeople')}</p>;
  return (
    <div className="field me-select">
      <label htmlFor={id} className="field__label">
        {t('settings.me.field')}
      </label>
      <div className="field__control">
        <select
          id={id}
          className="field__input field__select"
          value={current === null ? '' : String(current)}
          disabled={busy || me === undefined || people.value === undefined}
          aria-invalid={error ? true : undefined}
          autoFocus={autoFocus}
          onChange={(e) => void choose(e.target.value)}
        >
          <option value="">{t('settings.me.none')}</option>
          {active.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
