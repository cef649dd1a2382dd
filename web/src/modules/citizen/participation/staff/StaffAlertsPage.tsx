import '../participation.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, call } from '../../../../app/api.ts';
import { useOrgs } from '../../../../app/org.tsx';
import { Alert } from '../../../../ui/Alert.tsx';
import { Button } from '../../../../ui/Button.tsx';
import { errorMessage } from '../../../../ui/errors.ts';
import { SelectField, TextAreaField, TextField } from '../../../../ui/Field.tsx';
import { formatDateTime } from '../../../../ui/format.ts';
import { Loadable, Loading } from '../../../../ui/Loadable.tsx';
import { Page } from '../../../../ui/Page.tsx';
import { ProgressBar } from '../../../staff/ProgressBar.tsx';
import { type ApiBody, useBi } from '../shared.tsx';
import { AlertAreaFields, type AreaForm, areaOf } from './AlertAreaFields.tsx';
import { SectorDesk } from './SectorDesk.tsx';

type AlertInput = ApiBody<'/api/orgs/{orgId}/citizen/staff/alerts', 'post'>;
const URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const;
const SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;
const CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const;
const localInput = (d: Date) =>
  new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

function Delivery({ orgId, alertId }: { orgId: string; alertId: string }) {
  const { t } = useTranslation('participation');
  const query = useQuery({
    queryKey: ['participation', 'alert-delivery', orgId, alertId],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/citizen/staff/alerts/{id}/delivery', {
          params: { path: { orgId, id: alertId } },
        }),
      ),
    refetchInterval: (q) => (q.state.data?.done ? false : 3000),
  });
  return (
    <Loadable query={query}>
      {(d) => (
        <>
          <ProgressBar
            label={t('staffAlerts.progress')}
            percent={d.percent}
            status={t('desk.progressStatus', {
              sent: d.totals.sent,
              total: d.messages,
              failed: d.totals.failed,
            })}
          />
          <table>
            <caption>{t('staffAlerts.perChannel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staffAlerts.channel')}</th>
                <th scope="col">{t('desk.statuses.queued')}</th>
                <th scope="col">{t('desk.statuses.sent')}</th>
                <th scope="col">{t('desk.statuses.failed')}</th>
              </tr>
            </thead>
            <tbody>
              {(['email', 'sms', 'push', 'inapp'] as const).map((c) => (
                <tr key={c}>
                  <th scope="row">{t(`staffAlerts.channels.${c}`)}</th>
                  <td>{d.channels[c].queued}</td>
                  <td>{d.channels[c].sent}</td>
                  <td>{d.channels[c].failed + d.channels[c].bounced}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>{t('staffAlerts.recipients', { count: d.recipients, skipped: d.skipped })}</p>
        </>
      )}
    </Loadable>
  );
}

/** Public works' alert desk: write (or update, cancel) a bilingual CAP alert on an area, approve, follow delivery. */
export function StaffAlertsPage() {
  const { t } = useTranslation('participation');
  const { t: common } = useTranslation();
  const bi = useBi();
  const client = useQueryClient();
  const { orgSlug } = useParams();
  const { orgs } = useOrgs();
  const org = orgs.find((o) => o.slug === orgSlug);
  const [form, setForm] = useState({
    eventCode: 'drinkingWate',
    urgency: 'Immediate' as AlertInput['urgency'],
    severity: 'Moderate' as AlertInput['severity'],
    certainty: 'Observed' as AlertInput['certainty'],
    headlineFr: '',
    headlineEn: '',
    descriptionFr: '',
    descriptionEn: '',
    instructionFr: '',
    instructionEn: '',
    areaFr: '',
    areaEn: '',
    kind: 'territory' as AreaForm['kind'],
    points: '',
    sectorIds: [] as string[],
    lat: '',
    lon: '',
    radius: '1',
    expires: localInput(new Date(Date.now() + 86_400_000)),
    test: true,
    approval: false,
  });
  const [target, setTarget] = useState<{ id: string; action: 'update' | 'cancel' } | null>(null);
  const [followed, setFollowed] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  const events = useQuery({
    queryKey: ['participation', 'events', org?.id],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/citizen/alerts/events', { params: { path: { orgId: org?.id ?? '' } } }),
      ),
    enabled: !!org,
  });
  const list = useQuery({
    queryKey: ['participation', 'staff-alerts', org?.id],
    queryFn: () =>
      call(api.GET('/api/orgs/{orgId}/citizen/staff/alerts', { params: { path: { orgId: org?.id ?? '' } } })),
    enabled: !!org,
  });
  if (!org) return <Loading />;
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const area = areaOf(form);
  const body: AlertInput = {
    eventCode: form.eventCode,
    urgency: form.urgency,
    severity: form.severity,
    certainty: form.certainty,
    headline: { fr: form.headlineFr, en: form.headlineEn },
    description: { fr: form.descriptionFr, en: form.descriptionEn },
    instruction: { fr: form.instructionFr, en: form.instructionEn },
    areaDesc: { fr: form.areaFr, en: form.areaEn },
    area,
    expiresAt: new Date(form.expires).toISOString(),
    test: form.test,
    requireApproval: form.approval,
  };
  const run = async (work: () => Promise<unknown>, done: string) => {
    setProblem(null);
    setMessage('');
    try {
      await work();
      setMessage(done);
      setTarget(null);
      await client.invalidateQueries({ queryKey: ['participation'] });
    } catch (caught) {
      setProblem(caught);
    }
  };
  const submit = () =>
    run(
      () =>
        target
          ? call(
              api.POST('/api/orgs/{orgId}/citizen/staff/alerts/{id}/{action}', {
                params: { path: { orgId: org.id, id: target.id, action: target.action } },
                body,
              }),
            )
          : call(
              api.POST('/api/orgs/{orgId}/citizen/staff/alerts', {
                params: { path: { orgId: org.id } },
                body,
              }),
            ),
      form.approval ? t('staffAlerts.awaiting') : t('staffAlerts.sent'),
    );
  const text = (key: keyof typeof form, label: string, lang: 'fr' | 'en', area = false) =>
    area ? (
      <TextAreaField
        id={`a-${key}`}
        label={label}
        lang={lang}
        value={String(form[key])}
        onChange={(e) => set({ [key]: e.target.value })}
        required
      />
    ) : (
      <TextField
        id={`a-${key}`}
        label={label}
        lang={lang}
        value={String(form[key])}
        onChange={(e) => set({ [key]: e.target.value })}
        required
      />
    );
  return (
    <Page title={t('staffAlerts.title')}>
      {message && <Alert tone="success">{message}</Alert>}
      {problem !== null && <Alert tone="error">{errorMessage(problem, common)}</Alert>}
      <p>
        <a href={`/feeds/${org.slug}/alerts.atom`}>{t('alerts.feed')}</a>
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2>{target ? t(`staffAlerts.${target.action}Title`) : t('staffAlerts.compose')}</h2>
        <SelectField
          id="a-event"
          label={t('staffAlerts.event')}
          value={form.eventCode}
          onChange={(e) => set({ eventCode: e.target.value })}
        >
          {(events.data?.items ?? []).map((ev) => (
            <option key={ev.code} value={ev.code}>
              {bi(ev.name)} ({ev.code})
            </option>
          ))}
        </SelectField>
        <SelectField
          id="a-urgency"
          label={t('staffAlerts.urgency')}
          value={form.urgency}
          onChange={(e) => set({ urgency: e.target.value as AlertInput['urgency'] })}
        >
          {URGENCIES.map((v) => (
            <option key={v} value={v}>
              {t(`staffAlerts.values.${v}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="a-severity"
          label={t('staffAlerts.severity')}
          value={form.severity}
          onChange={(e) => set({ severity: e.target.value as AlertInput['severity'] })}
        >
          {SEVERITIES.map((v) => (
            <option key={v} value={v}>
              {t(`staffAlerts.values.${v}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="a-certainty"
          label={t('staffAlerts.certainty')}
          value={form.certainty}
          onChange={(e) => set({ certainty: e.target.value as AlertInput['certainty'] })}
        >
          {CERTAINTIES.map((v) => (
            <option key={v} value={v}>
              {t(`staffAlerts.values.${v}`)}
            </option>
          ))}
        </SelectField>
        {text('headlineFr', t('staffAlerts.headlineFr'), 'fr')}
        {text('headlineEn', t('staffAlerts.headlineEn'), 'en')}
        {text('descriptionFr', t('staffAlerts.descriptionFr'), 'fr', true)}
        {text('descriptionEn', t('staffAlerts.descriptionEn'), 'en', true)}
        {text('instructionFr', t('staffAlerts.instructionFr'), 'fr', true)}
        {text('instructionEn', t('staffAlerts.instructionEn'), 'en', true)}
        {text('areaFr', t('staffAlerts.areaFr'), 'fr')}
        {text('areaEn', t('staffAlerts.areaEn'), 'en')}
        <AlertAreaFields orgId={org.id} form={form} set={set} />
        <TextField
          id="a-expires"
          type="datetime-local"
          label={t('staffAlerts.expires')}
          value={form.expires}
          onChange={(e) => set({ expires: e.target.value })}
        />
        <label className="checkbox">
          <input type="checkbox" checked={form.test} onChange={(e) => set({ test: e.target.checked })} />{' '}
          {t('staffAlerts.test')}
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={form.approval}
            onChange={(e) => set({ approval: e.target.checked })}
          />{' '}
          {t('staffAlerts.approval')}
        </label>
        <div className="inline-actions">
          <Button type="submit">
            {form.approval ? t('staffAlerts.submitForApproval') : t('staffAlerts.send')}
          </Button>
          {target && (
            <Button variant="secondary" onClick={() => setTarget(null)}>
              {t('staffAlerts.cancelEdit')}
            </Button>
          )}
        </div>
      </form>
      <SectorDesk orgId={org.id} />
      <h2>{t('staffAlerts.history')}</h2>
      <Loadable query={list}>
        {({ items }) => (
          <>
            {items.map((a) => (
              <article key={a.id} className="issue-card">
                <h3>
                  {a.status === 'Test' ? `${t('banner.test')} – ` : ''}
                  {t(`alerts.msgType.${a.msgType}`)} : {bi(a.headline)}
                </h3>
                <p className="muted">
                  {t(`staffAlerts.states.${a.state}`, { defaultValue: a.state })}
                  {a.sentAt && ` · ${formatDateTime(a.sentAt)}`} ·{' '}
                  {a.active ? t('staffAlerts.active') : t('staffAlerts.inactive')}
                </p>
                <div className="inline-actions">
                  {a.state === 'pending_approval' && (
                    <>
                      <Button
                        onClick={() =>
                          void run(
                            () =>
                              call(
                                api.POST('/api/orgs/{orgId}/citizen/staff/alerts/{id}/decision', {
                                  params: { path: { orgId: org.id, id: a.id } },
                                  body: { approve: true },
                                }),
                              ),
                            t('staffAlerts.sent'),
                          )
                        }
                      >
                        {t('staffAlerts.approve')}
                      </Button>
                      <Button
                        variant="danger"
                        onClick={() =>
                          void run(
                            () =>
                              call(
                                api.POST('/api/orgs/{orgId}/citizen/staff/alerts/{id}/decision', {
                                  params: { path: { orgId: org.id, id: a.id } },
                                  body: { approve: false },
                                }),
                              ),
                            t('staffAlerts.refused'),
                          )
                        }
                      >
                        {t('staffAlerts.refuse')}
                      </Button>
                    </>
                  )}
                  {a.active && (
                    <>
                      <Button variant="secondary" onClick={() => setTarget({ id: a.id, action: 'update' })}>
                        {t('staffAlerts.update')}
                      </Button>
                      <Button variant="secondary" onClick={() => setTarget({ id: a.id, action: 'cancel' })}>
                        {t('staffAlerts.cancel')}
                      </Button>
                    </>
                  )}
                  {a.sentAt && (
                    <Button
                      variant="link"
                      aria-expanded={followed === a.id}
                      onClick={() => setFollowed(followed === a.id ? null : a.id)}
                    >
                      {t('staffAlerts.delivery')}
                    </Button>
                  )}
                  {a.capUrl && <a href={a.capUrl}>CAP</a>}
                </div>
                {followed === a.id && <Delivery orgId={org.id} alertId={a.id} />}
              </article>
            ))}
          </>
        )}
      </Loadable>
    </Page>
  );
}
