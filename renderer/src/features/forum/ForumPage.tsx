import { INTERNAL_ONLY } from '../../../../shared/domain/audience';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FORUM_MAX_ACCOUNTS, type ExportProgress } from '../../../../shared/api/forum';
import { api } from '../../api/client';
import { useApiQuery, useEvent } from '../../api/hooks';
import { errorCode, errorText } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { NextStep } from '../../app/NextStep';
import { EmptyState } from '../../ui/EmptyState';
import { useNotice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { localToday, money } from '../../lib/format';
import { downloadBase64 } from '../../lib/download';
import { Presentation } from './Presentation';

/**
 * The customer forum: pick the year and the accounts (by default those with a plan that year, else
 * the largest), customer-safe or not, then present the deck full-screen or export it as a 16:9 PDF
 * with a progress bar and a Cancel button.
 */
export function ForumPage() {
  const { t, i18n } = useTranslation();
  const notify = useNotice();
  const locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  const thisYear = Number(localToday().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const offered = useApiQuery('forum-accounts', { year, today: localToday() }, ['accounts', 'plans', 'account_revenue']);
  const [chosen, setChosen] = useState<number[] | null>(null);
  const [safe, setSafe] = useState(false);
  const [deck, setDeck] = useState<{ html: string; slides: number } | null>(null);
  const [preparing, setPreparing] = useState(false);
  const [job, setJob] = useState<{ id: string; progress: ExportProgress | null } | null>(null);

  const accounts = useMemo(() => offered.value?.accounts ?? [], [offered.value]);
  const selected = chosen ?? offered.value?.defaults ?? [];
  const toggle = (id: number) => setChosen(selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id]);
  const valid = selected.length > 0 && selected.length <= FORUM_MAX_ACCOUNTS;

  const onProgress = useCallback((p: ExportProgress) => setJob((j) => (j && j.id === p.jobId ? { ...j, progress: p } : j)), []);
  useEvent('export-progress', onProgress);

  const present = async () => {
    setPreparing(true);
    try {
      const d = await api('forum-deck', { year, accountIds: selected, locale, safe, today: localToday() });
      setDeck(d);
    } catch (e) {
      notify.error(errorText(t, e));
    } finally {
      setPreparing(false);
    }
  };

  const exportPdf = async () => {
    const id = `forum-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    setJob({ id, progress: null });
    try {
      const file = await api('forum-export', { year, accountIds: selected, locale, safe, jobId: id, today: localToday() });
      downloadBase64(file);
      notify.success(t('forum.exported', { file: file.fileName }));
    } catch (e) {
      if (errorCode(e) === 'export-cancelled') notify.success(t('forum.cancelled'));
      else notify.error(errorText(t, e));
    } finally {
      setJob(null);
    }
  };
  const cancel = () => {
    if (job) void api('export-cancel', { jobId: job.id });
  };

  if (offered.value && accounts.length === 0) {
    return (
      <div className="forum-page">
        <PageHeader title={t('forum.title')} lead={t('forum.lead')} />
        <EmptyState icon="forum" title={t('forum.emptyTitle')}>
          {t('forum.emptyBody')}
        </EmptyState>
        <NextStep />
      </div>
    );
  }

  const p = job?.progress;
  return (
    <div className="forum-page">
      <PageHeader title={t('forum.title')} lead={t('forum.lead')} />
      <Card>
        <div className="forum-controls">
          <label className="forum-field">
            <span>{t('forum.year')}</span>
            <select value={year} onChange={(e) => { setYear(Number(e.target.value)); setChosen(null); }}>
              {[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <label className="forum-check" title={INTERNAL_ONLY.map((k) => t(`audience.internal.${k}`)).join(t('audience.listSeparator'))}>
            <input type="checkbox" checked={safe} onChange={(e) => setSafe(e.target.checked)} />
            <span>{t('forum.safe')}</span>
          </label>
          <div className="forum-actions">
            <Button variant="primary" icon="forum" onClick={() => void present()} busy={preparing} disabled={!valid || !!job}>
              {t('forum.present')}
            </Button>
            <Button icon="download" onClick={() => void exportPdf()} busy={!!job} disabled={!valid || !!job}>
              {job ? t('forum.exporting') : t('forum.exportPdf')}
            </Button>
          </div>
        </div>
        {job && (
          <div className="forum-progress" role="status">
            <progress max={p?.total ?? 1} value={p?.done ?? 0} aria-label={t('forum.exporting')} />
            <span>{p ? t('forum.progress', { stage: p.account ?? t(`forumDoc.stages.${p.stage}`), done: p.done, total: p.total }) : t('forum.exporting')}</span>
            <Button size="sm" variant="secondary" onClick={cancel}>
              {t('forum.cancel')}
            </Button>
          </div>
        )}
      </Card>
      <Card title={t('forum.accounts')} aside={<span className="forum-hint">{t('forum.accountsHint', { n: selected.length, max: FORUM_MAX_ACCOUNTS })}</span>}>
        <div className="forum-select">
          <Button size="sm" variant="ghost" onClick={() => setChosen(null)}>
            {t('forum.selectDefaults')}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setChosen([])}>
            {t('forum.selectNone')}
          </Button>
          {selected.length === 0 && <span className="forum-warn">{t('forum.noneChosen')}</span>}
          {selected.length > FORUM_MAX_ACCOUNTS && <span className="forum-warn">{t('forum.tooMany', { max: FORUM_MAX_ACCOUNTS })}</span>}
        </div>
        <ul className="forum-accounts">
          {accounts.map((a) => (
            <li key={a.id}>
              <label>
                <input type="checkbox" aria-label={a.name} checked={selected.includes(a.id)} onChange={() => toggle(a.id)} />
                <span className="forum-accounts__name" title={a.name}>{a.name}</span>
                {a.hasPlan && <span className="forum-accounts__plan">{t('forum.hasPlan')}</span>}
                <span className="forum-accounts__rev">{a.revenue ? money(a.revenue, 'CNY', locale) : ''}</span>
              </label>
            </li>
          ))}
        </ul>
      </Card>
      {deck && <Presentation html={deck.html} slides={deck.slides} onClose={() => setDeck(null)} />}
    </div>
  );
}

