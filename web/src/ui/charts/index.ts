export { type BarChartProps, BarChart, type BarDatum } from './BarChart.tsx';
export { LineChart, type LineChartProps } from './LineChart.tsx';
