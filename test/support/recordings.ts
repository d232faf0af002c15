import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Endpoint } from './clients.js';
import { startCluster, type Cluster, type Instance } from './cluster.js';
import { startWorker, type WorkerProcess } from './workers.js';

/**
 * One API instance and a real worker process (ffmpeg, whisper.cpp with the generated model, no
 * fallback) on its environment: what the voice and video suites upload their recordings to.
 */
export interface RecordingStack {
  cluster: Cluster;
  app: Instance;
  worker: WorkerProcess;
  /** A fresh temporary directory for the files a test makes; the stored recordings are in `blobDir`. */
  dir: string;
  blobDir: string;
  /** For afterAll: stops the worker, closes the cluster and removes the directory. */
  close(): Promise<void>;
}

export async function startRecordingStack(
  name: string,
  overrides: Record<string, string> = {},
): Promise<RecordingStack> {
  const dir = await mkdtemp(join(tmpdir(), `lifeline-${name}-test-`));
  const blobDir = join(dir, 'blobs');
  let cluster: Cluster | undefined;
  let worker: WorkerProcess | undefined;
  const close = async () => {
    await worker?.stop();
    await cluster?.close();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    cluster = await startCluster(1, { VOICE_DIR: blobDir, WHISPER_FALLBACK: 'false', ...overrides });
    worker = await startWorker(cluster.env);
    return { cluster, app: cluster.instances[0]!, worker, dir, blobDir, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** POSTs a recording to one of a request's upload routes, as its user unless `token` is someone else's. */
export function uploadRecording(
  app: Endpoint,
  request: { id: string; accessToken: string },
  kind: 'voice' | 'video',
  upload: { bytes: Buffer | string; contentType: string; token?: string },
): Promise<Response> {
  return fetch(`${app.url}/v1/help-requests/${request.id}/${kind}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${upload.token ?? request.accessToken}`,
      'content-type': upload.contentType,
    },
    body: upload.bytes,
  });
}
