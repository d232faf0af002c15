import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  colour: string;
  /** Which y scale (and axis) the series is drawn against. */
  scale: string;
}

export interface ChartScale {
  key: string;
  /** The axis label, with its unit. */
  label: string;
  range?: [number, number];
}

const HEIGHT = 220;

/**
 * A time series drawn by uPlot on a canvas: a real time axis in the window's zone (bucket starts,
 * in seconds), one y axis per scale (the first on the left, the second on the right), and an
 * empty state instead of a flat line when there is nothing to show.
 */
export function TimeSeriesChart(props: {
  testId: string;
  title: string;
  timeLabel: string;
  tz: string;
  starts: string[];
  series: ChartSeries[];
  scales: ChartScale[];
  empty: string | null;
}) {
  const holder = useRef<HTMLDivElement>(null);
  const { starts, series, scales, tz, timeLabel, empty } = props;

  useEffect(() => {
    const target = holder.current;
    if (!target || empty) return;
    const data: uPlot.AlignedData = [
      starts.map((s) => Date.parse(s) / 1000),
      ...series.map((s) => s.values.map((v) => v ?? null)),
    ];
    const options: uPlot.Options = {
      width: Math.max(320, target.clientWidth),
      height: HEIGHT,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), tz),
      scales: Object.fromEntries(scales.map((s) => [s.key, s.range ? { range: s.range } : {}])),
      series: [
        {},
        ...series.map((s) => ({
          label: s.label,
          stroke: s.colour,
          scale: s.scale,
          width: 2,
          points: { show: true },
        })),
      ],
      axes: [
        { label: timeLabel },
        ...scales.map((s, i) => ({
          scale: s.key,
          label: s.label,
          side: i === 0 ? 3 : 1,
          grid: { show: i === 0 },
        })),
      ],
    };
    const plot = new uPlot(options, data, target);
    return () => plot.destroy();
  }, [starts, series, scales, tz, timeLabel, empty]);

  return (
    <figure className="chart analytics-chart" data-testid={props.testId} aria-label={props.title}>
      <figcaption>{props.title}</figcaption>
      {empty ? (
        <p className="empty" data-testid={`${props.testId}-empty`}>
          {empty}
        </p>
      ) : (
        <div ref={holder} />
      )}
      {/* The canvas is not read aloud: its axes in words, for screen readers and tests. */}
      <p className="hint" data-testid={`${props.testId}-axes`}>
        {[timeLabel, ...scales.map((s) => s.label)].join(' · ')}
      </p>
    </figure>
  );
}
