/** `npm run docs:env`: rewrites the README's environment table from the configuration schemas. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { README_ENV_END, README_ENV_START, envTableMarkdown } from './lib/envTable.js';
import { REPO_ROOT } from './lib/paths.js';

const file = join(REPO_ROOT, 'README.md');
const readme = readFileSync(file, 'utf8');
const [before, rest] = readme.split(README_ENV_START);
const after = rest?.split(README_ENV_END)[1];
if (before === undefined || after === undefined) throw new Error('README.md lacks the env-table markers');
writeFileSync(file, `${before}${README_ENV_START}\n${envTableMarkdown()}\n${README_ENV_END}${after}`);
console.log('README.md environment table updated');
