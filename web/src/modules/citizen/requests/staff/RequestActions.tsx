import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiData, api, call } from '../../../../app/api.ts';
import { Button } from '../../../../ui/Button.tsx';
import { ErrorSummary } from '../../../../ui/ErrorSummary.tsx';
import { fieldError } from '../../../../ui/errors.ts';
import { SelectField, TextAreaField, TextField } from '../../../../ui/Field.tsx';
import { useBilingual } from '../shared.tsx';
import type { useStaffLookups } from './common.tsx';

// The actions on one request in the back-office: status, assignment, notes and updates, merging.

type StaffRequest = ApiData<'/api/orgs/{orgId}/staff/requests/{id}', 'get'>;
type Lookups = ReturnType<typeof useStaffLookups>;

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

/** Changes the status, with a message to followers (a reply template may fill it). */
export function StatusForm({
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

/** Assigns the request to a colleague and a department. */
export function AssignForm({
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

/** Writes an internal note or a public update. */
export function CommentForm({
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

/** Merges this request, a duplicate, into another one found by its reference. */
export function MergeForm({
  request,
  orgId,
  onDone,
}: {
  request: StaffRequest;
  orgId: string;
  onDone: () => void;
}) {
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
