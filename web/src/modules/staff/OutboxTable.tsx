import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApiData } from '../../app/api.ts';
import { formatDateTime } from '../../ui/format.ts';
import { Table } from '../../ui/Table.tsx';

type Item = ApiData<'/api/orgs/{orgId}/outbox', 'get'>['items'][number];

/** Messages of an outbox; `hrefOf` gives a message's page when there is one. */
export function OutboxTable({
  items,
  caption,
  hrefOf,
}: {
  items: Item[];
  caption: string;
  hrefOf?: (item: Item) => string;
}) {
  const { t } = useTranslation();
  return (
    <Table
      caption={caption}
      rows={items}
      rowKey={(row) => row.id}
      columns={[
        {
          key: 'subject',
          header: t('outbox.subject'),
          rowHeader: true,
          render: (row) => (hrefOf ? <Link to={hrefOf(row)}>{row.subject}</Link> : row.subject),
        },
        { key: 'to', header: t('outbox.to'), render: (row) => row.to },
        {
          key: 'created',
          nowrap: true,
          header: t('outbox.createdAt'),
          render: (row) => formatDateTime(row.createdAt),
        },
        { key: 'status', header: t('outbox.status'), render: (row) => t(`outbox.statuses.${row.status}`) },
        { key: 'template', header: t('outbox.template'), render: (row) => <code>{row.template}</code> },
      ]}
    />
  );
}
