import './participation.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { useSession } from '../../../app/session.tsx';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { errorMessage } from '../../../ui/errors.ts';
import { TextField } from '../../../ui/Field.tsx';
import { formatDate } from '../../../ui/format.ts';
import { Loadable, Loading } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { useBi, useTown } from './shared.tsx';

/** The town's newsletters: subscribe (double opt-in without an account), leave, and the archive. */
export function NewslettersPage() {
  const { t, i18n } = useTranslation('participation');
  const { t: common } = useTranslation();
  const bi = useBi();
  const client = useQueryClient();
  const { signedIn } = useSession();
  const { orgSlug } = useParams();
  const { town, loading } = useTown(orgSlug);
  const [chosen, setChosen] = useState<string[]>([]);
  const [email, setEmail] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const lists = useQuery({
    queryKey: ['participation', 'newsletters', town?.id, signedIn],
    queryFn: () =>
      call(api.GET('/api/orgs/{orgId}/citizen/newsletters', { params: { path: { orgId: town?.id ?? '' } } })),
    enabled: !!town,
  });
  const archive = useQuery({
    queryKey: ['participation', 'archive', town?.id],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/citizen/newsletters/archive', {
          params: { path: { orgId: town?.id ?? '' }, query: {} },
        }),
      ),
    enabled: !!town,
  });
  if (loading || !town) return <Loading />;
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const subscribe = async (version: string) => {
    setBusy(true);
    setProblem(null);
    setMessage('');
    try {
      const result = await call(
        api.POST('/api/orgs/{orgId}/citizen/newsletters/subscriptions', {
          params: { path: { orgId: town.id } },
          body: { listIds: chosen, consentVersion: version, ...(signedIn ? {} : { email }) },
        }),
      );
      setMessage(result.status === 'active' ? t('newsletters.subscribed') : t('newsletters.checkEmail'));
      setChosen([]);
      await client.invalidateQueries({ queryKey: ['participation', 'newsletters'] });
    } catch (caught) {
      setProblem(caught);
    } finally {
      setBusy(false);
    }
  };
  const leave = async (listId: string) => {
    setProblem(null);
    try {
      await call(
        api.POST('/api/orgs/{orgId}/citizen/newsletters/my-unsubscriptions', {
          params: { path: { orgId: town.id } },
          body: { listIds: [listId] },
        }),
      );
      setMessage(t('newsletters.left'));
      await client.invalidateQueries({ queryKey: ['participation', 'newsletters'] });
    } catch (caught) {
      setProblem(caught);
    }
  };
  return (
    <Page title={t('newsletters.title')}>
      <p className="lead">{t('newsletters.lead')}</p>
      {message && <Alert tone="success">{message}</Alert>}
      {problem !== null && <Alert tone="error">{errorMessage(problem, common)}</Alert>}
      <Loadable query={lists}>
        {({ items, consent }) => (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void subscribe(consent.version);
            }}
          >
            <fieldset>
              <legend>{t('newsletters.choose')}</legend>
              {items.map((list) => (
                <div key={list.id}>
                  {list.subscribed ? (
                    <p>
                      <strong>{bi(list.name)}</strong> — {t('newsletters.isSubscribed')}{' '}
                      <Button variant="link" onClick={() => void leave(list.id)}>
                        {t('newsletters.leave', { name: bi(list.name) })}
                      </Button>
                    </p>
                  ) : (
                    <label className="checkbox">
                      <input
                        type="checkbox"
                        checked={chosen.includes(list.id)}
                        onChange={(e) =>
                          setChosen((c) =>
                            e.target.checked ? [...c, list.id] : c.filter((id) => id !== list.id),
                          )
                        }
                      />{' '}
                      <strong>{bi(list.name)}</strong> — {bi(list.description)}
                    </label>
                  )}
                </div>
              ))}
            </fieldset>
            {!signedIn && (
              <TextField
                id="newsletter-email"
                label={t('newsletters.email')}
                type="email"
                autoComplete="email"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                required
              />
            )}
            <label className="checkbox">
              <input
                type="checkbox"
                checked={agreed}
                onChange={(e) => setAgreed(e.target.checked)}
                required
              />{' '}
              {consent.text[lang]}
            </label>
            <p>
              <Button
                type="submit"
                busy={busy}
                disabled={chosen.length === 0 || !agreed || (!signedIn && !email)}
              >
                {t('newsletters.subscribe')}
              </Button>
            </p>
          </form>
        )}
      </Loadable>
      <h2>{t('newsletters.archive')}</h2>
      <Loadable query={archive}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{t('newsletters.noIssue')}</p>
          ) : (
            <ul>
              {items.map((issue) => (
                <li key={issue.id}>
                  <Link to={`/${town.slug}/infolettres/archives/${issue.id}`}>{bi(issue.subject)}</Link> (
                  {formatDate(issue.sentAt?.slice(0, 10))})
                </li>
              ))}
            </ul>
          )
        }
      </Loadable>
    </Page>
  );
}

/** The link of the double opt-in message: confirms the address's subscriptions. */
export function NewsletterConfirmPage() {
  return <TokenAction kind="confirm" />;
}

/** The one-click link of every issue: leaves that list. */
export function NewsletterUnsubscribePage() {
  return <TokenAction kind="unsubscribe" />;
}

function TokenAction({ kind }: { kind: 'confirm' | 'unsubscribe' }) {
  const { t } = useTranslation('participation');
  const { t: common } = useTranslation();
  const bi = useBi();
  const { orgSlug } = useParams();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { town, loading } = useTown(orgSlug);
  const [state, setState] = useState<{ done?: string; problem?: unknown }>({});
  const ran = useRef(false);
  useEffect(() => {
    if (!town || ran.current || kind !== 'confirm') return;
    ran.current = true;
    call(
      api.POST('/api/orgs/{orgId}/citizen/newsletters/confirmation', {
        params: { path: { orgId: town.id } },
        body: { token },
      }),
    )
      .then(() => setState({ done: t('newsletters.confirmed') }))
      .catch((problem: unknown) => setState({ problem }));
  }, [town, kind, token, t]);
  if (loading || !town) return <Loading />;
  const unsubscribe = async () => {
    try {
      const result = await call(
        api.POST('/api/orgs/{orgId}/citizen/newsletters/unsubscribe/{token}', {
          params: { path: { orgId: town.id, token } },
        }),
      );
      setState({ done: t('newsletters.unsubscribed', { name: bi(result.list) }) });
    } catch (problem) {
      setState({ problem });
    }
  };
  return (
    <Page title={kind === 'confirm' ? t('newsletters.confirmTitle') : t('newsletters.unsubscribeTitle')}>
      {state.done && <Alert tone="success">{state.done}</Alert>}
      {state.problem !== undefined && <Alert tone="error">{errorMessage(state.problem, common)}</Alert>}
      {kind === 'confirm' && !state.done && !state.problem && <Loading />}
      {kind === 'unsubscribe' && !state.done && (
        <p>
          <Button onClick={() => void unsubscribe()}>{t('newsletters.unsubscribeButton')}</Button>
        </p>
      )}
      <p>
        <Link to={`/${town.slug}/infolettres`}>{t('newsletters.title')}</Link>
      </p>
    </Page>
  );
}

/** One issue of the archive, as it was sent (safe HTML rendered by the server from Markdown). */
export function NewsletterIssuePage() {
  const { t } = useTranslation('participation');
  const bi = useBi();
  const { orgSlug, issueId } = useParams();
  const { town, loading } = useTown(orgSlug);
  const query = useQuery({
    queryKey: ['participation', 'issue', town?.id, issueId],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/citizen/newsletters/archive/{id}', {
          params: { path: { orgId: town?.id ?? '', id: issueId ?? '' } },
        }),
      ),
    enabled: !!town,
  });
  if (loading || !town) return <Loading />;
  return (
    <Loadable query={query}>
      {(issue) => (
        <Page title={bi(issue.subject)}>
          <p className="muted">{t('newsletters.sentOn', { date: formatDate(issue.sentAt?.slice(0, 10)) })}</p>
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: rendered server-side from Markdown with raw HTML disabled. */}
          <div className="issue-body" dangerouslySetInnerHTML={{ __html: bi(issue.html) }} />
          <p>
            <Link to={`/${town.slug}/infolettres`}>{t('newsletters.title')}</Link>
          </p>
        </Page>
      )}
    </Loadable>
  );
}
