import { CATEGORIES } from '../../core/protocol/vocabulary.js';
import type { Config } from '../../server/config/load.js';
import type { ApiProcess } from '../../test/support/apiProcess.js';
import { agentOnline, createAgent, createHelpRequest, WsClient } from '../../test/support/clients.js';
import { echoBaseline, sleep, summarise } from './latency.js';
import { benchEnv, startBenchStack } from './stack.js';

interface Conversation {
  requestId: string;
  user: WsClient;
  agent: WsClient;
}

/**
 * A text request made on A with its user's socket on A, offered to a fresh agent whose socket is
 * on B, skilled in every category. One at a time, so the agent just brought online is the only
 * free one when the request arrives.
 */
async function openConversation(config: Config, a: ApiProcess, b: ApiProcess): Promise<Conversation> {
  const agentProfile = await createAgent(b, config, {
    name: 'Bench Agent',
    languages: ['en'],
    skills: [...CATEGORIES],
  });
  const agent = await agentOnline(b, agentProfile);
  const request = await createHelpRequest(a, config, {
    channel: 'text',
    language: 'en',
    text: 'my payout is missing',
  });
  const user = await WsClient.connect(a.wsUrl, request.accessToken);
  await agent.next('offer', (f) => f.request.id === request.id, 10_000);
  return { requestId: request.id, user, agent };
}

/**
 * The user sends `count` `message` frames one after another; each sample runs from the send on
 * A to the agent's socket on B receiving that line. The next line waits for the user's ack and
 * own copy, then `gapMs`, as someone typing would.
 */
async function converse(conversation: Conversation, count: number, gapMs: number, samples: number[] | null) {
  const { user, agent, requestId } = conversation;
  for (let i = 0; i < count; i += 1) {
    const body = `line ${i} of ${requestId}`;
    const ref = `${samples ? 'm' : 'w'}${i}`;
    const sent = performance.now();
    user.send({ type: 'message', body, ref });
    await agent.next('message', (f) => f.message.body === body);
    samples?.push(performance.now() - sent);
    await user.next('ack', (f) => f.ref === ref);
    await user.next('message', (f) => f.message.body === body);
    await sleep(gapMs);
  }
}

/**
 * A conversation line from post to delivery across two API processes: users on A write over the
 * WebSocket `message` frame, their agents' sockets on B receive it (stored in PostgreSQL and fanned
 * out over Redis on the way). `conversations` run at once; then a bare ws echo with as many clients.
 */
export async function benchMessageDelivery(options: {
  conversations: number;
  messagesEach: number;
  warmEach: number;
  gapMs: number;
  onProgress: (line: string) => void;
}) {
  const { conversations, messagesEach, warmEach, gapMs, onProgress } = options;
  const env = benchEnv('messages', {
    OFFER_TIMEOUT_MS: '600000',
    ABANDON_GRACE_MS: '3600000',
    WS_MAX_MESSAGES_PER_10S: '100000',
    RATE_LIMIT_MESSAGES_PER_MINUTE: '1000000',
    RATE_LIMIT_CREATE_PER_MINUTE: '1000000',
    RATE_LIMIT_LOGIN_PER_MINUTE: '1000000',
  });
  const stack = await startBenchStack(2, env, onProgress);
  const [a, b] = stack.instances as [ApiProcess, ApiProcess];
  const open: Conversation[] = [];
  try {
    for (let i = 0; i < conversations; i += 1) open.push(await openConversation(stack.config, a, b));
    onProgress(`${conversations} conversations open: users on A, their agents on B`);
    await Promise.all(open.map((c) => converse(c, warmEach, gapMs, null)));
    const samples: number[] = [];
    const started = performance.now();
    await Promise.all(open.map((c) => converse(c, messagesEach, gapMs, samples)));
    const seconds = (performance.now() - started) / 1000;
    const delivery = summarise(samples);
    onProgress(
      `delivered ${delivery.samples}: p50 ${delivery.p50.toFixed(2)} ms, p99 ${delivery.p99.toFixed(2)} ms (${Math.round(delivery.samples / seconds)}/s)`,
    );
    const echo = await echoBaseline(conversations, 3000, gapMs);
    onProgress(`bare ws echo: p50 ${echo.p50.toFixed(2)} ms, p99 ${echo.p99.toFixed(2)} ms`);
    return {
      instances: 2,
      conversations,
      gapMs,
      messagesPerSecond: delivery.samples / seconds,
      delivery,
      echo,
    };
  } finally {
    for (const c of open) for (const socket of [c.user, c.agent]) socket.socket.terminate();
    await stack.close();
  }
}
