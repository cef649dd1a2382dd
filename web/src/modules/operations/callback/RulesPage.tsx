import './callback.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiData, api, call } from '../../../app/api.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { Loadable } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { useForm } from '../../../ui/useForm.ts';
import { useStaff } from '../../staff/context.ts';
import { CallbackNav } from './shared.tsx';

type RulesRow = ApiData<'/api/orgs/{orgId}/callback/rules', 'get'>[number];
type Rules = RulesRow['rules'];

/** The agreement's rules per job class, and the union representatives who may read the rounds. */
export function RulesPage() {
  const { t } = useTranslation('callback');
  const { org, base } = useStaff();
  const rules = useQuery({
    queryKey: ['callback', org.id, 'rules'],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/callback/rules', { params: { path: { orgId: org.id } } })),
  });
  return (
    <Page title={t('nav.rules')}>
      <CallbackNav base={base} />
      <p>{t('rules.intro')}</p>
      <Loadable query={rules}>
        {(rows) => (
          <>
            {rows.map((row) => (
              <RulesForm key={row.jobClass || 'default'} orgId={org.id} row={row} />
            ))}
            <RulesForm
              orgId={org.id}
              row={{ jobClass: '', rules: rows[0]?.rules as Rules, stored: false }}
              isNew
            />
          </>
        )}
      </Loadable>
      <UnionReps orgId={org.id} />
    </Page>
  );
}

function RulesForm({ orgId, row, isNew = false }: { orgId: string; row: RulesRow; isNew?: boolean }) {
  const { t } = useTranslation('callback');
  const id = useId();
  const client = useQueryClient();
  const r = row.rules;
  const [flags, setFlags] = useState({
    noAnswerCountsAsRefusal: r.noAnswerCountsAsRefusal,
    equalDistribution: r.equalDistribution,
    refusedHoursCount: r.refusedHoursCount,
  });
  const [saved, setSaved] = useState(false);
  const form = useForm(`${id}-rules`, {
    jobClass: isNew ? '' : row.jobClass,
    seniorityBasis: r.seniorityBasis,
    windows: r.windows.map((w) => `${w.withinHours}=${w.minutes}`).join(', '),
    defaultWindowMinutes: String(r.defaultWindowMinutes),
    maxHoursPerWeek: r.maxHoursPerWeek === null ? '' : String(r.maxHoursPerWeek),
    minRestHours: String(r.minRestHours),
    refusalPolicy: r.refusalPolicy,
    refusalLimit: String(r.refusalLimit),
    periodDays: String(r.periodDays),
    offersAtOnce: String(r.offersAtOnce),
    availabilityDeadlineDays: String(r.availabilityDeadlineDays),
  });
  const title = isNew ? `${t('rules.jobClass')} +` : row.jobClass || t('rules.default');
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      {saved && <Alert tone="success">{t('rules.saved')}</Alert>}
      <form
        className="form"
        noValidate
        onSubmit={form.handleSubmit(async (v) => {
          setSaved(false);
          const windows = v.windows
            .split(',')
            .map((w) => w.split('=').map((x) => Number(x.trim())))
            .filter((pair) => pair.length === 2 && pair.every((x) => Number.isFinite(x)))
            .map(([withinHours, minutes]) => ({
              withinHours: withinHours as number,
              minutes: minutes as number,
            }));
          await call(
            api.PUT('/api/orgs/{orgId}/callback/rules', {
              params: { path: { orgId } },
              body: {
                jobClass: v.jobClass.trim(),
                rules: {
                  seniorityBasis: v.seniorityBasis === 'date' ? 'date' : 'hours',
                  windows,
                  defaultWindowMinutes: Number(v.defaultWindowMinutes),
                  maxHoursPerWeek: v.maxHoursPerWeek.trim() ? Number(v.maxHoursPerWeek) : null,
                  minRestHours: Number(v.minRestHours),
                  refusalPolicy: v.refusalPolicy === 'limit' ? 'limit' : 'free',
                  refusalLimit: Number(v.refusalLimit),
                  periodDays: Number(v.periodDays),
                  offersAtOnce: Number(v.offersAtOnce),
                  availabilityDeadlineDays: Number(v.availabilityDeadlineDays),
                  ...flags,
                },
              },
            }),
          );
          setSaved(true);
          await client.invalidateQueries({ queryKey: ['callback', orgId, 'rules'] });
        })}
      >
        <ErrorSummary error={form.error} fields={form.summaryFields()} />
        {isNew && <TextField {...form.field('jobClass', t('rules.jobClass'))} />}
        <SelectField {...form.field('seniorityBasis', t('rules.seniorityBasis'))}>
          <option value="hours">{t('rules.hours')}</option>
          <option value="date">{t('rules.date')}</option>
        </SelectField>
        <TextField {...form.field('windows', t('rules.windows'))} hint={t('rules.windowsHint')} />
        <TextField
          {...form.field('defaultWindowMinutes', t('rules.defaultWindow'))}
          type="number"
          min={1}
          inputSize="short"
        />
        <TextField
          {...form.field('maxHoursPerWeek', t('rules.maxHours'))}
          type="number"
          min={1}
          inputSize="short"
          optional
        />
        <TextField
          {...form.field('minRestHours', t('rules.minRest'))}
          type="number"
          min={0}
          inputSize="short"
        />
        <SelectField {...form.field('refusalPolicy', t('rules.refusalPolicy'))}>
          <option value="free">{t('rules.free')}</option>
          <option value="limit">{t('rules.limit')}</option>
        </SelectField>
        <TextField
          {...form.field('refusalLimit', t('rules.refusalLimit'))}
          type="number"
          min={1}
          inputSize="short"
        />
        <TextField
          {...form.field('periodDays', t('rules.periodDays'))}
          type="number"
          min={1}
          inputSize="short"
        />
        <TextField
          {...form.field('offersAtOnce', t('rules.offersAtOnce'))}
          type="number"
          min={1}
          max={20}
          inputSize="short"
        />
        <TextField
          {...form.field('availabilityDeadlineDays', t('rules.deadline'))}
          type="number"
          min={0}
          inputSize="short"
        />
        <fieldset className="callback-checks">
          <legend className="visually-hidden">{title}</legend>
          {(
            [
              ['noAnswerCountsAsRefusal', t('rules.noAnswer')],
              ['equalDistribution', t('rules.equal')],
              ['refusedHoursCount', t('rules.refusedHours')],
            ] as const
          ).map(([k, label]) => (
            <label key={k}>
              <input
                type="checkbox"
                checked={flags[k]}
                onChange={(e) => setFlags((old) => ({ ...old, [k]: e.target.checked }))}
              />
              {label}
            </label>
          ))}
        </fieldset>
        <Button type="submit" busy={form.pending}>
          {t('rules.save')}
        </Button>
        {!isNew && row.stored && row.jobClass !== '' && (
          <Button
            variant="secondary"
            onClick={async () => {
              await call(
                api.DELETE('/api/orgs/{orgId}/callback/rules', {
                  params: { path: { orgId }, query: { jobClass: row.jobClass } },
                }),
              );
              await client.invalidateQueries({ queryKey: ['callback', orgId, 'rules'] });
            }}
          >
            {t('rules.remove')}
          </Button>
        )}
      </form>
    </section>
  );
}

function UnionReps({ orgId }: { orgId: string }) {
  const { t } = useTranslation('callback');
  const id = useId();
  const client = useQueryClient();
  const reps = useQuery({
    queryKey: ['callback', orgId, 'union'],
    queryFn: () => call(api.GET('/api/orgs/{orgId}/callback/union-reps', { params: { path: { orgId } } })),
  });
  const form = useForm(`${id}-rep`, { email: '', union: '' }, { 'callback.account_not_found': 'email' });
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('rules.unionReps')}</h2>
      <p>{t('rules.unionIntro')}</p>
      <Loadable query={reps}>
        {(rows) => (
          <ul>
            {rows.map((r) => (
              <li key={r.id}>
                {r.name} ({r.email}) — {r.union}{' '}
                <Button
                  variant="link"
                  onClick={async () => {
                    await call(
                      api.DELETE('/api/orgs/{orgId}/callback/union-reps/{id}', {
                        params: { path: { orgId, id: r.id } },
                      }),
                    );
                    await client.invalidateQueries({ queryKey: ['callback', orgId, 'union'] });
                  }}
                >
                  {t('employees.remove')}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Loadable>
      <form
        className="form"
        noValidate
        onSubmit={form.handleSubmit(async (v) => {
          await call(
            api.POST('/api/orgs/{orgId}/callback/union-reps', {
              params: { path: { orgId } },
              body: { email: v.email.trim(), union: v.union },
            }),
          );
          form.setValues({ email: '', union: '' });
          await client.invalidateQueries({ queryKey: ['callback', orgId, 'union'] });
        })}
      >
        <ErrorSummary error={form.error} fields={form.summaryFields()} />
        <TextField {...form.field('email', t('rules.unionEmail'))} type="email" required />
        <TextField {...form.field('union', t('rules.unionName'))} />
        <Button type="submit" busy={form.pending}>
          {t('rules.unionAdd')}
        </Button>
      </form>
    </section>
  );
}
