import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import WebSocket from 'ws';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config/load.js';
import { loadWorkerConfig } from '../../worker/config.js';
import { WhisperCli } from '../../worker/whisper/WhisperCli.js';
import { REPO_ROOT } from '../lib/paths.js';
import { toneWavArgs } from '../lib/tone.js';
import { median } from './report.js';

const run = promisify(execFile);

async function startWorker(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('worker connected') && resolve());
    child.once('exit', (code) => reject(new Error(`worker exited ${code}`)));
  });
  return () => process.kill(-child.pid!, 'SIGKILL');
}

/** Upload → the user's `voice.progress: scored`, as a user experiences it. */
async function timePipeline(baseUrl: string, audio: Buffer): Promise<number> {
  const created = await fetch(`${baseUrl}/v1/help-requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ channel: 'voice', language: 'en' }),
  });
  const { id, accessToken } = (await created.json()) as { id: string; accessToken: string };
  const socket = new WebSocket(`${baseUrl.replace('http', 'ws')}/v1/ws?token=${accessToken}`);
  await new Promise((resolve) => socket.once('open', resolve));
  const scored = new Promise<void>((resolve) =>
    socket.on(
      'message',
      (data) => (JSON.parse(data.toString()) as { status?: string }).status === 'scored' && resolve(),
    ),
  );
  const started = performance.now();
  const upload = await fetch(`${baseUrl}/v1/help-requests/${id}/voice`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'audio/wav' },
    body: audio,
  });
  if (upload.status !== 202) throw new Error(`upload refused: ${upload.status}`);
  await scored;
  const elapsed = performance.now() - started;
  socket.close();
  await fetch(`${baseUrl}/v1/help-requests/${id}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${accessToken}` },
  });
  return elapsed;
}

export async function benchVoicePipeline(options: {
  audioSeconds: number;
  runs: number;
  onProgress: (line: string) => void;
}) {
  const dir = await mkdtemp(join(tmpdir(), 'lifeline-bench-'));
  const wav = join(dir, 'message.wav');
  await run('ffmpeg', toneWavArgs(options.audioSeconds, wav));
  const env = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    REDIS_KEY_PREFIX: `lifeline-bench:${randomBytes(4).toString('hex')}:`,
    VOICE_DIR: join(dir, 'blobs'),
    LIFELINE_SECRET: randomBytes(32).toString('hex'),
    RATE_LIMIT_CREATE_PER_MINUTE: '100000',
  };
  const config = loadConfig({ ...process.env, ...env });
  const app = await buildApp({ config: { ...config, logLevel: 'warn' } });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const stopWorker = await startWorker({ ...env, LOG_LEVEL: 'info' });
  const { whisper: whisperSettings } = loadWorkerConfig({ ...process.env, ...env });
  const whisper = new WhisperCli(whisperSettings);
  const audio = await readFile(wav);
  const direct: number[] = [];
  const pipeline: number[] = [];
  try {
    await timePipeline(baseUrl, audio); // warm-up: page cache, JIT, Lua scripts
    for (let i = 0; i < options.runs; i += 1) {
      const started = performance.now();
      await whisper.transcribe(wav, 'en');
      direct.push(performance.now() - started);
      pipeline.push(await timePipeline(baseUrl, audio));
      options.onProgress(
        `run ${i + 1}/${options.runs}: whisper ${direct.at(-1)!.toFixed(0)} ms, pipeline ${pipeline.at(-1)!.toFixed(0)} ms`,
      );
    }
  } finally {
    stopWorker();
    await app.close();
    const redis = new Redis(config.redisUrl);
    const keys = await redis.keys(`${env.REDIS_KEY_PREFIX}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await rm(dir, { recursive: true, force: true });
  }
  const whisperMs = Math.round(median(direct));
  const pipelineMs = Math.round(median(pipeline));
  return {
    audioSeconds: options.audioSeconds,
    runs: options.runs,
    model: basename(whisperSettings.model),
    threads: whisperSettings.threads,
    whisperMs,
    pipelineMs,
    ratio: pipelineMs / whisperMs,
    realTimeFactor: whisperMs / 1000 / options.audioSeconds,
    samples: { whisperMs: direct.map(Math.round), pipelineMs: pipeline.map(Math.round) },
  };
}
