import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../../app/api.ts';
import { Button } from '../../../../ui/Button.tsx';
import { ErrorSummary } from '../../../../ui/ErrorSummary.tsx';
import { useBilingual } from '../shared.tsx';
import type { useStaffLookups } from './common.tsx';

type Lookups = ReturnType<typeof useStaffLookups>;
type Department = Lookups['departments'][number];

/**
 * Who works each department's queue: those people see that queue first. The requests desk changes the
 * teams; everyone else reads them.
 */
export function DepartmentTeams({
  orgId,
  lookups,
  manager,
}: {
  orgId: string;
  lookups: Lookups;
  manager: boolean;
}) {
  const { t } = useTranslation('citizen');
  const bi = useBilingual();
  return (
    <section aria-labelledby="teams-title">
      <h2 id="teams-title">{t('requests.settings.teams')}</h2>
      <p>{t('requests.settings.teamsIntro')}</p>
      {lookups.departments.map((d) =>
        manager ? (
          <TeamForm
            key={`${d.id}-${d.members.map((m) => m.id).join()}`}
            orgId={orgId}
            department={d}
            lookups={lookups}
          />
        ) : (
          <p key={d.id}>
            <strong>{bi(d.name)}</strong> :{' '}
            {d.members.map((m) => m.name).join(', ') || t('requests.settings.teamEmpty')}
          </p>
        ),
      )}
    </section>
  );
}

function TeamForm({
  orgId,
  department,
  lookups,
}: {
  orgId: string;
  department: Department;
  lookups: Lookups;
}) {
  const { t } = useTranslation('citizen');
  const bi = useBilingual();
  const [chosen, setChosen] = useState<string[]>(department.members.map((m) => m.id));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  const name = bi(department.name);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved('');
    setBusy(true);
    try {
      await call(
        api.PUT('/api/orgs/{orgId}/staff/request-departments/{id}/members', {
          params: { path: { orgId, id: department.id } },
          body: { accountIds: chosen },
        }),
      );
      setSaved(t('requests.settings.teamSaved', { name }));
      await lookups.refetch();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form req-panel" onSubmit={submit} noValidate>
      <ErrorSummary error={error} />
      {saved && <p role="status">{saved}</p>}
      <fieldset>
        <legend>{t('requests.settings.teamOf', { name })}</legend>
        {lookups.assignees.length === 0 && <p>{t('requests.settings.teamNobody')}</p>}
        <div className="choice-list">
          {lookups.assignees.map((person) => (
            <label key={person.id} className="choice">
              <input
                type="checkbox"
                checked={chosen.includes(person.id)}
                onChange={(e) =>
                  setChosen((old) =>
                    e.target.checked ? [...old, person.id] : old.filter((id) => id !== person.id),
                  )
                }
              />
              {person.name}
            </label>
          ))}
        </div>
      </fieldset>
      <Button type="submit" variant="secondary" busy={busy}>
        {t('requests.settings.teamSave', { name })}
      </Button>
    </form>
  );
}
