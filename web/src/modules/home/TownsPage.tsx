import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Page } from '../../ui/Page.tsx';
import { TownChooser } from './TownChooser.tsx';

/** Choosing (or changing) the town whose services and colours the site shows. */
export function TownsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Page title={t('towns.title')}>
      <p className="lead">{t('towns.intro')}</p>
      <TownChooser onChosen={() => navigate('/')} />
    </Page>
  );
}
