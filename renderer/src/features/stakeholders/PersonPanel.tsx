/**
 * The side panel for one person (or a new one): every field of a stakeholder as a labelled form,
 * saved with the Save button (Enter in a text field) after checking it, the bid roles on a tender
 * map, and the person's lines (add a manager or an influence line without dragging). Customer-safe
 * (the customer audience, shared/domain/audience.ts) shows only what the one rule lets a customer
 * see: no attitude, relationship strength, influence, coach or veto-holder checkbox, favoured
 * competitor, wins, interests or notes; hidden fields are never written.
 */
import { useEffect, useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { MapMember, Stakeholder, stakeholderFieldsSchema } from '../../../../shared/api/stakeholders';
import type { Person } from '../../../../shared/api/accounts';
import { audienceOf, mayShow, rolesForAudience, type Audience, type InternalKey } from '../../../../shared/domain/audience';
import { attitudeColour } from '../../../../shared/domain/map-palette';
import {
  ATTITUDES,
  BUYING_ROLES,
  INFLUENCES,
  LEVELS,
  STRENGTHS,
  type Attitude,
  type BuyingRole,
  type Influence,
  type Level,
  type MapLine,
  type Strength,
} from '../../../../shared/domain/stakeholders';
import { ApiFailure } from '../../api/client';
import { cx } from '../../lib/cx';
import { errorText } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/icons';
import { SelectField } from '../../ui/SelectField';
import { TextArea } from '../../ui/TextArea';
import { TextField } from '../../ui/TextField';
import { shortDate } from '../../lib/format';
import { DateField } from '../../ui/DateField';

export type Fields = z.infer<typeof stakeholderFieldsSchema>;

export interface PersonActions {
  create: (fields: Fields & { name: string }, reportsTo: number | null) => Promise<Stakeholder>;
  update: (member: MapMember, patch: Fields) => Promise<void>;
  setBidRoles: (member: MapMember, roles: BuyingRole[]) => Promise<void>;
  askDelete: (member: MapMember) => void;
  removeFromTender: (member: MapMember) => Promise<void>;
  addLine: (kind: MapLine['kind'], fromId: number, toId: number) => Promise<void>;
  selectPerson: (id: number) => void;
  selectLine: (id: number) => void;
  close: () => void;
}

interface Draft {
  name: string;
  title: string;
  department: string;
  level: Level | '';
  roles: BuyingRole[];
  bidRoles: BuyingRole[];
  influence: Influence | '';
  attitude: string;
  strength: Strength;
  ownerId: string;
  lastContactSet: string;
  favoursCompetitor: string;
  orgWins: string;
  personalWins: string;
  interests: string;
  notes: string;
}

function draftOf(m: MapMember | null): Draft {
  return {
    name: m?.name ?? '',
    title: m?.title ?? '',
    department: m?.department ?? '',
    level: m?.level ?? '',
    roles: m?.roles ?? [],
    bidRoles: m?.mapRoles ?? [],
    influence: m?.influence ?? '',
    attitude: m?.attitude === null || m === null ? '' : String(m.attitude),
    strength: m?.strength ?? 'none',
    ownerId: m?.ownerId != null ? String(m.ownerId) : '',
    lastContactSet: m?.lastContactSet ?? '',
    favoursCompetitor: m?.favoursCompetitor ?? '',
    orgWins: m?.orgWins ?? '',
    personalWins: m?.personalWins ?? '',
    interests: m?.interests ?? '',
    notes: m?.notes ?? '',
  };
}

const sameRoles = (a: readonly BuyingRole[], b: readonly BuyingRole[]) => a.length === b.length && a.every((r) => b.includes(r));
const ordered = (roles: readonly BuyingRole[]) => BUYING_ROLES.filter((r) => roles.includes(r));

/** The fields of `d` that differ from `m` (all of them for a new person); only fields the audience sees (hidden ones are never written). */
function patchOf(d: Draft, m: MapMember | null, audience: Audience): Fields {
  const shows = (k: InternalKey) => mayShow(audience, k);
  const next: Fields = {
    name: d.name.trim(),
    title: d.title.trim(),
    department: d.department.trim(),
    level: d.level === '' ? null : d.level,
    // hidden roles (coach, veto holder for a customer) stay in the draft: they are kept, not dropped
    roles: ordered(d.roles),
    ownerId: d.ownerId === '' ? null : Number(d.ownerId),
    lastContactSet: d.lastContactSet === '' ? null : d.lastContactSet,
  };
  if (shows('influence')) next.influence = d.influence === '' ? null : d.influence;
  if (shows('strength')) next.strength = d.strength;
  if (shows('attitude')) next.attitude = d.attitude === '' ? null : (Number(d.attitude) as Attitude);
  if (shows('favoured-competitor')) next.favoursCompetitor = d.favoursCompetitor.trim();
  if (shows('private-notes')) {
    next.orgWins = d.orgWins.trim();
    next.personalWins = d.personalWins.trim();
    next.interests = d.interests.trim();
    next.notes = d.notes.trim();
  }
  if (!m) return next;
  const out: Fields = {};
  for (const [k, v] of Object.entries(next) as [keyof Fields, Fields[keyof Fields]][]) {
    const cur = m[k as keyof MapMember];
    const changed = Array.isArray(v) ? !sameRoles(v as BuyingRole[], cur as BuyingRole[]) : v !== cur;
    if (changed) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

/** A limit per field, as the API has it. */
const LIMITS: Partial<Record<keyof Draft, number>> = {
  name: 200,
  title: 200,
  department: 200,
  favoursCompetitor: 200,
  orgWins: 4000,
  personalWins: 4000,
  interests: 4000,
  notes: 20000,
};

type Errors = Partial<Record<keyof Draft, string>>;

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="ppanel__section" aria-labelledby={id}>
      <h3 id={id} className="ppanel__section-title">
        {title}
      </h3>
      {children}
    </section>
  );
}

function RoleChecks({ legend, hint, value, onChange, exclude }: { legend: string; hint?: string; value: BuyingRole[]; onChange: (v: BuyingRole[]) => void; exclude?: BuyingRole[] }) {
  const { t } = useTranslation();
  const hintId = useId();
  return (
    <fieldset className="ppanel__roles" aria-describedby={hint ? hintId : undefined}>
      <legend className="field__label">{legend}</legend>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <div className="ppanel__role-grid">
        {BUYING_ROLES.filter((r) => !exclude?.includes(r)).map((r) => (
          <label key={r} className="ppanel__check" title={t(`dmu.roleHints.${r}`)}>
            <input type="checkbox" checked={value.includes(r)} onChange={(e) => onChange(e.target.checked ? [...value, r] : value.filter((x) => x !== r))} />
            <span>{t(`dmu.roles.${r}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export interface PersonPanelProps {
  /** null: a new person. */
  member: MapMember | null;
  members: readonly MapMember[];
  lines: readonly MapLine[];
  people: readonly Person[];
  /** On a tender map: its name (bid roles and "remove from this tender" show). */
  tenderName: string | null;
  safe: boolean;
  today: string;
  /** For a new person: the manager picked beforehand. */
  reportsTo?: number | null;
  actions: PersonActions;
  onDirty: (dirty: boolean) => void;
}

export function PersonPanel({ member, members, lines, people, tenderName, safe, today, reportsTo = null, actions, onDirty }: PersonPanelProps) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(member));
  const [manager, setManager] = useState<string>(reportsTo !== null ? String(reportsTo) : '');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [lineBusy, setLineBusy] = useState(false);
  const [lineError, setLineError] = useState<string | null>(null);
  const headingId = useId();
  const isNew = member === null;

  // The person changed under the form (saved, undone, edited elsewhere): show them as they are now.
  const stamp = member ? `${member.updatedAt}|${member.mapRoles.join()}` : '';
  const [synced, setSynced] = useState(stamp);
  if (synced !== stamp) {
    setSynced(stamp);
    setDraft(draftOf(member));
    setErrors({});
  }

  const audience = audienceOf(safe);
  /** Whether the field is shown: the one audience rule (shared/domain/audience.ts), as in the exports. */
  const shows = (k: InternalKey) => mayShow(audience, k);
  /** Roles the audience does not see (customer: coach, veto holder): no checkbox, kept as they are. */
  const hiddenRoles = BUYING_ROLES.filter((r) => rolesForAudience([r], audience).length === 0);
  const patch = useMemo(() => patchOf(draft, member, audienceOf(safe)), [draft, member, safe]);
  const bidChanged = tenderName !== null && member !== null && !sameRoles(draft.bidRoles, member.mapRoles);
  const dirty = isNew ? draft.name.trim() !== '' || manager !== '' : Object.keys(patch).length > 0 || bidChanged;

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }));
    setErrors((e) => (e[k] ? { ...e, [k]: undefined } : e));
    setFormError(null);
  };

  // The screen asks before a selection elsewhere throws unsaved changes away.
  useEffect(() => {
    onDirty(dirty);
  }, [dirty, onDirty]);
  useEffect(() => () => onDirty(false), [onDirty]);

  const validate = (): Errors => {
    const out: Errors = {};
    if (draft.name.trim() === '') out.name = t('mapper.person.nameRequired');
    for (const [k, max] of Object.entries(LIMITS) as [keyof Draft, number][]) {
      const v = draft[k];
      if (typeof v === 'string' && v.trim().length > max) out[k] = t('mapper.person.tooLong', { max });
    }
    const taken = members.find((m) => m.name === draft.name.trim() && m.id !== member?.id);
    if (!out.name && taken) out.name = t('mapper.person.nameTaken', { name: taken.name });
    if (draft.lastContactSet && draft.lastContactSet > today) out.lastContactSet = t('mapper.person.futureContact');
    return out;
  };

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError(t('mapper.person.fixErrors', { n: Object.keys(found).length }));
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      if (isNew) {
        await actions.create({ ...patch, name: draft.name.trim() }, manager === '' ? null : Number(manager));
      } else {
        if (Object.keys(patch).length > 0) await actions.update(member, patch);
        if (bidChanged) await actions.setBidRoles(member, ordered(draft.bidRoles));
      }
    } catch (err) {
      if (err instanceof ApiFailure && err.code === 'conflict') {
        setErrors({ name: t('mapper.person.nameTaken', { name: draft.name.trim() }) });
        setFormError(t('mapper.person.fixErrors', { n: 1 }));
      } else {
        setFormError(errorText(t, err));
      }
    } finally {
      setBusy(false);
    }
  };

  const discard = () => {
    setDraft(draftOf(member));
    setManager(reportsTo !== null ? String(reportsTo) : '');
    setErrors({});
    setFormError(null);
  };

  const byName = useMemo(() => [...members].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')), [members]);
  const nameOf = useMemo(() => new Map(members.map((m) => [m.id, m.name])), [members]);
  const owners = people.filter((p) => p.active || String(p.id) === draft.ownerId);

  const addLine = async (kind: MapLine['kind'], toId: number) => {
    if (!member) return;
    setLineBusy(true);
    setLineError(null);
    try {
      await actions.addLine(kind, member.id, toId);
    } catch (err) {
      setLineError(errorText(t, err));
    } finally {
      setLineBusy(false);
    }
  };

  const mine = member ? lines.filter((l) => l.fromId === member.id || l.toId === member.id) : [];
  const managers = mine.filter((l) => l.kind === 'reports' && l.fromId === member?.id);
  const reports = mine.filter((l) => l.kind === 'reports' && l.toId === member?.id);
  const influence = safe ? [] : mine.filter((l) => l.kind === 'influence');
  const managerIds = new Set(managers.map((l) => l.toId));
  const influenced = new Set(influence.filter((l) => l.fromId === member?.id).map((l) => l.toId));

  const derived = member && member.lastContact && member.lastContact !== member.lastContactSet ? member.lastContact : null;

  return (
    <form className="ppanel" aria-labelledby={headingId} onSubmit={(e) => void submit(e)} noValidate data-testid="person-panel">
      <header className="ppanel__head">
        <h2 id={headingId} className="ppanel__title" tabIndex={-1}>
          {isNew ? t('mapper.person.newTitle') : member.name}
        </h2>
        <button type="button" className="map-icon-btn" aria-label={t('mapper.panel.close')} title={t('mapper.panel.closeTitle')} onClick={actions.close}>
          <Icon name="close" size={18} />
        </button>
      </header>
      {!isNew && (member.title || member.department) ? <p className="ppanel__lead">{[member.title, member.department].filter(Boolean).join(' · ')}</p> : null}

      <div className="ppanel__body">
        <Section title={t('mapper.person.basics')}>
          <TextField
            label={t('dmu.fields.name')}
            value={draft.name}
            onChange={(e) => set('name', e.target.value)}
            error={errors.name}
            required
            aria-required="true"
            autoComplete="off"
            data-autofocus={isNew ? true : undefined}
          />
          <div className="ppanel__pair">
            <TextField label={t('dmu.fields.title')} value={draft.title} onChange={(e) => set('title', e.target.value)} error={errors.title} autoComplete="off" />
            <TextField label={t('dmu.fields.department')} value={draft.department} onChange={(e) => set('department', e.target.value)} error={errors.department} autoComplete="off" />
          </div>
          <div className="ppanel__pair">
            <SelectField label={t('dmu.fields.level')} value={draft.level} onChange={(e) => set('level', e.target.value as Level | '')}>
              <option value="">{t('dmu.levelNone')}</option>
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`dmu.levels.${l}`)}
                </option>
              ))}
            </SelectField>
            {shows('influence') ? (
              <SelectField label={t('dmu.fields.influence')} value={draft.influence} onChange={(e) => set('influence', e.target.value as Influence | '')}>
                <option value="">{t('dmu.influenceNone')}</option>
                {INFLUENCES.map((l) => (
                  <option key={l} value={l}>
                    {t(`dmu.influences.${l}`)}
                  </option>
                ))}
              </SelectField>
            ) : null}
          </div>
          {isNew ? (
            <SelectField
              label={t('dmu.fields.reportsTo')}
              hint={t('mapper.person.reportsToHint')}
              value={manager}
              onChange={(e) => setManager(e.target.value)}
            >
              <option value="">{t('mapper.person.noManager')}</option>
              {byName.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.title ? t('mapper.nameTitle', { name: m.name, title: m.title }) : m.name}
                </option>
              ))}
            </SelectField>
          ) : null}
        </Section>

        <Section title={t('mapper.person.buying')}>
          <RoleChecks
            legend={tenderName !== null ? t('mapper.person.accountRoles') : t('dmu.fields.roles')}
            value={draft.roles}
            onChange={(v) => set('roles', v)}
            exclude={hiddenRoles}
          />
          {tenderName !== null && !isNew ? (
            <RoleChecks
              legend={t('mapper.person.bidRoles', { tender: tenderName })}
              hint={t('mapper.person.bidRolesHint')}
              value={draft.bidRoles}
              onChange={(v) => set('bidRoles', v)}
              exclude={hiddenRoles}
            />
          ) : null}
          {!shows('attitude') ? null : (
            <fieldset className="ppanel__attitude">
              <legend className="field__label">{t('dmu.fields.attitude')}</legend>
              <div className="attitude-scale">
                {['', ...ATTITUDES.map(String)].map((a) => (
                  <label key={a || 'unknown'} className={cx('attitude-scale__opt', draft.attitude === a && 'is-on')}>
                    <input type="radio" name={`${headingId}-attitude`} value={a} checked={draft.attitude === a} onChange={() => set('attitude', a)} />
                    <span className="attitude-scale__dot" style={{ background: attitudeColour(a === '' ? null : (Number(a) as Attitude)) }} aria-hidden="true" />
                    <span className="attitude-scale__text">
                      {a === '' ? t('mapper.person.attitudeUnknown') : `${Number(a) > 0 ? '+' : ''}${a} ${t(`dmu.attitudes.${a as '-2'}`)}`}
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          <div className="ppanel__pair">
            {shows('strength') ? (
              <SelectField label={t('dmu.fields.strength')} value={draft.strength} onChange={(e) => set('strength', e.target.value as Strength)}>
                {STRENGTHS.map((s) => (
                  <option key={s} value={s}>
                    {t(`dmu.strengths.${s}`)}
                  </option>
                ))}
              </SelectField>
            ) : null}
            <SelectField label={t('dmu.fields.owner')} value={draft.ownerId} onChange={(e) => set('ownerId', e.target.value)}>
              <option value="">{t('mapper.person.noOwner')}</option>
              {owners.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </SelectField>
          </div>
          <DateField
            label={t('dmu.fields.lastContact')}
            max={today}
            value={draft.lastContactSet}
            onChange={(v) => set('lastContactSet', v)}
            error={errors.lastContactSet}
            hint={derived ? t('mapper.person.lastContactDerived', { date: shortDate(derived, i18n.language) }) : t('mapper.person.lastContactHint')}
          />
        </Section>

        {shows('favoured-competitor') || shows('private-notes') ? (
        <Section title={t('mapper.person.wins')}>
          {!shows('favoured-competitor') ? null : (
            <TextField
              label={t('dmu.fields.favoursCompetitor')}
              value={draft.favoursCompetitor}
              onChange={(e) => set('favoursCompetitor', e.target.value)}
              error={errors.favoursCompetitor}
              autoComplete="off"
            />
          )}
          {!shows('private-notes') ? null : (
            <>
              <TextArea label={t('dmu.fields.orgWins')} rows={2} value={draft.orgWins} onChange={(e) => set('orgWins', e.target.value)} error={errors.orgWins} />
              <TextArea label={t('dmu.fields.personalWins')} rows={2} value={draft.personalWins} onChange={(e) => set('personalWins', e.target.value)} error={errors.personalWins} />
              <TextArea label={t('dmu.fields.interests')} rows={2} value={draft.interests} onChange={(e) => set('interests', e.target.value)} error={errors.interests} />
            </>
          )}
          {!shows('private-notes') ? null : (
            <TextArea
              label={t('dmu.fields.notes')}
              hint={t('mapper.person.notesHint')}
              rows={3}
              value={draft.notes}
              onChange={(e) => set('notes', e.target.value)}
              error={errors.notes}
            />
          )}
        </Section>
        ) : null}

        {!isNew ? (
          <Section title={t('mapper.person.lines')}>
            <ul className="ppanel__lines" role="list">
              {managers.map((l) => (
                <li key={l.id}>
                  <span className="ppanel__line-kind">{t(l.dotted ? 'dmu.lineKinds.dotted' : 'dmu.lineKinds.reports')}</span>
                  <button type="button" className="link-btn" onClick={() => actions.selectPerson(l.toId)}>
                    {nameOf.get(l.toId)}
                  </button>
                  <button type="button" className="link-btn ppanel__line-edit" onClick={() => actions.selectLine(l.id)}>
                    {t('mapper.person.editLine')}
                  </button>
                </li>
              ))}
              {reports.length > 0 ? (
                <li>
                  <span className="ppanel__line-kind">{t('mapper.person.reports')}</span>
                  <span className="ppanel__line-names">
                    {reports
                      .slice(0, 6)
                      .map((l) => nameOf.get(l.fromId))
                      .join(t('mapper.list'))}
                    {reports.length > 6 ? t('mapper.person.andMore', { n: reports.length - 6 }) : ''}
                  </span>
                </li>
              ) : null}
              {influence.map((l) => (
                <li key={l.id}>
                  <span className="ppanel__line-kind">{l.fromId === member.id ? t('mapper.person.influences') : t('mapper.person.influencedBy')}</span>
                  <button type="button" className="link-btn" onClick={() => actions.selectPerson(l.fromId === member.id ? l.toId : l.fromId)}>
                    {nameOf.get(l.fromId === member.id ? l.toId : l.fromId)}
                  </button>
                  <span className="ppanel__line-meta">{t(`dmu.lineStrengths.${String(l.strength) as '1'}`)}</span>
                  <button type="button" className="link-btn ppanel__line-edit" onClick={() => actions.selectLine(l.id)}>
                    {t('mapper.person.editLine')}
                  </button>
                </li>
              ))}
              {managers.length + reports.length + influence.length === 0 ? <li className="muted">{t('mapper.person.noLines')}</li> : null}
            </ul>
            <div className="ppanel__pair">
              <SelectField
                label={t('mapper.person.addManager')}
                value=""
                disabled={lineBusy}
                onChange={(e) => {
                  if (e.target.value) void addLine('reports', Number(e.target.value));
                }}
              >
                <option value="">{t('mapper.person.pick')}</option>
                {byName
                  .filter((m) => m.id !== member.id && !managerIds.has(m.id))
                  .map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.name}
                    </option>
                  ))}
              </SelectField>
              {safe ? null : (
                <SelectField
                  label={t('mapper.person.addInfluence')}
                  value=""
                  disabled={lineBusy}
                  onChange={(e) => {
                    if (e.target.value) void addLine('influence', Number(e.target.value));
                  }}
                >
                  <option value="">{t('mapper.person.pick')}</option>
                  {byName
                    .filter((m) => m.id !== member.id && !influenced.has(m.id))
                    .map((m) => (
                      <option key={m.id} value={m.id}>
                        {m.name}
                      </option>
                    ))}
                </SelectField>
              )}
            </div>
            {lineError ? (
              <p className="field__error" role="alert">
                {lineError}
              </p>
            ) : null}
          </Section>
        ) : null}
      </div>

      <footer className="ppanel__foot">
        {formError ? (
          <p className="ppanel__error" role="alert">
            {formError}
          </p>
        ) : dirty ? (
          <p className="ppanel__dirty" role="status">
            {t('mapper.person.unsaved')}
          </p>
        ) : null}
        <div className="ppanel__actions">
          <Button type="submit" variant="primary" busy={busy} disabled={!dirty && !isNew}>
            {isNew ? t('mapper.person.create') : t('common.save')}
          </Button>
          {dirty && !isNew ? (
            <Button variant="ghost" onClick={discard} disabled={busy}>
              {t('mapper.person.discard')}
            </Button>
          ) : null}
          {isNew ? (
            <Button variant="ghost" onClick={actions.close} disabled={busy}>
              {t('common.cancel')}
            </Button>
          ) : null}
          <span className="ppanel__spacer" />
          {!isNew && tenderName !== null ? (
            <Button size="sm" variant="ghost" onClick={() => void actions.removeFromTender(member)} title={t('mapper.person.removeFromTenderTitle', { tender: tenderName })}>
              {t('mapper.person.removeFromTender')}
            </Button>
          ) : null}
          {!isNew ? (
            <Button size="sm" variant="ghost" icon="trash" className="btn--danger-ghost" onClick={() => actions.askDelete(member)}>
              {t('mapper.person.delete')}
            </Button>
          ) : null}
        </div>
      </footer>
    </form>
  );
}
