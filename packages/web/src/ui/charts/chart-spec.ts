/** A chart as data: what the canvas draws and the table behind it reads out. */
export interface ChartSpec {
  kind: 'line' | 'bar';
  /** The chart's accessible name and the table's caption. */
  title: string;
  /** The x axis (or the bars' names), one per value of each series. */
  labels: string[];
  series: ChartSeries[];
  /** Shown after each value in the table (e.g. "s", "%"). */
  unit?: string;
  /** How a value is written in the table and on the value axis (money as money, not minor units). */
  format?: (value: number) => string;
  /** The heading of the table's first column (default: Period for lines, Name for bars). */
  labelHeading?: string;
}

export interface ChartSeries {
  name: string;
  /** One per label; null where there is no value. */
  values: Array<number | null>;
}
