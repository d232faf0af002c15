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
import { LifelineTokens } from '../server/auth/LifelineTokens.js';
import { cacheDir, REPO_ROOT } from './lib/paths.js';
import { toneWavArgs } from './lib/tone.js';
import { sampleRedisOps, writeRedisFigures } from './lib/redisOps.js';

const SCENARIOS: Record<string, { agents: number; identities: number; supervisor?: boolean }> = {
  smoke: { agents: 4, identities: 200 },
  signalling: { agents: 20, identities: 2500 },
  soak: { agents: 8, identities: 8000 },
  voice: { agents: 0, identities: 400 },
  // 2/s for 6 min plus 38/s more for 3 min (see load-tests/crisis.ts), with room to spare.
  crisis: { agents: 16, identities: 9000, supervisor: true },
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

/**
 * With the signing secret (as `npm start` keeps it) tokens are minted here; otherwise agents log
 * in, which the login rate limit allows only a few times a minute per address.
 */
async function agentToken(id: string, email: string, password: string): Promise<string> {
  if (secrets.LIFELINE_SECRET)
    return new LifelineTokens(secrets.LIFELINE_SECRET, {
      agentSeconds: 4 * 3600,
      requestSeconds: 3600,
    }).signAgent(id);
  const login = await fetch(`${baseUrl}/v1/agents/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200)
    throw new Error(`agent login failed (${login.status}); set LIFELINE_SECRET to mint tokens instead`);
  return ((await login.json()) as { token: string }).token;
}

const ALL_SKILLS = [
  'technical',
  'account_security',
  'payment',
  'content_moderation',
  'copyright',
  'feedback',
];

/** A load account (an English agent with every skill, or a supervisor) with a token to act as it. */
async function createAccount(
  handle: string,
  role: 'agent' | 'supervisor',
): Promise<{ id: string; token: string }> {
  const email = `load-${run}-${handle}@lifeline.local`;
  const password = randomUUID();
  const created = await fetch(`${baseUrl}/v1/admin/agents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secrets.LIFELINE_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      email,
      password,
      name: `Load ${role} ${handle}`,
      languages: ['en'],
      skills: role === 'agent' ? ALL_SKILLS : [],
      role,
    }),
  });
  if (created.status !== 201) throw new Error(`${role} create failed: ${created.status}`);
  const { id } = (await created.json()) as { id: string };
  return { id, token: await agentToken(id, email, password) };
}

const ready = await fetch(`${baseUrl}/readyz`).catch(() => null);
if (!ready?.ok) {
  console.error(`${baseUrl} is not ready; start the stack first (npm start)`);
  process.exit(2);
}

const run = randomUUID().slice(0, 8);
console.log(`[load] preparing ${plan.agents} agents and ${plan.identities} viewer identities`);
const agents = [];
for (let i = 0; i < plan.agents; i += 1) agents.push(await createAccount(String(i), 'agent'));
const supervisor = plan.supervisor ? await createAccount('supervisor', 'supervisor') : undefined;
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
writeFileSync(fixture, JSON.stringify({ baseUrl, agents, supervisor, identities }), { mode: 0o600 });
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
  execFileSync('ffmpeg', toneWavArgs(4, voiceFile));
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
const redisOps = sampleRedisOps(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
child.once('exit', (code) => {
  void redisOps
    .stop()
    .then((figures) => writeRedisFigures(scenario, figures))
    .finally(() => process.exit(code ?? 1));
});
