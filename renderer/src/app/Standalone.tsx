import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LogoMark } from '../ui/icons';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame for pages shown instead of the workspace: brand, language choice, one column. */
export function Standalone({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="standalone">
      <header className="standalone__bar">
        <div className="brand brand--inline">
          <LogoMark size={26} />
          <div className="brand__text brand__text--inline">
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__product">{t('app.product')}</span>
          </div>
        </div>
        <LanguageSwitch compact />
      </header>
      <main className="standalone__main">{children}</main>
    </div>
  );
}
