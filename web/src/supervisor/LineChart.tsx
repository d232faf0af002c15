/** A small SVG line chart of samples over time; no chart library needed for two series. */
export function LineChart({
  series,
  label,
  testId,
}: {
  series: { name: string; points: number[]; colour: string }[];
  label: string;
  testId: string;
}) {
  const width = 480;
  const height = 160;
  const pad = 24;
  const longest = Math.max(2, ...series.map((s) => s.points.length));
  const top = Math.max(1, ...series.flatMap((s) => s.points));
  const x = (i: number) => pad + (i * (width - 2 * pad)) / (longest - 1);
  const y = (v: number) => height - pad - (v * (height - 2 * pad)) / top;
  return (
    <figure className="chart" data-testid={testId}>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
        <line x1={pad} y1={height - pad} x2={width - pad} y2={height - pad} stroke="#999" />
        <line x1={pad} y1={pad} x2={pad} y2={height - pad} stroke="#999" />
        <text x={2} y={pad} fontSize="10">
          {Math.round(top)}
        </text>
        {series.map((s) => (
          <polyline
            key={s.name}
            fill="none"
            stroke={s.colour}
            strokeWidth={2}
            points={s.points.map((v, i) => `${x(i)},${y(v)}`).join(' ')}
          />
        ))}
      </svg>
      <figcaption>
        {label}:{' '}
        {series.map((s) => (
          <span key={s.name} style={{ color: s.colour }}>
            {s.name}{' '}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
