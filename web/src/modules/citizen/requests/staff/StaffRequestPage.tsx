import '../requests.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type ApiData, api, call } from '../../../../app/api.ts';
import { Alert } from '../../../../ui/Alert.tsx';
import { Button } from '../../../../ui/Button.tsx';
import { ErrorSummary } from '../../../../ui/ErrorSummary.tsx';
import { fieldError } from '../../../../ui/errors.ts';
import { SelectField, TextAreaField, TextField } from '../../../../ui/Field.tsx';
import { formatDateTime } from '../../../../ui/format.ts';
import { Loadable } from '../../../../ui/Loadable.tsx';
import { MapView, useMapTiles } from '../../../../ui/map/index.ts';
import { Page } from '../../../../ui/Page.tsx';
import { useStaff } from '../../../staff/context.ts';
import { StatusBadge, useBilingual } from '../shared.tsx';
import { RequestsNav, useStaffLookups } from './common.tsx';

type StaffRequest = ApiData<'/api/orgs/{orgId}/staff/requests/{id}', 'get'>;
type Lookups = ReturnType<typeof useStaffLookups>;

/** One request for staff: everything about it, its full history, and every action on it. */
export function StaffRequestPage() {
  const { t } = useTranslation('citizen');
  const { org, base } = useStaff();
  const { id = '' } = useParams();
  const lookups = useStaffLookups(org.id);
  const query = useQuery({
    queryKey: ['requests', org.id, 'staff-view', id],
    queryFn: () =>
      call(api.GET('/api/orgs/{orgId}/staff/requests/{id}', { params: { path: { orgId: org.id, id } } })),
  });
  return (
    <Page
      title={
        query.data
          ? t('requests.page.title', { reference: query.data.reference })
          : t('requests.page.loading')
      }
    >
      <RequestsNav base={base} />
      <Loadable query={query}>
        {(request) => <Details request={request} orgId={org.id} base={base} lookups={lookups} />}
      </Loadable>
    </Page>
  );
}

function Details({
  request,
  orgId,
  base,
  lookups,
}: {
  request: StaffRequest;
  orgId: string;
  base: string;
  lookups: Lookups;
}) {
  const { t } = useTranslation('citizen');
  const bi = useBilingual();
  const tiles = useMapTiles();
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['requests', orgId] });
  const assignee = lookups.assignees.find((a) => a.id === request.assigneeAccountId);
  const department = lookups.departments.find((d) => d.id === request.departmentId);
  return (
    <>
      {!request.confirmed && (
        <Alert tone="warning" title={t('requests.staff.unconfirmedTitle')}>
          <p>{t('requests.staff.unconfirmedText')}</p>
        </Alert>
      )}
      {request.mergedInto && (
        <Alert tone="info" title={t('requests.page.mergedTitle')}>
          <p>
            <Link to={`${base}/modules/requests/${request.mergedInto.id}`}>
              {request.mergedInto.reference}
            </Link>
          </p>
        </Alert>
      )}
      <div className="req-columns">
        <div>
          <dl className="summary-list">
            <dt>{t('requests.page.category')}</dt>
            <dd>{bi(request.category.name)}</dd>
            <dt>{t('requests.page.status')}</dt>
            <dd>
              <StatusBadge phase={request.status.phase} label={bi(request.status.label)} />
            </dd>
            <dt>{t('requests.staff.received')}</dt>
            <dd>{formatDateTime(request.createdAt)}</dd>
            <dt>{t('requests.staff.ackDue')}</dt>
            <dd>{formatDateTime(request.ackDueAt)}</dd>
            <dt>{t('requests.staff.resolveDue')}</dt>
            <dd>{formatDateTime(request.resolveDueAt)}</dd>
            <dt>{t('requests.staff.department')}</dt>
            <dd>{bi(department?.name) || '—'}</dd>
            <dt>{t('requests.staff.assignee')}</dt>
            <dd>{assignee?.name ?? '—'}</dd>
            <dt>{t('requests.staff.reporter')}</dt>
            <dd>
              {request.reporter.name ?? '—'}
              {request.reporter.email ? ` <${request.reporter.email}>` : ''} ({request.locale.toUpperCase()})
            </dd>
            <dt>{t('requests.staff.followers')}</dt>
            <dd>{request.followers}</dd>
            <dt>{t('requests.page.place')}</dt>
            <dd>{request.address ?? `${request.location.lat}, ${request.location.lon}`}</dd>
            <dt>{t('requests.page.description')}</dt>
            <dd className="req-history__body">{request.description || '—'}</dd>
            {request.attributes.map((a) => (
              <div key={a.code}>
                <dt>{bi(a.label)}</dt>
                <dd>{bi(a.value)}</dd>
              </div>
            ))}
          </dl>
          {request.photos.length > 0 && (
            <ul className="req-photos" aria-label={t('requests.page.photos')}>
              {request.photos.map((p, i) => (
                <li key={p.id}>
                  <a href={p.url}>
                    <img src={p.url} alt={t('requests.page.photoAlt', { n: i + 1, name: p.originalName })} />
                  </a>
                </li>
              ))}
            </ul>
          )}
          <MapView
            caption={t('requests.page.mapCaption', { reference: request.reference })}
            tiles={tiles}
            height="16rem"
            features={[
              {
                type: 'Feature',
                id: request.id,
                geometry: { type: 'Point', coordinates: [request.location.lon, request.location.lat] },
                properties: { label: request.reference },
              },
            ]}
          />
        </div>
        <div>
          {!request.mergedInto && (
            <>
              <StatusForm request={request} orgId={orgId} lookups={lookups} onDone={refresh} />
              <AssignForm request={request} orgId={orgId} lookups={lookups} onDone={refresh} />
              <CommentForm request={request} orgId={orgId} lookups={lookups} onDone={refresh} />
              <MergeForm request={request} orgId={orgId} onDone={refresh} />
            </>
          )}
        </div>
      </div>
      <h2>{t('requests.page.history')}</h2>
      <ol className="req-history" reversed>
        {[...request.history].reverse().map((e) => (
          <li key={e.id} className={e.visibility === 'internal' ? 'req-history__item--internal' : undefined}>
            <strong>
              {e.kind === 'internal_note'
                ? t('requests.staff.internalNote')
                : t(`requests.history.${historyKey(e.kind)}`)}
              {e.status ? ` — ${bi(e.status.label)}` : ''}
            </strong>
            <span className="req-history__meta">
              {formatDateTime(e.at)} · {e.actorName ?? t(`requests.staff.actor.${actorKey(e.actorKind)}`)} ·{' '}
              {e.visibility === 'internal'
                ? t('requests.staff.visibilityInternal')
                : e.visibility === 'reporter'
                  ? t('requests.staff.visibilityReporter')
                  : t('requests.staff.visibilityPublic')}
            </span>
            {e.body && <p className="req-history__body">{e.body}</p>}
          </li>
        ))}
      </ol>
    </>
  );
}

function historyKey(kind: string) {
  const keys = {
    submitted: 'submitted',
    confirmed: 'confirmed',
    status: 'status',
    public_update: 'publicUpdate',
    information: 'information',
    merged: 'merged',
    reopened: 'reopened',
    assigned: 'assigned',
  } as const;
  return keys[kind as keyof typeof keys] ?? 'status';
}

function actorKey(kind: string) {
  const keys = {
    staff: 'staff',
    reporter: 'reporter',
    follower: 'follower',
    application: 'application',
  } as const;
  return keys[kind as keyof typeof keys] ?? 'system';
}

function useAction() {
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);
  const run = async (action: () => Promise<unknown>, after: () => void) => {
    setPending(true);
    setError(null);
    setDone(false);
    try {
      await action();
      setDone(true);
      after();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };
  return { error, pending, done, run };
}

function StatusForm({
  request,
  orgId,
  lookups,
  onDone,
}: {
  request: StaffRequest;
  orgId: string;
  lookups: Lookups;
  onDone: () => void;
}) {
  const { t } = useTranslation('citizen');
  const bi = useBilingual();
  const [status, setStatus] = useState(request.status.code);
  const [message, setMessage] = useState('');
  const action = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(
      () =>
        call(
          api.POST('/api/orgs/{orgId}/staff/requests/{id}/status', {
            params: { path: { orgId, id: request.id } },
            body: { status, message: message.trim() || null },
          }),
        ),
      () => {
        setMessage('');
        onDone();
      },
    );
  };
  return (
    <form className="req-panel" onSubmit={submit} aria-labelledby="status-title">
      <h2 id="status-title">{t('requests.staff.changeStatus')}</h2>
      <ErrorSummary error={action.error} />
      <SelectField
        id="st-status"
        label={t('requests.staff.newStatus')}
        value={status}
        onChange={(e) => setStatus(e.target.value)}
      >
        {lookups.statuses.map((s) => (
          <option key={s.code} value={s.code}>
            {bi(s.label)}
          </option>
        ))}
      </SelectField>
      <TemplatePicker
        id="st-template"
        lookups={lookups}
        locale={request.locale}
        onPick={(body, suggested) => {
          setMessage(body);
          if (suggested) setStatus(suggested);
        }}
      />
      <TextAreaField
        id="st-message"
        label={t('requests.staff.publicMessage')}
        hint={t('requests.staff.publicMessageHint')}
        optional
        value={message}
        onChange={(e) => setMessage(e.target.value)}
      />
      <Button type="submit" busy={action.pending}>
        {t('requests.staff.save')}
      </Button>
      {action.done && <p role="status">{t('requests.staff.saved')}</p>}
    </form>
  );
}

function TemplatePicker({
  id,
  lookups,
  locale,
  onPick,
}: {
  id: string;
  lookups: Lookups;
  locale: 'fr' | 'en';
  onPick: (body: string, status: string | null) => void;
}) {
  const { t } = useTranslation('citizen');
  if (lookups.templates.length === 0) return null;
  return (
    <SelectField
      id={id}
      label={t('requests.staff.template')}
      hint={t('requests.staff.templateHint', { language: locale === 'en' ? 'English' : 'français' })}
      optional
      value=""
      onChange={(e) => {
        const picked = lookups.templates.find((tpl) => tpl.id === e.target.value);
        if (picked) onPick(locale === 'en' ? picked.body.en : picked.body.fr, picked.status);
      }}
    >
      <option value="">{t('requests.form.choose')}</option>
      {lookups.templates.map((tpl) => (
        <option key={tpl.id} value={tpl.id}>
          {tpl.name}
        </option>
      ))}
    </SelectField>
  );
}

function AssignForm({
  request,
  orgId,
  lookups,
  onDone,
}: {
  request: StaffRequest;
  orgId: string;
  lookups: Lookups;
  onDone: () => void;
}) {
  const { t } = useTranslation('citizen');
  const bi = useBilingual();
  const [assignee, setAssignee] = useState(request.assigneeAccountId ?? '');
  const [department, setDepartment] = useState(request.departmentId ?? '');
  const action = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(
      () =>
        call(
          api.POST('/api/orgs/{orgId}/staff/requests/{id}/assign', {
            params: { path: { orgId, id: request.id } },
            body: { assigneeAccountId: assignee || null, departmentId: department || null },
          }),
        ),
      onDone,
    );
  };
  return (
    <form className="req-panel" onSubmit={submit} aria-labelledby="assign-title">
      <h2 id="assign-title">{t('requests.staff.assign')}</h2>
      <ErrorSummary error={action.error} />
      <SelectField
        id="as-department"
        label={t('requests.staff.department')}
        value={department}
        onChange={(e) => setDepartment(e.target.value)}
      >
        <option value="">{t('requests.staff.noDepartment')}</option>
        {lookups.departments.map((d) => (
          <option key={d.id} value={d.id}>
            {bi(d.name)}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="as-assignee"
        label={t('requests.staff.assignee')}
        value={assignee}
        onChange={(e) => setAssignee(e.target.value)}
      >
        <option value="">{t('requests.staff.nobody')}</option>
        {lookups.assignees.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary" busy={action.pending}>
        {t('requests.staff.save')}
      </Button>
      {action.done && <p role="status">{t('requests.staff.saved')}</p>}
    </form>
  );
}

function CommentForm({
  request,
  orgId,
  lookups,
  onDone,
}: {
  request: StaffRequest;
  orgId: string;
  lookups: Lookups;
  onDone: () => void;
}) {
  const { t } = useTranslation('citizen');
  const [visibility, setVisibility] = useState<'internal' | 'public'>('internal');
  const [body, setBody] = useState('');
  const action = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(
      () =>
        call(
          api.POST('/api/orgs/{orgId}/staff/requests/{id}/comments', {
            params: { path: { orgId, id: request.id } },
            body: { visibility, body },
          }),
        ),
      () => {
        setBody('');
        onDone();
      },
    );
  };
  return (
    <form className="req-panel" onSubmit={submit} aria-labelledby="comment-title" noValidate>
      <h2 id="comment-title">{t('requests.staff.write')}</h2>
      <ErrorSummary
        error={action.error}
        fields={{ body: { id: 'cm-body', label: t('requests.staff.text') } }}
      />
      <fieldset>
        <legend>{t('requests.staff.who')}</legend>
        <div className="choice-list">
          <label className="choice">
            <input
              type="radio"
              name="visibility"
              checked={visibility === 'internal'}
              onChange={() => setVisibility('internal')}
            />
            {t('requests.staff.internal')}
          </label>
          <label className="choice">
            <input
              type="radio"
              name="visibility"
              checked={visibility === 'public'}
              onChange={() => setVisibility('public')}
            />
            {t('requests.staff.public')}
          </label>
        </div>
      </fieldset>
      {visibility === 'public' && (
        <TemplatePicker
          id="cm-template"
          lookups={lookups}
          locale={request.locale}
          onPick={(text) => setBody(text)}
        />
      )}
      <TextAreaField
        id="cm-body"
        label={t('requests.staff.text')}
        value={body}
        error={fieldError(action.error, 'body')}
        onChange={(e) => setBody(e.target.value)}
      />
      <Button type="submit" variant="secondary" busy={action.pending}>
        {visibility === 'public' ? t('requests.staff.publish') : t('requests.staff.addNote')}
      </Button>
      {action.done && <p role="status">{t('requests.staff.saved')}</p>}
    </form>
  );
}

function MergeForm({ request, orgId, onDone }: { request: StaffRequest; orgId: string; onDone: () => void }) {
  const { t } = useTranslation('citizen');
  const [reference, setReference] = useState('');
  const action = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      const found = await call(
        api.GET('/api/orgs/{orgId}/staff/requests', {
          params: {
            path: { orgId },
            query: { q: reference.trim(), status: 'all', confirmation: 'all', perPage: 5 },
          },
        }),
      );
      const target = found.items.find((r) => r.reference.toLowerCase() === reference.trim().toLowerCase());
      if (!target) throw new Error(t('requests.staff.mergeNotFound'));
      await call(
        api.POST('/api/orgs/{orgId}/staff/requests/{id}/merge', {
          params: { path: { orgId, id: request.id } },
          body: { intoId: target.id },
        }),
      );
    }, onDone);
  };
  const problem =
    action.error instanceof Error && !('status' in action.error) ? action.error.message : undefined;
  return (
    <form className="req-panel" onSubmit={submit} aria-labelledby="merge-title">
      <h2 id="merge-title">{t('requests.staff.merge')}</h2>
      <p>{t('requests.staff.mergeText')}</p>
      {!problem && <ErrorSummary error={action.error} />}
      <TextField
        id="mg-reference"
        label={t('requests.staff.mergeInto')}
        value={reference}
        error={problem}
        spellCheck={false}
        onChange={(e) => setReference(e.target.value)}
      />
      <Button type="submit" variant="danger" busy={action.pending}>
        {t('requests.staff.mergeSubmit')}
      </Button>
    </form>
  );
}
