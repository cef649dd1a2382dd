import { Suspense, startTransition, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { InboxLink } from '../modules/account/notifications/InboxLink.tsx';
import { AlertBanner, useActiveAlerts } from '../modules/citizen/participation/AlertBanner.tsx';
import { Loading } from '../ui/Loadable.tsx';
import { useLanguage } from './language.ts';
import { orgName, useOrgs } from './org.tsx';
import { useSession, useSignOut } from './session.tsx';

function BrandMark() {
  return (
    <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="6" fill="rgb(255 255 255 / 14%)" />
      <path
        d="M6 14 16 7l10 7v2H6z M8 17h3v7H8z M14.5 17h3v7h-3z M21 17h3v7h-3z M6 25h20v2H6z"
        fill="currentColor"
      />
    </svg>
  );
}

/** How long, at most, the page waits on arrival for its town's alerts. */
const ARRIVAL_WAIT_MS = 2000;

/**
 * Whether the page and footer may be drawn under the header. On arrival (the shell's first render), not
 * before the list of towns and the current town's alerts are known, 2 s at most: the alert banners are then
 * drawn with the page instead of pushing down a page already drawn (a layout shift of the whole page, which
 * cost 25 points of Lighthouse performance, issue 14). Once true it stays true: alerts arriving later, or a
 * change of town, never take a page away.
 */
function usePageMayShow(): boolean {
  const { loading, current } = useOrgs();
  const alerts = useActiveAlerts();
  const known = !loading && (!current || !alerts.isPending);
  const [shown, setShown] = useState(known);
  useEffect(() => {
    if (shown) return;
    // A transition: React draws the page in small slices rather than one long task that blocks input.
    const reveal = () => startTransition(() => setShown(true));
    if (known) {
      reveal();
      return;
    }
    const timer = setTimeout(reveal, ARRIVAL_WAIT_MS);
    return () => clearTimeout(timer);
  }, [known, shown]);
  return shown;
}

/** The application shell: skip link, header with town, language and account, the page, the footer. */
export function Layout() {
  const { t } = useTranslation();
  const { language, change } = useLanguage();
  const { current } = useOrgs();
  const { signedIn, isStaff, session } = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const pageMayShow = usePageMayShow();
  const other = language === 'fr' ? 'en' : 'fr';

  const onSignOut = () => {
    signOut.mutate('here', { onSettled: () => navigate('/', { state: { signedOut: true } }) });
  };

  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skipLink')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            <BrandMark />
            <span className="brand__text">
              <span className="brand__product">{t('shell.product')}</span>
              <span className="brand__town">{current ? orgName(current, language) : t('shell.noTown')}</span>
            </span>
          </Link>
          <div className="site-nav">
            <nav aria-label={t('shell.mainNav')}>
              <ul>
                <li>
                  <NavLink to="/" end>
                    {t('shell.home')}
                  </NavLink>
                </li>
                {signedIn && (
                  <li>
                    <NavLink to="/account">{t('shell.account')}</NavLink>
                  </li>
                )}
                {signedIn && (
                  <li>
                    <InboxLink />
                  </li>
                )}
                {isStaff && (
                  <li>
                    <NavLink to="/staff">{t('shell.staff')}</NavLink>
                  </li>
                )}
                {signedIn && session.account?.isInstallationAdmin && (
                  <li>
                    <NavLink to="/admin">{t('shell.installation')}</NavLink>
                  </li>
                )}
                {!signedIn && (
                  <li>
                    <NavLink to="/sign-in">{t('shell.signIn')}</NavLink>
                  </li>
                )}
              </ul>
            </nav>
            <button
              type="button"
              className="header-button header-button--outlined"
              lang={other}
              onClick={() => void change(other)}
            >
              {t('shell.switchLanguage')}
            </button>
            {signedIn && (
              <button
                type="button"
                className="header-button"
                onClick={onSignOut}
                aria-busy={signOut.isPending}
              >
                {t('shell.signOut')}
              </button>
            )}
          </div>
        </div>
      </header>
      {/* Its texts come with the participation catalogue, fetched only when an alert is in force. */}
      <Suspense fallback={null}>
        <AlertBanner />
      </Suspense>
      {pageMayShow && (
        <>
          <main id="main" className="site-main" tabIndex={-1}>
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
          </main>
          <footer className="site-footer">
            <div className="site-footer__inner">
              <p className="muted">{t('shell.footer')}</p>
              <ul>
                <li>
                  <a href="/api/docs">{t('shell.apiDocs')}</a>
                </li>
                <li>
                  <Link to="/towns">{t('shell.changeTown')}</Link>
                </li>
              </ul>
            </div>
          </footer>
        </>
      )}
    </>
  );
}
