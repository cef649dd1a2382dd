import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../../ui/Alert.tsx';
import { Button } from '../../../../ui/Button.tsx';
import { ErrorSummary } from '../../../../ui/ErrorSummary.tsx';
import { Page } from '../../../../ui/Page.tsx';
import { type Column, Table } from '../../../../ui/Table.tsx';
import { useRegion } from '../shared.tsx';

/**
 * What a list-and-edit page of the MRC staff holds: its region (from the address), the row being edited,
 * the last success notice, and a refresh of the region's data after a change.
 */
export function useStaffEditor() {
  const { orgSlug } = useParams();
  const { region, loading } = useRegion(orgSlug);
  const queries = useQueryClient();
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const refresh = () => queries.invalidateQueries({ queryKey: ['region'] });
  return { region, loading, orgId: region?.id ?? '', editing, setEditing, notice, setNotice, refresh };
}

/** The part of `useForm` the editor shows: its error summary, its pending state and its submit handler. */
interface EditorForm {
  error: unknown;
  pending: boolean;
  summaryFields: () => Record<string, { id: string; label: string }>;
}

/**
 * The MRC staff's list-and-edit page (places, resource people): links back, the list with each row's
 * visibility and actions, then one form that adds a row or changes the one being edited, ending with the
 * "shown to the public" box and save/cancel.
 */
export function StaffListEditor<Row>({
  title,
  links,
  lead,
  notice,
  list,
  visible,
  actions,
  between,
  form,
  formId,
  editing,
  headings,
  addLabel,
  shown,
  onSubmit,
  onCancel,
  children,
}: {
  title: string;
  links: Array<{ to: string; label: string }>;
  lead?: string;
  notice: string;
  list: { caption: string; rows: Row[]; rowKey: (row: Row) => string; columns: Column<Row>[] };
  /** Whether the public sees the row (the status column). */
  visible: (row: Row) => boolean;
  actions: (row: Row) => ReactNode;
  /** What stands between the list and the form (e.g. the slots of the chosen person). */
  between?: ReactNode;
  form: EditorForm;
  formId: string;
  editing: boolean;
  headings: { edit: string; add: string };
  addLabel: string;
  shown: { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void };
  onSubmit: (event?: FormEvent) => void;
  onCancel: () => void;
  /** The form's own fields. */
  children: ReactNode;
}) {
  const { t } = useTranslation('region');
  return (
    <Page title={title}>
      <p className="region-actions">
        {links.map((l) => (
          <Link key={l.to} to={l.to}>
            {l.label}
          </Link>
        ))}
      </p>
      {lead && <p>{lead}</p>}
      {notice && <Alert tone="success">{notice}</Alert>}
      <Table<Row>
        caption={list.caption}
        rows={list.rows}
        rowKey={list.rowKey}
        columns={[
          ...list.columns,
          {
            key: 'state',
            header: t('staff.status'),
            render: (r) => (visible(r) ? t('staffPlaces.visible') : t('staffPlaces.hidden')),
          },
          {
            key: 'actions',
            header: t('staffPlaces.actions'),
            render: (r) => <span className="btn-row">{actions(r)}</span>,
          },
        ]}
      />
      {between}
      <form id={formId} tabIndex={-1} onSubmit={onSubmit} noValidate>
        <h2>{editing ? headings.edit : headings.add}</h2>
        <ErrorSummary error={form.error} fields={form.summaryFields()} />
        {children}
        <div className="checkbox">
          <input
            id={shown.id}
            type="checkbox"
            checked={shown.checked}
            onChange={(e) => shown.onChange(e.target.checked)}
          />
          <label htmlFor={shown.id}>{shown.label}</label>
        </div>
        <div className="btn-row">
          <Button type="submit" busy={form.pending}>
            {editing ? t('staffPlaces.save') : addLabel}
          </Button>
          {editing && (
            <Button variant="secondary" onClick={onCancel}>
              {t('staffPlaces.cancel')}
            </Button>
          )}
        </div>
      </form>
    </Page>
  );
}
