import '../requests.css';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../../app/api.ts';
import { hasRole, useSession } from '../../../../app/session.tsx';
import { Button } from '../../../../ui/Button.tsx';
import { ErrorSummary } from '../../../../ui/ErrorSummary.tsx';
import { SelectField, TextAreaField, TextField } from '../../../../ui/Field.tsx';
import { Page } from '../../../../ui/Page.tsx';
import { useStaff } from '../../../staff/context.ts';
import { useBilingual } from '../shared.tsx';
import { ApiKeysSection } from './ApiKeysSection.tsx';
import { CategoryEditor } from './CategoryEditor.tsx';
import { RequestsNav, useStaffLookups } from './common.tsx';
import { DepartmentTeams } from './DepartmentTeams.tsx';

/** How the organisation sets requests up; the requests desk edits, administrators also manage Open311 keys. */
export function StaffRequestSettingsPage() {
  const { t } = useTranslation('citizen');
  const { org, base, isAdmin } = useStaff();
  const { session } = useSession();
  const lookups = useStaffLookups(org.id);
  const manager = hasRole(session, org.id, 'requests');
  return (
    <Page title={t('requests.settings.title')}>
      <RequestsNav base={base} />
      {!manager && <p>{t('requests.settings.readOnly')}</p>}
      <GeneralSettings orgId={org.id} />
      <CategoryEditor orgId={org.id} lookups={lookups} />
      <SmallList
        title={t('requests.settings.departments')}
        orgId={org.id}
        items={lookups.departments.map((d) => ({
          key: d.id,
          text: `${d.name.fr} / ${d.name.en} (${d.code})`,
        }))}
        onSaved={lookups.refetch}
        kind="department"
      />
      <DepartmentTeams orgId={org.id} lookups={lookups} manager={manager} />
      <SmallList
        title={t('requests.settings.statuses')}
        orgId={org.id}
        items={lookups.statuses.map((s) => ({
          key: s.code,
          text: `${s.label.fr} / ${s.label.en} — ${s.custom ? s.phase : t('requests.settings.builtIn')}`,
        }))}
        onSaved={lookups.refetch}
        kind="status"
      />
      <Templates orgId={org.id} lookups={lookups} />
      {isAdmin && <ApiKeysSection orgId={org.id} />}
    </Page>
  );
}

function GeneralSettings({ orgId }: { orgId: string }) {
  const { t } = useTranslation('citizen');
  const settings = useQuery({
    queryKey: ['requests', orgId, 'settings'],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/requests/settings', { params: { path: { orgId } } })),
  });
  const [values, setValues] = useState({ reopenDays: '', gridMetres: '', nearbyMetres: '' });
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (settings.data)
      setValues({
        reopenDays: String(settings.data.reopenDays),
        gridMetres: String(settings.data.gridMetres),
        nearbyMetres: String(settings.data.nearbyMetres),
      });
  }, [settings.data]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await call(
        api.PUT('/api/orgs/{orgId}/staff/request-settings', {
          params: { path: { orgId } },
          body: {
            reopenDays: Number(values.reopenDays),
            gridMetres: Number(values.gridMetres),
            nearbyMetres: Number(values.nearbyMetres),
          },
        }),
      );
      setSaved(true);
      await settings.refetch();
    } catch (caught) {
      setError(caught);
    }
  };
  const field = (name: keyof typeof values, label: string, hint: string) => ({
    id: `set-${name}`,
    label,
    hint,
    inputMode: 'numeric' as const,
    inputSize: 'short' as const,
    value: values[name],
    onChange: (e: { target: { value: string } }) => setValues((old) => ({ ...old, [name]: e.target.value })),
  });
  return (
    <form className="form req-panel" onSubmit={submit} aria-labelledby="set-title">
      <h2 id="set-title">{t('requests.settings.general')}</h2>
      <ErrorSummary error={error} />
      <TextField
        {...field('reopenDays', t('requests.settings.reopenDays'), t('requests.settings.reopenDaysHint'))}
      />
      <TextField
        {...field('gridMetres', t('requests.settings.gridMetres'), t('requests.settings.gridMetresHint'))}
      />
      <TextField
        {...field(
          'nearbyMetres',
          t('requests.settings.nearbyMetres'),
          t('requests.settings.nearbyMetresHint'),
        )}
      />
      <Button type="submit" variant="secondary">
        {t('requests.staff.save')}
      </Button>
      {saved && <p role="status">{t('requests.staff.saved')}</p>}
    </form>
  );
}

/** Departments and custom statuses: a list and a small form to add one. */
function SmallList({
  title,
  orgId,
  items,
  onSaved,
  kind,
}: {
  title: string;
  orgId: string;
  items: Array<{ key: string; text: string }>;
  onSaved: () => Promise<unknown>;
  kind: 'department' | 'status';
}) {
  const { t } = useTranslation('citizen');
  const [draft, setDraft] = useState({ code: '', nameFr: '', nameEn: '', phase: 'in_progress' });
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      if (kind === 'department')
        await call(
          api.POST('/api/orgs/{orgId}/staff/request-departments', {
            params: { path: { orgId } },
            body: { code: draft.code, nameFr: draft.nameFr, nameEn: draft.nameEn },
          }),
        );
      else
        await call(
          api.POST('/api/orgs/{orgId}/staff/request-statuses', {
            params: { path: { orgId } },
            body: { code: draft.code, labelFr: draft.nameFr, labelEn: draft.nameEn, phase: draft.phase },
          }),
        );
      setDraft({ code: '', nameFr: '', nameEn: '', phase: 'in_progress' });
      await onSaved();
    } catch (caught) {
      setError(caught);
    }
  };
  const prefix = `${kind}-new`;
  return (
    <section aria-labelledby={`${kind}-title`}>
      <h2 id={`${kind}-title`}>{title}</h2>
      <ul>
        {items.map((i) => (
          <li key={i.key}>{i.text}</li>
        ))}
      </ul>
      <form className="form req-panel" onSubmit={submit} aria-label={title}>
        <ErrorSummary error={error} />
        <TextField
          id={`${prefix}-code`}
          label={t('requests.settings.code')}
          hint={t('requests.settings.codeHint')}
          value={draft.code}
          onChange={(e) => setDraft({ ...draft, code: e.target.value })}
        />
        <TextField
          id={`${prefix}-fr`}
          label={t('requests.settings.nameFr')}
          value={draft.nameFr}
          onChange={(e) => setDraft({ ...draft, nameFr: e.target.value })}
        />
        <TextField
          id={`${prefix}-en`}
          label={t('requests.settings.nameEn')}
          value={draft.nameEn}
          onChange={(e) => setDraft({ ...draft, nameEn: e.target.value })}
        />
        {kind === 'status' && (
          <SelectField
            id={`${prefix}-phase`}
            label={t('requests.settings.phase')}
            value={draft.phase}
            onChange={(e) => setDraft({ ...draft, phase: e.target.value })}
          >
            <option value="acknowledged">{t('requests.settings.phases.acknowledged')}</option>
            <option value="in_progress">{t('requests.settings.phases.in_progress')}</option>
            <option value="resolved">{t('requests.settings.phases.resolved')}</option>
            <option value="closed">{t('requests.settings.phases.closed')}</option>
          </SelectField>
        )}
        <Button type="submit" variant="secondary">
          {t('requests.settings.add')}
        </Button>
      </form>
    </section>
  );
}

function Templates({ orgId, lookups }: { orgId: string; lookups: ReturnType<typeof useStaffLookups> }) {
  const { t } = useTranslation('citizen');
  const bi = useBilingual();
  const [draft, setDraft] = useState({ name: '', bodyFr: '', bodyEn: '', status: '' });
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await call(
        api.POST('/api/orgs/{orgId}/staff/request-templates', {
          params: { path: { orgId } },
          body: { ...draft, status: draft.status || null },
        }),
      );
      setDraft({ name: '', bodyFr: '', bodyEn: '', status: '' });
      await lookups.refetch();
    } catch (caught) {
      setError(caught);
    }
  };
  const remove = async (id: string) => {
    try {
      await call(
        api.DELETE('/api/orgs/{orgId}/staff/request-templates/{id}', { params: { path: { orgId, id } } }),
      );
      await lookups.refetch();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <section aria-labelledby="tpl-title">
      <h2 id="tpl-title">{t('requests.settings.templates')}</h2>
      <ul>
        {lookups.templates.map((tpl) => (
          <li key={tpl.id}>
            <strong>{tpl.name}</strong> — {bi(tpl.body)}{' '}
            <Button
              variant="link"
              onClick={() => void remove(tpl.id)}
              aria-label={t('requests.settings.deleteNamed', { name: tpl.name })}
            >
              {t('requests.settings.delete')}
            </Button>
          </li>
        ))}
      </ul>
      <form className="form req-panel" onSubmit={submit} aria-label={t('requests.settings.templates')}>
        <ErrorSummary error={error} />
        <TextField
          id="tpl-name"
          label={t('requests.settings.name')}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
        <TextAreaField
          id="tpl-fr"
          label={t('requests.settings.bodyFr')}
          value={draft.bodyFr}
          onChange={(e) => setDraft({ ...draft, bodyFr: e.target.value })}
        />
        <TextAreaField
          id="tpl-en"
          label={t('requests.settings.bodyEn')}
          value={draft.bodyEn}
          onChange={(e) => setDraft({ ...draft, bodyEn: e.target.value })}
        />
        <SelectField
          id="tpl-status"
          label={t('requests.settings.usualStatus')}
          optional
          value={draft.status}
          onChange={(e) => setDraft({ ...draft, status: e.target.value })}
        >
          <option value="">{t('requests.form.choose')}</option>
          {lookups.statuses.map((s) => (
            <option key={s.code} value={s.code}>
              {bi(s.label)}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary">
          {t('requests.settings.add')}
        </Button>
      </form>
    </section>
  );
}
