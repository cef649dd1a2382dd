import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { orgName, useOrgs } from '../../app/org.tsx';
import { useSession } from '../../app/session.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Loadable.tsx';
import { Page } from '../../ui/Page.tsx';
import { SectionNav } from '../../ui/SectionNav.tsx';
import { SECTION_PATHS, sharedSections } from './access.ts';
import { areasFor, LIVE_AREAS } from './areas.ts';
import type { StaffContext } from './context.ts';

/** The back-office frame: organisation switcher, navigation by role, and the page. */
export function StaffLayout() {
  const { t, i18n } = useTranslation();
  const { orgSlug } = useParams();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const { session } = useSession();
  const { orgs, loading } = useOrgs();
  const switcherId = useId();
  const mine = orgs.filter((o) => session.memberships.some((m) => m.orgId === o.id));
  const org = mine.find((o) => o.slug === orgSlug);
  const [choice, setChoice] = useState(orgSlug ?? '');

  if (loading) return <Loading />;
  if (!org) {
    return (
      <Page title={t('staff.forbiddenTitle')}>
        <p>{t('staff.forbiddenText')}</p>
        <p>
          <Link to="/staff">{t('staff.title')}</Link>
        </p>
      </Page>
    );
  }

  const roles = session.memberships.filter((m) => m.orgId === org.id).map((m) => m.role);
  const isAdmin = roles.includes('admin');
  const base = `/staff/${org.slug}`;
  const context: StaffContext = { org, roles, isAdmin, base };
  const areas = areasFor(roles);

  const switchOrg = (event: FormEvent) => {
    event.preventDefault();
    if (!choice || choice === org.slug) return;
    // Stay in the same section when the other organisation has it.
    const rest = pathname.slice(base.length).replace(/^\/(outbox|orders|campaigns)\/.+$/, '/$1');
    navigate(`/staff/${choice}${rest}`);
  };

  const shared = sharedSections(roles);
  const sharedLinks = (Object.keys(SECTION_PATHS) as Array<keyof typeof SECTION_PATHS>)
    .filter((section) => shared[section])
    .map((section) => ({ to: `${base}/${SECTION_PATHS[section]}`, label: t(`staff.${section}`) }));

  const adminLinks = isAdmin
    ? [
        { to: `${base}/people`, label: t('staff.people') },
        { to: `${base}/audit`, label: t('staff.audit') },
        { to: `${base}/outbox`, label: t('staff.outbox') },
      ]
    : [];

  return (
    <div className="with-sidebar">
      <aside aria-label={t('staff.sidebar')}>
        {mine.length > 1 ? (
          <form onSubmit={switchOrg} className="form" aria-label={t('staff.switcher')}>
            <SelectField
              id={switcherId}
              label={t('staff.organisation')}
              value={choice}
              onChange={(event) => setChoice(event.target.value)}
            >
              {mine.map((o) => (
                <option key={o.id} value={o.slug}>
                  {orgName(o, i18n.language)}
                </option>
              ))}
            </SelectField>
            <Button type="submit" variant="secondary">
              {t('staff.switch')}
            </Button>
          </form>
        ) : (
          <p>
            <strong>{t('staff.organisation')}</strong>
            <br />
            {orgName(org, i18n.language)}
          </p>
        )}
        <SectionNav
          label={t('staff.nav')}
          groups={[
            { links: [{ to: base, label: t('staff.dashboard'), end: true }] },
            ...(adminLinks.length ? [{ title: t('staff.administration'), links: adminLinks }] : []),
            ...(sharedLinks.length ? [{ title: t('staff.services'), links: sharedLinks }] : []),
            ...(areas.length
              ? [
                  {
                    title: t('staff.modules'),
                    links: areas.map((area) => ({
                      to: `${base}/modules/${area}`,
                      label: t(`areas.${area}.title`),
                      note: LIVE_AREAS.has(area) ? undefined : `(${t('common.comingSoon')})`,
                    })),
                  },
                ]
              : []),
            ...(session.account?.isInstallationAdmin
              ? [
                  {
                    title: t('staff.installation'),
                    links: [
                      { to: '/admin/outbox', label: t('staff.installationOutbox') },
                      { to: '/admin/jobs', label: t('installation.jobs') },
                    ],
                  },
                ]
              : []),
          ]}
        />
      </aside>
      <div>
        {isAdmin && !session.mfa && (
          <Alert tone="warning" title={t('staff.mfaTitle')}>
            <p>
              {session.account?.totpEnabled ? t('staff.mfaSignInAgain') : t('staff.mfaEnrol')}{' '}
              <Link to="/account/security">{t('account.security')}</Link>
            </p>
          </Alert>
        )}
        <Outlet context={context} />
      </div>
    </div>
  );
}
