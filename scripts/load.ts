/**
 * `npm run load -- <scenario>`: runs load-tests/<scenario>.ts with k6 against BASE_URL (default
 * http://127.0.0.1:3000, loopback only). Agents and identity tokens are made here in Node and
 * handed to k6 in a fixture file; k6 writes bench/results/<scenario>.json and .md.
 * Secrets come from the environment or from .lifeline/dev-secrets.json (made by `npm start`).
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { cacheDir, REPO_ROOT } from './lib/paths.js';

const SCENARIOS: Record<string, { agents: number; identities: number }> = {
  smoke: { agents: 4, identities: 200 },
  signalling: { agents: 20, identities: 2500 },
  soak: { agents: 8, identities: 8000 },
  voice: { agents: 0, identities: 400 },
};

const scenario = process.argv[2] ?? 'smoke';
const plan = SCENARIOS[scenario];
if (!plan || !existsSync(join(REPO_ROOT, 'load-tests', `${scenario}.ts`))) {
  console.error(`unknown scenario ${scenario}; have: ${Object.keys(SCENARIOS).join(', ')}`);
  process.exit(2);
}
const baseUrl = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
if (!/^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/.test(baseUrl)) {
  console.error(`load tests target loopback only; refusing ${baseUrl}`);
  process.exit(2);
}
const saved = join(REPO_ROOT, '.lifeline', 'dev-secrets.json');
const secrets = {
  ...(existsSync(saved) ? (JSON.parse(readFileSync(saved, 'utf8')) as Record<string, string>) : {}),
  ...process.env,
};
if (!secrets.LIFELINE_ADMIN_TOKEN || !secrets.LIFELINE_PLATFORM_SECRET) {
  console.error('need LIFELINE_ADMIN_TOKEN and LIFELINE_PLATFORM_SECRET (or a stack started with npm start)');
  process.exit(2);
}

const ready = await fetch(`${baseUrl}/readyz`).catch(() => null);
if (!ready?.ok) {
  console.error(`${baseUrl} is not ready; start the stack first (npm start)`);
  process.exit(2);
}

console.log(`[load] preparing ${plan.agents} agents and ${plan.identities} viewer identities`);
const run = randomUUID().slice(0, 8);
const agents = [];
for (let i = 0; i < plan.agents; i += 1) {
  const email = `load-${run}-${i}@lifeline.local`;
  const password = randomUUID();
  const created = await fetch(`${baseUrl}/v1/admin/agents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secrets.LIFELINE_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      email,
      password,
      name: `Load agent ${i}`,
      languages: ['en'],
      skills: ['technical', 'account_security', 'payment', 'content_moderation', 'copyright', 'feedback'],
    }),
  });
  if (created.status !== 201) throw new Error(`agent create failed: ${created.status}`);
  const login = (await (
    await fetch(`${baseUrl}/v1/agents/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    })
  ).json()) as { token: string; agent: { id: string } };
  agents.push({ id: login.agent.id, token: login.token });
}
const key = new TextEncoder().encode(secrets.LIFELINE_PLATFORM_SECRET);
const identities = await Promise.all(
  Array.from({ length: plan.identities }, (_, i) =>
    new SignJWT({ tier: i % 10 === 0 ? 'creator' : 'regular' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(`load-${run}-viewer-${i}`)
      .setExpirationTime('2h')
      .sign(key),
  ),
);
const fixture = join(tmpdir(), `lifeline-load-${run}.json`);
writeFileSync(fixture, JSON.stringify({ baseUrl, agents, identities }), { mode: 0o600 });
mkdirSync(join(REPO_ROOT, 'bench', 'results'), { recursive: true });

const k6 =
  process.env.K6_BIN ??
  join(
    cacheDir(),
    `k6-v${JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).config.k6Version}`,
    'k6',
  );
console.log(`[load] k6 run load-tests/${scenario}.ts`);
const voiceFile = join(tmpdir(), `lifeline-load-${run}.wav`);
if (scenario === 'voice') {
  // Four seconds of a voiced-like tone: what matters here is the pipeline's load, not the words.
  execFileSync('ffmpeg', [
    '-nostdin',
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'aevalsrc=0.3*sin(2*PI*(180+60*sin(2*PI*0.5*t))*t):s=16000:d=4',
    '-ac',
    '1',
    '-c:a',
    'pcm_s16le',
    voiceFile,
  ]);
}
const child = spawn(
  k6,
  [
    'run',
    '-e',
    `LIFELINE_FIXTURE=${fixture}`,
    '-e',
    `LIFELINE_VOICE_FILE=${voiceFile}`,
    `load-tests/${scenario}.ts`,
  ],
  {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: {
      ...process.env,
      K6_AUTO_EXTENSION_RESOLUTION: 'false',
      K6_NO_USAGE_REPORT: 'true',
      LIFELINE_FIXTURE: fixture,
    },
  },
);
child.once('exit', (code) => process.exit(code ?? 1));
