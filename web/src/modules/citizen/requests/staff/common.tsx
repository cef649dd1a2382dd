import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { api, call } from '../../../../app/api.ts';

/** The departments, categories, statuses, colleagues and reply templates staff pick from. */
export function useStaffLookups(orgId: string) {
  const opts = { params: { path: { orgId } } };
  const departments = useQuery({
    queryKey: ['requests', orgId, 'departments'],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/staff/request-departments', opts)),
  });
  const categories = useQuery({
    queryKey: ['requests', orgId, 'staff-categories'],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/staff/request-categories', opts)),
  });
  const statuses = useQuery({
    queryKey: ['requests', orgId, 'statuses'],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/staff/request-statuses', opts)),
  });
  const assignees = useQuery({
    queryKey: ['requests', orgId, 'assignees'],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/staff/requests/assignees', opts)),
  });
  const templates = useQuery({
    queryKey: ['requests', orgId, 'templates'],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/staff/request-templates', opts)),
  });
  return {
    departments: departments.data?.items ?? [],
    /** The departments are known (whether the person works one decides their default queue). */
    departmentsReady: !departments.isPending,
    categories: categories.data?.items ?? [],
    statuses: statuses.data?.items ?? [],
    assignees: assignees.data?.items ?? [],
    templates: templates.data?.items ?? [],
    refetch: () =>
      Promise.all([departments.refetch(), categories.refetch(), statuses.refetch(), templates.refetch()]),
  };
}

/** The sections of the requests area of the back-office. */
export function RequestsNav({ base }: { base: string }) {
  const { t } = useTranslation('citizen');
  const root = `${base}/modules/requests`;
  return (
    <nav aria-label={t('requests.staff.nav')} className="btn-row">
      <NavLink to={root} end>
        {t('requests.staff.queue')}
      </NavLink>
      <NavLink to={`${root}/stats`}>{t('requests.staff.stats')}</NavLink>
      <NavLink to={`${root}/settings`}>{t('requests.staff.settings')}</NavLink>
    </nav>
  );
}
