/**
 * Import the buyer's people for this account from CSV or XLSX: pick the file, check the columns
 * (recognised by their Chinese or English names; change any), see what a dry run would do and every
 * bad row, then import all rows or none (or skip the bad ones). The account importer's rules.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../shared/api/accounts-views';
import type { StakeholderImportReport } from '../../../../shared/api/stakeholders';
import { STAKEHOLDER_IMPORT_FIELDS } from '../../../../shared/domain/import-fields';
import { api } from '../../api/client';
import { cx } from '../../lib/cx';
import { errorText } from '../../lib/errors';
import { formatBytes } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Icon } from '../../ui/icons';
import { RowErrors } from '../../ui/RowErrors';
import { columnName, duplicateTargets, IGNORE, MAX_IMPORT_BYTES, toBase64 } from '../../lib/importMapping';


interface Loaded {
  name: string;
  base64: string;
  preview: ImportPreview;
}

/**
 * The map an import is given: every column's target, "ignore" said out loud only where the header
 * names a field (a column no field recognises is then reported as such, not as ignored by hand).
 */
function mapOf(loaded: Loaded | null, m: string[]): Record<string, string> {
  if (!loaded) return {};
  const unknown = new Set(loaded.preview.notImported.filter((c) => c.reason === 'unknown').map((c) => c.index));
  return Object.fromEntries(loaded.preview.headers.map((h, i) => [h, m[i] ?? IGNORE] as const).filter(([h, t], i) => h !== '' && !(t === IGNORE && unknown.has(i))));
}

export function ImportDialog({ accountId, accountName, onClose, onDone }: { accountId: number; accountName: string; onClose: () => void; onDone: (r: StakeholderImportReport) => void }) {
  const { t, i18n } = useTranslation();
  const inputId = useId();
  const [file, setFile] = useState<Loaded | null>(null);
  const [mapping, setMapping] = useState<string[]>([]);
  const [check, setCheck] = useState<{ report: StakeholderImportReport; key: string } | null>(null);
  const [skip, setSkip] = useState(false);
  const [inferLevels, setInferLevels] = useState(false);
  const [busy, setBusy] = useState<'read' | 'check' | 'run' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rejected, setRejected] = useState<StakeholderImportReport | null>(null);

  const headers = file?.preview.headers ?? [];
  const key = JSON.stringify(mapping);
  const duplicates = duplicateTargets(headers, mapping);
  const hasName = mapping.includes('name');
  const ready = file !== null && hasName && duplicates.size === 0;
  const fresh = check !== null && check.key === key;
  const list = i18n.language.startsWith('zh') ? '、' : ', ';
  const mapArg = (m: string[]) => mapOf(file, m);

  const runCheck = async (loaded: Loaded, m: string[]) => {
    setBusy('check');
    setError(null);
    setRejected(null);
    try {
      const report = await api('stakeholders-import', {
        accountId,
        fileName: loaded.name,
        contentBase64: loaded.base64,
        map: mapOf(loaded, m),
        dryRun: true,
        skipInvalid: true,
      });
      setCheck({ report, key: JSON.stringify(m) });
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(null);
    }
  };

  const choose = async (picked: File) => {
    setFile(null);
    setCheck(null);
    setInferLevels(false);
    setRejected(null);
    setError(null);
    if (picked.size > MAX_IMPORT_BYTES) {
      setError(t('importer.file.tooBig', { size: formatBytes(picked.size, i18n.language, t), max: formatBytes(MAX_IMPORT_BYTES, i18n.language, t) }));
      return;
    }
    setBusy('read');
    try {
      const base64 = await toBase64(await picked.arrayBuffer());
      const preview = await api('stakeholders-import-preview', { accountId, fileName: picked.name, contentBase64: base64 });
      const loaded = { name: picked.name, base64, preview };
      const m = preview.mapping.map((x) => x ?? IGNORE);
      setFile(loaded);
      setMapping(m);
      setBusy(null);
      if (m.includes('name')) await runCheck(loaded, m);
    } catch (e) {
      setError(errorText(t, e));
      setBusy(null);
    }
  };

  const runImport = async () => {
    if (!file || !ready || !fresh) return;
    setBusy('run');
    setError(null);
    setRejected(null);
    try {
      const levels = inferLevels && check !== null && check.report.levelSuggestions.length > 0;
      const report = await api('stakeholders-import', {
        accountId,
        fileName: file.name,
        contentBase64: file.base64,
        map: mapArg(mapping),
        skipInvalid: skip,
        ...(levels ? { inferLevels: true } : {}),
      });
      if (report.rejected) setRejected(report);
      else onDone(report);
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(null);
    }
  };

  const report = fresh ? check.report : null;
  const badLines = report ? new Set(report.errors.map((e) => e.line)).size : 0;

  return (
    <Dialog open title={t('mapper.import.title', { account: accountName })} lead={t('mapper.import.lead')} onClose={onClose} busy={busy === 'run'} size="lg">
      <div className="dialog__body mimport" aria-busy={busy !== null || undefined}>
        <div className="file-pick">
          <input
            id={inputId}
            className="file-pick__input"
            type="file"
            accept=".csv,.xlsx,.xlsm,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={busy !== null}
            data-testid="stakeholder-import-file"
            onChange={(e) => {
              const picked = e.target.files?.[0];
              e.target.value = '';
              if (picked) void choose(picked);
            }}
          />
          <label htmlFor={inputId} className={cx('btn', file ? 'btn--secondary' : 'btn--primary', busy !== null && 'is-disabled')}>
            <Icon name="upload" size={18} />
            <span className="btn__label">{file ? t('importer.file.chooseAnother') : t('importer.file.choose')}</span>
          </label>
          <p className="field__hint">{t('mapper.import.hint')}</p>
        </div>
        {busy === 'read' ? (
          <p className="busy-line" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('importer.file.reading')}
          </p>
        ) : null}

        {file ? (
          <>
            <p className="mimport__file">
              <strong>{file.name}</strong> <span className="muted">{t('importer.file.rowsValue', { n: file.preview.rows })}</span>
            </p>
            <table className="table table--compact mimport__map" data-testid="stakeholder-import-mapping">
              <caption className="visually-hidden">{t('importer.mapping.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('importer.mapping.source')}</th>
                  <th scope="col">{t('importer.mapping.example')}</th>
                  <th scope="col">{t('importer.mapping.target')}</th>
                </tr>
              </thead>
              <tbody>
                {headers.map((h, i) => {
                  const value = mapping[i] ?? IGNORE;
                  const example = file.preview.sample.find((r) => (r.cells[i] ?? '').trim() !== '')?.cells[i] ?? '';
                  return (
                    <tr key={i} className={cx(value === IGNORE && 'is-ignored', duplicates.has(value) && 'is-invalid')}>
                      <th scope="row">{h}</th>
                      <td className="mimport__example">{example || <span className="muted">{t('importer.check.empty')}</span>}</td>
                      <td>
                        <select
                          className="field__input field__select"
                          aria-label={t('importer.mapping.targetFor', { column: h })}
                          aria-invalid={duplicates.has(value) || undefined}
                          value={value}
                          disabled={busy !== null}
                          onChange={(e) => {
                            const next = [...mapping];
                            next[i] = e.target.value;
                            setMapping(next);
                          }}
                        >
                          <option value={IGNORE}>{t('domain.field.ignore')}</option>
                          {STAKEHOLDER_IMPORT_FIELDS.map((f) => (
                            <option key={f} value={f}>
                              {t(`dmu.fields.${f}`)}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {!hasName ? (
              <p className="inline-error" role="alert">
                {t('mapper.import.noName')}
              </p>
            ) : null}
            {[...duplicates].map(([target, cols]) => (
              <p key={target} className="inline-error" role="alert">
                {t('importer.mapping.duplicate', { field: t(`dmu.fields.${target as 'name'}`), columns: cols.join(list) })}
              </p>
            ))}
            <div className="import-run__row">
              <Button variant={fresh ? 'secondary' : 'primary'} icon="check" busy={busy === 'check'} disabled={!ready || busy !== null} onClick={() => void runCheck(file, mapping)}>
                {t('importer.check.action')}
              </Button>
              {check && !fresh ? <span className="muted">{t('importer.mapping.changed')}</span> : null}
            </div>
            {report ? (
              <div className="import-report" data-testid="stakeholder-import-report">
                <p className={cx('import-report__summary', report.errors.length === 0 && 'is-ok')}>
                  {t('mapper.import.summary', { rows: report.rows, created: report.created, updated: report.updated, lines: report.linesCreated })}
                  {report.errors.length > 0 ? ` ${t('mapper.import.bad', { n: badLines })}` : ` ${t('importer.check.ok')}`}
                </p>
                {report.peopleCreated.length > 0 ? <p className="muted">{t('mapper.import.team', { names: report.peopleCreated.join(list) })}</p> : null}
                {report.levelSuggestions.length > 0 ? (
                  <LevelSuggestions report={report} apply={inferLevels} disabled={busy !== null} onApply={setInferLevels} />
                ) : null}
                {report.notImported.length > 0 ? (
                  <div className="not-imported" data-testid="stakeholder-import-not-imported">
                    <h3 className="subheading subheading--warning">{t('importer.check.notImportedTitle', { n: report.notImported.length })}</h3>
                    <p className="muted">{t('importer.check.notImportedLead')}</p>
                    <ul className="not-imported__names">
                      {report.notImported.map((c) => (
                        <li key={c.index}>
                          <strong>{columnName(t, c.column, c.index)}</strong> <span className="muted">{t(`importer.check.reasons.${c.reason}`)}</span>
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                {report.errors.length > 0 ? <RowErrors errors={report.errors} testId="stakeholder-import-errors" heading="h3" /> : null}
              </div>
            ) : null}
          </>
        ) : null}
        {error ? (
          <p className="inline-error" role="alert">
            {error}
          </p>
        ) : null}
        {rejected ? (
          <p className="inline-error" role="alert" data-testid="stakeholder-import-rejected">
            {t('importer.run.rejected', { n: new Set(rejected.errors.map((e) => e.line)).size })}
          </p>
        ) : null}
      </div>
      <div className="dialog__actions mimport__actions">
        {file ? (
          <label className="check mimport__skip">
            <input type="checkbox" checked={skip} disabled={busy !== null} onChange={(e) => setSkip(e.target.checked)} />
            <span>{t('importer.run.skip')}</span>
          </label>
        ) : null}
        <Button onClick={onClose} disabled={busy === 'run'}>
          {t('common.cancel')}
        </Button>
        <Button variant="primary" icon="upload" busy={busy === 'run'} disabled={!fresh || !ready || busy !== null} onClick={() => void runImport()}>
          {t('mapper.import.run')}
        </Button>
      </div>
    </Dialog>
  );
}

/** The levels the titles suggest (the file has no level column), with the box that confirms them. */
function LevelSuggestions({ report, apply, disabled, onApply }: { report: StakeholderImportReport; apply: boolean; disabled: boolean; onApply: (v: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <section className="mimport__levels" data-testid="stakeholder-import-levels" aria-labelledby="mimport-levels-title">
      <h3 className="subheading" id="mimport-levels-title">
        {t('mapper.import.levels.title', { n: report.levelSuggestions.length })}
      </h3>
      <p className="muted">{t('mapper.import.levels.lead')}</p>
      <label className="check">
        <input type="checkbox" checked={apply} disabled={disabled} onChange={(e) => onApply(e.target.checked)} />
        <span>{t('mapper.import.levels.apply')}</span>
      </label>
      <div className="mimport__levels-scroll" tabIndex={0} role="region" aria-label={t('mapper.import.levels.caption')}>
        <table className="table table--compact">
          <caption className="visually-hidden">{t('mapper.import.levels.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('importer.check.line')}
              </th>
              <th scope="col">{t('dmu.fields.name')}</th>
              <th scope="col">{t('dmu.fields.title')}</th>
              <th scope="col">{t('dmu.fields.level')}</th>
              <th scope="col">{t('mapper.import.levels.word')}</th>
            </tr>
          </thead>
          <tbody>
            {report.levelSuggestions.map((s) => (
              <tr key={s.line}>
                <th scope="row" className="num tabular">
                  {s.line}
                </th>
                <td>{s.name}</td>
                <td>{s.title}</td>
                <td>{t(`dmu.levels.${s.level}`)}</td>
                <td className="muted">{s.word}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
