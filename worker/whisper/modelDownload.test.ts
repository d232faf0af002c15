import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadModel, expectedSha256, ModelVerificationError } from './modelDownload.js';

const body = Buffer.alloc(300_000, 7);
const sha256 = createHash('sha256').update(body).digest('hex');
const sha1 = createHash('sha1').update(body).digest('hex');
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const etag = request.url === '/bad' ? 'f'.repeat(64) : sha256;
    if (request.url === '/none') response.writeHead(200, { 'content-length': body.length });
    else response.writeHead(200, { 'content-length': body.length, 'x-linked-etag': `"${etag}"` });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('model download', () => {
  it('verifies SHA-256 from the LFS etag and SHA-1 from the table, reporting progress', async () => {
    const destination = join(await mkdtemp(join(tmpdir(), 'model-')), 'model.bin');
    const progress: number[] = [];
    const result = await downloadModel({
      url: `${base}/ok`,
      destination,
      sha1,
      onProgress: (received) => progress.push(received),
    });
    expect(result).toEqual({ sha256, bytes: body.length });
    expect(readFileSync(destination).equals(body)).toBe(true);
    expect(progress.at(-1)).toBe(body.length);
  });

  it('leaves nothing behind on a checksum mismatch or when there is nothing to verify against', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'model-'));
    await expect(
      downloadModel({ url: `${base}/bad`, destination: join(dir, 'a.bin') }),
    ).rejects.toBeInstanceOf(ModelVerificationError);
    await expect(
      downloadModel({ url: `${base}/ok`, destination: join(dir, 'b.bin'), sha1: '0'.repeat(40) }),
    ).rejects.toThrow(/SHA-1/);
    await expect(downloadModel({ url: `${base}/none`, destination: join(dir, 'c.bin') })).rejects.toThrow(
      /--sha256/,
    );
    expect(
      await downloadModel({ url: `${base}/none`, destination: join(dir, 'd.bin'), sha256 }),
    ).toMatchObject({ sha256 });
    for (const name of ['a.bin', 'b.bin', 'c.bin', 'a.bin.partial'])
      expect(existsSync(join(dir, name))).toBe(false);
  });

  it('reads the etag forms hosts send', () => {
    expect(expectedSha256(new Headers({ 'x-linked-etag': `"${sha256}"` }))).toBe(sha256);
    expect(expectedSha256(new Headers({ etag: `W/"${sha256.toUpperCase()}"` }))).toBe(sha256);
    expect(expectedSha256(new Headers({ etag: '"abc-123"' }))).toBeNull();
  });
});
