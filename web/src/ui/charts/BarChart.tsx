import './charts.css';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartTable } from './ChartTable.tsx';

/** One bar. */
export interface BarDatum {
  label: string;
  value: number;
}

export interface BarChartProps {
  /** Names the chart and captions its table. */
  title: string;
  data: BarDatum[];
  /** What the values are ("Requêtes", "Jours"), for the table's header. */
  valueLabel: string;
  /** What the labels are ("Semaine", "Catégorie"). */
  labelHeader: string;
  /** Horizontal bars suit long labels (categories); vertical ones suit time (weeks). */
  orientation?: 'vertical' | 'horizontal';
  format?: (value: number) => string;
}

/**
 * A bar chart drawn in SVG (no library), with its numbers written on the bars and available as a table.
 * The SVG is one image named by its title and a summary; the table is the accessible alternative.
 */
export function BarChart({
  title,
  data,
  valueLabel,
  labelHeader,
  orientation = 'vertical',
  format,
}: BarChartProps) {
  const { i18n } = useTranslation();
  const id = useId();
  const locale = i18n.language === 'en' ? 'en-CA' : 'fr-CA';
  const show = format ?? ((v: number) => v.toLocaleString(locale, { maximumFractionDigits: 1 }));
  const max = Math.max(1, ...data.map((d) => d.value));
  const summary = data.map((d) => `${d.label} : ${show(d.value)}`).join(' ; ');

  if (orientation === 'horizontal') {
    const row = 28;
    const labelWidth = 180;
    const width = 600;
    const height = Math.max(row, data.length * row);
    return (
      <figure className="chart">
        <figcaption id={id}>{title}</figcaption>
        <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={id} aria-describedby={`${id}-d`}>
          <title>{title}</title>
          <desc id={`${id}-d`}>{summary}</desc>
          {data.map((d, i) => {
            const w = ((width - labelWidth - 60) * d.value) / max;
            const y = i * row;
            return (
              <g key={d.label}>
                <text className="chart__text" x={labelWidth - 8} y={y + row / 2 + 4} textAnchor="end">
                  {d.label.length > 28 ? `${d.label.slice(0, 27)}…` : d.label}
                </text>
                <rect
                  className="chart__bar"
                  x={labelWidth}
                  y={y + 4}
                  width={Math.max(1, w)}
                  height={row - 8}
                />
                <text className="chart__value" x={labelWidth + w + 6} y={y + row / 2 + 4}>
                  {show(d.value)}
                </text>
              </g>
            );
          })}
        </svg>
        <ChartTable
          caption={title}
          labelHeader={labelHeader}
          valueHeader={valueLabel}
          rows={data}
          format={show}
        />
      </figure>
    );
  }

  const width = 600;
  const height = 220;
  const bottom = 40;
  const slot = (width - 20) / Math.max(1, data.length);
  return (
    <figure className="chart">
      <figcaption id={id}>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={id} aria-describedby={`${id}-d`}>
        <title>{title}</title>
        <desc id={`${id}-d`}>{summary}</desc>
        <line className="chart__axis" x1={10} x2={width - 10} y1={height - bottom} y2={height - bottom} />
        {data.map((d, i) => {
          const h = ((height - bottom - 20) * d.value) / max;
          const x = 10 + i * slot;
          return (
            <g key={d.label}>
              <rect
                className="chart__bar"
                x={x + slot * 0.15}
                y={height - bottom - h}
                width={slot * 0.7}
                height={h}
              />
              <text className="chart__value" x={x + slot / 2} y={height - bottom - h - 4} textAnchor="middle">
                {show(d.value)}
              </text>
              <text className="chart__text" x={x + slot / 2} y={height - bottom + 14} textAnchor="middle">
                {d.label}
              </text>
            </g>
          );
        })}
      </svg>
      <ChartTable
        caption={title}
        labelHeader={labelHeader}
        valueHeader={valueLabel}
        rows={data}
        format={show}
      />
    </figure>
  );
}
