import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountDetail } from '../../../../../shared/api/accounts';
import { api } from '../../../api/client';
import { Button } from '../../../ui/Button';
import { Icon } from '../../../ui/icons';
import { SelectField } from '../OptionSelect';
import { TextField } from '../../../ui/TextField';
import { tk } from '../../../lib/format';
import { usePeople } from '../reference';
import { useSaveAction } from '../../../ui/useSaveAction';

type Member = { personId: number; role: string };

/** Enter inside the editor acts here instead of submitting the surrounding form. */
function enter(e: KeyboardEvent<HTMLInputElement>, run: () => void) {
  if (e.key !== 'Enter') return;
  e.preventDefault();
  run();
}

/** The account team: who on our side works on the account, and what each does. Saved at once. */
export function TeamEditor({ detail }: { detail: AccountDetail }) {
  const { t } = useTranslation();
  const people = usePeople();
  const accountId = detail.account.id;
  const team = detail.team;
  const [personId, setPersonId] = useState('');
  const [role, setRole] = useState('');
  const [roles, setRoles] = useState<Record<number, string>>({});
  const { busy, error, run } = useSaveAction();

  const members = (): Member[] => team.map((m) => ({ personId: m.personId, role: roles[m.personId] ?? m.role }));
  const save = (next: Member[], then?: () => void) =>
    run(() => api('accounts-team-set', { accountId, members: next.map((m) => ({ personId: m.personId, role: m.role.trim() })) }), {
      success: () => t('accounts.team.saved'),
      then: () => {
        setRoles({});
        then?.();
      },
    });

  // Not a <form>: the editor sits inside the Overview form, and forms do not nest.
  const add = async () => {
    if (!personId) return;
    await save([...members(), { personId: Number(personId), role }], () => {
      setPersonId('');
      setRole('');
    });
  };

  const inTeam = new Set(team.map((m) => m.personId));
  const candidates = people.list.filter((p) => p.active && !inTeam.has(p.id));

  return (
    <div className="team">
      {team.length === 0 ? (
        <p className="muted">{t('accounts.team.empty')}</p>
      ) : (
        <ul className="team__list" role="list">
          {team.map((m) => (
            <li key={m.personId} className="team__item">
              <div className="team__who">
                <span className="team__name">{m.name}</span>
                <span className="team__role muted">{tk(t, `domain.personRole.${m.personRole}`)}</span>
              </div>
              <TextField
                label={t('accounts.team.role')}
                hideLabel
                className="team__duty"
                value={roles[m.personId] ?? m.role}
                placeholder={t('accounts.team.rolePlaceholder')}
                maxLength={100}
                onChange={(e) => setRoles((r) => ({ ...r, [m.personId]: e.target.value }))}
                onKeyDown={(e) => enter(e, () => e.currentTarget.blur())}
                onBlur={() => {
                  if (roles[m.personId] !== undefined && roles[m.personId] !== m.role) void save(members());
                }}
              />
              <button
                type="button"
                className="icon-btn"
                aria-label={t('accounts.team.removeFor', { name: m.name })}
                title={t('accounts.team.removeFor', { name: m.name })}
                disabled={busy}
                onClick={() => void save(members().filter((x) => x.personId !== m.personId))}
              >
                <Icon name="close" size={16} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="team__add">
        <SelectField
          label={t('accounts.team.person')}
          emptyLabel={t('accounts.team.pick')}
          options={candidates.map((p) => ({ value: String(p.id), label: `${p.name} · ${tk(t, `domain.personRole.${p.role}`)}` }))}
          value={personId}
          onChange={(e) => setPersonId(e.target.value)}
        />
        <TextField
          label={t('accounts.team.role')}
          value={role}
          placeholder={t('accounts.team.rolePlaceholder')}
          maxLength={100}
          onChange={(e) => setRole(e.target.value)}
          onKeyDown={(e) => enter(e, () => void add())}
        />
        <Button icon="plus" disabled={!personId} busy={busy} onClick={() => void add()}>
          {t('accounts.team.add')}
        </Button>
      </div>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
