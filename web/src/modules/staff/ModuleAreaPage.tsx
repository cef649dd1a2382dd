import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../ui/Alert.tsx';
import { Page } from '../../ui/Page.tsx';
import { areasFor, isArea } from './areas.ts';
import { useStaff } from './context.ts';

/** A module area of the back-office, announced as coming: it holds no data until its module is built. */
export function ModuleAreaPage() {
  const { t } = useTranslation();
  const { area } = useParams();
  const { roles, base } = useStaff();
  if (!isArea(area) || !areasFor(roles).includes(area)) {
    return (
      <Page title={t('staff.forbiddenTitle')}>
        <p>{t('staff.areaForbidden')}</p>
        <p>
          <Link to={base}>{t('staff.dashboard')}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={t(`areas.${area}.title`)}>
      <p className="lead">{t(`areas.${area}.description`)}</p>
      <Alert tone="info" title={t('staff.comingTitle')}>
        <p>{t('staff.comingText')}</p>
      </Alert>
      <p>
        <Link to={base}>{t('staff.backToDashboard')}</Link>
      </p>
    </Page>
  );
}
