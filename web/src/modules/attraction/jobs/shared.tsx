import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../app/api.ts';
import { type Organisation, useOrgs } from '../../../app/org.tsx';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { errorMessage } from '../../../ui/errors.ts';
import { TextAreaField } from '../../../ui/Field.tsx';

/** A reason of a score as the API gives it. */
export interface Reason {
  factor: string;
  kind: 'match' | 'gap';
  text: string;
}

/** The MRC named in the address (by id) and its member municipalities. */
export function useMrc(orgId: string | undefined): {
  mrc: Organisation | undefined;
  towns: Organisation[];
  loading: boolean;
} {
  const { orgs, loading } = useOrgs();
  const mrc = orgs.find((o) => o.id === orgId && o.kind === 'mrc');
  return { mrc, towns: orgs.filter((o) => o.mrcId === orgId), loading };
}

/** The reasons of a match, strengths then points to consider, as a list read in order. */
export function Reasons({ score, reasons, id }: { score: number; reasons: Reason[]; id: string }) {
  const { t } = useTranslation('attraction');
  return (
    <div className="jobs-reasons">
      <p>
        <meter
          id={`${id}-score`}
          min={0}
          max={100}
          low={50}
          high={75}
          optimum={100}
          value={score}
          aria-describedby={`${id}-score-text`}
        />{' '}
        <span id={`${id}-score-text`}>{t('common.score', { score })}</span>
      </p>
      <h4>{t('common.reasons')}</h4>
      <ul>
        {reasons.map((r) => (
          <li key={`${r.factor}-${r.text}`} className={`jobs-reason jobs-reason--${r.kind}`}>
            <span className="jobs-reason__kind">
              {r.kind === 'match' ? `✓ ${t('common.match')}` : `△ ${t('common.gap')}`} :{' '}
            </span>
            {r.text}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface ThreadData {
  side: 'candidate' | 'employer';
  hired: boolean;
  messages: Array<{ id: string; mine: boolean; body: string; at: string }>;
}

/** The message thread of a mutual match, with a form to write and a button to report a hire. */
export function Thread({ orgId, matchId }: { orgId: string; matchId: string }) {
  const { t, i18n } = useTranslation('attraction');
  const { t: common } = useTranslation();
  const client = useQueryClient();
  const [body, setBody] = useState('');
  const key = ['attraction', orgId, 'thread', matchId];
  const thread = useQuery({
    queryKey: key,
    queryFn: async () =>
      (await call(
        api.GET('/api/orgs/{orgId}/attraction/matches/{matchId}/thread', {
          params: { path: { orgId, matchId } },
        }),
      )) as unknown as ThreadData,
  });
  const send = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/orgs/{orgId}/attraction/matches/{matchId}/messages', {
          params: { path: { orgId, matchId } },
          body: { body },
        }),
      ),
    onSuccess: async () => {
      setBody('');
      await client.invalidateQueries({ queryKey: key });
    },
  });
  const hire = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/orgs/{orgId}/attraction/matches/{matchId}/hired', {
          params: { path: { orgId, matchId } },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
  const when = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-CA' : 'fr-CA', {
    timeZone: 'America/Toronto',
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (body.trim()) send.mutate();
  };
  return (
    <section className="jobs-thread" aria-labelledby={`${matchId}-thread`}>
      <h4 id={`${matchId}-thread`}>{t('common.thread')}</h4>
      {thread.data && thread.data.messages.length === 0 && <p>{t('common.noMessages')}</p>}
      <ol className="jobs-thread__list">
        {thread.data?.messages.map((m) => (
          <li key={m.id} className={m.mine ? 'jobs-msg jobs-msg--mine' : 'jobs-msg'}>
            <strong>{m.mine ? t('common.me') : t('common.them')}</strong>{' '}
            <time dateTime={m.at}>{when.format(new Date(m.at))}</time>
            <p>{m.body}</p>
          </li>
        ))}
      </ol>
      <form onSubmit={submit}>
        <TextAreaField
          id={`${matchId}-body`}
          label={t('common.message')}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          maxLength={4000}
          rows={3}
        />
        {send.error && <Alert tone="error">{errorMessage(send.error, common)}</Alert>}
        <Button type="submit" busy={send.isPending}>
          {t('common.send')}
        </Button>
      </form>
      {thread.data?.hired ? (
        <p role="status">{t('common.hiredDone')}</p>
      ) : (
        <Button variant="secondary" busy={hire.isPending} onClick={() => hire.mutate()}>
          {t('common.hired')}
        </Button>
      )}
    </section>
  );
}

/** Comma-separated text to a clean list. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
