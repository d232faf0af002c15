import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTICE_WORDS } from '../../server/notify/noticeWords.js';
import { signNotice } from '../../server/notify/PlatformNotifier.js';
import { agentOnline, api, createAgent, createHelpRequest, WsClient } from '../support/clients.js';
import { startCluster, type Cluster, type Instance } from '../support/cluster.js';
import { CATEGORIES } from '../../core/protocol/vocabulary.js';

/** Whatever triage makes of these texts, the one agent online can take it. */
const EVERY_SKILL = [...CATEGORIES];

const SECRET = 'notify-secret-for-the-test-only';
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
const platform = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    received.push({ headers: request.headers, body });
    response.writeHead(204).end();
  });
});

let cluster: Cluster;
let app: Instance;

beforeAll(async () => {
  await new Promise<void>((resolve) => platform.listen(0, '127.0.0.1', resolve));
  const { port } = platform.address() as AddressInfo;
  cluster = await startCluster(1, {
    NOTIFY_WEBHOOK_URL: `http://127.0.0.1:${port}/lifeline`,
    NOTIFY_WEBHOOK_SECRET: SECRET,
  });
  app = cluster.instances[0]!;
});
afterAll(async () => {
  await cluster.close();
  platform.close();
});

const until = async (check: () => boolean) => {
  for (let i = 0; i < 50 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
};

describe('platform notifications for users who are away', () => {
  it('signs a notice over the raw body when an agent replies to a user with no socket, and only then', async () => {
    const agent = await createAgent(app, cluster.config, { languages: ['lt'], skills: EVERY_SKILL });
    const socket = await agentOnline(app, agent);
    const request = await createHelpRequest(app, cluster.config, {
      channel: 'text',
      language: 'lt',
      text: 'answer later',
    });
    socket.send({ type: 'offer.accept', offerId: (await socket.next('offer')).offerId });
    // A text conversation is the conversation alone: no room and no media grant at all.
    const ready = await socket.next('session.ready');
    expect(ready).toMatchObject({ channel: 'text', canPublish: false });
    expect(ready).not.toHaveProperty('token');
    expect(ready).not.toHaveProperty('room');
    const reply = (body: string, internal = false) =>
      api(app, 'POST', `/v1/help-requests/${request.id}/messages`, {
        token: agent.token,
        body: { body, internal },
      });

    expect((await reply('We fixed it; please try again')).status).toBe(201);
    await until(() => received.length > 0);
    expect(received).toHaveLength(1);
    const { headers, body } = received[0]!;
    expect(headers['x-lifeline-signature']).toBe(
      signNotice(SECRET, String(headers['x-lifeline-timestamp']), body),
    );
    expect(JSON.parse(body)).toMatchObject({
      type: 'message',
      requestId: request.id,
      language: 'lt',
      textLanguage: 'en',
      ...NOTICE_WORDS.en.message,
    });
    expect(body).not.toContain('fixed');

    expect((await reply('a note for colleagues', true)).status).toBe(201);
    const user = await WsClient.connect(app.wsUrl, request.accessToken);
    await user.next('session.ready');
    expect((await reply('Are you there?')).status).toBe(201);
    await user.next('message');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received).toHaveLength(1);
    user.close();
    socket.close();
  });

  it.each([
    ['es', 'necesito ayuda con mi cuenta, por favor', 'Soporte te ha respondido'],
    ['ar', 'أحتاج إلى مساعدة في حسابي من فضلك', 'ردّ عليك فريق الدعم'],
  ] as const)('pushes generic words in the user’s own language (%s)', async (language, text, title) => {
    const agent = await createAgent(app, cluster.config, { languages: [language], skills: EVERY_SKILL });
    const socket = await agentOnline(app, agent);
    const request = await createHelpRequest(app, cluster.config, {
      channel: 'text',
      language,
      text,
      assistant: false,
    });
    socket.send({ type: 'offer.accept', offerId: (await socket.next('offer')).offerId });
    await socket.next('session.ready');
    const reply = await api(app, 'POST', `/v1/help-requests/${request.id}/messages`, {
      token: agent.token,
      body: { body: 'a private answer about the case' },
    });
    expect(reply.status).toBe(201);
    const mine = () => received.filter(({ body }) => body.includes(request.id));
    await until(() => mine().length > 0);
    const { headers, body } = mine()[0]!;
    expect(headers['x-lifeline-signature']).toBe(
      signNotice(SECRET, String(headers['x-lifeline-timestamp']), body),
    );
    expect(JSON.parse(body)).toEqual({
      type: 'message',
      requestId: request.id,
      userId: expect.any(String),
      at: expect.any(String),
      language,
      textLanguage: language,
      title,
      body: NOTICE_WORDS[language].message.body,
    });
    expect(body).not.toContain('private');
    socket.close();
  });
});
