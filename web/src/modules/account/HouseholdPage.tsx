import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiData, api, call } from '../../app/api.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmDialog } from '../../ui/Dialog.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { TextField } from '../../ui/Field.tsx';
import { formatDate } from '../../ui/format.ts';
import { Loadable } from '../../ui/Loadable.tsx';
import { Page } from '../../ui/Page.tsx';
import { StepHeading } from '../../ui/StepHeading.tsx';
import { useForm } from '../../ui/useForm.ts';

type Household = ApiData<'/api/me/household', 'get'>;
type Member = Household['members'][number];
const KEY = ['me', 'household'];

/** Adding a dependant, or changing one (when `member` is given). */
function DependantForm({
  member,
  familyName,
  onDone,
}: {
  member?: Member;
  familyName: string;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm(
    member ? `edit-${member.id}` : 'add-dependant',
    {
      givenName: member?.givenName ?? '',
      familyName: member?.familyName ?? familyName,
      birthDate: member?.birthDate ?? '',
    },
    { 'household.birth_date_invalid': 'birthDate' },
  );
  const submit = form.handleSubmit(async (values) => {
    if (member) {
      await call(
        api.PATCH('/api/me/household/dependants/{personId}', {
          params: { path: { personId: member.id } },
          body: values,
        }),
      );
    } else {
      await call(api.POST('/api/me/household/dependants', { body: values }));
      form.setValues({ givenName: '', familyName, birthDate: '' });
    }
    await client.invalidateQueries({ queryKey: KEY });
    onDone(
      member
        ? t('household.updated', { name: values.givenName })
        : t('household.added', { name: values.givenName }),
    );
  });
  return (
    <form className="form" onSubmit={submit} noValidate>
      <ErrorSummary error={form.error} fields={form.summaryFields()} />
      <TextField {...form.field('givenName', t('profile.givenName'))} autoComplete="off" />
      <TextField {...form.field('familyName', t('profile.familyName'))} autoComplete="off" />
      <TextField {...form.field('birthDate', t('household.birthDate'))} type="date" inputSize="short" />
      <div className="btn-row">
        <Button type="submit" busy={form.pending}>
          {member ? t('common.save') : t('household.add')}
        </Button>
        {member && (
          <Button variant="secondary" onClick={() => onDone('')}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}

function HouseholdView({ household }: { household: Household }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [message, setMessage] = useState('');
  const [editing, setEditing] = useState<Member | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const self = household.members.find((m) => m.isSelf);
  const dependants = household.members.filter((m) => m.role === 'dependant');
  const others = household.members.filter((m) => !m.isSelf && m.role !== 'dependant');

  const remove = useMutation({
    mutationFn: (member: Member) =>
      call(
        api.DELETE('/api/me/household/dependants/{personId}', { params: { path: { personId: member.id } } }),
      ),
    onSuccess: async (_data, member) => {
      setRemoving(null);
      setMessage(t('household.removed', { name: member.givenName }));
      await client.invalidateQueries({ queryKey: KEY });
    },
  });

  const name = (m: Member) => `${m.givenName} ${m.familyName}`;

  return (
    <>
      {message && <Alert tone="success">{message}</Alert>}
      {remove.error && <Alert tone="error">{errorMessage(remove.error, t)}</Alert>}
      <p>{t('household.intro')}</p>

      <h2 id="household-adults">{t('household.adults')}</h2>
      <ul className="plain-list" aria-labelledby="household-adults">
        {[...(self ? [self] : []), ...others].map((m) => (
          <li key={m.id} className="member">
            <span>
              <span className="member__name">{name(m)}</span>{' '}
              {m.isSelf && <span className="badge">{t('household.you')}</span>}
            </span>
          </li>
        ))}
      </ul>

      <h2 id="household-dependants">{t('household.dependants')}</h2>
      {dependants.length === 0 ? (
        <p>{t('household.noDependants')}</p>
      ) : (
        <ul className="plain-list" aria-labelledby="household-dependants">
          {dependants.map((m) => (
            <li key={m.id} className="member">
              <span>
                <span className="member__name">{name(m)}</span>
                <br />
                <span className="muted">{t('household.bornOn', { date: formatDate(m.birthDate) })}</span>
              </span>
              <span className="btn-row">
                <Button
                  variant="secondary"
                  onClick={() => setEditing(m)}
                  aria-label={t('household.editNamed', { name: name(m) })}
                >
                  {t('common.edit')}
                </Button>
                <Button
                  variant="secondary"
                  onClick={() => setRemoving(m)}
                  aria-label={t('household.removeNamed', { name: name(m) })}
                >
                  {t('household.remove')}
                </Button>
              </span>
            </li>
          ))}
        </ul>
      )}

      {editing && (
        <section aria-labelledby="edit-dependant">
          <StepHeading id="edit-dependant">{t('household.editTitle', { name: name(editing) })}</StepHeading>
          <DependantForm
            key={editing.id}
            member={editing}
            familyName={editing.familyName}
            onDone={(text) => {
              setEditing(null);
              if (text) setMessage(text);
            }}
          />
        </section>
      )}

      <h2>{t('household.addTitle')}</h2>
      <DependantForm familyName={self?.familyName ?? ''} onDone={setMessage} />

      <ConfirmDialog
        open={removing !== null}
        title={t('household.removeTitle', { name: removing ? name(removing) : '' })}
        confirmLabel={t('household.remove')}
        danger
        busy={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing)}
        onCancel={() => setRemoving(null)}
      >
        <p>{t('household.removeText')}</p>
      </ConfirmDialog>
    </>
  );
}

/** The household: the person, and the children (dependants) they act for. */
export function HouseholdPage() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: KEY, queryFn: () => call(api.GET('/api/me/household')) });
  return (
    <Page title={t('account.household')}>
      <Loadable query={query}>{(household) => <HouseholdView household={household} />}</Loadable>
    </Page>
  );
}
