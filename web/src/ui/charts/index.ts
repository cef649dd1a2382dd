export { BarChart, type BarChartProps, type BarDatum } from './BarChart.tsx';
export { LineChart, type LineChartProps } from './LineChart.tsx';
