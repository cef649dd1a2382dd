import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiData, api, call } from '../../../../app/api.ts';
import { Alert } from '../../../../ui/Alert.tsx';
import { Button } from '../../../../ui/Button.tsx';
import { ErrorSummary } from '../../../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../../../ui/Field.tsx';
import { formatDate } from '../../../../ui/format.ts';
import { Page } from '../../../../ui/Page.tsx';
import { useForm } from '../../../../ui/useForm.ts';
import { useStaff } from '../../../staff/context.ts';
import { useBi, useMoney } from '../shared.tsx';
import { RecreationNav } from './RecreationNav.tsx';

type Check = ApiData<'/api/citizen/orgs/{orgId}/staff/card-checks', 'post'>;
type Household = ApiData<'/api/citizen/orgs/{orgId}/staff/household-lookup', 'post'>;

/** The counter: check a card (scanned or typed), find a household, register at the counter or by phone. */
export function CounterPage() {
  const { t } = useTranslation('citizen');
  const bi = useBi();
  const money = useMoney();
  const id = useId();
  const { org } = useStaff();
  const [check, setCheck] = useState<Check | null>(null);
  const [household, setHousehold] = useState<Household | null>(null);
  const [done, setDone] = useState('');
  const checkForm = useForm(
    'card-check',
    { number: '' },
    { 'card.number_invalid': 'number', 'card.not_found': 'number' },
  );
  const findForm = useForm('household-find', { cardNumber: '', email: '' });
  const registerForm = useForm('counter', {
    activityId: '',
    personId: '',
    source: 'counter',
    payment: 'cash',
  });
  const activities = useQuery({
    queryKey: ['citizen', 'staff-activities', org.id, 'counter'],
    queryFn: () =>
      call(
        api.GET('/api/citizen/orgs/{orgId}/staff/activities', {
          params: { path: { orgId: org.id }, query: { perPage: 200 } },
        }),
      ),
  });

  const submitCheck = checkForm.handleSubmit(async (v) => {
    setCheck(null);
    setCheck(
      await call(
        api.POST('/api/citizen/orgs/{orgId}/staff/card-checks', {
          params: { path: { orgId: org.id } },
          body: { number: v.number },
        }),
      ),
    );
  });
  const submitFind = findForm.handleSubmit(async (v) => {
    setHousehold(
      await call(
        api.POST('/api/citizen/orgs/{orgId}/staff/household-lookup', {
          params: { path: { orgId: org.id } },
          body: v.cardNumber ? { cardNumber: v.cardNumber } : { email: v.email },
        }),
      ),
    );
  });
  const submitRegister = registerForm.handleSubmit(async (v) => {
    if (!household) return;
    const result = await call(
      api.POST('/api/citizen/orgs/{orgId}/staff/registrations', {
        params: { path: { orgId: org.id } },
        body: {
          accountId: household.accountId,
          items: [{ activityId: v.activityId, personId: v.personId }],
          acceptWaitlist: true,
          source: v.source as 'counter' | 'phone',
          payment: v.payment === 'later' ? null : (v.payment as 'cash' | 'debit' | 'cheque'),
        },
        headers: { 'Idempotency-Key': crypto.randomUUID() },
      }),
    );
    const r = result.registrations[0];
    setDone(
      r
        ? t('registrations.staff.registeredAs', {
            name: r.givenName,
            status: t(`registrations.statuses.${r.status}`),
            amount: money(r.amountCents),
          })
        : '',
    );
  });

  return (
    <Page title={t('registrations.staff.counter')}>
      <RecreationNav />
      <h2 id={`${id}-check`}>{t('registrations.staff.checkCard')}</h2>
      <form className="form" onSubmit={submitCheck} noValidate aria-labelledby={`${id}-check`}>
        <ErrorSummary error={checkForm.error} fields={checkForm.summaryFields()} />
        <TextField
          {...checkForm.field('number', t('registrations.staff.cardNumber'))}
          hint={t('registrations.staff.scanHint')}
          autoComplete="off"
          inputMode="numeric"
        />
        <Button type="submit" busy={checkForm.pending}>
          {t('registrations.staff.check')}
        </Button>
      </form>
      {check && (
        <Alert
          tone={check.valid ? 'success' : 'warning'}
          title={
            check.valid
              ? t('registrations.staff.cardValid')
              : t(`registrations.staff.cardInvalid.${check.reason ?? 'revoked'}`)
          }
        >
          <dl className="summary-list">
            <dt>{t('registrations.staff.holder')}</dt>
            <dd>{check.holder.name}</dd>
            <dt>{t('registrations.staff.born')}</dt>
            <dd>{formatDate(check.holder.birthDate)}</dd>
            <dt>{t('activities.town')}</dt>
            <dd>{bi(check.town.name)}</dd>
            <dt>{t('registrations.staff.validUntil')}</dt>
            <dd>{formatDate(check.validUntil)}</dd>
            <dt>{t('registrations.staff.privileges')}</dt>
            <dd>
              {check.valid
                ? t(`registrations.staff.privilegeText.${check.privileges}`)
                : t('registrations.staff.privilegeText.none')}
            </dd>
          </dl>
        </Alert>
      )}

      <h2 id={`${id}-find`}>{t('registrations.staff.registerTitle')}</h2>
      <form className="form" onSubmit={submitFind} noValidate aria-labelledby={`${id}-find`}>
        <ErrorSummary error={findForm.error} fields={findForm.summaryFields()} />
        <TextField
          {...findForm.field('cardNumber', t('registrations.staff.cardNumber'))}
          optional
          inputMode="numeric"
          autoComplete="off"
        />
        <TextField
          {...findForm.field('email', t('registrations.staff.accountEmail'))}
          optional
          type="email"
          autoComplete="off"
        />
        <Button type="submit" busy={findForm.pending}>
          {t('registrations.staff.findHousehold')}
        </Button>
      </form>
      {household && (
        <form className="form" onSubmit={submitRegister} noValidate>
          <p>{t(`registrations.staff.standing.${household.standing}`)}</p>
          <ErrorSummary error={registerForm.error} fields={registerForm.summaryFields()} />
          {done && <Alert tone="success">{done}</Alert>}
          <SelectField {...registerForm.field('personId', t('activities.who'))}>
            <option value="">{t('activities.choosePerson')}</option>
            {household.members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.givenName} {m.familyName}
              </option>
            ))}
          </SelectField>
          <SelectField {...registerForm.field('activityId', t('registrations.staff.activity'))}>
            <option value="">{t('registrations.staff.chooseActivity')}</option>
            {(activities.data?.items ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {a.code} — {bi(a.title)} ({a.taken}/{a.capacity})
              </option>
            ))}
          </SelectField>
          <SelectField {...registerForm.field('source', t('registrations.staff.source'))}>
            <option value="counter">{t('registrations.staff.sources.counter')}</option>
            <option value="phone">{t('registrations.staff.sources.phone')}</option>
          </SelectField>
          <SelectField {...registerForm.field('payment', t('registrations.staff.payment'))}>
            <option value="cash">{t('registrations.staff.payments.cash')}</option>
            <option value="debit">{t('registrations.staff.payments.debit')}</option>
            <option value="cheque">{t('registrations.staff.payments.cheque')}</option>
            <option value="later">{t('registrations.staff.payments.later')}</option>
          </SelectField>
          <Button type="submit" busy={registerForm.pending}>
            {t('registrations.staff.registerButton')}
          </Button>
        </form>
      )}
    </Page>
  );
}
