import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { type Organisation, orgName, useOrgs } from '../../app/org.tsx';
import { useSession } from '../../app/session.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { Loading } from '../../ui/Loadable.tsx';
import { Page } from '../../ui/Page.tsx';
import { TownChooser } from './TownChooser.tsx';
import { TownServices } from './TownServices.tsx';

function focusHeading() {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
}

function TownHome({ town }: { town: Organisation }) {
  const { t, i18n } = useTranslation();
  const { orgs } = useOrgs();
  const { signedIn, isStaff, session } = useSession();
  const name = orgName(town, i18n.language);
  const mrc = town.mrcId ? orgs.find((o) => o.id === town.mrcId) : undefined;
  const members = town.kind === 'mrc' ? orgs.filter((o) => o.mrcId === town.id) : [];

  return (
    <>
      <div className="hero">
        <p className="lead">
          {town.kind === 'mrc' ? t('home.leadMrc', { name }) : t('home.leadTown', { name })}
        </p>
        {mrc && <p>{t('home.partOfMrc', { mrc: orgName(mrc, i18n.language) })}</p>}
        {members.length > 0 && (
          <p>{t('home.mrcMembers', { names: members.map((m) => orgName(m, i18n.language)).join(', ') })}</p>
        )}
        <p>
          <Link to="/towns">{t('home.changeTown')}</Link>
        </p>
      </div>

      <TownServices town={town} />

      <h2>{t('home.yourSpace')}</h2>
      <ul className="card-grid">
        {signedIn ? (
          <li>
            <div className="card">
              <h3>
                <Link to="/account">
                  {t('home.accountTitle', { name: session.account?.givenName ?? '' })}
                </Link>
              </h3>
              <p>{t('home.accountText')}</p>
            </div>
          </li>
        ) : (
          <>
            <li>
              <div className="card">
                <h3>
                  <Link to="/sign-in">{t('home.signInTitle')}</Link>
                </h3>
                <p>{t('home.signInText')}</p>
              </div>
            </li>
            <li>
              <div className="card">
                <h3>
                  <Link to="/sign-up">{t('home.signUpTitle')}</Link>
                </h3>
                <p>{t('home.signUpText')}</p>
              </div>
            </li>
          </>
        )}
        {isStaff && (
          <li>
            <div className="card">
              <h3>
                <Link to="/staff">{t('home.staffTitle')}</Link>
              </h3>
              <p>{t('home.staffText')}</p>
            </div>
          </li>
        )}
      </ul>

      {town.partnerships.length > 0 && (
        <>
          <h2>{t('home.partnerships')}</h2>
          <ul>
            {town.partnerships.map((p) => {
              const partners = p.orgIds
                .filter((id) => id !== town.id)
                .map((id) => orgs.find((o) => o.id === id))
                .filter((o): o is Organisation => o !== undefined)
                .map((o) => orgName(o, i18n.language));
              return (
                <li key={p.id}>
                  <strong>{i18n.language === 'en' ? p.name.en : p.name.fr}</strong>
                  {' — '}
                  {p.scope === 'recreation'
                    ? t('home.partnershipRecreation', { names: partners.join(', ') })
                    : t('home.partnershipOther', { names: partners.join(', ') })}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}

/** The home page: the chosen town's space, or the list of towns to choose from. */
export function HomePage() {
  const { t, i18n } = useTranslation();
  const { current, loading } = useOrgs();
  const location = useLocation();
  const signedOut = (location.state as { signedOut?: boolean } | null)?.signedOut === true;
  const title = current ? orgName(current, i18n.language) : t('home.title');

  return (
    <Page title={title} heading={current ? t('home.townHeading', { name: title }) : title}>
      {signedOut && <Alert tone="success">{t('auth.signedOut')}</Alert>}
      {loading ? (
        <Loading />
      ) : current ? (
        <TownHome town={current} />
      ) : (
        <>
          <p className="lead">{t('home.lead')}</p>
          <TownChooser onChosen={focusHeading} />
        </>
      )}
    </Page>
  );
}
