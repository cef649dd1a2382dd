import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, call } from '../../../../app/api.ts';
import { Button } from '../../../../ui/Button.tsx';
import { ErrorSummary } from '../../../../ui/ErrorSummary.tsx';
import { SelectField, TextAreaField, TextField } from '../../../../ui/Field.tsx';
import { Loading } from '../../../../ui/Loadable.tsx';
import { Page } from '../../../../ui/Page.tsx';
import { useForm } from '../../../../ui/useForm.ts';
import { useStaff } from '../../../staff/context.ts';
import { type Activity, useBi, weekdayName } from '../shared.tsx';
import { RecreationNav } from './RecreationNav.tsx';

const CATEGORIES = ['sport', 'loisir', 'culture', 'camp_de_jour'] as const;
const STATUSES = ['published', 'draft', 'cancelled'] as const;
const SLOTS = [0, 1, 2] as const;

const dollars = (cents: number | undefined) => (cents === undefined ? '' : (cents / 100).toFixed(2));
const cents = (value: string) => Math.round(Number(value.replace(',', '.').replace(/[^\d.]/g, '')) * 100);

function initial(a: Activity | undefined, seasonId: string) {
  const slot = (i: number, k: 'weekday' | 'start' | 'end') => {
    const s = a?.schedule[i];
    return s ? String(s[k]) : '';
  };
  return {
    seasonId: a?.season.id ?? seasonId,
    code: a?.code ?? '',
    category: a?.category ?? 'sport',
    status: a?.status ?? 'published',
    titleFr: a?.title.fr ?? '',
    titleEn: a?.title.en ?? '',
    descriptionFr: a?.description.fr ?? '',
    descriptionEn: a?.description.en ?? '',
    facility: a?.facility ?? '',
    instructor: a?.instructor ?? '',
    startsOn: a?.startsOn ?? '',
    endsOn: a?.endsOn ?? '',
    minAge: a?.minAge?.toString() ?? '',
    maxAge: a?.maxAge?.toString() ?? '',
    ageReferenceDate: a?.ageReferenceDate ?? '',
    capacity: a?.capacity.toString() ?? '20',
    priceResident: dollars(a?.prices.residentCents),
    pricePartner: dollars(a?.prices.partnerCents),
    priceNonResident: dollars(a?.prices.nonResidentCents),
    allowInstalments: a?.allowInstalments ? 'yes' : 'no',
    refundFullDaysBefore: a?.cancellation.fullRefundDaysBefore.toString() ?? '7',
    refundPercentAfter: a?.cancellation.refundPercentAfter.toString() ?? '50',
    cancellationFee: dollars(a?.cancellation.feeCents ?? 0),
    weekday0: slot(0, 'weekday'),
    start0: slot(0, 'start'),
    end0: slot(0, 'end'),
    weekday1: slot(1, 'weekday'),
    start1: slot(1, 'start'),
    end1: slot(1, 'end'),
    weekday2: slot(2, 'weekday'),
    start2: slot(2, 'start'),
    end2: slot(2, 'end'),
  };
}
type Values = ReturnType<typeof initial>;

function ActivityForm({ activity, seasonId }: { activity?: Activity; seasonId: string }) {
  const { t, i18n } = useTranslation('citizen');
  const bi = useBi();
  const id = useId();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { org, base } = useStaff();
  const seasons = useQuery({
    queryKey: ['citizen', 'seasons', org.id],
    queryFn: () =>
      call(api.GET('/api/citizen/orgs/{orgId}/seasons', { params: { path: { orgId: org.id } } })),
  });
  const form = useForm<Values>(id, initial(activity, seasonId), {
    'activity.code_taken': 'code',
    'activity.capacity_below_taken': 'capacity',
  });
  const [saved, setSaved] = useState('');
  const submit = form.handleSubmit(async (v) => {
    const schedule = SLOTS.flatMap((i) => {
      const weekday = Number(v[`weekday${i}` as keyof Values]);
      const start = v[`start${i}` as keyof Values];
      const end = v[`end${i}` as keyof Values];
      return weekday && start && end ? [{ weekday, start, end }] : [];
    });
    const body = {
      seasonId: v.seasonId,
      code: v.code,
      category: v.category as (typeof CATEGORIES)[number],
      status: v.status as (typeof STATUSES)[number],
      titleFr: v.titleFr,
      titleEn: v.titleEn,
      descriptionFr: v.descriptionFr,
      descriptionEn: v.descriptionEn,
      facility: v.facility,
      instructor: v.instructor || null,
      schedule,
      startsOn: v.startsOn,
      endsOn: v.endsOn,
      minAge: v.minAge === '' ? null : Number(v.minAge),
      maxAge: v.maxAge === '' ? null : Number(v.maxAge),
      ageReferenceDate: v.ageReferenceDate || null,
      capacity: Number(v.capacity),
      priceResidentCents: cents(v.priceResident),
      pricePartnerCents: cents(v.pricePartner),
      priceNonResidentCents: cents(v.priceNonResident),
      allowInstalments: v.allowInstalments === 'yes',
      refundFullDaysBefore: Number(v.refundFullDaysBefore),
      refundPercentAfter: Number(v.refundPercentAfter),
      cancellationFeeCents: cents(v.cancellationFee || '0'),
    };
    const result = activity
      ? await call(
          api.PUT('/api/citizen/orgs/{orgId}/staff/activities/{activityId}', {
            params: { path: { orgId: org.id, activityId: activity.id } },
            body,
          }),
        )
      : await call(
          api.POST('/api/citizen/orgs/{orgId}/staff/activities', {
            params: { path: { orgId: org.id } },
            body,
          }),
        );
    await client.invalidateQueries({ queryKey: ['citizen'] });
    setSaved(t('registrations.staff.saved', { title: bi(result.title) }));
    if (!activity) navigate(`${base}/modules/recreation/activities/${result.id}`);
  });
  return (
    <form className="form" onSubmit={submit} noValidate>
      {saved && (
        <p role="status" className="alert alert--success">
          {saved}
        </p>
      )}
      <ErrorSummary error={form.error} fields={form.summaryFields()} />
      <SelectField {...form.field('seasonId', t('registrations.staff.season'))}>
        {(seasons.data ?? []).map((s) => (
          <option key={s.id} value={s.id}>
            {bi(s.name)}
          </option>
        ))}
      </SelectField>
      <TextField {...form.field('code', t('registrations.staff.code'))} inputSize="short" />
      <SelectField {...form.field('category', t('activities.category'))}>
        {CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {t(`activities.categories.${c}`)}
          </option>
        ))}
      </SelectField>
      <SelectField {...form.field('status', t('registrations.staff.status'))}>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`registrations.staff.activityStatuses.${s}`)}
          </option>
        ))}
      </SelectField>
      <TextField {...form.field('titleFr', t('registrations.staff.titleFr'))} />
      <TextField {...form.field('titleEn', t('registrations.staff.titleEn'))} />
      <TextAreaField {...form.field('descriptionFr', t('registrations.staff.descriptionFr'))} rows={3} />
      <TextAreaField {...form.field('descriptionEn', t('registrations.staff.descriptionEn'))} rows={3} />
      <TextField {...form.field('facility', t('activities.facility'))} />
      <TextField {...form.field('instructor', t('activities.instructor'))} optional />
      <TextField
        {...form.field('startsOn', t('registrations.staff.startsOn'))}
        type="date"
        inputSize="short"
      />
      <TextField {...form.field('endsOn', t('registrations.staff.endsOn'))} type="date" inputSize="short" />
      <fieldset>
        <legend>{t('activities.schedule')}</legend>
        {SLOTS.map((i) => (
          <div key={i} className="btn-row">
            <SelectField
              {...form.field(
                `weekday${i}` as keyof Values & string,
                t('registrations.staff.slotDay', { n: i + 1 }),
              )}
            >
              <option value="">—</option>
              {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                <option key={d} value={d}>
                  {weekdayName(d, i18n.language)}
                </option>
              ))}
            </SelectField>
            <TextField
              {...form.field(
                `start${i}` as keyof Values & string,
                t('registrations.staff.slotStart', { n: i + 1 }),
              )}
              type="time"
              inputSize="short"
            />
            <TextField
              {...form.field(
                `end${i}` as keyof Values & string,
                t('registrations.staff.slotEnd', { n: i + 1 }),
              )}
              type="time"
              inputSize="short"
            />
          </div>
        ))}
      </fieldset>
      <TextField
        {...form.field('minAge', t('registrations.staff.minAge'))}
        optional
        inputMode="numeric"
        inputSize="short"
      />
      <TextField
        {...form.field('maxAge', t('registrations.staff.maxAge'))}
        optional
        inputMode="numeric"
        inputSize="short"
      />
      <TextField
        {...form.field('ageReferenceDate', t('registrations.staff.ageReferenceDate'))}
        optional
        type="date"
        inputSize="short"
        hint={t('registrations.staff.ageReferenceHint')}
      />
      <TextField
        {...form.field('capacity', t('registrations.staff.capacity'))}
        inputMode="numeric"
        inputSize="short"
      />
      <TextField
        {...form.field('priceResident', t('registrations.staff.priceResident'))}
        inputMode="decimal"
        inputSize="short"
      />
      <TextField
        {...form.field('pricePartner', t('registrations.staff.pricePartner'))}
        inputMode="decimal"
        inputSize="short"
      />
      <TextField
        {...form.field('priceNonResident', t('registrations.staff.priceNonResident'))}
        inputMode="decimal"
        inputSize="short"
      />
      <SelectField {...form.field('allowInstalments', t('registrations.staff.allowInstalments'))}>
        <option value="no">{t('registrations.staff.no')}</option>
        <option value="yes">{t('registrations.staff.yes')}</option>
      </SelectField>
      <TextField
        {...form.field('refundFullDaysBefore', t('registrations.staff.refundFullDaysBefore'))}
        inputMode="numeric"
        inputSize="short"
      />
      <TextField
        {...form.field('refundPercentAfter', t('registrations.staff.refundPercentAfter'))}
        inputMode="numeric"
        inputSize="short"
      />
      <TextField
        {...form.field('cancellationFee', t('registrations.staff.cancellationFee'))}
        inputMode="decimal"
        inputSize="short"
      />
      <Button type="submit" busy={form.pending}>
        {t('registrations.staff.save')}
      </Button>
    </form>
  );
}

/** Create an activity, or change one (prices, places, schedule, status). */
export function ActivityEditPage() {
  const { t } = useTranslation('citizen');
  const bi = useBi();
  const { activityId } = useParams();
  const [params] = useSearchParams();
  const { org, base } = useStaff();
  const query = useQuery({
    queryKey: ['citizen', 'staff-activity', org.id, activityId],
    queryFn: () =>
      call(
        api.GET('/api/citizen/orgs/{orgId}/staff/activities/{activityId}', {
          params: { path: { orgId: org.id, activityId: activityId ?? '' } },
        }),
      ),
    enabled: !!activityId,
  });
  if (activityId && query.isPending) return <Loading />;
  const title = query.data ? bi(query.data.title) : t('registrations.staff.newActivity');
  return (
    <Page title={title}>
      <RecreationNav />
      {query.data && (
        <p>
          <Link to={`${base}/modules/recreation/activities/${query.data.id}/registrations`}>
            {t('registrations.staff.attendance')}
          </Link>
        </p>
      )}
      <ActivityForm key={query.dataUpdatedAt} activity={query.data} seasonId={params.get('season') ?? ''} />
    </Page>
  );
}
