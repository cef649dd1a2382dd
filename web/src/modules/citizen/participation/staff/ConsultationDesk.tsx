import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../../app/api.ts';
import { Alert } from '../../../../ui/Alert.tsx';
import { Button } from '../../../../ui/Button.tsx';
import { errorMessage } from '../../../../ui/errors.ts';
import { TextField } from '../../../../ui/Field.tsx';
import { formatDateTime } from '../../../../ui/format.ts';
import { Loadable } from '../../../../ui/Loadable.tsx';
import { Table } from '../../../../ui/Table.tsx';
import { useBi } from '../shared.tsx';
import { ConsultationForm, type StaffConsultation } from './ConsultationForm.tsx';

const EMPTY_MEETING = { fr: '', en: '', place: '', startsAt: '', capacity: '50' };

/** A consultation's public meetings (seats left) and the form to add one. */
function Meetings({ orgId, consultation }: { orgId: string; consultation: StaffConsultation }) {
  const { t } = useTranslation('participation');
  const { t: common } = useTranslation();
  const bi = useBi();
  const client = useQueryClient();
  const [form, setForm] = useState(EMPTY_MEETING);
  const [problem, setProblem] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  const page = useQuery({
    queryKey: ['participation', 'consultation', orgId, consultation.id],
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/citizen/consultations/{id}', {
          params: { path: { orgId, id: consultation.id } },
        }),
      ),
  });
  const add = async () => {
    setProblem(null);
    setMessage('');
    try {
      await call(
        api.POST('/api/orgs/{orgId}/citizen/staff/consultations/{id}/meetings', {
          params: { path: { orgId, id: consultation.id } },
          body: {
            title: { fr: form.fr, en: form.en },
            place: form.place,
            startsAt: new Date(form.startsAt).toISOString(),
            capacity: Number(form.capacity),
          },
        }),
      );
      setForm(EMPTY_MEETING);
      setMessage(t('consultationDesk.meetingAdded'));
      await client.invalidateQueries({ queryKey: ['participation', 'consultation', orgId, consultation.id] });
    } catch (caught) {
      setProblem(caught);
    }
  };
  const field = (key: keyof typeof form, label: string, extra: Record<string, string> = {}) => (
    <TextField
      id={`m-${key}`}
      label={label}
      value={form[key]}
      required
      onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.value }))}
      {...extra}
    />
  );
  return (
    <section aria-labelledby="meetings-title">
      <h3 id="meetings-title">{t('consultationDesk.meetingsOf', { title: bi(consultation.title) })}</h3>
      {message && <Alert tone="success">{message}</Alert>}
      {problem !== null && <Alert tone="error">{errorMessage(problem, common)}</Alert>}
      <Loadable query={page}>
        {(p) =>
          p.meetings.length === 0 ? (
            <p>{t('consultationDesk.noMeetings')}</p>
          ) : (
            <ul>
              {p.meetings.map((m) => (
                <li key={m.id}>
                  {bi(m.title)} · {formatDateTime(m.startsAt)} · {m.place} ·{' '}
                  {t('consultationDesk.seats', { left: m.seatsLeft, capacity: m.capacity })}
                </li>
              ))}
            </ul>
          )
        }
      </Loadable>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <h4>{t('consultationDesk.addMeeting')}</h4>
        {field('fr', t('consultationDesk.meetingFr'), { lang: 'fr' })}
        {field('en', t('consultationDesk.meetingEn'), { lang: 'en' })}
        {field('place', t('consultationDesk.place'))}
        {field('startsAt', t('consultationDesk.startsAt'), { type: 'datetime-local' })}
        {field('capacity', t('consultationDesk.capacity'), { type: 'number', min: '1', max: '10000' })}
        <p className="hint">{t('consultationDesk.registrationNote')}</p>
        <Button type="submit">{t('consultationDesk.addMeeting')}</Button>
      </form>
    </section>
  );
}

/** The clerk's consultations: every file (drafts too), create, edit, publish, and public meetings. */
export function ConsultationDesk({ orgId, orgSlug }: { orgId: string; orgSlug: string }) {
  const { t } = useTranslation('participation');
  const { t: common } = useTranslation();
  const bi = useBi();
  const client = useQueryClient();
  const [editing, setEditing] = useState<StaffConsultation | 'new' | null>(null);
  const [meetingsOf, setMeetingsOf] = useState<StaffConsultation | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  const list = useQuery({
    queryKey: ['participation', 'staff-consultations', orgId],
    queryFn: () =>
      call(api.GET('/api/orgs/{orgId}/citizen/staff/consultations', { params: { path: { orgId } } })),
  });
  const refresh = () =>
    client.invalidateQueries({ queryKey: ['participation', 'staff-consultations', orgId] });
  const publish = async (c: StaffConsultation) => {
    setProblem(null);
    try {
      await call(
        api.POST('/api/orgs/{orgId}/citizen/staff/consultations/{id}/state', {
          params: { path: { orgId, id: c.id } },
          body: { action: 'publish' },
        }),
      );
      setMessage(t('consultationDesk.published'));
      await refresh();
    } catch (caught) {
      setProblem(caught);
    }
  };
  return (
    <section aria-labelledby="consultation-desk">
      <h2 id="consultation-desk">{t('consultationDesk.title')}</h2>
      {message && <Alert tone="success">{message}</Alert>}
      {problem !== null && <Alert tone="error">{errorMessage(problem, common)}</Alert>}
      {editing ? (
        <ConsultationForm
          orgId={orgId}
          editing={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setMessage(t('consultationDesk.saved'));
            setMeetingsOf(saved);
            void refresh();
          }}
        />
      ) : (
        <p>
          <Button onClick={() => setEditing('new')}>{t('consultationDesk.new')}</Button>
        </p>
      )}
      <Loadable query={list}>
        {({ items }) => (
          <Table
            caption={t('consultationDesk.title')}
            captionHidden
            rows={items}
            rowKey={(c) => c.id}
            columns={[
              {
                key: 'title',
                header: t('consultationDesk.consultation'),
                rowHeader: true,
                render: (c) => <a href={`/${orgSlug}/consultations/${c.id}`}>{bi(c.title)}</a>,
              },
              {
                key: 'state',
                header: t('staff.state'),
                render: (c) => t(`consultationDesk.states.${c.state}`),
              },
              {
                key: 'actions',
                header: t('staff.actions'),
                render: (c) => (
                  <div className="inline-actions">
                    <Button
                      variant="secondary"
                      aria-label={t('consultationDesk.editNamed', { title: bi(c.title) })}
                      onClick={() => setEditing(c)}
                    >
                      {t('consultationDesk.edit')}
                    </Button>
                    <Button
                      variant="secondary"
                      aria-label={t('consultationDesk.meetingsNamed', { title: bi(c.title) })}
                      aria-expanded={meetingsOf?.id === c.id}
                      onClick={() => setMeetingsOf(meetingsOf?.id === c.id ? null : c)}
                    >
                      {t('consultationDesk.meetings')}
                    </Button>
                    {c.state === 'draft' && (
                      <Button
                        aria-label={t('consultationDesk.publishNamed', { title: bi(c.title) })}
                        onClick={() => void publish(c)}
                      >
                        {t('staff.publish')}
                      </Button>
                    )}
                  </div>
                ),
              },
            ]}
          />
        )}
      </Loadable>
      {meetingsOf && <Meetings key={meetingsOf.id} orgId={orgId} consultation={meetingsOf} />}
    </section>
  );
}
