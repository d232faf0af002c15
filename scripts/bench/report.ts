import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  goal: string;
  met: boolean;
  baseline: string;
}

export function machineInfo() {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Writes `<stem>.json` (figures and raw data) and `<stem>.md` (the table) under `dir`; returns the Markdown. */
export function writeResults(
  dir: string,
  stem: string,
  figures: Figure[],
  raw: Record<string, unknown>,
): string {
  const results = { measuredAt: new Date().toISOString(), machine: machineInfo(), figures, raw };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${stem}.json`), `${JSON.stringify(results, null, 2)}\n`);
  const rows = figures.map(
    (f) =>
      `| ${f.name} | ${Number(f.value.toFixed(3))} ${f.unit} | ${f.goal} | ${f.goal === 'report' ? '—' : f.met ? 'met' : '**missed**'} | ${f.baseline} |`,
  );
  const { machine } = results;
  const md = [
    `# Benchmarks`,
    '',
    `Measured ${results.measuredAt} on ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}.`,
    '',
    '| figure | value | goal | | baseline in the same run |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
  writeFileSync(join(dir, `${stem}.md`), `${md}\n![Time to pair against load](time-to-pair.svg)\n`);
  return md;
}
