import '../operations.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../app/api.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { SelectField } from '../../../ui/Field.tsx';
import { Loading } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { Table } from '../../../ui/Table.tsx';
import { useStaff } from '../../staff/context.ts';
import { OperationsNav } from '../shared.tsx';

interface Row {
  accountId: string;
  level: number;
}

/**
 * The on-call roster: who is paged first (level 1) when a drinking-water alarm opens, and who is paged
 * next, level by level, when nobody acknowledges within the escalation delay.
 */
export function OnCallPage() {
  const { t } = useTranslation('operations');
  const { org } = useStaff();
  const id = useId();
  const client = useQueryClient();
  const key = ['operations', org.id, 'on-call'];
  const roster = useQuery({
    queryKey: key,
    queryFn: async () =>
      call(api.GET('/api/orgs/{orgId}/operations/water/on-call', { params: { path: { orgId: org.id } } })),
  });
  const candidates = useQuery({
    queryKey: [...key, 'candidates'],
    queryFn: async () =>
      call(
        api.GET('/api/orgs/{orgId}/operations/water/on-call/candidates', {
          params: { path: { orgId: org.id } },
        }),
      ),
  });
  const [rows, setRows] = useState<Row[] | null>(null);
  useEffect(() => {
    if (roster.data && rows === null)
      setRows(roster.data.items.map((r) => ({ accountId: r.accountId, level: r.level })));
  }, [roster.data, rows]);
  const save = useMutation({
    mutationFn: async (list: Row[]) =>
      call(
        api.PUT('/api/orgs/{orgId}/operations/water/on-call', {
          params: { path: { orgId: org.id } },
          body: { roster: list.filter((r) => r.accountId) },
        }),
      ),
    onSuccess: async (data) => {
      setRows(data.items.map((r) => ({ accountId: r.accountId, level: r.level })));
      await client.invalidateQueries({ queryKey: key });
    },
  });
  const maxLevel = candidates.data?.maxLevel ?? 3;
  const levels = Array.from({ length: maxLevel }, (_, i) => i + 1);
  const people = candidates.data?.items ?? [];
  const list = rows ?? [];
  const update = (index: number, patch: Partial<Row>) =>
    setRows(list.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  return (
    <Page title={t('onCall.title')}>
      <OperationsNav />
      <p>{t('onCall.intro', { minutes: candidates.data?.escalateAfterMinutes ?? 15, levels: maxLevel })}</p>
      <h2>{t('onCall.current')}</h2>
      {roster.isLoading ? (
        <Loading />
      ) : (roster.data?.items.length ?? 0) === 0 ? (
        <p>{t('onCall.nobody')}</p>
      ) : (
        <Table
          caption={t('onCall.current')}
          rows={roster.data?.items ?? []}
          rowKey={(r) => r.accountId}
          columns={[
            { key: 'l', header: t('onCall.level'), nowrap: true, render: (r) => r.level },
            { key: 'n', header: t('onCall.person'), rowHeader: true, render: (r) => r.name },
          ]}
        />
      )}
      <h2>{t('onCall.change')}</h2>
      <ErrorSummary error={save.error} />
      {save.isSuccess && <Alert tone="success">{t('onCall.saved')}</Alert>}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(list);
        }}
      >
        {list.map((row, index) => {
          const n = index + 1;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: unsaved rows have no id; order is stable
            <fieldset key={index} className="ops-measure">
              <legend>{t('onCall.entry', { n })}</legend>
              <div className="ops-filters">
                <SelectField
                  id={`${id}-person-${index}`}
                  label={t('onCall.person')}
                  value={row.accountId}
                  onChange={(e) => update(index, { accountId: e.target.value })}
                >
                  <option value="">{t('onCall.choose')}</option>
                  {people.map((p) => (
                    <option key={p.accountId} value={p.accountId}>
                      {p.name}
                    </option>
                  ))}
                </SelectField>
                <SelectField
                  id={`${id}-level-${index}`}
                  label={t('onCall.level')}
                  value={String(row.level)}
                  onChange={(e) => update(index, { level: Number(e.target.value) })}
                >
                  {levels.map((l) => (
                    <option key={l} value={l}>
                      {t('onCall.levelN', { n: l })}
                    </option>
                  ))}
                </SelectField>
              </div>
              <Button variant="secondary" onClick={() => setRows(list.filter((_, i) => i !== index))}>
                {t('onCall.remove', { n })}
              </Button>
            </fieldset>
          );
        })}
        <div className="btn-row">
          <Button
            variant="secondary"
            onClick={() => setRows([...list, { accountId: '', level: Math.min(list.length + 1, maxLevel) }])}
          >
            {t('onCall.add')}
          </Button>
          <Button type="submit" busy={save.isPending}>
            {t('onCall.save')}
          </Button>
        </div>
      </form>
    </Page>
  );
}
