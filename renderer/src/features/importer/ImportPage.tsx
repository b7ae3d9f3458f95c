import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportReport } from '../../../../shared/api/accounts-views';
import { messages } from '../../../../shared/i18n';
import { api, ApiFailure } from '../../api/client';
import { hrefOf } from '../../app/routes';
import { cx } from '../../lib/cx';
import { errorText } from '../../lib/errors';
import { formatBytes } from '../../lib/format';
import { Button, ButtonLink } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Icon } from '../../ui/icons';
import { PageHeader } from '../../ui/PageHeader';
import { RowErrors } from '../../ui/RowErrors';
import { NotImported, targetName, TargetSelect } from './Columns';
import { readsAs, rowCurrency } from '../../../../shared/domain/reads-as';
import { columnName, duplicateTargets, IGNORE, MAX_IMPORT_BYTES, targetYears, toBase64 } from '../../lib/importMapping';
import { ScrollArea } from '../../ui/ScrollArea';

interface Loaded {
  name: string;
  size: number;
  base64: string;
  preview: ImportPreview;
  /** The first column was taken as the name because no header was recognised as one. */
  assumedName: string | null;
}


/** Previews a file; when no header names the account, retries with the first column as the name. */
async function previewFile(fileName: string, contentBase64: string): Promise<{ preview: ImportPreview; assumedName: string | null }> {
  try {
    return { preview: await api('import-preview', { fileName, contentBase64 }), assumedName: null };
  } catch (e) {
    // The backend refuses a preview without a name column; its error lists the columns, so the
    // person can still map one here instead of editing the file.
    const columns = e instanceof ApiFailure && e.code === 'import-no-name' ? String(e.params.columns ?? '') : '';
    const first = columns.split(', ')[0];
    if (!first) throw e;
    try {
      return { preview: await api('import-preview', { fileName, contentBase64, map: { [first]: 'name' } }), assumedName: first };
    } catch {
      throw e;
    }
  }
}

function Status({ children }: { children: string }) {
  return (
    <p className="busy-line" role="status">
      <span className="spinner" aria-hidden="true" />
      {children}
    </p>
  );
}

/**
 * Import accounts from CSV/XLSX: choose a file (read and encoded off the main thread), see its
 * format, encoding and first rows, check the column mapping, dry-run every row, then import all
 * rows or none (or skip the invalid ones).
 */
export function ImportPage() {
  const { t, i18n } = useTranslation();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<Loaded | null>(null);
  const [reading, setReading] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<string[]>([]);
  /** Columns whose select shows a suggested target not yet confirmed: not imported until it is. */
  const [pending, setPending] = useState<ReadonlySet<number>>(new Set());
  const [check, setCheck] = useState<{ report: ImportReport; key: string } | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [skip, setSkip] = useState(false);
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<string | null>(null);
  const [rejected, setRejected] = useState<ImportReport | null>(null);
  const [done, setDone] = useState<ImportReport | null>(null);

  const thisYear = new Date().getFullYear();
  // What the import is asked to do: a suggestion not yet confirmed is left out.
  const effective = useMemo(() => mapping.map((m, i) => (pending.has(i) ? IGNORE : m)), [mapping, pending]);
  const mappingKey = JSON.stringify(effective);
  const headers = useMemo(() => file?.preview.headers ?? [], [file]);
  const years = useMemo(
    () => targetYears(thisYear, [...(file?.preview.mapping.map((m) => m ?? IGNORE) ?? []), ...(file?.preview.notImported.map((c) => c.suggestion ?? IGNORE) ?? [])]),
    [thisYear, file],
  );
  const duplicates = duplicateTargets(headers, effective);
  const hasName = effective.includes('name');
  const mapReady = file !== null && hasName && duplicates.size === 0;
  const fresh = check !== null && check.key === mappingKey;
  const busy = reading || checking || running;
  const maxSize = formatBytes(MAX_IMPORT_BYTES, i18n.language, t);

  const reset = () => {
    setFile(null);
    setMapping([]);
    setPending(new Set());
    setCheck(null);
    setCheckError(null);
    setRunError(null);
    setRejected(null);
    setDone(null);
    setSkip(false);
  };

  const choose = async (picked: File) => {
    reset();
    setFileError(null);
    if (picked.size > MAX_IMPORT_BYTES) {
      setFileError(t('importer.file.tooBig', { size: formatBytes(picked.size, i18n.language, t), max: maxSize }));
      return;
    }
    setReading(true);
    try {
      const bytes = await picked.arrayBuffer();
      const base64 = await toBase64(bytes);
      const { preview, assumedName } = await previewFile(picked.name, base64);
      setFile({ name: picked.name, size: picked.size, base64, preview, assumedName });
      // A suggested target is shown in its column's select, marked, and left out until confirmed.
      const initial = preview.mapping.map((m) => m ?? IGNORE);
      const suggested = new Set<number>();
      for (const c of preview.notImported) {
        if (c.suggestion === null) continue;
        initial[c.index] = c.suggestion;
        suggested.add(c.index);
      }
      setMapping(initial);
      setPending(suggested);
    } catch (e) {
      setFileError(errorText(t, e));
    } finally {
      setReading(false);
    }
  };

  /**
   * The map the import is given: every column's target, "ignore" said out loud only where the
   * backend would otherwise fill a field from the header (so that a column recognised by no field
   * is reported as such, not as ignored by hand).
   */
  const mapArg = () => {
    const unknown = new Set(file?.preview.notImported.filter((c) => c.reason === 'unknown' && c.suggestion === null).map((c) => c.index));
    return Object.fromEntries(headers.map((h, i) => [h, effective[i] ?? IGNORE] as const).filter(([h, m], i) => h !== '' && !(m === IGNORE && unknown.has(i))));
  };

  /** A target chosen by hand (which confirms a suggestion). */
  const setTarget = (index: number, target: string) => {
    setMapping((m) => m.map((v, i) => (i === index ? target : v)));
    confirm(index);
  };
  const confirm = (index: number) =>
    setPending((p) => {
      const next = new Set(p);
      next.delete(index);
      return next;
    });

  const runCheck = async () => {
    if (!file || !mapReady) return;
    setChecking(true);
    setCheckError(null);
    setRejected(null);
    setRunError(null);
    try {
      // Skipping invalid rows in the dry run gives the counts for the valid ones and still lists
      // every bad row; whether they are skipped for real is the checkbox's decision.
      const report = await api('import-run', { fileName: file.name, contentBase64: file.base64, map: mapArg(), dryRun: true, skipInvalid: true });
      setCheck({ report, key: mappingKey });
    } catch (e) {
      setCheckError(errorText(t, e));
    } finally {
      setChecking(false);
    }
  };

  const runImport = async () => {
    if (!file || !mapReady || !fresh) return;
    setRunning(true);
    setRunError(null);
    setRejected(null);
    try {
      const report = await api('import-run', { fileName: file.name, contentBase64: file.base64, map: mapArg(), skipInvalid: skip });
      if (report.rejected) setRejected(report);
      else setDone(report);
    } catch (e) {
      setRunError(errorText(t, e));
    } finally {
      setRunning(false);
    }
  };

  const header = (
    <PageHeader
      title={t('importer.title')}
      lead={t('importer.lead')}
      aside={
        <ButtonLink href={hrefOf('accounts')} variant="ghost" icon="arrow-left">
          {t('importer.back')}
        </ButtonLink>
      }
    />
  );

  if (done) {
    const list = i18n.language.startsWith('zh') ? '、' : ', ';
    return (
      <>
        {header}
        <section className="empty import-done" aria-labelledby="import-done-title" data-testid="import-done">
          <div className="empty__icon empty__icon--success">
            <Icon name="check" size={28} />
          </div>
          <h2 id="import-done-title" className="empty__title" tabIndex={-1} ref={(el) => el?.focus()}>
            {t('importer.done.title')}
          </h2>
          <div className="empty__body">
            <p>{t('importer.done.body', { created: done.created, updated: done.updated })}</p>
            {done.skipped > 0 ? <p>{t('importer.done.skipped', { n: done.skipped })}</p> : null}
            {done.peopleCreated.length > 0 ? <p>{t('importer.done.people', { names: done.peopleCreated.join(list) })}</p> : null}
            {done.notImported.length > 0 ? (
              <p data-testid="import-done-not-imported">{t('importer.done.notImported', { columns: done.notImported.map((c) => columnName(t, c.column, c.index)).join(list) })}</p>
            ) : null}
          </div>
          <div className="empty__actions">
            <ButtonLink href={hrefOf('accounts')} variant="primary" icon="accounts">
              {t('importer.done.toAccounts')}
            </ButtonLink>
            <Button icon="upload" onClick={reset}>
              {t('importer.done.another')}
            </Button>
          </div>
        </section>
      </>
    );
  }

  const preview = file?.preview;
  const sampleRows = preview?.sample.slice(0, 8) ?? [];
  const report = fresh ? check.report : null;
  const badLines = report ? new Set(report.errors.map((e) => e.line)).size : 0;
  const list = i18n.language.startsWith('zh') ? '、' : ', ';

  return (
    <div className="importer" aria-busy={busy || undefined}>
      {header}

      <Card title={t('importer.file.title')} className="import-step">
        <div className="file-pick">
          <input
            ref={inputRef}
            id={inputId}
            className="file-pick__input"
            type="file"
            accept=".csv,.xlsx,.xlsm,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={busy}
            onChange={(e) => {
              const picked = e.target.files?.[0];
              e.target.value = '';
              if (picked) void choose(picked);
            }}
          />
          <label htmlFor={inputId} className={cx('btn', file ? 'btn--secondary' : 'btn--primary', busy && 'is-disabled')}>
            <Icon name="upload" size={18} />
            <span className="btn__label">{file ? t('importer.file.chooseAnother') : t('importer.file.choose')}</span>
          </label>
          <p className="field__hint">{t('importer.file.hint', { max: maxSize })}</p>
        </div>
        {reading ? <Status>{t('importer.file.reading')}</Status> : null}
        {fileError ? (
          <p className="inline-error" role="alert" data-testid="import-file-error">
            {fileError}
          </p>
        ) : null}
        {file && preview ? (
          <>
            <dl className="file-facts" data-testid="import-file-facts">
              <div>
                <dt>{file.name}</dt>
                <dd className="muted tabular">{formatBytes(file.size, i18n.language, t)}</dd>
              </div>
              <div>
                <dt>{t('importer.file.format')}</dt>
                <dd>{t(`importer.file.formats.${preview.format}`)}</dd>
              </div>
              <div>
                <dt>{t('importer.file.encoding')}</dt>
                <dd data-testid="import-encoding">
                  {preview.encoding && preview.encoding in messages['zh-CN'].importer.file.encodings
                    ? t(`importer.file.encodings.${preview.encoding as 'utf-8'}`)
                    : (preview.encoding ?? t('importer.file.encodings.none'))}
                </dd>
              </div>
              <div>
                <dt>{t('importer.file.rows')}</dt>
                <dd className="tabular">{t('importer.file.rowsValue', { n: preview.rows })}</dd>
              </div>
            </dl>
            <h3 className="subheading">{t('importer.sample.title')}</h3>
            <ScrollArea className="sample-scroll" label={t('importer.sample.caption', { file: file.name, n: sampleRows.length })}>
              <table className="table table--compact sample-table" data-testid="import-sample">
                <caption className="visually-hidden">{t('importer.sample.caption', { file: file.name, n: sampleRows.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      {t('importer.sample.line')}
                    </th>
                    {preview.headers.map((h, i) => (
                      <th key={i} scope="col">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {sampleRows.map((r) => (
                    <tr key={r.line}>
                      <th scope="row" className="num tabular muted">
                        {r.line}
                      </th>
                      {preview.headers.map((_, i) => (
                        <td key={i}>{r.cells[i] ?? ''}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollArea>
          </>
        ) : null}
      </Card>

      {file && preview ? (
        <Card title={t('importer.mapping.title')} lead={t('importer.mapping.lead')} className="import-step">
          {file.assumedName ? (
            <p className="inline-note" role="status">
              {t('importer.mapping.assumedName', { column: file.assumedName })}
            </p>
          ) : null}
          <table className="table mapping-table" data-testid="import-mapping">
            <caption className="visually-hidden">{t('importer.mapping.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('importer.mapping.source')}</th>
                <th scope="col">{t('importer.mapping.example')}</th>
                <th scope="col">{t('importer.mapping.readsAs')}</th>
                <th scope="col">{t('importer.mapping.target')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.headers.map((h, i) => {
                const value = mapping[i] ?? IGNORE;
                const guessed = preview.mapping[i];
                const exampleRow = preview.sample.find((r) => (r.cells[i] ?? '').trim() !== '');
                const example = exampleRow?.cells[i] ?? '';
                const dup = duplicates.has(effective[i] ?? IGNORE);
                const suggested = pending.has(i);
                const name = columnName(t, h, i);
                const read = readsAs(value, example, h, i18n.language, exampleRow ? rowCurrency(exampleRow.cells, preview.headers, effective) : null);
                return (
                  <tr key={i} className={cx(value === IGNORE && 'is-ignored', suggested && 'is-suggested', dup && 'is-invalid')}>
                    <th scope="row">{name}</th>
                    <td className="mapping-table__example">{example || <span className="muted">{t('importer.check.empty')}</span>}</td>
                    <td className="mapping-table__reads" data-testid={`import-reads-${i}`}>
                      {value === IGNORE || read.kind === 'none' ? (
                        <span className="muted">{value === IGNORE ? t('importer.mapping.notRead') : '—'}</span>
                      ) : read.kind === 'error' ? (
                        <span className="mapping-table__bad">{t(`domain.importError.${read.code}`)}</span>
                      ) : read.kind === 'bool' ? (
                        t(read.value ? 'importer.mapping.yes' : 'importer.mapping.no')
                      ) : (
                        read.text
                      )}
                    </td>
                    <td>
                      <div className="mapping-table__target">
                        <TargetSelect column={name} value={value} years={years} disabled={busy || h === ''} invalid={dup} onChange={(v) => setTarget(i, v)} />
                        <span className="mapping-table__tag">
                          {!suggested && guessed && guessed === value && !(file.assumedName === h && value === 'name') ? <span className="tag">{t('importer.mapping.guessed')}</span> : null}
                        </span>
                      </div>
                      {suggested ? (
                        <div className="mapping-table__suggest">
                          <span className="tag tag--suggested" title={t('importer.mapping.suggestedHint', { column: name, field: targetName(t, value) })}>
                            {t('importer.mapping.suggested')}
                          </span>
                          <Button size="sm" disabled={busy} aria-label={t('importer.mapping.confirmFor', { column: name })} onClick={() => confirm(i)}>
                            {t('importer.mapping.confirm')}
                          </Button>
                        </div>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {pending.size > 0 ? (
            <p className="inline-note" role="status" data-testid="import-suggested-note">
              {[...pending].map((i) => t('importer.mapping.suggestedHint', { column: columnName(t, headers[i] ?? '', i), field: targetName(t, mapping[i] ?? IGNORE) })).join(' ')}
            </p>
          ) : null}
          {!hasName ? (
            <p className="inline-error" role="alert">
              {t('importer.mapping.noName')}
            </p>
          ) : null}
          {[...duplicates].map(([target, cols]) => (
            <p key={target} className="inline-error" role="alert">
              {t('importer.mapping.duplicate', { field: targetName(t, target), columns: cols.join(list) })}
            </p>
          ))}
        </Card>
      ) : null}

      {file && preview ? (
        <Card title={t('importer.check.title')} lead={t('importer.check.lead')} className="import-step import-run">
          <div className="import-run__row">
            <Button variant={fresh ? 'secondary' : 'primary'} icon="check" busy={checking} disabled={!mapReady || running || reading} onClick={() => void runCheck()}>
              {t('importer.check.action')}
            </Button>
            {check && !fresh ? <span className="muted">{t('importer.mapping.changed')}</span> : null}
          </div>
          {checking ? <Status>{t('importer.check.busy', { n: preview.rows })}</Status> : null}
          {checkError ? (
            <p className="inline-error" role="alert">
              {checkError}
            </p>
          ) : null}
          {report ? (
            <div className="import-report" data-testid="import-report">
              <p className={cx('import-report__summary', report.errors.length === 0 && 'is-ok')}>
                {report.errors.length === 0
                  ? t('importer.check.summary', { rows: report.rows, created: report.created, updated: report.updated })
                  : t('importer.check.summarySkipped', { rows: report.rows, bad: badLines, created: report.created, updated: report.updated })}
                {report.errors.length === 0 ? ` ${t('importer.check.ok')}` : null}
              </p>
              {report.peopleCreated.length > 0 ? <p className="muted">{t('importer.check.people', { names: report.peopleCreated.join(list) })}</p> : null}
              <NotImported columns={report.notImported} mapping={mapping} pending={pending} years={years} disabled={busy} onMap={setTarget} onConfirm={confirm} />
              {report.errors.length > 0 ? <RowErrors errors={report.errors} testId="import-errors" /> : null}
            </div>
          ) : null}

          <div className="import-run__final">
            <label className="check">
              <input type="checkbox" checked={skip} disabled={busy} onChange={(e) => setSkip(e.target.checked)} />
              <span>
                {t('importer.run.skip')}
                <span className="check__hint">{t('importer.run.skipHint')}</span>
              </span>
            </label>
            <div className="import-run__row">
              <Button variant="primary" icon="upload" busy={running} disabled={!fresh || !mapReady || checking || reading} onClick={() => void runImport()}>
                {t('importer.run.action')}
              </Button>
              {!fresh ? <span className="muted">{t('importer.run.checkFirst')}</span> : null}
            </div>
            {running ? <Status>{t('importer.run.busy')}</Status> : null}
            {runError ? (
              <p className="inline-error" role="alert">
                {runError}
              </p>
            ) : null}
            {rejected ? (
              <p className="inline-error" role="alert" data-testid="import-rejected">
                {t('importer.run.rejected', { n: new Set(rejected.errors.map((e) => e.line)).size })}
              </p>
            ) : null}
          </div>
        </Card>
      ) : null}
    </div>
  );
}
