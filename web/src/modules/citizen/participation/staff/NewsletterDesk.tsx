import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../../app/api.ts';
import { Alert } from '../../../../ui/Alert.tsx';
import { Button } from '../../../../ui/Button.tsx';
import { errorMessage } from '../../../../ui/errors.ts';
import { SelectField, TextAreaField, TextField } from '../../../../ui/Field.tsx';
import { formatDateTime } from '../../../../ui/format.ts';
import { Loadable } from '../../../../ui/Loadable.tsx';
import { Table } from '../../../../ui/Table.tsx';
import { ProgressBar } from '../../../staff/ProgressBar.tsx';
import { useBi } from '../shared.tsx';

function Delivery({ orgId, issueId }: { orgId: string; issueId: string }) {
  const { t } = useTranslation('participation');
  const query = useQuery({
    queryKey: ['participation', 'issue-delivery', orgId, issueId],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/citizen/staff/newsletter-issues/{id}/delivery', {
          params: { path: { orgId, id: issueId } },
        }),
      ),
    refetchInterval: (q) => (q.state.data?.progress.done ? false : 3000),
  });
  return (
    <Loadable query={query}>
      {({ progress, recipients }) => (
        <>
          <ProgressBar
            label={t('desk.progress')}
            percent={progress.percent}
            status={t('desk.progressStatus', {
              sent: progress.sent,
              total: progress.messages,
              failed: progress.failed,
            })}
          />
          <Table
            caption={t('desk.recipients')}
            rows={recipients}
            rowKey={(r) => `${r.to}-${r.sentAt}`}
            columns={[
              { key: 'to', header: t('desk.to'), rowHeader: true, render: (r) => r.to },
              {
                key: 'status',
                header: t('desk.status'),
                render: (r) => t(`desk.statuses.${r.status}`, { defaultValue: r.status }),
              },
              {
                key: 'sentAt',
                header: t('desk.sentAt'),
                nowrap: true,
                render: (r) => formatDateTime(r.sentAt),
              },
            ]}
          />
        </>
      )}
    </Loadable>
  );
}

/** Newsletters for staff: lists with their subscribers, compose (Markdown, both languages), preview, test, send. */
export function NewsletterDesk({ orgId }: { orgId: string }) {
  const { t } = useTranslation('participation');
  const { t: common } = useTranslation();
  const bi = useBi();
  const client = useQueryClient();
  const [problem, setProblem] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  const [listName, setListName] = useState({ fr: '', en: '' });
  const [draft, setDraft] = useState({ listId: '', subjectFr: '', subjectEn: '', bodyFr: '', bodyEn: '' });
  const [followed, setFollowed] = useState<string | null>(null);
  const lists = useQuery({
    queryKey: ['participation', 'staff-lists', orgId],
    queryFn: () =>
      call(api.GET('/api/orgs/{orgId}/citizen/staff/newsletters', { params: { path: { orgId } } })),
  });
  const issues = useQuery({
    queryKey: ['participation', 'staff-issues', orgId],
    queryFn: () =>
      call(api.GET('/api/orgs/{orgId}/citizen/staff/newsletter-issues', { params: { path: { orgId } } })),
  });
  const run = async (work: () => Promise<unknown>, done: string) => {
    setProblem(null);
    setMessage('');
    try {
      await work();
      setMessage(done);
      await client.invalidateQueries({ queryKey: ['participation'] });
    } catch (caught) {
      setProblem(caught);
    }
  };
  const listId = draft.listId || lists.data?.items[0]?.id || '';
  return (
    <>
      <h2>{t('desk.title')}</h2>
      {message && <Alert tone="success">{message}</Alert>}
      {problem !== null && <Alert tone="error">{errorMessage(problem, common)}</Alert>}
      <Loadable query={lists}>
        {({ items }) => (
          <ul>
            {items.map((l) => (
              <li key={l.id}>
                {bi(l.name)} — {t('desk.subscribers', { count: l.subscribers ?? 0 })}
              </li>
            ))}
          </ul>
        )}
      </Loadable>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(
            () =>
              call(
                api.POST('/api/orgs/{orgId}/citizen/staff/newsletters', {
                  params: { path: { orgId } },
                  body: { name: listName, description: { fr: '', en: '' }, active: true },
                }),
              ),
            t('desk.listCreated'),
          );
        }}
      >
        <h3>{t('desk.newList')}</h3>
        <TextField
          id="l-fr"
          label={t('desk.nameFr')}
          lang="fr"
          value={listName.fr}
          onChange={(e) => setListName({ ...listName, fr: e.target.value })}
          required
        />
        <TextField
          id="l-en"
          label={t('desk.nameEn')}
          lang="en"
          value={listName.en}
          onChange={(e) => setListName({ ...listName, en: e.target.value })}
          required
        />
        <Button type="submit" variant="secondary">
          {t('desk.createList')}
        </Button>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(
            () =>
              call(
                api.POST('/api/orgs/{orgId}/citizen/staff/newsletter-issues', {
                  params: { path: { orgId } },
                  body: {
                    listId,
                    subject: { fr: draft.subjectFr, en: draft.subjectEn },
                    body: { fr: draft.bodyFr, en: draft.bodyEn },
                  },
                }),
              ),
            t('desk.issueSaved'),
          );
        }}
      >
        <h3>{t('desk.newIssue')}</h3>
        <SelectField
          id="i-list"
          label={t('desk.list')}
          value={listId}
          onChange={(e) => setDraft({ ...draft, listId: e.target.value })}
        >
          {(lists.data?.items ?? []).map((l) => (
            <option key={l.id} value={l.id}>
              {bi(l.name)}
            </option>
          ))}
        </SelectField>
        <TextField
          id="i-sfr"
          label={t('desk.subjectFr')}
          lang="fr"
          value={draft.subjectFr}
          onChange={(e) => setDraft({ ...draft, subjectFr: e.target.value })}
          required
        />
        <TextField
          id="i-sen"
          label={t('desk.subjectEn')}
          lang="en"
          value={draft.subjectEn}
          onChange={(e) => setDraft({ ...draft, subjectEn: e.target.value })}
          required
        />
        <TextAreaField
          id="i-bfr"
          label={t('desk.bodyFr')}
          hint={t('desk.markdown')}
          lang="fr"
          rows={8}
          value={draft.bodyFr}
          onChange={(e) => setDraft({ ...draft, bodyFr: e.target.value })}
          required
        />
        <TextAreaField
          id="i-ben"
          label={t('desk.bodyEn')}
          hint={t('desk.markdown')}
          lang="en"
          rows={8}
          value={draft.bodyEn}
          onChange={(e) => setDraft({ ...draft, bodyEn: e.target.value })}
          required
        />
        <Button type="submit">{t('desk.saveIssue')}</Button>
      </form>
      <Loadable query={issues}>
        {({ items }) => (
          <>
            {items.map((issue) => (
              <article key={issue.id} className="issue-card">
                <h3>{bi(issue.subject)}</h3>
                <p className="muted">
                  {t(`desk.issueStatus.${issue.status}`, { defaultValue: issue.status })}
                  {issue.sentAt &&
                    ` · ${formatDateTime(issue.sentAt)} · ${t('desk.subscribers', { count: issue.recipients })}`}
                </p>
                <details>
                  <summary>{t('desk.preview')}</summary>
                  {/* biome-ignore lint/security/noDangerouslySetInnerHtml: rendered by the server from Markdown with raw HTML disabled. */}
                  <div className="issue-body" dangerouslySetInnerHTML={{ __html: bi(issue.html) }} />
                </details>
                <div className="inline-actions">
                  <Button
                    variant="secondary"
                    onClick={() =>
                      void run(
                        () =>
                          call(
                            api.POST('/api/orgs/{orgId}/citizen/staff/newsletter-issues/{id}/test', {
                              params: { path: { orgId, id: issue.id } },
                            }),
                          ),
                        t('desk.testSent'),
                      )
                    }
                  >
                    {t('desk.test')}
                  </Button>
                  {(issue.status === 'draft' || issue.status === 'scheduled') && (
                    <>
                      <Button
                        variant="secondary"
                        onClick={() =>
                          void run(
                            () =>
                              call(
                                api.POST('/api/orgs/{orgId}/citizen/staff/newsletter-issues/{id}/schedule', {
                                  params: { path: { orgId, id: issue.id } },
                                  body: {
                                    at:
                                      issue.status === 'scheduled'
                                        ? null
                                        : new Date(Date.now() + 86_400_000).toISOString(),
                                  },
                                }),
                              ),
                            t('desk.scheduled'),
                          )
                        }
                      >
                        {issue.status === 'scheduled' ? t('desk.unschedule') : t('desk.scheduleTomorrow')}
                      </Button>
                      <Button
                        onClick={() =>
                          void run(
                            () =>
                              call(
                                api.POST('/api/orgs/{orgId}/citizen/staff/newsletter-issues/{id}/send', {
                                  params: { path: { orgId, id: issue.id } },
                                }),
                              ),
                            t('desk.sending'),
                          ).then(() => setFollowed(issue.id))
                        }
                      >
                        {t('desk.send')}
                      </Button>
                    </>
                  )}
                  {issue.status === 'sent' && (
                    <Button
                      variant="link"
                      onClick={() => setFollowed(followed === issue.id ? null : issue.id)}
                      aria-expanded={followed === issue.id}
                    >
                      {t('desk.follow')}
                    </Button>
                  )}
                </div>
                {followed === issue.id && <Delivery orgId={orgId} issueId={issue.id} />}
              </article>
            ))}
          </>
        )}
      </Loadable>
    </>
  );
}
