import './recreation.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type ApiData, api, call } from '../../../app/api.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { errorMessage } from '../../../ui/errors.ts';
import { formatDate } from '../../../ui/format.ts';
import { Loadable, Loading } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { useBi, useTown } from './shared.tsx';

type Card = ApiData<'/api/citizen/me/cards', 'get'>[number];

function Qr({ value, label }: { value: string; label: string }) {
  const [src, setSrc] = useState('');
  useEffect(() => {
    QRCode.toDataURL(value, { margin: 1, width: 200, errorCorrectionLevel: 'M' })
      .then(setSrc)
      .catch(() => setSrc(''));
  }, [value]);
  return src ? <img src={src} alt={label} width={200} height={200} /> : null;
}

/** The household's citizen cards, made to be shown on a phone at a counter, with the printable PDF. */
export function CardsPage() {
  const { t, i18n } = useTranslation('citizen');
  const { t: common } = useTranslation();
  const bi = useBi();
  const client = useQueryClient();
  const { orgSlug } = useParams();
  const { town, loading } = useTown(orgSlug);
  const [problem, setProblem] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  const query = useQuery({
    queryKey: ['citizen', 'cards'],
    queryFn: () => call(api.GET('/api/citizen/me/cards')),
  });
  if (loading || !town) return <Loading />;
  const orgId = town.id;
  const run = async (work: () => Promise<unknown>, done: string) => {
    setProblem(null);
    try {
      await work();
      setMessage(done);
      await client.invalidateQueries({ queryKey: ['citizen', 'cards'] });
    } catch (caught) {
      setProblem(caught);
    }
  };
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  return (
    <Page title={t('cards.title')}>
      <p className="lead">{t('cards.lead')}</p>
      {message && <Alert tone="success">{message}</Alert>}
      {problem !== null && <Alert tone="error">{errorMessage(problem, common)}</Alert>}
      <Loadable query={query}>
        {(cards) => {
          const here = cards.filter((c: Card) => c.orgId === orgId);
          return (
            <>
              {here.length === 0 && (
                <p>
                  {t('cards.none')} <Link to={`/${town.slug}/residency`}>{t('residency.link')}</Link>
                </p>
              )}
              <p>
                <Button
                  variant="secondary"
                  onClick={() =>
                    run(
                      () =>
                        call(api.POST('/api/citizen/orgs/{orgId}/cards', { params: { path: { orgId } } })),
                      t('cards.issued'),
                    )
                  }
                >
                  {t('cards.issue')}
                </Button>
              </p>
              {cards.map((c: Card) => (
                <section
                  key={c.id}
                  className="citizen-card"
                  aria-label={t('cards.cardOf', { name: c.holder })}
                >
                  <p className="muted">{bi(c.town.name)}</p>
                  <h2>{c.holder}</h2>
                  <p className="citizen-card__number">{c.display}</p>
                  <p>{t('cards.validUntil', { date: formatDate(c.validUntil) })}</p>
                  <Qr value={c.number} label={t('cards.qr', { number: c.display })} />
                  <p className="btn-row">
                    <a href={`/api/citizen/orgs/${c.orgId}/cards/${c.id}/card.pdf?lang=${lang}`}>
                      {t('cards.pdf')}
                    </a>
                    <Button
                      variant="secondary"
                      onClick={() =>
                        run(
                          () =>
                            call(
                              api.POST('/api/citizen/orgs/{orgId}/cards/{cardId}/replace', {
                                params: { path: { orgId: c.orgId, cardId: c.id } },
                              }),
                            ),
                          t('cards.replaced', { name: c.holder }),
                        )
                      }
                      aria-label={t('cards.replaceNamed', { name: c.holder })}
                    >
                      {t('cards.replace')}
                    </Button>
                  </p>
                </section>
              ))}
            </>
          );
        }}
      </Loadable>
    </Page>
  );
}
