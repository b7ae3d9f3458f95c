/**
 * The side panel for one line: who reports to whom (solid or dotted-line manager) or who sways
 * whom (and how strongly); changes apply at once and can be undone; delete.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LINE_STRENGTHS, type LineStrength, type MapLine } from '../../../../shared/domain/stakeholders';
import { errorText } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/icons';

export interface LineActions {
  update: (line: MapLine, patch: { dotted?: boolean; strength?: LineStrength }) => Promise<void>;
  remove: (line: MapLine) => Promise<void>;
  selectPerson: (id: number) => void;
  close: () => void;
}

export function LinePanel({ line, names, actions }: { line: MapLine; names: ReadonlyMap<number, string>; actions: LineActions }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const from = names.get(line.fromId) ?? '';
  const to = names.get(line.toId) ?? '';

  const act = async (job: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await job();
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const title = line.kind === 'reports' ? t(line.dotted ? 'mapper.line.dottedTitle' : 'mapper.line.reportsTitle') : t('mapper.line.influenceTitle');

  return (
    <section className="ppanel lpanel" aria-labelledby={headingId} data-testid="line-panel">
      <header className="ppanel__head">
        <h2 id={headingId} className="ppanel__title" tabIndex={-1}>
          {title}
        </h2>
        <button type="button" className="map-icon-btn" aria-label={t('mapper.panel.close')} title={t('mapper.panel.closeTitle')} onClick={actions.close}>
          <Icon name="close" size={18} />
        </button>
      </header>
      <div className="ppanel__body">
        <p className="lpanel__ends">
          <button type="button" className="link-btn" onClick={() => actions.selectPerson(line.fromId)}>
            {from}
          </button>
          <span className="lpanel__verb">{line.kind === 'reports' ? t('mapper.line.reportsVerb') : t('mapper.line.influencesVerb')}</span>
          <button type="button" className="link-btn" onClick={() => actions.selectPerson(line.toId)}>
            {to}
          </button>
        </p>
        {line.kind === 'reports' ? (
          <label className="check">
            <input type="checkbox" checked={line.dotted} disabled={busy} onChange={(e) => void act(() => actions.update(line, { dotted: e.target.checked }))} />
            <span>
              {t('mapper.line.dotted')}
              <span className="check__hint">{t('mapper.line.dottedHint')}</span>
            </span>
          </label>
        ) : (
          <fieldset className="lpanel__strength">
            <legend className="field__label">{t('mapper.line.strength')}</legend>
            <div className="segmented">
              {LINE_STRENGTHS.map((s) => (
                <label key={s} className="segmented__opt">
                  <input
                    type="radio"
                    name={`${headingId}-strength`}
                    checked={line.strength === s}
                    disabled={busy}
                    onChange={() => void act(() => actions.update(line, { strength: s }))}
                  />
                  <span>{t(`dmu.lineStrengths.${String(s) as '1'}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <p className="field__hint">{line.kind === 'reports' ? t('mapper.line.reportsHint') : t('mapper.line.influenceHint')}</p>
        {error ? (
          <p className="field__error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <footer className="ppanel__foot">
        <div className="ppanel__actions">
          <span className="ppanel__spacer" />
          <Button size="sm" variant="ghost" icon="trash" className="btn--danger-ghost" busy={busy} onClick={() => void act(() => actions.remove(line))}>
            {t('mapper.line.delete')}
          </Button>
        </div>
      </footer>
    </section>
  );
}
