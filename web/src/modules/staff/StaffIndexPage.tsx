import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useOrgs } from '../../app/org.tsx';
import { useSession } from '../../app/session.tsx';
import { Loading } from '../../ui/Loadable.tsx';
import { Page } from '../../ui/Page.tsx';

/** /staff: opens the back-office of the chosen town when the person works there, else of their first organisation. */
export function StaffIndexPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { orgs, current, loading } = useOrgs();
  if (loading) return <Loading />;
  const mine = orgs.filter((o) => session.memberships.some((m) => m.orgId === o.id));
  const target = mine.find((o) => o.id === current?.id) ?? mine[0];
  if (target) return <Navigate to={`/staff/${target.slug}`} replace />;
  if (session.account?.isInstallationAdmin) return <Navigate to="/admin" replace />;
  return (
    <Page title={t('staff.title')}>
      <p>{t('staff.notStaff')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </Page>
  );
}
