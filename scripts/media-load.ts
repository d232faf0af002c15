/**
 * `npm run load:media`: media load k6 cannot make. PAIRS users and agents (default 10) are paired
 * through the API, join their LiveKit rooms as @livekit/rtc-node participants, and each user
 * publishes a tone for SECONDS (default 20). Reports room join time and audio frames received
 * against frames sent; writes bench/results/media.json and .md. Loopback only; ends by itself.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Room, dispose } from '@livekit/rtc-node';
import { SignJWT } from 'jose';
import WebSocket from 'ws';
import { REPO_ROOT } from './lib/paths.js';
import { onAudibleFrames, publishMicrophone, sendTone } from './lib/rtcAudio.js';

const baseUrl = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
if (!/^https?:\/\/(127\.\d+\.\d+\.\d+|localhost)(:\d+)?$/.test(baseUrl))
  throw new Error('media load targets loopback only');
const pairs = Number(process.env.PAIRS ?? 10);
const seconds = Number(process.env.SECONDS ?? 20);
const saved = join(REPO_ROOT, '.lifeline', 'dev-secrets.json');
const secrets = {
  ...(existsSync(saved) ? JSON.parse(readFileSync(saved, 'utf8')) : {}),
  ...process.env,
} as Record<string, string>;

const percentile = (v: number[], p: number) =>
  [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor((p / 100) * v.length))] ?? NaN;
const json = async <T>(response: Response) => (await response.json()) as T;
type Ready = { type: string; token: string; livekitUrl: string; sessionId: string };
/** A private three-letter language per pair (xaa, xab, …): agent i can only be offered user i. */
const pairLanguage = (i: number) =>
  `x${String.fromCharCode(97 + (Math.floor(i / 26) % 26))}${String.fromCharCode(97 + (i % 26))}`;

async function pair(i: number, run: string): Promise<{ user: Ready; agent: Ready }> {
  const email = `media-${run}-${i}@lifeline.local`;
  await fetch(`${baseUrl}/v1/admin/agents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secrets.LIFELINE_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      email,
      password: 'media-load-pass',
      name: `Media ${i}`,
      languages: [pairLanguage(i)],
      skills: ['technical'],
    }),
  });
  const agent = await json<{ token: string; agent: { languages: string[] } }>(
    await fetch(`${baseUrl}/v1/agents/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'media-load-pass' }),
    }),
  );
  const agentSocket = new WebSocket(`${baseUrl.replace('http', 'ws')}/v1/ws?token=${agent.token}`);
  const agentReady = new Promise<Ready>((resolve) =>
    agentSocket.on('message', (data) => {
      const frame = JSON.parse(String(data));
      if (frame.type === 'offer')
        agentSocket.send(JSON.stringify({ type: 'offer.accept', offerId: frame.offerId }));
      if (frame.type === 'session.ready') resolve(frame);
    }),
  );
  await new Promise((resolve) => agentSocket.once('open', resolve));
  agentSocket.send(JSON.stringify({ type: 'agent.status', status: 'available' }));
  // Each pair has its own language, so agent i is offered exactly user i's request.
  const identity = await new SignJWT({ tier: 'regular' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(`media-${run}-${i}`)
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(secrets.LIFELINE_PLATFORM_SECRET));
  const created = await json<{ accessToken: string }>(
    await fetch(`${baseUrl}/v1/help-requests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${identity}`, 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'call', media: 'audio', language: pairLanguage(i) }),
    }),
  );
  const userSocket = new WebSocket(`${baseUrl.replace('http', 'ws')}/v1/ws?token=${created.accessToken}`);
  const userReady = new Promise<Ready>((resolve) =>
    userSocket.on(
      'message',
      (data) => JSON.parse(String(data)).type === 'session.ready' && resolve(JSON.parse(String(data))),
    ),
  );
  return { user: await userReady, agent: await agentReady };
}

async function joined(ready: Ready): Promise<{ room: Room; joinMs: number }> {
  const room = new Room();
  const started = performance.now();
  await room.connect(ready.livekitUrl, ready.token, { autoSubscribe: true, dynacast: false });
  return { room, joinMs: performance.now() - started };
}

const run = randomUUID().slice(0, 6);
console.log(`[media] pairing ${pairs} users with ${pairs} agents through ${baseUrl}`);
const sessions = await Promise.all(Array.from({ length: pairs }, (_, i) => pair(i, run)));
const joins: number[] = [];
const received: number[] = [];
let sent = 0;
await Promise.all(
  sessions.map(async ({ user, agent }) => {
    const listener = await joined(agent);
    let frames = 0;
    onAudibleFrames(listener.room, () => (frames += 1));
    const speaker = await joined(user);
    joins.push(listener.joinMs, speaker.joinMs);
    const { source, track } = await publishMicrophone(speaker.room);
    const until = Date.now() + seconds * 1000;
    // Awaited first: `sent += await …` would read `sent` before the await and lose other pairs' counts.
    const mine = await sendTone(source, () => Date.now() < until, 300, 6000);
    sent += mine;
    await new Promise((resolve) => setTimeout(resolve, 500));
    received.push(frames);
    await track.close();
    await speaker.room.disconnect();
    await listener.room.disconnect();
  }),
);
const perPair = sent / pairs;
const result = {
  pairs,
  seconds,
  joinMs: { p50: percentile(joins, 50), p99: percentile(joins, 99) },
  framesSentPerPair: perPair,
  framesReceived: { min: Math.min(...received), median: percentile(received, 50) },
  deliveredShare: received.reduce((a, b) => a + b, 0) / sent,
};
mkdirSync(join(REPO_ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(join(REPO_ROOT, 'bench', 'results', 'media.json'), `${JSON.stringify(result, null, 2)}\n`);
const md = `# Media load\n\n${pairs} pairs in LiveKit rooms for ${seconds} s against ${baseUrl}.\n\n| figure | value |\n| --- | --- |\n| room join p50 / p99 | ${result.joinMs.p50.toFixed(0)} ms / ${result.joinMs.p99.toFixed(0)} ms |\n| audio frames sent per pair | ${perPair.toFixed(0)} |\n| frames received, lowest pair / median | ${result.framesReceived.min} / ${result.framesReceived.median} |\n| share delivered | ${(result.deliveredShare * 100).toFixed(1)}% |\n`;
writeFileSync(join(REPO_ROOT, 'bench', 'results', 'media.md'), md);
console.log(md);
await dispose();
process.exit(0);
