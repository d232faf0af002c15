import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';
import { livekitBinary } from './paths.js';

export interface LiveKitDevOptions {
  port: number;
  rtcTcpPort: number;
  udpPortStart: number;
  udpPortEnd: number;
  apiKey: string;
  apiSecret: string;
  webhookUrl?: string;
  /** Where the server's output goes; 'inherit' for the foreground runner. */
  output: 'inherit' | string;
}

/**
 * Loopback-only configuration: no external IP discovery, candidates on `lo` only, STUN pointed at
 * loopback, so no packet leaves the machine. Webhooks are signed with the same key pair.
 */
export function devConfigYaml(options: LiveKitDevOptions): string {
  const lines = [
    `port: ${options.port}`,
    'bind_addresses: ["127.0.0.1"]',
    'rtc:',
    `  tcp_port: ${options.rtcTcpPort}`,
    `  port_range_start: ${options.udpPortStart}`,
    `  port_range_end: ${options.udpPortEnd}`,
    '  use_external_ip: false',
    '  enable_loopback_candidate: true',
    '  interfaces:',
    '    includes: ["lo"]',
    '  stun_servers: ["127.0.0.1:3478"]',
    'keys:',
    `  ${JSON.stringify(options.apiKey)}: ${JSON.stringify(options.apiSecret)}`,
    'logging:',
    '  level: info',
  ];
  if (options.webhookUrl)
    lines.push(
      'webhook:',
      `  api_key: ${JSON.stringify(options.apiKey)}`,
      '  urls:',
      `    - ${JSON.stringify(options.webhookUrl)}`,
    );
  return lines.join('\n') + '\n';
}

async function waitUntilServing(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`livekit-server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`livekit-server did not answer on ${url} within ${timeoutMs} ms`);
}

export interface RunningLiveKit {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startLiveKitDevServer(
  options: LiveKitDevOptions,
  timeoutMs = 20_000,
): Promise<RunningLiveKit> {
  const binary = livekitBinary();
  if (!existsSync(binary)) throw new Error(`livekit-server not found at ${binary}; run: npm run setup`);
  const out = options.output === 'inherit' ? 'inherit' : openSync(options.output, 'a');
  const args = [
    '--dev',
    '--bind',
    '127.0.0.1',
    '--node-ip',
    '127.0.0.1',
    '--config-body',
    devConfigYaml(options),
  ];
  const child = spawn(binary, args, { stdio: ['ignore', out, out] });
  const url = `ws://127.0.0.1:${options.port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(killer);
  };
  try {
    await waitUntilServing(`http://127.0.0.1:${options.port}`, child, timeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, process: child, stop };
}

/**
 * LiveKit's UDP media range from LIVEKIT_UDP_PORT_START/END (default 50000–50200), so two stacks
 * on one machine can be given ranges that do not collide.
 */
export function udpRangeFromEnv(env: Record<string, string | undefined>): {
  udpPortStart: number;
  udpPortEnd: number;
} {
  const udpPortStart = Number(env.LIVEKIT_UDP_PORT_START ?? 50000);
  const udpPortEnd = Number(env.LIVEKIT_UDP_PORT_END ?? udpPortStart + 200);
  if (!Number.isInteger(udpPortStart) || !Number.isInteger(udpPortEnd) || udpPortEnd <= udpPortStart)
    throw new Error('LIVEKIT_UDP_PORT_START/END must be whole numbers with START < END');
  return { udpPortStart, udpPortEnd };
}
