/**
 * `npm run model -- <name>`:
 *   tiny | base | small | …  download a real ggml model (progress, SHA-256 and SHA-1 checked)
 *   test-tiny | test-base    generate a model of that shape with deterministic weights (offline)
 * Options: --sha256 <hex> to pin the download; MODEL_BASE_URL to use a mirror.
 * Models go to $LIFELINE_CACHE_DIR/models (default ~/.cache/lifeline/models).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_MODEL_FILE } from '../worker/config.js';
import { WHISPER_SHAPES, writeDeterministicModel } from '../worker/whisper/ggmlModel.js';
import { DEFAULT_MODEL_BASE_URL, PUBLISHED_SHA1, downloadModel } from '../worker/whisper/modelDownload.js';
import { cacheDir } from './lib/paths.js';

const [name, ...rest] = process.argv.slice(2);
const pinned = rest.includes('--sha256') ? rest[rest.indexOf('--sha256') + 1] : undefined;
const force = rest.includes('--force');
const dir = join(cacheDir(), 'models');
mkdirSync(dir, { recursive: true });

let lastQuarter = -1;
/** A redrawn bar on a terminal; in a log (CI), one line per quarter instead of thousands. */
function bar(fraction: number, suffix: string): void {
  if (!process.stdout.isTTY) {
    const quarter = Math.floor(fraction * 4);
    if (quarter > lastQuarter) console.log(`  ${quarter * 25}% ${suffix}`);
    lastQuarter = quarter;
    return;
  }
  const width = 30;
  const filled = Math.round(fraction * width);
  process.stdout.write(
    `\r  [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ${suffix}   `,
  );
}

if (!name) {
  console.error('usage: npm run model -- <tiny|base|small|…|test-tiny|test-base> [--sha256 <hex>] [--force]');
  process.exit(2);
}

if (name.startsWith('test-')) {
  const shape = name.slice(5) as keyof typeof WHISPER_SHAPES;
  if (!WHISPER_SHAPES[shape]) throw new Error(`no test shape ${shape}; use test-tiny or test-base`);
  const file = join(dir, shape === 'tiny' ? TEST_MODEL_FILE : `ggml-${shape}-lifeline-test.bin`);
  if (existsSync(file) && !force) {
    console.log(`[model] ${file} exists`);
  } else {
    console.log(
      `[model] generating a ${shape}-shaped ggml model with deterministic weights (not a real model: transcripts are meaningless)`,
    );
    await writeDeterministicModel(file, WHISPER_SHAPES[shape], undefined, (f) => bar(f, 'of tensors'));
    if (process.stdout.isTTY) process.stdout.write('\n');
  }
  console.log(`WHISPER_MODEL=${file}`);
} else {
  const file = join(dir, `ggml-${name}.bin`);
  const url = `${process.env.MODEL_BASE_URL ?? DEFAULT_MODEL_BASE_URL}/ggml-${name}.bin`;
  console.log(`[model] downloading ${url}`);
  const started = Date.now();
  const result = await downloadModel({
    url,
    destination: file,
    sha256: pinned,
    sha1: PUBLISHED_SHA1[name],
    onProgress: (received, total) =>
      bar(
        total ? received / total : 0,
        `${(received / 1e6).toFixed(1)} MB in ${((Date.now() - started) / 1000).toFixed(0)} s`,
      ),
  });
  if (process.stdout.isTTY) process.stdout.write('\n');
  console.log(
    `[model] verified sha256 ${result.sha256}${PUBLISHED_SHA1[name] ? ' and the published sha1' : ''}`,
  );
  console.log(`WHISPER_MODEL=${file}`);
}
