/**
 * Snapshots of a map: save it as it is under a label and a date ("投标前"), list the saved ones,
 * and compare two of them, or one with the map now: people added and removed, changes of attitude,
 * strength, influence, roles, owner, level and title, lines added and removed.
 */
import { audienceOf, snapshotChangeForAudience } from '../../../../shared/domain/audience';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnapshotComparison, SnapshotPersonChange } from '../../../../shared/api/stakeholders';
import type { Attitude, BuyingRole, Influence, Level, Strength } from '../../../../shared/domain/stakeholders';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { errorText } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { shortDate } from '../../lib/format';
import { mapWords } from './words';
import type { Locale } from '../../../../shared/i18n';
import { DateField } from '../../ui/DateField';

const NOW = 'now';

function valueText(c: SnapshotPersonChange, v: string | number | null, lang: Locale, none: string): string {
  const w = mapWords(lang);
  if (v === null || v === '') return none;
  switch (c.field) {
    case 'attitude':
      return w.attitude(Number(v) as Attitude);
    case 'strength':
      return w.strength(v as Strength);
    case 'influence':
      return w.influence(v as Influence);
    case 'level':
      return w.level(v as Level);
    case 'roles':
      return String(v)
        .split(',')
        .map((r) => w.role(r as BuyingRole))
        .join(w.list);
    default:
      return String(v);
  }
}

export function SnapshotsDialog({
  accountId,
  tenderId,
  today,
  safe,
  onClose,
}: {
  accountId: number;
  tenderId: number | null;
  today: string;
  safe: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  const ref = { accountId, ...(tenderId !== null ? { tenderId } : {}) };
  const list = useApiQuery('map-snapshots-list', ref, ['map_snapshots']);
  const [label, setLabel] = useState('');
  const [takenOn, setTakenOn] = useState(today);
  const [labelError, setLabelError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState(NOW);
  const [result, setResult] = useState<SnapshotComparison | null>(null);
  const resultId = useId();
  const snapshots = list.value ?? [];
  const fromValue = from || (snapshots[0] ? String(snapshots[0].id) : '');

  const save = async () => {
    if (label.trim() === '') {
      setLabelError(t('mapper.snapshots.labelRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api('map-snapshot-save', { ...ref, label: label.trim(), takenOn: takenOn || today });
      setLabel('');
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const compare = async (a: number, b: number | null) => {
    setBusy(true);
    setError(null);
    try {
      setResult(await api('map-snapshots-compare', { from: a, to: b }));
      requestAnimationFrame(() => document.getElementById(resultId)?.focus());
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (id: number) => {
    setBusy(true);
    setError(null);
    try {
      await api('map-snapshot-delete', { id });
      if (result && (result.from.id === id || result.to.id === id)) setResult(null);
      if (from === String(id)) setFrom('');
      if (to === String(id)) setTo(NOW);
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const date = (iso: string) => shortDate(iso, i18n.language);
  const refName = (r: SnapshotComparison['from']) => (r.id === null ? t('mapper.snapshots.now') : t('mapper.snapshots.ref', { label: r.label, date: date(r.takenOn) }));
  // the one audience rule (shared/domain/audience.ts): a customer sees no attitude, strength, influence, coach or veto change
  const audience = audienceOf(safe);
  const changes = result ? result.changed.flatMap((c) => snapshotChangeForAudience(c, audience) ?? []) : [];

  return (
    <Dialog open title={t('mapper.snapshots.title')} lead={t('mapper.snapshots.lead')} onClose={onClose} size="lg">
      <div className="dialog__body snaps">
        <form
          className="snaps__save"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          noValidate
        >
          <TextField
            label={t('mapper.snapshots.label')}
            placeholder={t('mapper.snapshots.labelPlaceholder')}
            value={label}
            maxLength={200}
            error={labelError}
            onChange={(e) => {
              setLabel(e.target.value);
              setLabelError(null);
            }}
          />
          <DateField label={t('mapper.snapshots.date')} max={today} value={takenOn} onChange={setTakenOn} />
          <Button type="submit" variant="primary" busy={busy} className="snaps__save-btn">
            {t('mapper.snapshots.save')}
          </Button>
        </form>

        {snapshots.length === 0 ? (
          <p className="muted">{list.value ? t('mapper.snapshots.none') : t('mapper.loading')}</p>
        ) : (
          <>
            <table className="table table--compact snaps__list" data-testid="snapshot-list">
              <caption className="visually-hidden">{t('mapper.snapshots.listCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('mapper.snapshots.label')}</th>
                  <th scope="col">{t('mapper.snapshots.date')}</th>
                  <th scope="col" className="num">
                    {t('mapper.snapshots.people')}
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">{t('mapper.snapshots.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {snapshots.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">{s.label}</th>
                    <td className="tabular">{date(s.takenOn)}</td>
                    <td className="num tabular">{s.people}</td>
                    <td className="snaps__actions">
                      <button type="button" className="link-btn" disabled={busy} onClick={() => void compare(s.id, null)}>
                        {t('mapper.snapshots.compareNow')}
                      </button>
                      <button
                        type="button"
                        className="link-btn link-btn--danger"
                        disabled={busy}
                        aria-label={t('mapper.snapshots.deleteLabel', { label: s.label })}
                        onClick={() => void remove(s.id)}
                      >
                        {t('mapper.snapshots.delete')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="snaps__compare">
              <SelectField label={t('mapper.snapshots.from')} value={fromValue} onChange={(e) => setFrom(e.target.value)}>
                {snapshots.map((s) => (
                  <option key={s.id} value={s.id}>
                    {t('mapper.snapshots.ref', { label: s.label, date: date(s.takenOn) })}
                  </option>
                ))}
              </SelectField>
              <SelectField label={t('mapper.snapshots.to')} value={to} onChange={(e) => setTo(e.target.value)}>
                <option value={NOW}>{t('mapper.snapshots.now')}</option>
                {snapshots.map((s) => (
                  <option key={s.id} value={s.id}>
                    {t('mapper.snapshots.ref', { label: s.label, date: date(s.takenOn) })}
                  </option>
                ))}
              </SelectField>
              <Button disabled={busy || !fromValue || fromValue === to} onClick={() => void compare(Number(fromValue), to === NOW ? null : Number(to))}>
                {t('mapper.snapshots.compare')}
              </Button>
            </div>
          </>
        )}
        {error ? (
          <p className="inline-error" role="alert">
            {error}
          </p>
        ) : null}

        {result ? (
          <section className="snaps__result" id={resultId} tabIndex={-1} aria-label={t('mapper.snapshots.resultTitle')} data-testid="snapshot-result">
            <h3 className="subheading">{t('mapper.snapshots.between', { from: refName(result.from), to: refName(result.to) })}</h3>
            <p className="snaps__summary">
              {t('mapper.snapshots.summary', {
                added: result.added.length,
                removed: result.removed.length,
                changed: changes.length,
                linesAdded: result.linesAdded,
                linesRemoved: result.linesRemoved,
              })}
            </p>
            {result.added.length > 0 ? (
              <p>
                <span className="snaps__tag snaps__tag--added">{t('mapper.snapshots.added')}</span>
                {result.added.map((p) => (p.title ? t('mapper.nameTitle', { name: p.name, title: p.title }) : p.name)).join(t('mapper.list'))}
              </p>
            ) : null}
            {result.removed.length > 0 ? (
              <p>
                <span className="snaps__tag snaps__tag--removed">{t('mapper.snapshots.removed')}</span>
                {result.removed.map((p) => (p.title ? t('mapper.nameTitle', { name: p.name, title: p.title }) : p.name)).join(t('mapper.list'))}
              </p>
            ) : null}
            {changes.length > 0 ? (
              <table className="table table--compact snaps__changes">
                <caption className="visually-hidden">{t('mapper.snapshots.changesCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('dmu.fields.name')}</th>
                    <th scope="col">{t('mapper.snapshots.field')}</th>
                    <th scope="col">{t('mapper.snapshots.before')}</th>
                    <th scope="col">{t('mapper.snapshots.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((c, i) => (
                    <tr key={`${c.id}-${c.field}-${i}`}>
                      <th scope="row">{c.name}</th>
                      <td>{t(`mapper.snapshots.fields.${c.field}`)}</td>
                      <td>{valueText(c, c.before, lang, t('mapper.snapshots.empty'))}</td>
                      <td>{valueText(c, c.after, lang, t('mapper.snapshots.empty'))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </section>
        ) : null}
      </div>
      <div className="dialog__actions">
        <Button onClick={onClose}>{t('common.close')}</Button>
      </div>
    </Dialog>
  );
}
