import './participation.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type ApiData, api, call } from '../../../app/api.ts';
import { useSession } from '../../../app/session.tsx';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { errorMessage } from '../../../ui/errors.ts';
import { TextAreaField, TextField } from '../../../ui/Field.tsx';
import { formatDate, formatDateTime } from '../../../ui/format.ts';
import { Loadable, Loading } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { useBi, useTown } from './shared.tsx';

type Consultation = ApiData<'/api/orgs/{orgId}/citizen/consultations/{id}', 'get'>;
type Contribution = Consultation['contributions'][number];
type Reason = 'off_topic' | 'personal_attack' | 'personal_information' | 'spam' | 'illegal' | 'other';

/** The town's public consultations. */
export function ConsultationsPage() {
  const { t } = useTranslation('participation');
  const bi = useBi();
  const { orgSlug } = useParams();
  const { town, loading } = useTown(orgSlug);
  const query = useQuery({
    queryKey: ['participation', 'consultations', town?.id],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/citizen/consultations', { params: { path: { orgId: town?.id ?? '' } } }),
      ),
    enabled: !!town,
  });
  if (loading || !town) return <Loading />;
  return (
    <Page title={t('consultations.title')}>
      <p className="lead">{t('consultations.lead')}</p>
      <Loadable query={query}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{t('consultations.none')}</p>
          ) : (
            <ul className="plain-list">
              {items.map((c) => (
                <li key={c.id} className="survey-card">
                  <h2>
                    <Link to={`/${town.slug}/consultations/${c.id}`}>{bi(c.title)}</Link>
                  </h2>
                  <p className="muted">{t(`consultations.state.${c.state}`)}</p>
                </li>
              ))}
            </ul>
          )
        }
      </Loadable>
    </Page>
  );
}

function ContributionItem({
  item,
  replies,
  onReply,
  onSupport,
  canAct,
}: {
  item: Contribution;
  replies: Contribution[];
  onReply: (id: string) => void;
  onSupport: (id: string) => void;
  canAct: boolean;
}) {
  const { t } = useTranslation('participation');
  return (
    <li className="survey-card">
      {item.hidden ? (
        <p className="muted">
          {t('consultations.hidden', {
            reason: t(`consultations.reasons.${(item.moderationReason ?? 'other') as Reason}`),
          })}
        </p>
      ) : (
        <>
          {item.title && <h4>{item.title}</h4>}
          <p>{item.body}</p>
          <p className="muted">
            {item.authorName} · {formatDateTime(item.createdAt)}
            {item.kind === 'proposal' && ` · ${t('consultations.supports', { count: item.supports })}`}
          </p>
          {canAct && (
            <div className="inline-actions">
              {item.kind === 'proposal' && !item.supported && (
                <Button variant="secondary" onClick={() => onSupport(item.id)}>
                  {t('consultations.support', { title: item.title ?? '' })}
                </Button>
              )}
              {item.kind === 'comment' && !item.parentId && (
                <Button variant="link" onClick={() => onReply(item.id)}>
                  {t('consultations.reply')}
                </Button>
              )}
            </div>
          )}
        </>
      )}
      {replies.length > 0 && (
        <ul className="plain-list">
          {replies.map((r) => (
            <ContributionItem
              key={r.id}
              item={r}
              replies={[]}
              onReply={onReply}
              onSupport={onSupport}
              canAct={canAct}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

/** A consultation: context, documents, timeline, meetings, taking part, moderation policy, closing summary. */
export function ConsultationPage() {
  const { t } = useTranslation('participation');
  const { t: common } = useTranslation();
  const bi = useBi();
  const client = useQueryClient();
  const { signedIn } = useSession();
  const { orgSlug, consultationId } = useParams();
  const { town, loading } = useTown(orgSlug);
  const [problem, setProblem] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  const [kind, setKind] = useState<'comment' | 'proposal'>('comment');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [parentId, setParentId] = useState<string | undefined>();
  const query = useQuery({
    queryKey: ['participation', 'consultation', town?.id, consultationId, signedIn],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/citizen/consultations/{id}', {
          params: { path: { orgId: town?.id ?? '', id: consultationId ?? '' } },
        }),
      ),
    enabled: !!town,
  });
  if (loading || !town) return <Loading />;
  const orgId = town.id;
  const run = async (work: () => Promise<unknown>, done: string) => {
    setProblem(null);
    setMessage('');
    try {
      await work();
      setMessage(done);
      await client.invalidateQueries({ queryKey: ['participation', 'consultation'] });
    } catch (caught) {
      setProblem(caught);
    }
  };
  return (
    <Loadable query={query}>
      {(c) => {
        const open = c.state === 'open';
        const canAct = open && signedIn;
        const top = c.contributions.filter((x) => !x.parentId);
        return (
          <Page title={bi(c.title)}>
            {message && <Alert tone="success">{message}</Alert>}
            {problem !== null && <Alert tone="error">{errorMessage(problem, common)}</Alert>}
            <p className="muted">{t(`consultations.state.${c.state}`)}</p>
            {c.closingSummary && (
              <section className="survey-card">
                <h2>{t('consultations.summary')}</h2>
                <p>{bi(c.closingSummary)}</p>
              </section>
            )}
            <h2>{t('consultations.context')}</h2>
            <p>{bi(c.context)}</p>
            {c.documents.length > 0 && (
              <>
                <h2>{t('consultations.documents')}</h2>
                <ul>
                  {c.documents.map((d) => (
                    <li key={d.url}>
                      <a href={d.url}>{bi(d.title)}</a>
                    </li>
                  ))}
                </ul>
              </>
            )}
            <h2>{t('consultations.timeline')}</h2>
            <ol>
              {c.phases.map((p) => (
                <li key={`${p.startsOn}-${p.title.fr}`} aria-current={p.current ? 'step' : undefined}>
                  <strong>{bi(p.title)}</strong> — {formatDate(p.startsOn)} – {formatDate(p.endsOn)}
                  {p.current && ` (${t('consultations.current')})`}
                </li>
              ))}
            </ol>
            {c.surveyId && (
              <p>
                <Link to={`/${town.slug}/sondages/${c.surveyId}`}>{t('consultations.survey')}</Link>
              </p>
            )}
            {signedIn && (
              <p>
                <Button
                  variant="secondary"
                  onClick={() =>
                    void run(
                      () =>
                        call(
                          api.PUT('/api/orgs/{orgId}/citizen/consultations/{id}/following', {
                            params: { path: { orgId, id: c.id } },
                            body: { following: !c.following },
                          }),
                        ),
                      c.following ? t('consultations.unfollowed') : t('consultations.followed'),
                    )
                  }
                >
                  {c.following ? t('consultations.unfollow') : t('consultations.follow')}
                </Button>
              </p>
            )}
            <h2>{t('consultations.meetings')}</h2>
            {c.meetings.length === 0 ? (
              <p>{t('consultations.noMeeting')}</p>
            ) : (
              <ul className="plain-list">
                {c.meetings.map((m) => (
                  <li key={m.id} className="survey-card">
                    <strong>{bi(m.title)}</strong> — {formatDateTime(m.startsAt)}, {m.place} ·{' '}
                    {t('consultations.seats', { count: m.seatsLeft })}
                    {canAct && (
                      <p>
                        {m.registered ? (
                          <Button
                            variant="secondary"
                            onClick={() =>
                              void run(
                                () =>
                                  call(
                                    api.DELETE(
                                      '/api/orgs/{orgId}/citizen/consultation-meetings/{id}/registration',
                                      { params: { path: { orgId, id: m.id } } },
                                    ),
                                  ),
                                t('consultations.unregistered'),
                              )
                            }
                          >
                            {t('consultations.unregister')}
                          </Button>
                        ) : (
                          m.seatsLeft > 0 && (
                            <Button
                              onClick={() =>
                                void run(
                                  () =>
                                    call(
                                      api.POST(
                                        '/api/orgs/{orgId}/citizen/consultation-meetings/{id}/registration',
                                        { params: { path: { orgId, id: m.id } } },
                                      ),
                                    ),
                                  t('consultations.registered'),
                                )
                              }
                            >
                              {t('consultations.register', { title: bi(m.title) })}
                            </Button>
                          )
                        )}
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            )}
            <h2>{t('consultations.contributions')}</h2>
            <details>
              <summary>{t('consultations.policy')}</summary>
              <p>{bi(c.moderationPolicy)}</p>
            </details>
            <ul className="plain-list">
              {top.map((item) => (
                <ContributionItem
                  key={item.id}
                  item={item}
                  replies={c.contributions.filter((x) => x.parentId === item.id)}
                  canAct={canAct}
                  onReply={(id) => {
                    setKind('comment');
                    setParentId(id);
                    document.getElementById('contribution-body')?.focus();
                  }}
                  onSupport={(id) =>
                    void run(
                      () =>
                        call(
                          api.POST('/api/orgs/{orgId}/citizen/consultation-contributions/{id}/support', {
                            params: { path: { orgId, id } },
                          }),
                        ),
                      t('consultations.supported'),
                    )
                  }
                />
              ))}
            </ul>
            {canAct ? (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  void run(
                    () =>
                      call(
                        api.POST('/api/orgs/{orgId}/citizen/consultations/{id}/contributions', {
                          params: { path: { orgId, id: c.id } },
                          body: {
                            kind,
                            body,
                            ...(kind === 'proposal' ? { title } : {}),
                            ...(parentId ? { parentId } : {}),
                          },
                        }),
                      ),
                    t('consultations.sent'),
                  ).then(() => {
                    setBody('');
                    setTitle('');
                    setParentId(undefined);
                  });
                }}
              >
                <fieldset>
                  <legend>{parentId ? t('consultations.replyTitle') : t('consultations.takePart')}</legend>
                  {!parentId && (
                    <>
                      <label className="checkbox">
                        <input
                          type="radio"
                          name="kind"
                          checked={kind === 'comment'}
                          onChange={() => setKind('comment')}
                        />{' '}
                        {t('consultations.comment')}
                      </label>
                      <label className="checkbox">
                        <input
                          type="radio"
                          name="kind"
                          checked={kind === 'proposal'}
                          onChange={() => setKind('proposal')}
                        />{' '}
                        {t('consultations.proposal')}
                      </label>
                    </>
                  )}
                  {kind === 'proposal' && !parentId && (
                    <TextField
                      id="contribution-title"
                      label={t('consultations.proposalTitle')}
                      value={title}
                      onChange={(e) => setTitle(e.target.value)}
                      required
                    />
                  )}
                  <TextAreaField
                    id="contribution-body"
                    label={t('consultations.body')}
                    rows={4}
                    value={body}
                    onChange={(e) => setBody(e.target.value)}
                    required
                  />
                  <div className="inline-actions">
                    <Button type="submit">{t('consultations.send')}</Button>
                    {parentId && (
                      <Button variant="secondary" onClick={() => setParentId(undefined)}>
                        {t('consultations.cancelReply')}
                      </Button>
                    )}
                  </div>
                </fieldset>
              </form>
            ) : (
              open && (
                <p>
                  <Link to={`/sign-in?next=${encodeURIComponent(`/${town.slug}/consultations/${c.id}`)}`}>
                    {t('consultations.signIn')}
                  </Link>
                </p>
              )
            )}
          </Page>
        );
      }}
    </Loadable>
  );
}
