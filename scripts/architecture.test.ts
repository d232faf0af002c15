import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './lib/paths.js';

/** Every .ts file under a folder, tests excluded. */
function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Which second-level folder of `top` imports which, from the relative imports in its files. */
function folderGraph(top: string): Map<string, Set<string>> {
  const root = join(REPO_ROOT, top);
  const folderOf = (file: string) => relative(root, file).split('/')[0]!;
  const graph = new Map<string, Set<string>>();
  for (const file of sources(root)) {
    const from = folderOf(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
      const target = resolve(dirname(file), spec!);
      if (!target.startsWith(root + '/')) continue;
      const to = folderOf(target);
      if (to !== from && !to.endsWith('.ts')) graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
  }
  return graph;
}

function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const walk = (node: string, path: string[]): string[] | null => {
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    if (state.get(node) === 'done') return null;
    state.set(node, 'open');
    for (const next of graph.get(node) ?? []) {
      const cycle = walk(next, [...path, node]);
      if (cycle) return cycle;
    }
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = walk(node, []);
    if (cycle) return cycle;
  }
  return null;
}

describe('the layout shows the architecture', () => {
  it('has no import cycle between the folders of server/, platform/ or core/', () => {
    const server = folderGraph('server');
    expect(server.get('routing')?.has('agents')).toBe(true); // the graph is really read
    expect(findCycle(server)).toBeNull();
    for (const top of ['platform', 'core']) expect(findCycle(folderGraph(top)), top).toBeNull();
  });

  it('finds a cycle when there is one (the check can fail)', () => {
    const graph = new Map([
      ['routing', new Set(['sessions'])],
      ['sessions', new Set(['routing'])],
    ]);
    expect(findCycle(graph)).toEqual(['routing', 'sessions', 'routing']);
  });
});
