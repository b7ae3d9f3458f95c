/**
 * #/plans/<accountId>/<year>: one annual plan. The header names the account and year with the
 * status, the version and the workflow (submit, approve, back to draft; "Edit (new version)" for an
 * approved plan, which the backend turns into version N+1 as a draft), next year's plan and the
 * version comparison. On the left the twelve sections as an outline; in the main column each
 * section's text (TipTap, autosaved), its structured items as tables and the account's figures.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanItem, PlanSection, PlanView } from '../../../../shared/api/plans';
import { PLAN_SECTIONS, SWOT_QUADRANTS, type PlanItemKind, type PlanSectionKey, type PlanStatus } from '../../../../shared/domain/plan';
import { DEFAULT_PLAN_TEMPLATE, planSectionsShown } from '../../../../shared/domain/plan-template';
import { SECTION_RULES } from '../../../../shared/domain/audience';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { errorCode, errorText } from '../../lib/errors';
import { Button, ButtonLink } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Icon } from '../../ui/icons';
import { MenuButton } from '../../ui/Menu';
import { useNotice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { localToday, money, shortDate } from '../../lib/format';
import { downloadBase64 } from '../../lib/download';
import { CompareDialog } from './CompareDialog';
import { ItemTable } from './ItemTable';
import { LiveFigures } from './LiveFigures';
import { SectionText, type SaveState } from './RichText';
import { planHref, PLANS_HREF } from './route';
import { StatusBadge } from './StatusBadge';

/** What the plan and its live figures are read from (the names are typed: shared/api/tables.ts). */
const PLAN_TABLES = ['plans', 'plan_sections', 'plan_items', 'plan_versions', 'accounts', 'people', 'account_revenue', 'placements', 'stakeholders', 'satisfaction'] as const;

/** The section's "internal only" mark (shared/domain/audience.ts): left out of the customer version. */
function SectionInternal({ planId, section, sectionName, internal, editable }: { planId: number; section: PlanSectionKey; sectionName: string; internal: boolean; editable: boolean }) {
  const { t } = useTranslation();
  const notify = useNotice();
  // shown at once while the change is on its way: until the plan read back differs from what it was
  // when the box was clicked (then the stored value shows, whoever changed it)
  const [pending, setPending] = useState<{ value: boolean; from: boolean } | null>(null);
  const waiting = pending !== null && pending.from === internal;
  // the competitor and investment sections are on the internal list as a whole: always internal
  const always = SECTION_RULES[section]?.whole === true;
  const on = always || (waiting ? pending.value : internal);
  const set = async (value: boolean) => {
    setPending({ value, from: internal });
    try {
      await api('plan-section-internal', { planId, section, internal: value });
    } catch (e) {
      setPending(null);
      notify.error(errorText(t, e));
    }
  };
  return (
    <label className={`plan-internal${on ? ' is-on' : ''}`} title={always ? t('audience.alwaysInternal') : t('audience.internalOnlyHint')}>
      <input
        type="checkbox"
        checked={on}
        disabled={always || !editable || waiting}
        aria-label={`${t('audience.internalOnly')}: ${sectionName}`}
        onChange={(e) => void set(e.target.checked)}
      />
      <span aria-hidden="true">{t('audience.internalOnly')}</span>
    </label>
  );
}

const KINDS_OF: Partial<Record<PlanSectionKey, PlanItemKind[]>> = {
  competitors: ['competitor'],
  analysis: ['swot'],
  objectives: ['objective'],
  team: ['team'],
  actions: ['action', 'contact'],
  risks: ['risk'],
};

/** Plan against actual: the revenue objective against this year's revenue; actions done against due. */
function ActualStrip({ view }: { view: PlanView }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { plan, items, live } = view;
  const objectives = items.flatMap((i) => (i.data.kind === 'objective' && i.data.unit === 'money' ? [i.data] : []));
  const revenueObjective = objectives.find((o) => /收入|营收|revenue|sales/i.test(o.metric)) ?? objectives[0];
  const actual = live.revenue.find((r) => r.year === plan.year)?.revenue ?? null;
  const today = localToday();
  const actions = items.flatMap((i) => (i.data.kind === 'action' && i.data.status !== 'dropped' ? [i.data] : []));
  const due = actions.filter((a) => a.due !== null && a.due <= today);
  const done = due.filter((a) => a.status === 'done').length;
  const overdue = due.filter((a) => a.due! < today && a.status !== 'done').length;
  const target = revenueObjective?.target ?? null;
  const share = target && actual !== null ? actual / target : null;
  return (
    <section className="plan-actual" aria-label={t('planEditor.actual.title')} data-testid="plan-actual">
      <h2 className="plan-actual__title">{t('planEditor.actual.title')}</h2>
      <div className="plan-actual__item">
        <span>
          {target !== null
            ? t('planEditor.actual.revenue', { target: money(target, plan.currency, locale), year: plan.year, actual: money(actual, plan.currency, locale) })
            : t('planEditor.actual.revenueNoTarget', { year: plan.year, actual: money(actual, plan.currency, locale) })}
        </span>
        {share !== null ? (
          <span className="plan-actual__bar" aria-hidden="true">
            <span style={{ width: `${Math.min(100, Math.round(share * 100))}%` }} />
          </span>
        ) : null}
        {share !== null ? <strong className="tabular">{t('planEditor.actual.revenueShare', { pct: `${Math.round(share * 100)}%` })}</strong> : null}
      </div>
      <div className="plan-actual__item">
        <span className={overdue > 0 ? 'plan-actual__overdue' : undefined}>{t('planEditor.actual.actions', { done, due: due.length, overdue })}</span>
      </div>
    </section>
  );
}

function Outline({ sections, onGo }: { sections: PlanSectionKey[]; onGo: (s: PlanSectionKey) => void }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState<PlanSectionKey>(sections[0] ?? PLAN_SECTIONS[0]);
  // The section at the top of the view is the current one in the outline. Observed again only when
  // the list changes (the editor passes a new array on every render).
  const shownKey = sections.join();
  useEffect(() => {
    const shown = shownKey.split(',') as PlanSectionKey[];
    const els = shown.map((s) => document.getElementById(`plan-sec-${s}`)).filter((e): e is HTMLElement => e !== null);
    const visible = new Set<string>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          if (e.isIntersecting) visible.add(e.target.id);
          else visible.delete(e.target.id);
        }
        const first = shown.find((s) => visible.has(`plan-sec-${s}`));
        if (first) setCurrent(first);
      },
      { root: document.getElementById('main'), rootMargin: '0px 0px -60% 0px' },
    );
    els.forEach((e) => observer.observe(e));
    return () => observer.disconnect();
  }, [shownKey]);
  return (
    <nav className="plan-outline" aria-label={t('planEditor.editor.outline')}>
      <h2 className="plan-outline__title">{t('planEditor.editor.outline')}</h2>
      <ol className="plan-outline__list">
        {sections.map((s, i) => (
          <li key={s}>
            <button type="button" className="plan-outline__link" aria-current={current === s ? 'location' : undefined} onClick={() => onGo(s)}>
              <span className="plan-outline__n tabular">{i + 1}</span>
              <span>{t(`planEditor.sections.${s}`)}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

type Ask = { kind: 'approve' } | { kind: 'roll' };

export default function PlanEditor({ accountId, year }: { accountId: number; year: number }) {
  const { t, i18n } = useTranslation();
  const notify = useNotice();
  const query = useApiQuery('plan-get', { accountId, year }, PLAN_TABLES);
  const template = useApiQuery('plan-template-get', {}, ['settings']);
  const people = useApiQuery('people-list', {}, ['people']);
  const siblings = useApiQuery('plans-list', { accountId }, ['plans']);
  const [busy, setBusy] = useState(false);
  const [ask, setAsk] = useState<Ask | null>(null);
  const [comparing, setComparing] = useState(false);
  const [exporting, setExporting] = useState(false);
  const flushers = useRef(new Map<PlanSectionKey, () => Promise<void>>());
  const [saveStates, setSaveStates] = useState<Partial<Record<PlanSectionKey, SaveState['kind']>>>({});

  const register = useCallback((section: PlanSectionKey, flush: () => Promise<void>) => {
    flushers.current.set(section, flush);
    return () => {
      if (flushers.current.get(section) === flush) flushers.current.delete(section);
    };
  }, []);
  const onState = useCallback((section: PlanSectionKey, s: SaveState) => setSaveStates((m) => (m[section] === s.kind ? m : { ...m, [section]: s.kind })), []);
  const fetchServer = useCallback(
    async (section: PlanSectionKey): Promise<PlanSection | undefined> => {
      const fresh = await api('plan-get', { accountId, year });
      return fresh.sections.find((s) => s.section === section);
    },
    [accountId, year],
  );

  const view = query.value;
  const itemsByKind = useMemo(() => {
    const m = new Map<PlanItemKind, PlanItem[]>();
    for (const i of view?.items ?? []) m.set(i.kind, [...(m.get(i.kind) ?? []), i]);
    return m;
  }, [view?.items]);

  if (query.error && !view) {
    const missing = errorCode(query.error) === 'not-found';
    return (
      <>
        <a href={PLANS_HREF} className="back-link">
          <Icon name="arrow-left" size={16} /> {t('planEditor.editor.back')}
        </a>
        <PageHeader title={t('plans.title')} />
        <div className="inline-error" role="alert">
          <p>{missing ? t('planEditor.editor.missing') : errorText(t, query.error)}</p>
          {!missing ? (
            <Button size="sm" onClick={query.reload}>
              {t('common.retry')}
            </Button>
          ) : null}
        </div>
      </>
    );
  }
  if (!view || (!template.value && !template.error)) {
    return (
      <p className="plan-loading" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('planEditor.loading')}
      </p>
    );
  }

  const { plan, frozen } = view;
  const locale = i18n.language;
  // The template's sections, and any other this plan has written in (nothing written is hidden).
  const tpl = template.value ?? DEFAULT_PLAN_TEMPLATE;
  const sections = planSectionsShown(tpl, view.sections, view.items);
  const guideOf = (s: PlanSectionKey) => tpl.sections.find((x) => x.section === s)?.guide[locale === 'en' ? 'en' : 'zh-CN'] ?? '';
  const outside = (s: PlanSectionKey) => !tpl.sections.find((x) => x.section === s)?.included;
  const editable = !frozen;
  const next = siblings.value?.find((p) => p.year === plan.year + 1);
  const pending = Object.values(saveStates).some((k) => k === 'saving' || k === 'unsaved');

  const flushAll = async () => {
    await Promise.all([...flushers.current.values()].map((f) => f()));
  };
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await flushAll();
      await fn();
    } catch (e) {
      notify.error(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  const move = (status: PlanStatus) =>
    run(async () => {
      const p = await api('plan-status-set', { planId: plan.id, status });
      if (plan.status === 'approved' && status === 'draft') notify.success(t('planEditor.editor.newVersionMade', { n: p.version }));
      else notify.success(t('planEditor.editor.moved', { status: t(`planEditor.status.${p.status}`) }));
    });
  /** The plan as its print-quality PDF (saved text first), internal or customer-safe. */
  const exportPdf = async (safe: boolean) => {
    setExporting(true);
    try {
      await flushAll();
      const file = await api('plan-export', { accountId: plan.accountId, year: plan.year, format: 'pdf', locale: locale === 'en' ? 'en' : 'zh-CN', safe, today: localToday() });
      downloadBase64(file);
      notify.success(t('planEditor.export.done', { file: file.fileName }));
    } catch (e) {
      notify.error(errorText(t, e));
    } finally {
      setExporting(false);
    }
  };
  const roll = () =>
    run(async () => {
      const v = await api('plan-roll-forward', { planId: plan.id });
      notify.success(t('planEditor.editor.rolled', { year: v.plan.year }));
      window.location.hash = planHref(v.plan.accountId, v.plan.year);
    });
  const go = (s: PlanSectionKey) => {
    const el = document.getElementById(`plan-sec-${s}`);
    el?.scrollIntoView({ block: 'start' });
    el?.querySelector<HTMLElement>('h2')?.focus();
  };

  return (
    <div className="plan-editor" data-testid="plan-editor" data-status={plan.status}>
      <a href={PLANS_HREF} className="back-link">
        <Icon name="arrow-left" size={16} /> {t('planEditor.editor.back')}
      </a>
      <PageHeader
        title={t('planEditor.editor.pageTitle', { account: plan.accountName, year: plan.year })}
        lead={
          <span className="plan-meta">
            <StatusBadge status={plan.status} />
            <span className="tabular" data-testid="plan-version">
              {t('planEditor.editor.versionN', { n: plan.version })}
            </span>
            {plan.ownerName ? <span>{t('planEditor.editor.owner', { name: plan.ownerName })}</span> : null}
            {pending ? <span className="muted">{t('planEditor.save.unsaved')}</span> : null}
          </span>
        }
      />
      <div className="plan-workflow" role="group" aria-label={t('planEditor.editor.workflow')}>
        {plan.status === 'draft' ? (
          <Button variant="primary" busy={busy} onClick={() => void move('review')}>
            {t('planEditor.editor.submit')}
          </Button>
        ) : null}
        {plan.status === 'review' ? (
          <>
            <Button variant="primary" busy={busy} onClick={() => setAsk({ kind: 'approve' })}>
              {t('planEditor.editor.approve')}
            </Button>
            <Button busy={busy} onClick={() => void move('draft')}>
              {t('planEditor.editor.backToDraft')}
            </Button>
          </>
        ) : null}
        {plan.status === 'approved' ? (
          <Button variant="primary" icon="edit" busy={busy} onClick={() => void move('draft')}>
            {t('planEditor.editor.editNewVersion', { n: plan.version + 1 })}
          </Button>
        ) : null}
        <span className="plan-workflow__gap" />
        <MenuButton
          label={
            <>
              {exporting ? <span className="spinner" aria-hidden="true" /> : <Icon name="download" size={16} />}
              <span>{t('planEditor.export.button')}</span>
              <Icon name="chevron-down" size={14} />
            </>
          }
          menuLabel={t('planEditor.export.menu')}
          buttonClassName="btn btn--secondary"
          disabled={exporting}
          items={[
            { id: 'internal', label: t('planEditor.export.internal'), onSelect: () => void exportPdf(false) },
            { id: 'safe', label: t('planEditor.export.safe'), onSelect: () => void exportPdf(true) },
          ]}
        />
        <Button onClick={() => setComparing(true)} disabled={view.versions.length === 0}>
          {t('planEditor.editor.versions')}
        </Button>
        {next ? (
          <ButtonLink href={planHref(plan.accountId, next.year)} icon="arrow-right">
            {t('planEditor.editor.openNext', { year: next.year })}
          </ButtonLink>
        ) : (
          <Button busy={busy} onClick={() => setAsk({ kind: 'roll' })} disabled={!siblings.value}>
            {t('planEditor.editor.rollForward', { year: plan.year + 1 })}
          </Button>
        )}
      </div>
      {frozen ? (
        <p className="plan-note plan-note--frozen" data-testid="frozen-note">
          <Icon name="lock" size={16} />
          {t('planEditor.editor.frozenNote', { version: plan.version, date: shortDate((plan.approvedAt ?? view.live.asOf).slice(0, 10), locale), next: plan.version + 1 })}
          {plan.approvedBy ? ` ${t('planEditor.editor.approvedBy', { name: plan.approvedBy })}` : null}
        </p>
      ) : plan.status === 'review' ? (
        <p className="plan-note">{t('planEditor.editor.reviewNote')}</p>
      ) : null}
      <ActualStrip view={view} />
      <div className="plan-layout">
        <Outline sections={sections} onGo={go} />
        <div className="plan-sections">
          {sections.map((key, n) => {
            const section = view.sections.find((s) => s.section === key) ?? { section: key, html: '', internal: false, updatedAt: '' };
            const name = t(`planEditor.sections.${key}`);
            return (
              <section key={key} id={`plan-sec-${key}`} className="plan-section" aria-labelledby={`plan-sec-${key}-h`}>
                <div className="plan-section__head">
                  <h2 id={`plan-sec-${key}-h`} className="plan-section__title" tabIndex={-1}>
                    {t('planEditor.editor.sectionNumber', { n: n + 1, name })}
                  </h2>
                  <SectionInternal planId={plan.id} section={key} sectionName={name} internal={section.internal} editable={editable} />
                </div>
                {outside(key) ? <p className="plan-section__outside">{t('planEditor.editor.outsideTemplate')}</p> : null}
                <LiveFigures section={key} live={view.live} frozen={frozen} accountId={plan.accountId} />
                <SectionText
                  planId={plan.id}
                  section={key}
                  sectionName={name}
                  server={section}
                  editable={editable}
                  fetchServer={() => fetchServer(key)}
                  onState={onState}
                  register={register}
                  guide={guideOf(key)}
                />
                {(KINDS_OF[key] ?? []).map((kind) =>
                  kind === 'swot' ? (
                    <div key={kind} className="plan-swot">
                      {SWOT_QUADRANTS.map((q) => (
                        <ItemTable
                          key={q}
                          planId={plan.id}
                          kind="swot"
                          items={itemsByKind.get('swot') ?? []}
                          filter={(i) => i.data.kind === 'swot' && i.data.quadrant === q}
                          preset={{ quadrant: q }}
                          people={people.value ?? []}
                          currency={plan.currency}
                          readOnly={!editable}
                          title={t(`planEditor.swot.${q}`)}
                          addLabel={t('planEditor.addKind.swot')}
                        />
                      ))}
                    </div>
                  ) : (
                    <ItemTable
                      key={kind}
                      planId={plan.id}
                      kind={kind}
                      items={itemsByKind.get(kind) ?? []}
                      people={people.value ?? []}
                      currency={plan.currency}
                      readOnly={!editable}
                      title={t(`planEditor.kinds.${kind}`)}
                      addLabel={t(`planEditor.addKind.${kind}`)}
                    />
                  ),
                )}
              </section>
            );
          })}
        </div>
      </div>
      <ConfirmDialog
        open={ask?.kind === 'approve'}
        title={t('planEditor.editor.confirmApproveTitle')}
        confirmLabel={t('planEditor.editor.approve')}
        busy={busy}
        onConfirm={() => {
          setAsk(null);
          void move('approved');
        }}
        onCancel={() => setAsk(null)}
      >
        <p>{t('planEditor.editor.confirmApprove', { n: plan.version })}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={ask?.kind === 'roll'}
        title={t('planEditor.editor.confirmRollTitle', { year: plan.year + 1 })}
        confirmLabel={t('planEditor.editor.rollForward', { year: plan.year + 1 })}
        busy={busy}
        onConfirm={() => {
          setAsk(null);
          void roll();
        }}
        onCancel={() => setAsk(null)}
      >
        <p>{t('planEditor.editor.confirmRoll')}</p>
      </ConfirmDialog>
      {comparing ? <CompareDialog planId={plan.id} versions={view.versions} people={people.value ?? []} currency={plan.currency} onClose={() => setComparing(false)} /> : null}
    </div>
  );
}
