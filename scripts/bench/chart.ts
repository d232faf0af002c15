/** An SVG of time to pair (p50 and p99) against load, drawn from the bench's own numbers. */
export function pairingChartSvg(
  levels: { waiting: number; p50: number; p99: number }[],
  echoP99: number,
): string {
  const width = 560;
  const height = 300;
  const pad = 48;
  const maxX = Math.max(...levels.map((l) => l.waiting));
  const maxY = Math.max(echoP99, ...levels.map((l) => l.p99)) * 1.15;
  const x = (v: number) => pad + (v / maxX) * (width - 2 * pad);
  const y = (v: number) => height - pad - (v / maxY) * (height - 2 * pad);
  const line = (key: 'p50' | 'p99', colour: string) =>
    `<polyline fill="none" stroke="${colour}" stroke-width="2.5" points="${levels.map((l) => `${x(l.waiting).toFixed(1)},${y(l[key]).toFixed(1)}`).join(' ')}"/>` +
    levels
      .map(
        (l) =>
          `<circle cx="${x(l.waiting).toFixed(1)}" cy="${y(l[key]).toFixed(1)}" r="4" fill="${colour}"><title>${key} ${l[key].toFixed(1)} ms at ${l.waiting} waiting</title></circle>`,
      )
      .join('');
  const ticks = levels
    .map(
      (l) =>
        `<text x="${x(l.waiting).toFixed(1)}" y="${height - pad + 18}" font-size="12" text-anchor="middle">${l.waiting}</text>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" font-family="sans-serif">
<rect width="100%" height="100%" fill="#fff"/>
<text x="${width / 2}" y="20" font-size="14" text-anchor="middle">Time to pair after an agent frees up (2 API instances)</text>
<line x1="${pad}" y1="${height - pad}" x2="${width - pad}" y2="${height - pad}" stroke="#555"/>
<line x1="${pad}" y1="${pad}" x2="${pad}" y2="${height - pad}" stroke="#555"/>
<text x="${width / 2}" y="${height - 8}" font-size="12" text-anchor="middle">requests waiting</text>
<text x="14" y="${height / 2}" font-size="12" transform="rotate(-90 14 ${height / 2})" text-anchor="middle">ms</text>
<text x="${pad - 6}" y="${y(maxY / 1.15) + 4}" font-size="11" text-anchor="end">${(maxY / 1.15).toFixed(0)}</text>
${ticks}
<line x1="${pad}" y1="${y(echoP99).toFixed(1)}" x2="${width - pad}" y2="${y(echoP99).toFixed(1)}" stroke="#999" stroke-dasharray="5 4"/>
<text x="${width - pad}" y="${(y(echoP99) - 6).toFixed(1)}" font-size="11" text-anchor="end" fill="#666">bare ws echo p99 ${echoP99.toFixed(1)} ms</text>
${line('p50', '#2563eb')}${line('p99', '#c2410c')}
<text x="${pad + 8}" y="${pad}" font-size="12" fill="#2563eb">p50</text><text x="${pad + 44}" y="${pad}" font-size="12" fill="#c2410c">p99</text>
</svg>
`;
}
