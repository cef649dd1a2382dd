import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, call } from '../../../../app/api.ts';
import { Alert } from '../../../../ui/Alert.tsx';
import { Button } from '../../../../ui/Button.tsx';
import { ErrorSummary } from '../../../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../../../ui/Field.tsx';
import { Loading } from '../../../../ui/Loadable.tsx';
import { Table } from '../../../../ui/Table.tsx';
import { useForm } from '../../../../ui/useForm.ts';
import { useWhen } from '../shared.tsx';
import { slotSeries } from './slot-series.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** One resource person's slots: open a series, see who booked what, remove an open slot. */
export function ContactSlots({ orgId, contact }: { orgId: string; contact: { id: string; name: string } }) {
  const { t } = useTranslation('region');
  const when = useWhen();
  const queries = useQueryClient();
  const [weekdaysOnly, setWeekdaysOnly] = useState(true);
  const [notice, setNotice] = useState('');
  const form = useForm('slots', {
    from: today(),
    to: today(),
    start: '09:00',
    end: '12:00',
    minutes: '30',
    mode: 'in_person',
  });
  const key = ['region', orgId, 'slots', contact.id];
  const slots = useQuery({
    queryKey: key,
    queryFn: () =>
      call(
        api.GET('/api/orgs/{orgId}/region/staff/contacts/{contactId}/slots', {
          params: { path: { orgId, contactId: contact.id } },
        }),
      ),
  });
  const add = form.handleSubmit(async (v) => {
    const series = slotSeries({ ...v, minutes: Number(v.minutes), weekdaysOnly });
    // Checked here: the series is built in the browser, the server only sees its slots.
    if (!series) throw new ApiError(422, 'region.slot_invalid', t('slots.invalid'));
    const res = await call(
      api.POST('/api/orgs/{orgId}/region/staff/contacts/{contactId}/slots', {
        params: { path: { orgId, contactId: contact.id } },
        body: { slots: series },
      }),
    );
    setNotice(t('slots.added', { count: res.ids.length }));
    await queries.invalidateQueries({ queryKey: ['region', orgId] });
  });
  const remove = async (slotId: string, label: string) => {
    await call(
      api.DELETE('/api/orgs/{orgId}/region/staff/slots/{slotId}', { params: { path: { orgId, slotId } } }),
    );
    setNotice(t('slots.removed', { when: label }));
    await queries.invalidateQueries({ queryKey: ['region', orgId] });
  };
  if (!slots.data) return <Loading />;
  type Row = (typeof slots.data.items)[number];
  return (
    <section aria-labelledby="slots-title">
      <h2 id="slots-title" tabIndex={-1}>
        {t('slots.title', { name: contact.name })}
      </h2>
      {notice && <Alert tone="success">{notice}</Alert>}
      <Table<Row>
        caption={t('slots.list', { count: slots.data.items.length })}
        rows={slots.data.items}
        rowKey={(r) => r.id}
        columns={[
          { key: 'when', header: t('slots.when'), rowHeader: true, render: (r) => when(r.startsAt) },
          {
            key: 'mode',
            header: t('slots.mode'),
            render: (r) => t(`contacts.mode.${r.mode}` as 'contacts.mode.phone'),
          },
          {
            key: 'booking',
            header: t('slots.booking'),
            render: (r) =>
              r.booked
                ? [r.bookerName, r.bookerEmail, r.bookerNote].filter(Boolean).join(' — ')
                : t('slots.open'),
          },
          {
            key: 'actions',
            header: t('staffPlaces.actions'),
            render: (r) =>
              r.booked ? (
                t('slots.keep')
              ) : (
                <Button variant="link" onClick={() => void remove(r.id, when(r.startsAt))}>
                  {t('slots.remove', { when: when(r.startsAt) })}
                </Button>
              ),
          },
        ]}
      />
      <form onSubmit={add} noValidate>
        <h3>{t('slots.addTitle')}</h3>
        <p>{t('slots.zone')}</p>
        <ErrorSummary error={form.error} fields={form.summaryFields()} />
        <div className="region-filters">
          <TextField {...form.field('from', t('slots.from'))} type="date" required />
          <TextField {...form.field('to', t('slots.to'))} type="date" required />
          <TextField {...form.field('start', t('slots.start'))} type="time" required />
          <TextField {...form.field('end', t('slots.end'))} type="time" required />
          <TextField
            {...form.field('minutes', t('slots.minutes'))}
            type="number"
            min={5}
            max={480}
            required
          />
          <SelectField {...form.field('mode', t('slots.mode'))}>
            {(['in_person', 'phone', 'video'] as const).map((m) => (
              <option key={m} value={m}>
                {t(`contacts.mode.${m}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="checkbox">
          <input
            id="slots-weekdays"
            type="checkbox"
            checked={weekdaysOnly}
            onChange={(e) => setWeekdaysOnly(e.target.checked)}
          />
          <label htmlFor="slots-weekdays">{t('slots.weekdays')}</label>
        </div>
        <Button type="submit" busy={form.pending}>
          {t('slots.add')}
        </Button>
      </form>
    </section>
  );
}
