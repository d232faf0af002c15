/** `npm run livekit`: the LiveKit dev server in the foreground, loopback only, webhooks to the API. */
import { startLiveKitDevServer, udpRangeFromEnv } from './lib/livekit-dev-server.js';

const env = process.env;
const port = Number(env.LIVEKIT_PORT ?? 7880);
const server = await startLiveKitDevServer({
  port,
  rtcTcpPort: Number(env.LIVEKIT_RTC_TCP_PORT ?? port + 1),
  ...udpRangeFromEnv(env),
  apiKey: env.LIVEKIT_API_KEY ?? 'devkey',
  apiSecret: env.LIVEKIT_API_SECRET ?? 'secret',
  webhookUrl: env.LIFELINE_WEBHOOK_URL ?? `http://127.0.0.1:${env.PORT ?? 3000}/v1/livekit/webhook`,
  output: 'inherit',
});
console.log(`LiveKit dev server on ${server.url}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void server.stop());
server.process.once('exit', (code) => process.exit(code ?? 0));
