import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';

/** SHA-1 of each ggml model as published in whisper.cpp's models/README.md. */
export const PUBLISHED_SHA1: Record<string, string> = {
  tiny: 'bd577a113a864445d4c299885e0cb97d4ba92b5f',
  'tiny.en': 'c78c86eb1a8faa21b369bcd33207cc90d64ae9df',
  base: '465707469ff3a37a2b9b8d8f89f2f99de7299dac',
  'base.en': '137c40403d78fd54d454da0f9bd998f78703390c',
  small: '55356645c2b361a969dfd0ef2c5a50d530afd8d5',
  'small.en': 'db8a495a91d927739e50b3fc1cc4c6b8f6c2d022',
  medium: 'fd9727b6e1217c2f614f9b698455c4ffd82463b4',
  'medium.en': '8c30f0e44ce9560643ebd10bbe50cd20eafd3723',
};

export const DEFAULT_MODEL_BASE_URL = 'https://huggingface.co/ggerganov/whisper.cpp/resolve/main';

export class ModelVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelVerificationError';
  }
}

/**
 * The SHA-256 the host vouches for. Hugging Face serves model files from Git LFS, whose object id
 * is the file's SHA-256; it arrives as X-Linked-Etag (or as a plain ETag on a direct LFS URL).
 */
export function expectedSha256(headers: Headers): string | null {
  for (const name of ['x-linked-etag', 'etag']) {
    const value = headers.get(name)?.replace(/^W\//, '').replace(/"/g, '').trim();
    if (value && /^[0-9a-f]{64}$/i.test(value)) return value.toLowerCase();
  }
  return null;
}

export interface DownloadOptions {
  url: string;
  destination: string;
  /** Pinned SHA-256; wins over the header. */
  sha256?: string;
  sha1?: string;
  onProgress?: (received: number, total: number | null) => void;
}

/**
 * Streams a model to a temporary file, hashing as it goes, and renames it into place only when
 * every available checksum matches. A mismatch leaves nothing behind.
 */
export async function downloadModel(options: DownloadOptions): Promise<{ sha256: string; bytes: number }> {
  const response = await fetch(options.url, { redirect: 'follow' });
  if (!response.ok || !response.body)
    throw new Error(`download failed: HTTP ${response.status} from ${options.url}`);
  const wanted256 = options.sha256?.toLowerCase() ?? expectedSha256(response.headers);
  if (!wanted256) throw new ModelVerificationError('no SHA-256 to verify against: pass --sha256 <hex>');
  const total = Number(response.headers.get('content-length')) || null;
  const temporary = `${options.destination}.partial`;
  const out = createWriteStream(temporary);
  const sha256 = createHash('sha256');
  const sha1 = createHash('sha1');
  let received = 0;
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      sha256.update(chunk);
      sha1.update(chunk);
      received += chunk.length;
      if (!out.write(chunk)) await once(out, 'drain');
      options.onProgress?.(received, total);
    }
    out.end();
    await once(out, 'finish');
    const got256 = sha256.digest('hex');
    if (got256 !== wanted256)
      throw new ModelVerificationError(`SHA-256 mismatch: expected ${wanted256}, got ${got256}`);
    const got1 = sha1.digest('hex');
    if (options.sha1 && got1 !== options.sha1)
      throw new ModelVerificationError(`SHA-1 mismatch: expected ${options.sha1}, got ${got1}`);
    await rename(temporary, options.destination);
    return { sha256: got256, bytes: received };
  } catch (error) {
    out.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
}
