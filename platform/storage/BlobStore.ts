/** Where voice messages live. The filesystem store is the default; several hosts need a shared volume. */
export interface BlobStore {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** A local path the bytes can be read from (ffmpeg and whisper.cpp read files). */
  pathOf(key: string): Promise<string | null>;
  get(key: string): Promise<{ bytes: Buffer; contentType: string } | null>;
  delete(key: string): Promise<void>;
  /** Deletes the blobs under a folder last written before `cutoff` (ms); returns how many (retention). */
  deleteOlderThan(folder: string, cutoff: number): Promise<number>;
}
