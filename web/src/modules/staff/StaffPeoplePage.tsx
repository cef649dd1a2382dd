import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiData, api, call } from '../../app/api.ts';
import type { Role } from '../../app/session.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmDialog } from '../../ui/Dialog.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { Loadable } from '../../ui/Loadable.tsx';
import { Page } from '../../ui/Page.tsx';
import { Table } from '../../ui/Table.tsx';
import { useForm } from '../../ui/useForm.ts';
import { ROLES } from './areas.ts';
import { useStaff } from './context.ts';

type Member = ApiData<'/api/orgs/{orgId}/staff', 'get'>[number];

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The organisation's staff and their roles: give a role by e-mail address, take one back. */
export function StaffPeoplePage() {
  const { t } = useTranslation();
  const { org } = useStaff();
  const client = useQueryClient();
  const key = ['staff', org.id];
  const [message, setMessage] = useState('');
  const [removing, setRemoving] = useState<{ member: Member; role: Role } | null>(null);
  const query = useQuery({
    queryKey: key,
    queryFn: () => call(api.GET('/api/orgs/{orgId}/staff', { params: { path: { orgId: org.id } } })),
  });
  const form = useForm('grant', { email: '', role: 'recreation' }, { 'staff.account_not_found': 'email' });
  const grant = form.handleSubmit(async ({ email, role }) => {
    if (!isRole(role)) return;
    setMessage('');
    await call(
      api.POST('/api/orgs/{orgId}/staff', { params: { path: { orgId: org.id } }, body: { email, role } }),
    );
    form.setValues({ email: '', role });
    setMessage(t('people.granted', { email, role: t(`roles.${role}`) }));
    await client.invalidateQueries({ queryKey: key });
  });
  const revoke = useMutation({
    mutationFn: ({ member, role }: { member: Member; role: Role }) =>
      call(
        api.DELETE('/api/orgs/{orgId}/staff/{accountId}/roles/{role}', {
          params: { path: { orgId: org.id, accountId: member.accountId, role } },
        }),
      ),
    onSuccess: async (_data, { member, role }) => {
      setRemoving(null);
      setMessage(
        t('people.revoked', { name: `${member.givenName} ${member.familyName}`, role: t(`roles.${role}`) }),
      );
      await client.invalidateQueries({ queryKey: key });
    },
  });

  const fullName = (m: Member) => `${m.givenName} ${m.familyName}`;

  return (
    <Page title={t('staff.people')}>
      <p>{t('people.intro')}</p>
      {message && <Alert tone="success">{message}</Alert>}
      {revoke.error && <Alert tone="error">{errorMessage(revoke.error, t)}</Alert>}
      <Loadable query={query}>
        {(members) => (
          <Table
            caption={t('people.caption', { count: members.length })}
            rows={members}
            rowKey={(m) => m.accountId}
            columns={[
              { key: 'name', header: t('people.name'), rowHeader: true, render: fullName },
              { key: 'email', header: t('auth.email'), render: (m) => m.email },
              {
                key: 'roles',
                header: t('people.roles'),
                render: (m) => (
                  <ul className="plain-list">
                    {m.roles.map((role) => (
                      <li key={role} className="member">
                        <span>{t(`roles.${role}`)}</span>
                        <Button
                          variant="link"
                          onClick={() => setRemoving({ member: m, role })}
                          aria-label={t('people.revokeNamed', {
                            role: t(`roles.${role}`),
                            name: fullName(m),
                          })}
                        >
                          {t('people.revoke')}
                        </Button>
                      </li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
        )}
      </Loadable>

      <h2>{t('people.grantTitle')}</h2>
      <form className="form" onSubmit={grant} noValidate>
        <ErrorSummary error={form.error} fields={form.summaryFields()} />
        <TextField
          {...form.field('email', t('auth.email'))}
          type="email"
          autoComplete="off"
          spellCheck={false}
          hint={t('people.emailHint')}
        />
        <SelectField {...form.field('role', t('people.role'))}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </SelectField>
        <Button type="submit" busy={form.pending}>
          {t('people.grant')}
        </Button>
      </form>

      <ConfirmDialog
        open={removing !== null}
        title={t('people.revokeTitle')}
        confirmLabel={t('people.revoke')}
        danger
        busy={revoke.isPending}
        onConfirm={() => removing && revoke.mutate(removing)}
        onCancel={() => setRemoving(null)}
      >
        <p>
          {removing &&
            t('people.revokeText', { role: t(`roles.${removing.role}`), name: fullName(removing.member) })}
        </p>
      </ConfirmDialog>
    </Page>
  );
}
