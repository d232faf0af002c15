import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import axe from 'axe-core';
import type { ImpactValue, Result, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
/**
 * The rules an audit runs: WCAG's, and axe's best practices, which hold landmarks and heading
 * order. A best practice's violation counts as one, but says it is not a WCAG failure.
 */
export const AUDIT_TAGS = [...WCAG_TAGS, 'best-practice'];
const IMPACTS = ['critical', 'serious', 'moderate', 'minor'] as const;
type Impact = (typeof IMPACTS)[number];
/** What blocks: a violation this bad fails the suite; moderate and minor ones are only reported. */
const BLOCKING: readonly Impact[] = ['critical', 'serious'];

/** One element left out of an audit, and why: a rule that cannot judge it, never a rule turned off. */
export interface Exclusion {
  selector: string;
  why: string;
}

export interface Violation {
  rule: string;
  impact: Impact;
  /** Whether a WCAG A/AA success criterion fails, or only an axe best practice. */
  standard: 'wcag' | 'best-practice';
  help: string;
  helpUrl: string;
  /** A CSS path to each offending element, its opening markup, and axe's account of what is wrong. */
  nodes: { target: string; html: string; summary: string }[];
}

export interface PageAudit {
  page: string;
  url: string;
  violations: Violation[];
  /**
   * What axe could not decide and a person should look at (text over a gradient or a video, for
   * one): reported, never failing.
   */
  needsReview: { rule: string; impact: Impact; elements: number; first: string; why: string }[];
  excluded: Exclusion[];
  /** How long axe took over the page. */
  ms: number;
}

const impactOf = (value: ImpactValue | null | undefined): Impact =>
  IMPACTS.find((impact) => impact === value) ?? 'minor';

function violationOf(result: Result): Violation {
  return {
    rule: result.id,
    impact: impactOf(result.impact),
    standard: result.tags.some((tag) => WCAG_TAGS.includes(tag)) ? 'wcag' : 'best-practice',
    help: result.help,
    helpUrl: result.helpUrl,
    nodes: result.nodes.map((node) => ({
      target: node.target.map(String).join(' '),
      html: node.html.slice(0, 160),
      summary: node.failureSummary ?? '',
    })),
  };
}

/**
 * Runs axe-core in the page as it is now, with the WCAG A/AA rules, and returns its violations.
 * axe is injected on each call, since a navigation drops it. The calls are strings, which keeps
 * browser types out of this Node program.
 */
export async function auditPage(page: Page, name: string, excluded: Exclusion[] = []): Promise<PageAudit> {
  const started = performance.now();
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(axe.source);
  const context = { include: [['html']], exclude: excluded.map((e) => [e.selector]) };
  const options: RunOptions = {
    runOnly: { type: 'tag', values: AUDIT_TAGS },
    resultTypes: ['violations', 'incomplete'],
  };
  const results = (await page.evaluate(
    `window.axe.run(${JSON.stringify(context)}, ${JSON.stringify(options)})`,
  )) as { violations: Result[]; incomplete: Result[] };
  return {
    page: name,
    url: page.url(),
    violations: results.violations.map(violationOf),
    needsReview: results.incomplete.map((r) => ({
      rule: r.id,
      impact: impactOf(r.impact),
      elements: r.nodes.length,
      first: r.nodes[0]?.html.slice(0, 120) ?? '',
      why: r.nodes[0]?.failureSummary?.split('\n').slice(1).join(' ').trim() ?? '',
    })),
    excluded,
    ms: Math.round(performance.now() - started),
  };
}

/** The violations that fail the suite, as `rule (impact): target` lines a failure message can show. */
export function blocking(audit: PageAudit): string[] {
  return audit.violations
    .filter((v) => BLOCKING.includes(v.impact))
    .flatMap((v) => v.nodes.map((n) => `${v.rule} (${v.impact}): ${n.target} — ${n.summary}`));
}

/** How many offending elements each impact has, over the given audits. */
export function countByImpact(audits: PageAudit[]): Record<Impact, number> {
  const counts = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const v of audits.flatMap((a) => a.violations)) counts[v.impact] += v.nodes.length;
  return counts;
}

const reviewCount = (audits: PageAudit[]) =>
  audits.flatMap((a) => a.needsReview).reduce((sum, r) => sum + r.elements, 0);
const countCells = (counts: Record<Impact, number>) => IMPACTS.map((i) => counts[i]).join(' | ');

/** A table of counts per page, then every violation with its elements: the report's Markdown. */
export function markdownReport(audits: PageAudit[], axeVersion: string): string {
  const lines = [
    '# Accessibility (axe-core)',
    '',
    `axe-core ${axeVersion}, tags ${AUDIT_TAGS.join(', ')}. Counts are offending elements; ` +
      'critical and serious ones fail test/e2e/accessibility.test.ts.',
    '',
    `| page | ${IMPACTS.join(' | ')} | needs review |`,
    `| --- | ${IMPACTS.map(() => '---:').join(' | ')} | ---: |`,
    ...audits.map((a) => `| ${a.page} | ${countCells(countByImpact([a]))} | ${reviewCount([a])} |`),
    `| **all pages** | ${countCells(countByImpact(audits))} | ${reviewCount(audits)} |`,
    '',
  ];
  for (const audit of audits.filter((a) => a.violations.length > 0)) {
    lines.push(`## ${audit.page}`, '');
    for (const v of audit.violations)
      lines.push(
        `- **${v.rule}** (${v.impact}, ${v.standard}, ${v.nodes.length}): ${v.help} — \`${v.nodes[0]?.target}\``,
      );
    lines.push('');
  }
  const exclusions = audits.flatMap((a) =>
    a.excluded.map((e) => `- ${a.page}: \`${e.selector}\` — ${e.why}`),
  );
  if (exclusions.length > 0) lines.push('## Left out of the audit', '', ...exclusions, '');
  const review = audits.flatMap((a) =>
    a.needsReview.map((r) => `- ${a.page}: ${r.rule} (${r.elements}), e.g. \`${r.first}\`: ${r.why}`),
  );
  if (review.length > 0) lines.push('## Needs review by a person (axe could not decide)', '', ...review, '');
  return lines.join('\n');
}

/** One line per page with its counts by impact, and the rules behind them: for the test's output. */
export function compactSummary(audits: PageAudit[]): string {
  return audits
    .map((a) => {
      const counts = countByImpact([a]);
      const rules = a.violations.map((v) => `${v.rule}:${v.impact}×${v.nodes.length}`).join(', ');
      const review = reviewCount([a]);
      return `${a.page.padEnd(36)} ${IMPACTS.map((i) => `${i} ${counts[i]}`).join(', ')}, review ${review}, ${a.ms} ms${rules ? `  [${rules}]` : ''}`;
    })
    .join('\n');
}

/** Writes the audits as JSON and Markdown next to each other: `${base}.json` and `${base}.md`. */
export function writeReport(base: string, audits: PageAudit[]): void {
  mkdirSync(dirname(base), { recursive: true });
  const totals = countByImpact(audits);
  const json = { axeCore: axe.version, tags: AUDIT_TAGS, totals, pages: audits };
  writeFileSync(`${base}.json`, `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(`${base}.md`, markdownReport(audits, axe.version));
}
