import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { seededRandom } from '../../core/random.js';

/**
 * Writes a whisper.cpp ggml model file of a real model's shape with deterministic weights.
 * These machines cannot download real weights; a file of the true shape still exercises the real
 * loader, the real compute path and its real cost. Its transcripts are meaningless by design.
 * Layout follows whisper.cpp's models/convert-pt-to-ggml.py: magic, hparams, mel filters, vocab,
 * then each tensor as (n_dims, name length, type, dims reversed, name, data).
 */

export interface WhisperShape {
  nVocab: number;
  nAudioCtx: number;
  nAudioState: number;
  nAudioHead: number;
  nAudioLayer: number;
  nTextCtx: number;
  nTextState: number;
  nTextHead: number;
  nTextLayer: number;
  nMels: number;
}

export const WHISPER_SHAPES: Record<'tiny' | 'base', WhisperShape> = {
  tiny: {
    nVocab: 51865,
    nAudioCtx: 1500,
    nAudioState: 384,
    nAudioHead: 6,
    nAudioLayer: 4,
    nTextCtx: 448,
    nTextState: 384,
    nTextHead: 6,
    nTextLayer: 4,
    nMels: 80,
  },
  base: {
    nVocab: 51865,
    nAudioCtx: 1500,
    nAudioState: 512,
    nAudioHead: 8,
    nAudioLayer: 6,
    nTextCtx: 448,
    nTextState: 512,
    nTextHead: 8,
    nTextLayer: 6,
    nMels: 80,
  },
};

/** Text tokens stored in the file; whisper.cpp adds the special tokens up to nVocab itself. */
const BASE_VOCAB = 50257;
const N_FFT_BINS = 201;
const GGML_MAGIC = 0x67676d6c;

type TensorType = 'f32' | 'f16';
interface TensorSpec {
  name: string;
  /** PyTorch order; written reversed, as the converter does. */
  shape: number[];
  type: TensorType;
  init: 'weight' | 'ones' | 'zeros' | 'sinusoid';
}

/** Every tensor whisper.cpp's loader expects for this shape (it refuses a file missing any). */
export function tensorSpecs(s: WhisperShape): TensorSpec[] {
  const n = s.nAudioState;
  const t = s.nTextState;
  const w = (name: string, shape: number[]): TensorSpec => ({ name, shape, type: 'f16', init: 'weight' });
  const v = (name: string, size: number, init: TensorSpec['init'] = 'zeros'): TensorSpec => ({
    name,
    shape: [size],
    type: 'f32',
    init,
  });
  const attention = (p: string, d: number) => [
    w(`${p}.query.weight`, [d, d]),
    v(`${p}.query.bias`, d),
    w(`${p}.key.weight`, [d, d]),
    w(`${p}.value.weight`, [d, d]),
    v(`${p}.value.bias`, d),
    w(`${p}.out.weight`, [d, d]),
    v(`${p}.out.bias`, d),
  ];
  const block = (p: string, d: number, cross: boolean) => [
    ...attention(`${p}.attn`, d),
    v(`${p}.attn_ln.weight`, d, 'ones'),
    v(`${p}.attn_ln.bias`, d),
    ...(cross
      ? [
          ...attention(`${p}.cross_attn`, d),
          v(`${p}.cross_attn_ln.weight`, d, 'ones'),
          v(`${p}.cross_attn_ln.bias`, d),
        ]
      : []),
    w(`${p}.mlp.0.weight`, [4 * d, d]),
    v(`${p}.mlp.0.bias`, 4 * d),
    w(`${p}.mlp.2.weight`, [d, 4 * d]),
    v(`${p}.mlp.2.bias`, d),
    v(`${p}.mlp_ln.weight`, d, 'ones'),
    v(`${p}.mlp_ln.bias`, d),
  ];
  return [
    { name: 'encoder.positional_embedding', shape: [s.nAudioCtx, n], type: 'f32', init: 'sinusoid' },
    w('encoder.conv1.weight', [n, s.nMels, 3]),
    { name: 'encoder.conv1.bias', shape: [n, 1], type: 'f32', init: 'zeros' },
    w('encoder.conv2.weight', [n, n, 3]),
    { name: 'encoder.conv2.bias', shape: [n, 1], type: 'f32', init: 'zeros' },
    ...Array.from({ length: s.nAudioLayer }, (_, i) => block(`encoder.blocks.${i}`, n, false)).flat(),
    v('encoder.ln_post.weight', n, 'ones'),
    v('encoder.ln_post.bias', n),
    { name: 'decoder.positional_embedding', shape: [s.nTextCtx, t], type: 'f32', init: 'weight' },
    w('decoder.token_embedding.weight', [s.nVocab, t]),
    ...Array.from({ length: s.nTextLayer }, (_, i) => block(`decoder.blocks.${i}`, t, true)).flat(),
    v('decoder.ln.weight', t, 'ones'),
    v('decoder.ln.bias', t),
  ];
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
/** IEEE 754 half precision, round to nearest; the weights are small so no overflow handling is needed. */
function toHalf(value: number): number {
  f32[0] = value;
  const x = u32[0]!;
  const sign = (x >>> 16) & 0x8000;
  const exponent = ((x >>> 23) & 0xff) - 127 + 15;
  if (exponent <= 0) return sign;
  if (exponent >= 31) return sign | 0x7c00;
  return sign | (exponent << 10) | ((x >>> 13) & 0x3ff);
}

/** Triangular mel filters over the 201 FFT bins of 16 kHz audio, shaped like the real ones. */
function melFilters(nMels: number): Float32Array {
  const out = new Float32Array(nMels * N_FFT_BINS);
  const mel = (hz: number) => 2595 * Math.log10(1 + hz / 700);
  const hz = (m: number) => 700 * (10 ** (m / 2595) - 1);
  const edges = Array.from({ length: nMels + 2 }, (_, i) => hz((mel(8000) * i) / (nMels + 1)));
  for (let m = 0; m < nMels; m += 1) {
    for (let bin = 0; bin < N_FFT_BINS; bin += 1) {
      const f = (bin * 8000) / (N_FFT_BINS - 1);
      const rise = (f - edges[m]!) / (edges[m + 1]! - edges[m]!);
      const fall = (edges[m + 2]! - f) / (edges[m + 2]! - edges[m + 1]!);
      out[m * N_FFT_BINS + bin] = Math.max(0, Math.min(rise, fall)) * (2 / (edges[m + 2]! - edges[m]!));
    }
  }
  return out;
}

/** GPT-2's lone space; whisper.cpp looks it up by text to suppress it at the start of a segment. */
const SPACE_TOKEN = 220;

/** Readable pseudo-words, so what the model prints is plain ASCII. */
function tokenText(i: number): string {
  if (i === SPACE_TOKEN) return ' ';
  const syllables = [
    'ka',
    'lo',
    'mi',
    'ne',
    'su',
    'ta',
    'ri',
    'po',
    've',
    'du',
    'ha',
    'zo',
    'bi',
    'fe',
    'gu',
    'ju',
  ];
  let text = i % 3 === 0 ? ' ' : '';
  let rest = i;
  do {
    text += syllables[rest % 16];
    rest = Math.floor(rest / 16);
  } while (rest > 0);
  return text;
}

function tensorData(spec: TensorSpec, random: () => number): Buffer {
  const count = spec.shape.reduce((a, b) => a * b, 1);
  const fanIn = spec.shape.length > 1 ? spec.shape.slice(1).reduce((a, b) => a * b, 1) : 1;
  const scale = 1 / Math.sqrt(fanIn);
  const value = (i: number): number => {
    if (spec.init === 'ones') return 1;
    if (spec.init === 'zeros') return 0;
    if (spec.init === 'sinusoid') {
      const channels = spec.shape[1]!;
      const position = Math.floor(i / channels);
      const channel = i % channels;
      const half = channels / 2;
      const rate = Math.exp((-Math.log(10000) * (channel % half)) / (half - 1));
      return channel < half ? Math.sin(position * rate) : Math.cos(position * rate);
    }
    return (random() * 2 - 1) * scale;
  };
  if (spec.type === 'f32') {
    const data = new Float32Array(count);
    for (let i = 0; i < count; i += 1) data[i] = value(i);
    return Buffer.from(data.buffer);
  }
  const data = new Uint16Array(count);
  for (let i = 0; i < count; i += 1) data[i] = toHalf(value(i));
  return Buffer.from(data.buffer);
}

function int32s(...values: number[]): Buffer {
  return Buffer.from(new Int32Array(values).buffer);
}

export async function writeDeterministicModel(
  path: string,
  shape: WhisperShape,
  seed = 20261124,
  onProgress?: (fraction: number) => void,
) {
  const out = createWriteStream(path);
  const write = async (chunk: Buffer) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  const s = shape;
  await write(
    int32s(
      GGML_MAGIC,
      s.nVocab,
      s.nAudioCtx,
      s.nAudioState,
      s.nAudioHead,
      s.nAudioLayer,
      s.nTextCtx,
      s.nTextState,
      s.nTextHead,
      s.nTextLayer,
      s.nMels,
      1,
    ),
  );
  await write(int32s(s.nMels, N_FFT_BINS));
  await write(Buffer.from(melFilters(s.nMels).buffer));
  await write(int32s(BASE_VOCAB));
  for (let i = 0; i < BASE_VOCAB; i += 1) {
    const bytes = Buffer.from(tokenText(i), 'ascii');
    await write(Buffer.concat([int32s(bytes.length), bytes]));
  }
  const random = seededRandom(seed);
  const specs = tensorSpecs(shape);
  for (const [index, spec] of specs.entries()) {
    const name = Buffer.from(spec.name, 'utf8');
    const dims = [...spec.shape].reverse();
    await write(
      Buffer.concat([int32s(spec.shape.length, name.length, spec.type === 'f16' ? 1 : 0, ...dims), name]),
    );
    await write(tensorData(spec, random));
    onProgress?.((index + 1) / specs.length);
  }
  out.end();
  await once(out, 'finish');
}
