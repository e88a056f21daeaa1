/** Page frame: skip link, demo banner (demo installations), header with navigation, main landmark, footer. Focus moves to the page on navigation. */
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { Header } from './Header.tsx';
import { DemoBanner } from './DemoBanner.tsx';

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    main.current?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">{t('nav.skip')}</a>
      <DemoBanner />
      <Header />
      <main id="main" ref={main} tabIndex={-1} className="container">
        {children}
      </main>
      <footer className="site-footer no-print">
        <div className="container">
          <p>{t('app.footer')}</p>
          <p className="muted">{t('app.footerHelp')}</p>
        </div>
      </footer>
    </>
  );
}
