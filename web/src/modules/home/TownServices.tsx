import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Organisation } from '../../app/org.tsx';

type ServiceKey =
  | 'requests'
  | 'activities'
  | 'roll'
  | 'permits'
  | 'map'
  | 'transit'
  | 'surveys'
  | 'consultations'
  | 'newsletters'
  | 'alerts'
  | 'region'
  | 'regionMap'
  | 'contacts'
  | 'jobs'
  | 'candidate'
  | 'employer';

type Service = {
  key: ServiceKey;
  /** Where the card leads; `page` is a server-rendered page outside the web app (a plain link). */
  to: (org: Organisation, language: string) => string;
  page?: boolean;
};

const inApp = (path: string) => (org: Organisation) => `/${org.slug}/${path}`;

// A town's services, then those of an MRC (its regional site and job portal); each is a card with one link.
const TOWN_SERVICES: Service[] = [
  { key: 'requests', to: inApp('requests') },
  { key: 'activities', to: inApp('activities') },
  { key: 'roll', to: inApp('roll') },
  { key: 'permits', to: inApp('permits') },
  { key: 'map', to: inApp('map') },
  { key: 'transit', to: inApp('transit') },
  { key: 'surveys', to: inApp('sondages') },
  { key: 'consultations', to: inApp('consultations') },
  { key: 'newsletters', to: inApp('infolettres') },
  { key: 'alerts', to: inApp('alertes') },
];

const MRC_SERVICES: Service[] = [
  {
    key: 'region',
    to: (org, language) => `/region/${org.slug}/${language === 'en' ? 'en' : 'fr'}`,
    page: true,
  },
  { key: 'regionMap', to: inApp('region/carte') },
  { key: 'contacts', to: inApp('region/contacts') },
  { key: 'jobs', to: (org) => `/emplois/${org.slug}`, page: true },
  { key: 'candidate', to: (org) => `/arrimage/${org.id}/candidat` },
  { key: 'employer', to: (org) => `/arrimage/${org.id}/employeur` },
  { key: 'surveys', to: inApp('sondages') },
  { key: 'newsletters', to: inApp('infolettres') },
  { key: 'alerts', to: inApp('alertes') },
];

/** Entry points to the online services of a town or of an MRC. */
export function TownServices({ town }: { town: Organisation }) {
  const { t, i18n } = useTranslation();
  const services = town.kind === 'mrc' ? MRC_SERVICES : TOWN_SERVICES;
  return (
    <section aria-labelledby="town-services">
      <h2 id="town-services">{t('home.servicesTitle')}</h2>
      <ul className="card-grid">
        {services.map((service) => {
          const to = service.to(town, i18n.language);
          const title = t(`home.services.${service.key}.title`);
          return (
            <li key={service.key}>
              <div className="card">
                <h3>{service.page ? <a href={to}>{title}</a> : <Link to={to}>{title}</Link>}</h3>
                <p>{t(`home.services.${service.key}.text`)}</p>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
