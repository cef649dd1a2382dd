import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/Button.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { useForm } from '../../../ui/useForm.ts';
import { splitList } from './shared.tsx';

const CHANNELS = ['email', 'sms', 'push', 'inapp'] as const;
type Channel = (typeof CHANNELS)[number];

/** What the API takes for a person on the list. */
export interface EmployeeBody {
  employeeNumber: string;
  givenName: string;
  familyName: string;
  jobClasses: string[];
  qualifications: string[];
  seniorityHours: number;
  seniorityDate: string | null;
  email: string | null;
  phone: string | null;
  channels: Channel[];
  locale: 'fr' | 'en';
  active: boolean;
  accountEmail?: string | null;
}

/** The form of a person on the list (new or existing). */
export function EmployeeForm({
  initial,
  submitLabel,
  onSubmit,
}: {
  initial?: Partial<EmployeeBody> & { linked?: boolean };
  submitLabel: string;
  onSubmit: (body: EmployeeBody) => Promise<void>;
}) {
  const { t } = useTranslation('callback');
  const id = useId();
  const [channels, setChannels] = useState<Channel[]>((initial?.channels as Channel[]) ?? ['email']);
  const [active, setActive] = useState(initial?.active ?? true);
  const form = useForm(
    `${id}-emp`,
    {
      employeeNumber: initial?.employeeNumber ?? '',
      givenName: initial?.givenName ?? '',
      familyName: initial?.familyName ?? '',
      jobClasses: (initial?.jobClasses ?? []).join(', '),
      qualifications: (initial?.qualifications ?? []).join(', '),
      seniorityHours: String(initial?.seniorityHours ?? 0),
      seniorityDate: initial?.seniorityDate ?? '',
      email: initial?.email ?? '',
      phone: initial?.phone ?? '',
      locale: initial?.locale ?? 'fr',
      accountEmail: '',
    },
    {
      'callback.contact_missing': 'email',
      'callback.account_not_found': 'accountEmail',
      'callback.employee_number_taken': 'employeeNumber',
    },
  );
  return (
    <form
      className="form"
      noValidate
      onSubmit={form.handleSubmit(async (v) => {
        await onSubmit({
          employeeNumber: v.employeeNumber.trim(),
          givenName: v.givenName.trim(),
          familyName: v.familyName.trim(),
          jobClasses: splitList(v.jobClasses),
          qualifications: splitList(v.qualifications),
          seniorityHours: Number(v.seniorityHours) || 0,
          seniorityDate: v.seniorityDate || null,
          email: v.email.trim() || null,
          phone: v.phone.trim() || null,
          channels,
          locale: v.locale === 'en' ? 'en' : 'fr',
          active,
          ...(v.accountEmail.trim() ? { accountEmail: v.accountEmail.trim() } : {}),
        });
      })}
    >
      <ErrorSummary error={form.error} fields={form.summaryFields()} />
      <TextField {...form.field('employeeNumber', t('employees.number'))} required inputSize="code" />
      <TextField {...form.field('givenName', t('employees.givenName'))} required autoComplete="off" />
      <TextField {...form.field('familyName', t('employees.familyName'))} required autoComplete="off" />
      <TextField
        {...form.field('jobClasses', t('employees.jobClasses'))}
        hint={t('employees.jobClassesHint')}
        required
      />
      <TextField
        {...form.field('qualifications', t('employees.qualifications'))}
        hint={t('employees.jobClassesHint')}
        optional
      />
      <TextField
        {...form.field('seniorityHours', t('employees.seniorityHours'))}
        type="number"
        min={0}
        step="0.5"
        inputSize="short"
      />
      <TextField {...form.field('seniorityDate', t('employees.seniorityDate'))} type="date" optional />
      <TextField {...form.field('email', t('employees.email'))} type="email" autoComplete="off" optional />
      <TextField {...form.field('phone', t('employees.phone'))} type="tel" autoComplete="off" optional />
      <fieldset className="callback-checks">
        <legend>{t('employees.channels')}</legend>
        {CHANNELS.map((c) => (
          <label key={c}>
            <input
              type="checkbox"
              checked={channels.includes(c)}
              onChange={() =>
                setChannels((old) => (old.includes(c) ? old.filter((x) => x !== c) : [...old, c]))
              }
            />
            {t(`channel.${c}`)}
          </label>
        ))}
      </fieldset>
      <SelectField {...form.field('locale', t('employees.locale'))}>
        <option value="fr">Français</option>
        <option value="en">English</option>
      </SelectField>
      <TextField
        {...form.field('accountEmail', t('employees.account'))}
        type="email"
        hint={
          initial?.linked
            ? `${t('employees.linked')} ✓ — ${t('employees.accountHint')}`
            : t('employees.accountHint')
        }
        optional
      />
      <div className="field">
        <label>
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />{' '}
          {t('employees.active')}
        </label>
      </div>
      <Button type="submit" busy={form.pending}>
        {submitLabel}
      </Button>
    </form>
  );
}
