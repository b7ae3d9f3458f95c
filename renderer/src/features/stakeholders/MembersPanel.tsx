/**
 * On a tender map: pick people of the account to put on it (the evaluation committee and whoever
 * matters for this bid). Their bid roles are set afterwards in each person's panel.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StakeholderMap } from '../../../../shared/api/stakeholders';
import { errorText } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/icons';

export function MembersPanel({
  candidates,
  tenderName,
  onAdd,
  onNew,
  onClose,
}: {
  candidates: StakeholderMap['notOnMap'];
  tenderName: string;
  onAdd: (ids: number[]) => Promise<void>;
  onNew: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const filterId = useId();
  const [filter, setFilter] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const list = [...candidates].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    return f ? list.filter((c) => `${c.name} ${c.title}`.toLowerCase().includes(f)) : list;
  }, [candidates, filter]);

  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      await onAdd([...chosen]);
      setChosen(new Set());
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="ppanel" aria-labelledby={headingId} data-testid="members-panel">
      <header className="ppanel__head">
        <h2 id={headingId} className="ppanel__title" tabIndex={-1}>
          {t('mapper.members.title')}
        </h2>
        <button type="button" className="map-icon-btn" aria-label={t('mapper.panel.close')} title={t('mapper.panel.closeTitle')} onClick={onClose}>
          <Icon name="close" size={18} />
        </button>
      </header>
      <p className="ppanel__lead">{t('mapper.members.lead', { tender: tenderName })}</p>
      <div className="ppanel__body">
        {candidates.length === 0 ? (
          <p className="muted">{t('mapper.members.none')}</p>
        ) : (
          <>
            <label htmlFor={filterId} className="visually-hidden">
              {t('mapper.members.filter')}
            </label>
            <input
              id={filterId}
              className="field__input"
              type="search"
              placeholder={t('mapper.members.filter')}
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              autoComplete="off"
              data-autofocus
            />
            <fieldset className="members">
              <legend className="visually-hidden">{t('mapper.members.title')}</legend>
              {shown.map((c) => (
                <label key={c.id} className="members__opt">
                  <input
                    type="checkbox"
                    checked={chosen.has(c.id)}
                    onChange={(e) => {
                      const next = new Set(chosen);
                      if (e.target.checked) next.add(c.id);
                      else next.delete(c.id);
                      setChosen(next);
                    }}
                  />
                  <span className="members__name">{c.name}</span>
                  {c.title ? <span className="members__title">{c.title}</span> : null}
                </label>
              ))}
              {shown.length === 0 ? <p className="muted">{t('mapper.members.noMatch')}</p> : null}
            </fieldset>
          </>
        )}
        {error ? (
          <p className="field__error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <footer className="ppanel__foot">
        <div className="ppanel__actions">
          <Button variant="primary" icon="plus" busy={busy} disabled={chosen.size === 0} onClick={() => void add()}>
            {chosen.size > 0 ? t('mapper.members.addN', { n: chosen.size }) : t('mapper.members.add')}
          </Button>
          <span className="ppanel__spacer" />
          <Button size="sm" variant="ghost" onClick={onNew}>
            {t('mapper.members.new')}
          </Button>
        </div>
      </footer>
    </section>
  );
}
