import '../portal.css';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { BarChart } from '../../../ui/charts/index.ts';
import { Loadable } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { Table } from '../../../ui/Table.tsx';
import { useStaff } from '../../staff/context.ts';
import { useBilingual } from '../shared.tsx';

/** Urban planning: the permit dashboard (files by step, time against the legal delay) and the area's pages. */
export function PortalStaffPage() {
  const { t } = useTranslation('portal');
  const { org, base } = useStaff();
  const bi = useBilingual();
  const dashboard = useQuery({
    queryKey: ['portal', org.id, 'permit-dashboard'],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/portal/permits/staff/dashboard', { params: { path: { orgId: org.id } } }),
      ),
  });
  const area = `${base}/modules/urban_planning`;
  return (
    <Page title={t('staff.title')}>
      <ul className="card-grid">
        <li>
          <div className="card">
            <h2>
              <Link to={`${area}/permits`}>{t('staff.files')}</Link>
            </h2>
            <p>{t('staff.filesText')}</p>
          </div>
        </li>
        <li>
          <div className="card">
            <h2>
              <Link to={`${area}/permit-types`}>{t('staff.types')}</Link>
            </h2>
            <p>{t('staff.typesText')}</p>
          </div>
        </li>
        <li>
          <div className="card">
            <h2>
              <Link to={`${area}/roll`}>{t('staff.roll')}</Link>
            </h2>
            <p>{t('staff.rollText')}</p>
          </div>
        </li>
        <li>
          <div className="card">
            <h2>
              <Link to={`${area}/map`}>{t('staff.mapData')}</Link>
            </h2>
            <p>{t('staff.mapDataText')}</p>
          </div>
        </li>
      </ul>
      <h2>{t('staff.dashboard')}</h2>
      <Loadable query={dashboard}>
        {(d) => (
          <>
            <BarChart
              title={t('staff.byStep')}
              orientation="horizontal"
              labelHeader={t('permits.status')}
              valueLabel={t('staff.fileCount')}
              data={d.byStatus.map((s) => ({ label: t(`status.${s.status}`), value: s.count }))}
            />
            <BarChart
              title={t('staff.meanOpenDays')}
              orientation="horizontal"
              labelHeader={t('permits.type')}
              valueLabel={t('staff.businessDays')}
              data={d.byType
                .filter((x) => x.open > 0)
                .map((x) => ({ label: bi(x.name), value: x.meanOpenDays ?? 0 }))}
            />
            <Table
              caption={t('staff.delayTable')}
              rows={d.byType}
              rowKey={(r) => r.code}
              columns={[
                { key: 'type', header: t('permits.type'), rowHeader: true, render: (r) => bi(r.name) },
                { key: 'legal', header: t('staff.legalDelay'), render: (r) => r.legalDelayDays },
                { key: 'open', header: t('staff.open'), render: (r) => r.open },
                { key: 'overdue', header: t('staff.overdue'), render: (r) => r.overdue },
                { key: 'meanOpen', header: t('staff.meanOpen'), render: (r) => r.meanOpenDays ?? '—' },
                { key: 'decided', header: t('staff.decided'), render: (r) => r.decided },
                {
                  key: 'meanDecision',
                  header: t('staff.meanDecision'),
                  render: (r) => r.meanDecisionDays ?? '—',
                },
                { key: 'late', header: t('staff.decidedLate'), render: (r) => r.decidedLate },
              ]}
            />
          </>
        )}
      </Loadable>
    </Page>
  );
}
