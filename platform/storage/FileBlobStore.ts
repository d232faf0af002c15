import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { BlobStore } from './BlobStore.js';

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,200}$/;

/**
 * Blobs as files under one directory, with the content type beside each. Writes go to a temporary
 * name first and are renamed into place, so a reader never sees half a file.
 */
export class FileBlobStore implements BlobStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private file(key: string): string {
    if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`unsafe blob key ${JSON.stringify(key)}`);
    return join(this.root, key);
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    const path = this.file(key);
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.${Date.now()}.partial`;
    await writeFile(temporary, bytes);
    await writeFile(`${path}.type`, contentType);
    await rename(temporary, path);
  }

  async pathOf(key: string): Promise<string | null> {
    const path = this.file(key);
    try {
      await stat(path);
      return path;
    } catch {
      return null;
    }
  }

  async get(key: string): Promise<{ bytes: Buffer; contentType: string } | null> {
    const path = await this.pathOf(key);
    if (!path) return null;
    const [bytes, contentType] = await Promise.all([
      readFile(path),
      readFile(`${path}.type`, 'utf8').catch(() => 'application/octet-stream'),
    ]);
    return { bytes, contentType };
  }

  async deleteOlderThan(folder: string, cutoff: number): Promise<number> {
    const dir = this.file(folder);
    const names = await readdir(dir).catch(() => [] as string[]);
    let deleted = 0;
    for (const name of names) {
      if (name.endsWith('.type') || name.endsWith('.partial')) continue;
      const info = await stat(join(dir, name)).catch(() => null);
      if (!info?.isFile() || info.mtimeMs >= cutoff) continue;
      await this.delete(`${folder}/${name}`);
      deleted += 1;
    }
    return deleted;
  }

  async delete(key: string): Promise<void> {
    const path = this.file(key);
    await Promise.all([rm(path, { force: true }), rm(`${path}.type`, { force: true })]);
  }
}
