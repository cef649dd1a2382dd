import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { orgName } from '../../app/org.tsx';
import { Page } from '../../ui/Page.tsx';
import { SECTION_PATHS, sharedSections } from './access.ts';
import { areasFor, LIVE_AREAS } from './areas.ts';
import { useStaff } from './context.ts';

/** The back-office home of one organisation: the person's roles and where they lead. */
export function StaffDashboardPage() {
  const { t, i18n } = useTranslation();
  const { org, roles, isAdmin, base } = useStaff();
  const name = orgName(org, i18n.language);
  const areas = areasFor(roles);
  const shared = sharedSections(roles);
  const sections = (Object.keys(SECTION_PATHS) as Array<keyof typeof SECTION_PATHS>).filter((s) => shared[s]);
  return (
    <Page title={t('staff.dashboardTitle', { name })}>
      <p className="lead">{t('staff.dashboardLead')}</p>
      <h2>{t('staff.yourRoles')}</h2>
      <ul>
        {roles.map((role) => (
          <li key={role}>{t(`roles.${role}`)}</li>
        ))}
      </ul>
      {isAdmin && (
        <>
          <h2>{t('staff.administration')}</h2>
          <ul className="card-grid">
            {(['people', 'audit', 'outbox'] as const).map((section) => (
              <li key={section}>
                <div className="card">
                  <h3>
                    <Link to={`${base}/${section}`}>{t(`staff.${section}`)}</Link>
                  </h3>
                  <p>{t(`staff.${section}Text`)}</p>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      {sections.length > 0 && (
        <>
          <h2>{t('staff.services')}</h2>
          <ul className="card-grid">
            {sections.map((section) => (
              <li key={section}>
                <div className="card">
                  <h3>
                    <Link to={`${base}/${SECTION_PATHS[section]}`}>{t(`staff.${section}`)}</Link>
                  </h3>
                  <p>{t(`staff.${section}Text`)}</p>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      {areas.length > 0 && (
        <>
          <h2>{t('staff.modules')}</h2>
          <ul className="card-grid">
            {areas.map((area) => (
              <li key={area}>
                <div className={LIVE_AREAS.has(area) ? 'card' : 'card card--muted'}>
                  <h3>
                    <Link to={`${base}/modules/${area}`}>{t(`areas.${area}.title`)}</Link>
                  </h3>
                  <p>{t(`areas.${area}.description`)}</p>
                  {!LIVE_AREAS.has(area) && (
                    <p>
                      <span className="badge badge--coming">{t('common.comingSoon')}</span>
                    </p>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
