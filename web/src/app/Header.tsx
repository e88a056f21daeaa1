/** Site header: brand, navigation by kind of user, unread notifications, language switch, account. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useNavigate } from 'react-router-dom';
import { api } from '../api/client.ts';
import { can, useSession } from '../auth/session.tsx';
import { setLanguage, type Lang } from '../i18n/index.ts';

function useUnread(enabled: boolean): number {
  const [unread, setUnread] = useState(0);
  const { pathname } = useLocation();
  useEffect(() => {
    if (!enabled) return setUnread(0);
    const ctl = new AbortController();
    api<{ unread: number }>('/notifications?limit=1', { signal: ctl.signal }).then((r) => setUnread(r.unread), () => undefined);
    return () => ctl.abort();
  }, [enabled, pathname]);
  return unread;
}

export function Header() {
  const { t, i18n } = useTranslation();
  const { user, signOut } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const unread = useUnread(Boolean(user));
  useEffect(() => setOpen(false), [pathname]);

  const other: Lang = i18n.language === 'en' ? 'vi' : 'en';
  // What the server says the user may do decides the menu (GET /auth/me → abilities).
  const links = user?.kind === 'officer'
    ? [
      ...(can(user, 'work_queue') ? [['/desk', t('nav.inbox')]] : []),
      ...(can(user, 'ioc') ? [['/ioc', t('nav.ioc')]] : []),
      ...(can(user, 'counter_intake') ? [['/desk/intake', t('nav.intake')]] : []),
      ...(can(user, 'verify_citizens') ? [['/desk/accounts', t('nav.accounts')]] : []),
      ...(can(user, 'gateway_admin') ? [['/admin/gateway', t('nav.gateway')]] : []),
      ['/', t('nav.procedures')], ['/lookup', t('nav.lookup')], ['/verify', t('nav.verifyDocument')],
    ]
    : [
      ['/', t('nav.procedures')], ['/lookup', t('nav.lookup')], ['/verify', t('nav.verifyDocument')], ...(user ? [['/me/dossiers', t('nav.myDossiers')]] : []),
      ...(user?.kind === 'citizen' ? [['/me/documents', t('nav.myDocuments')]] : []),
    ];

  async function out() {
    await signOut();
    navigate('/');
  }

  return (
    <header className="site-header no-print">
      <div className="container header-bar">
        <Link to={can(user, 'work_queue') ? '/desk' : '/'} className="brand">
          <img src="/favicon.svg" alt="" width="32" height="32" />
          <span>
            <strong>{t('app.brand')}</strong>
            <small>{t('app.province')}</small>
          </span>
        </Link>
        <button type="button" className="menu-toggle" aria-expanded={open} aria-controls="site-nav" onClick={() => setOpen(!open)}>
          {t('nav.menu')}
        </button>
        <nav id="site-nav" className={open ? 'site-nav open' : 'site-nav'} aria-label={t('nav.main')}>
          <ul>
            {links.map(([to, label]) => (
              <li key={to}><NavLink to={to!} end={to === '/' || to === '/desk'}>{label}</NavLink></li>
            ))}
            {user && (
              <li>
                <NavLink to="/notifications">
                  {t('nav.notifications')}
                  {unread > 0 && <><span className="count" aria-hidden="true">{unread}</span><span className="visually-hidden">{t('nav.unread', { count: unread })}</span></>}
                </NavLink>
              </li>
            )}
          </ul>
          <div className="nav-tools">
            <button type="button" className="btn btn-ghost lang-switch" lang={other} onClick={() => setLanguage(other)}>
              {t('nav.switchTo')}
            </button>
            {user ? (
              <>
                <span className="who" title={user.username}>{user.fullName}</span>
                <button type="button" className="btn btn-ghost" onClick={out}>{t('auth.signOut')}</button>
              </>
            ) : (
              <Link className="btn btn-light" to="/signin">{t('auth.signIn')}</Link>
            )}
          </div>
        </nav>
      </div>
    </header>
  );
}
