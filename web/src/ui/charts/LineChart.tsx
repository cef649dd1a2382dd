import './charts.css';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartTable } from './ChartTable.tsx';

export interface LineChartProps {
  title: string;
  points: Array<{ label: string; value: number }>;
  valueLabel: string;
  labelHeader: string;
  format?: (value: number) => string;
}

/** A line chart of a series over time (SVG, no library), with its numbers available as a table. */
export function LineChart({ title, points, valueLabel, labelHeader, format }: LineChartProps) {
  const { i18n } = useTranslation();
  const id = useId();
  const locale = i18n.language === 'en' ? 'en-CA' : 'fr-CA';
  const show = format ?? ((v: number) => v.toLocaleString(locale, { maximumFractionDigits: 1 }));
  const width = 600;
  const height = 220;
  const bottom = 40;
  const max = Math.max(1, ...points.map((p) => p.value));
  const step = (width - 40) / Math.max(1, points.length - 1);
  const at = (i: number, v: number) =>
    [20 + i * step, height - bottom - ((height - bottom - 24) * v) / max] as const;
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${at(i, p.value).join(',')}`).join(' ');
  const summary = points.map((p) => `${p.label} : ${show(p.value)}`).join(' ; ');
  return (
    <figure className="chart">
      <figcaption id={id}>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={id} aria-describedby={`${id}-d`}>
        <title>{title}</title>
        <desc id={`${id}-d`}>{summary}</desc>
        <line className="chart__axis" x1={10} x2={width - 10} y1={height - bottom} y2={height - bottom} />
        {points.length > 0 && <path className="chart__line" d={path} />}
        {points.map((p, i) => {
          const [x, y] = at(i, p.value);
          return (
            <g key={p.label}>
              <circle className="chart__dot" cx={x} cy={y} r={3.5} />
              <text className="chart__value" x={x} y={y - 8} textAnchor="middle">
                {show(p.value)}
              </text>
              <text className="chart__text" x={x} y={height - bottom + 14} textAnchor="middle">
                {p.label}
              </text>
            </g>
          );
        })}
      </svg>
      <ChartTable
        caption={title}
        labelHeader={labelHeader}
        valueHeader={valueLabel}
        rows={points}
        format={show}
      />
    </figure>
  );
}
