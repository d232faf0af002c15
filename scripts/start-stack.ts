/**
 * `npm start`: the whole stack on this machine with defaults — LiveKit dev server, API (web on the
 * same port), worker — then demo agents, their logins and a demo viewer link. Ctrl-C stops it all.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SignJWT } from 'jose';
import { DEMO_AGENTS, DEMO_PASSWORD, DEMO_SUPERVISOR, seedDemoAgents } from './lib/demo-agents.js';
import { seedDemoKb } from './lib/demo-kb.js';
import { startLiveKitDevServer, udpRangeFromEnv } from './lib/livekit-dev-server.js';
import { REPO_ROOT } from './lib/paths.js';

const env = process.env;
const port = Number(env.PORT ?? 3000);
const livekitPort = Number(env.LIVEKIT_PORT ?? 7880);
const baseUrl = `http://127.0.0.1:${port}`;
const stateDir = join(REPO_ROOT, '.lifeline');
mkdirSync(stateDir, { recursive: true });

/** Development secrets are made once per checkout and kept, so logins survive a restart. */
function devSecrets() {
  const file = join(stateDir, 'dev-secrets.json');
  const saved = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  const secrets = {
    LIFELINE_ADMIN_TOKEN:
      env.LIFELINE_ADMIN_TOKEN ?? saved.LIFELINE_ADMIN_TOKEN ?? randomBytes(24).toString('base64url'),
    LIFELINE_SECRET: env.LIFELINE_SECRET ?? saved.LIFELINE_SECRET ?? randomBytes(32).toString('base64url'),
    LIFELINE_PLATFORM_SECRET:
      env.LIFELINE_PLATFORM_SECRET ?? saved.LIFELINE_PLATFORM_SECRET ?? randomBytes(24).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

const children: ChildProcess[] = [];
let stopping = false;

function run(name: string, script: string, childEnv: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: REPO_ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr])
    createInterface({ input: stream! }).on('line', (line) => console.log(`[${name}] ${line}`));
  child.once('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[start] ${name} exited (${signal ?? code}); stopping the stack`);
      void stop(1);
    }
  });
  children.push(child);
  return child;
}

async function waitForReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} not ready within ${timeoutMs} ms`);
}

let livekitStop: () => Promise<void> = async () => {};

async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    children.reverse().map((child) =>
      child.exitCode !== null
        ? undefined
        : new Promise((resolve) => {
            child.once('exit', resolve);
            child.kill('SIGTERM');
          }),
    ),
  );
  await livekitStop();
  process.exit(code);
}
process.once('SIGINT', () => void stop(0));
process.once('SIGTERM', () => void stop(0));

const secrets = devSecrets();
const apiKey = env.LIVEKIT_API_KEY ?? 'devkey';
const apiSecret = env.LIVEKIT_API_SECRET ?? 'secret';
console.log(`[start] LiveKit dev server on 127.0.0.1:${livekitPort} (log: .lifeline/livekit.log)`);
const livekit = await startLiveKitDevServer({
  port: livekitPort,
  rtcTcpPort: livekitPort + 1,
  ...udpRangeFromEnv(env),
  apiKey,
  apiSecret,
  webhookUrl: `${baseUrl}/v1/livekit/webhook`,
  output: join(stateDir, 'livekit.log'),
});
livekitStop = livekit.stop;

const childEnv = {
  ...env,
  NODE_ENV: env.NODE_ENV ?? 'development',
  PORT: String(port),
  LIVEKIT_URL: livekit.url,
  LIVEKIT_API_KEY: apiKey,
  LIVEKIT_API_SECRET: apiSecret,
  ...secrets,
};
console.log('[start] API and worker');
run('api', 'server/server.ts', childEnv);
run('worker', 'worker/main.ts', childEnv);
await waitForReady(`${baseUrl}/readyz`, 30_000);
await seedDemoAgents(baseUrl, secrets.LIFELINE_ADMIN_TOKEN);
const articles = await seedDemoKb(baseUrl, secrets.LIFELINE_ADMIN_TOKEN);

const viewer = await new SignJWT({ tier: 'creator', name: 'Demo Creator' })
  .setProtectedHeader({ alg: 'HS256' })
  .setSubject('demo-creator')
  .setExpirationTime('12h')
  .sign(new TextEncoder().encode(secrets.LIFELINE_PLATFORM_SECRET));

console.log(`
Lifeline is up on ${baseUrl}
  web            ${baseUrl}/
  API docs       ${baseUrl}/docs
  readiness      ${baseUrl}/readyz     metrics ${baseUrl}/metrics
  admin token    ${secrets.LIFELINE_ADMIN_TOKEN}   (kept in .lifeline/dev-secrets.json)

Demo agents (password: ${DEMO_PASSWORD})
${DEMO_AGENTS.map((a) => `  ${a.email.padEnd(24)} ${a.name} — ${a.languages.join('/')} — ${a.skills.join(', ')}`).join('\n')}
  ${DEMO_SUPERVISOR.email.padEnd(24)} ${DEMO_SUPERVISOR.name} — supervisor (${baseUrl}/supervisor)

Knowledge base: ${articles > 0 ? `${articles} demo articles seeded` : 'kept as it was'} (search: ${baseUrl}/v1/kb/search?q=payout&lang=en)

Demo viewer identity (tier creator, 12 h):
  ${baseUrl}/?identity=${viewer}

Ctrl-C stops everything.
`);
