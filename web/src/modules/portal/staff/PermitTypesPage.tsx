import '../portal.css';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../../app/api.ts';
import { Loadable } from '../../../ui/Loadable.tsx';
import { Page } from '../../../ui/Page.tsx';
import { Table } from '../../../ui/Table.tsx';
import { useStaff } from '../../staff/context.ts';
import { useBilingual, useMoney } from '../shared.tsx';
import type { StaffPermitType } from './permit-type-draft.ts';

/** The organisation's permit and declaration types, active or not, each with a link to its editor. */
export function PermitTypesPage() {
  const { t } = useTranslation('portal');
  const { org, base } = useStaff();
  const bi = useBilingual();
  const money = useMoney();
  const area = `${base}/modules/urban_planning/permit-types`;
  const types = useQuery({
    queryKey: ['portal', org.id, 'staff-permit-types'],
    queryFn: () =>
      call(api.GET('/api/orgs/{orgId}/portal/permits/staff/types', { params: { path: { orgId: org.id } } })),
  });
  const fee = (rule: StaffPermitType['feeRule']) => {
    switch (rule.kind) {
      case 'none':
        return t('types.feeKinds.none');
      case 'fixed':
        return money(rule.cents);
      case 'per_area':
        return t('types.feePerArea', { amount: money(rule.centsPerSquareMetre) });
      case 'per_thousand':
        return t('types.feePerThousand', { amount: money(rule.centsPerThousand) });
    }
  };
  return (
    <Page title={t('types.title')}>
      <p>{t('types.intro')}</p>
      <p>
        <Link className="btn btn--primary" to={`${area}/new`}>
          {t('types.newTitle')}
        </Link>
      </p>
      <Loadable query={types}>
        {({ items }) => (
          <Table
            caption={t('types.caption', { count: items.length })}
            rows={items}
            rowKey={(type) => type.code}
            columns={[
              {
                key: 'name',
                header: t('types.name'),
                rowHeader: true,
                render: (type) => (
                  <Link
                    to={`${area}/edit/${type.code}`}
                    aria-label={t('types.editNamed', { name: bi(type.name) })}
                  >
                    {bi(type.name)}
                  </Link>
                ),
              },
              { key: 'kind', header: t('types.kind'), render: (type) => t(`types.kinds.${type.kind}`) },
              { key: 'fields', header: t('types.fieldCount'), render: (type) => type.fields.length },
              { key: 'documents', header: t('types.documentCount'), render: (type) => type.documents.length },
              { key: 'fee', header: t('types.fee'), render: (type) => fee(type.feeRule) },
              { key: 'delay', header: t('types.legalDelay'), render: (type) => type.legalDelayDays },
              {
                key: 'active',
                header: t('types.state'),
                render: (type) => (type.active ? t('types.activeShort') : t('types.inactive')),
              },
            ]}
          />
        )}
      </Loadable>
    </Page>
  );
}
