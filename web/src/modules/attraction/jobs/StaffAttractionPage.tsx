import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../../ui/Page.tsx';
import { useStaff } from '../../staff/context.ts';

/** The attraction area of the back-office: the regional site and the job portal, each with its own pages. */
export function StaffAttractionPage() {
  const { t } = useTranslation('attraction');
  const { base } = useStaff();
  const area = `${base}/modules/attraction`;
  return (
    <Page title={t('area.title')}>
      <p>{t('area.intro')}</p>
      <ul className="card-grid">
        <li>
          <div className="card">
            <h2>
              <Link to={`${area}/site`}>{t('area.site')}</Link>
            </h2>
            <p>{t('area.siteText')}</p>
          </div>
        </li>
        <li>
          <div className="card">
            <h2>
              <Link to={`${area}/site/places`}>{t('area.places')}</Link>
            </h2>
            <p>{t('area.placesText')}</p>
          </div>
        </li>
        <li>
          <div className="card">
            <h2>
              <Link to={`${area}/site/outlines`}>{t('area.outlines')}</Link>
            </h2>
            <p>{t('area.outlinesText')}</p>
          </div>
        </li>
        <li>
          <div className="card">
            <h2>
              <Link to={`${area}/site/contacts`}>{t('area.contacts')}</Link>
            </h2>
            <p>{t('area.contactsText')}</p>
          </div>
        </li>
        <li>
          <div className="card">
            <h2>
              <Link to={`${area}/jobs`}>{t('area.jobs')}</Link>
            </h2>
            <p>{t('area.jobsText')}</p>
          </div>
        </li>
      </ul>
    </Page>
  );
}
