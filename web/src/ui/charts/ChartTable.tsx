import { useTranslation } from 'react-i18next';
import { Table } from '../Table.tsx';

const TEXT = {
  fr: { show: 'Voir les données en tableau' },
  en: { show: 'Show the data as a table' },
};

/** The numbers of a chart as a table, folded under the chart (screen readers and anyone who wants them). */
export function ChartTable({
  caption,
  labelHeader,
  valueHeader,
  rows,
  format,
}: {
  caption: string;
  labelHeader: string;
  valueHeader: string;
  rows: Array<{ label: string; value: number }>;
  format: (value: number) => string;
}) {
  const { i18n } = useTranslation();
  const text = i18n.language === 'en' ? TEXT.en : TEXT.fr;
  return (
    <details>
      <summary>{text.show}</summary>
      <Table
        caption={caption}
        rows={rows}
        rowKey={(r) => r.label}
        columns={[
          { key: 'label', header: labelHeader, rowHeader: true, render: (r) => r.label },
          { key: 'value', header: valueHeader, nowrap: true, render: (r) => format(r.value) },
        ]}
      />
    </details>
  );
}
