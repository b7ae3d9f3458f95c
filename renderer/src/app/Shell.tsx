import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountsPage } from '../features/accounts/AccountsPage';
import { BoardPage } from '../features/board/BoardPage';
import { CapacityPage } from '../features/capacity/CapacityPage';
import { ForumPage } from '../features/forum/ForumPage';
import { ImportPage } from '../features/importer/ImportPage';
import { PlansPage } from '../features/plans/PlansPage';
import { PortfolioPage } from '../features/portfolio/PortfolioPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { StakeholdersPage } from '../features/stakeholders/StakeholdersPage';
import { TodayPage } from '../features/today/TodayPage';
import { baseName } from '../lib/format';
import { Icon, LogoMark, type IconName } from '../ui/icons';
import { useDbStatus } from './DbStatusContext';
import { hrefOf, navAreaOf, useArea, type Area } from './routes';

const WORK_AREAS: { area: Area; icon: IconName }[] = [
  { area: 'accounts', icon: 'accounts' },
  // Today right after Accounts: the list stays home (every area builds on it; an empty workspace
  // starts there), and the daily follow-up is the next thing a manager opens each morning.
  { area: 'today', icon: 'today' },
  { area: 'portfolio', icon: 'portfolio' },
  { area: 'capacity', icon: 'capacity' },
  { area: 'board', icon: 'board' },
  { area: 'stakeholders', icon: 'stakeholders' },
  { area: 'plans', icon: 'plans' },
  { area: 'forum', icon: 'forum' },
];

function page(area: Area): ReactNode {
  switch (area) {
    case 'accounts':
      return <AccountsPage />;
    case 'today':
      return <TodayPage />;
    case 'portfolio':
      return <PortfolioPage />;
    case 'capacity':
      return <CapacityPage />;
    case 'import':
      return <ImportPage />;
    case 'board':
      return <BoardPage />;
    case 'stakeholders':
      return <StakeholdersPage />;
    case 'plans':
      return <PlansPage />;
    case 'forum':
      return <ForumPage />;
    case 'settings':
      return <SettingsPage />;
  }
}

function NavLink({ area, icon, current }: { area: Area; icon: IconName; current: boolean }) {
  const { t } = useTranslation();
  return (
    <li>
      <a className="nav__link" href={hrefOf(area)} aria-current={current ? 'page' : undefined}>
        <Icon name={icon} />
        <span>{t(`nav.${area}`)}</span>
      </a>
    </li>
  );
}

/** The workspace: navigation on the left, the current area on the right. */
export function Shell() {
  const { t } = useTranslation();
  const area = useArea();
  const { status } = useDbStatus();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    document.title = t('app.pageTitle', { page: t(`nav.${area}`) });
  }, [area, t]);

  // After navigating, move focus to the new page's heading (not on the first load). A page may show
  // its heading only once its data is there, or mount it anew (loading -> the empty workspace's
  // intro), which drops focus to <body>: until the user presses a key or the pointer, focus follows
  // the page's heading whenever it is lost that way.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const main = mainRef.current;
    if (!main) return;
    main.scrollTo?.({ top: 0 });
    const focusHeading = () => main.querySelector<HTMLElement>('h1')?.focus();
    focusHeading();
    const observer = new MutationObserver(() => {
      const active = document.activeElement;
      if (active === null || active === document.body || !active.isConnected) focusHeading();
    });
    observer.observe(main, { childList: true, subtree: true });
    const stop = () => {
      observer.disconnect();
      window.removeEventListener('keydown', stop, true);
      window.removeEventListener('pointerdown', stop, true);
    };
    window.addEventListener('keydown', stop, true);
    window.addEventListener('pointerdown', stop, true);
    return stop;
  }, [area]);

  return (
    <div className="shell">
      <button type="button" className="skip-link" onClick={() => mainRef.current?.querySelector<HTMLElement>('h1')?.focus()}>
        {t('app.skipToContent')}
      </button>
      <aside className="sidebar">
        <div className="brand">
          <LogoMark />
          <div className="brand__text">
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__product">{t('app.product')}</span>
          </div>
        </div>
        <nav className="nav" aria-label={t('nav.label')}>
          <ul role="list" className="nav__list">
            {WORK_AREAS.map((a) => (
              <NavLink key={a.area} area={a.area} icon={a.icon} current={navAreaOf(area) === a.area} />
            ))}
          </ul>
          <ul role="list" className="nav__list nav__list--end">
            <NavLink area="settings" icon="settings" current={area === 'settings'} />
          </ul>
        </nav>
        <div className="sidebar__db" title={status.path}>
          <Icon name="database" size={16} />
          <span className="visually-hidden">{t('app.currentDatabase')}</span>
          <span className="sidebar__db-name">{baseName(status.path)}</span>
        </div>
      </aside>
      <main className="main" id="main" ref={mainRef}>
        <div className="main__inner" key={area}>
          {page(area)}
        </div>
      </main>
    </div>
  );
}
