import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useStaff } from '../../../staff/context.ts';

/** The recreation area's own links. */
export function RecreationNav() {
  const { t } = useTranslation('citizen');
  const { base } = useStaff();
  const root = `${base}/modules/recreation`;
  return (
    <nav aria-label={t('registrations.staff.nav')} className="no-print">
      <ul className="btn-row plain-list">
        <li>
          <NavLink to={root} end>
            {t('registrations.staff.activities')}
          </NavLink>
        </li>
        <li>
          <NavLink to={`${root}/counter`}>{t('registrations.staff.counter')}</NavLink>
        </li>
        <li>
          <NavLink to={`${root}/residency`}>{t('registrations.staff.residency')}</NavLink>
        </li>
        <li>
          <NavLink to={`${root}/reports`}>{t('registrations.staff.reports')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
