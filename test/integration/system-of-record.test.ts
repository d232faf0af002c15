import { mkdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../platform/db/database.js';
import { freePort } from '../../scripts/lib/ports.js';
import type { Config } from '../../server/config/load.js';
import { within } from '../support/apiProcess.js';
import {
  agentOnline,
  api,
  createAgent,
  createHelpRequest,
  platformToken,
  WsClient,
} from '../support/clients.js';
import { startInstance, testConfig, type Instance } from '../support/cluster.js';
import { dropSchema } from '../support/database.js';
import { PrivateRedis } from '../support/private-redis.js';

let redis: PrivateRedis;
let config: Config;
let instance: Instance;
const db = () => connectDatabase(config.database);

beforeAll(async () => {
  redis = new PrivateRedis(await freePort());
  await redis.start();
  config = testConfig({ REDIS_URL: redis.url, PRESENCE_LEASE_MS: '1500', ABANDON_GRACE_MS: '5000' });
  instance = await startInstance(config);
}, 30_000);
afterAll(async () => {
  await instance?.app.close();
  await redis?.kill();
  if (config) await dropSchema(config.database.databaseSchema);
});

describe('PostgreSQL is the system of record', () => {
  it('puts every open case back in the queue, in the same order, after Redis loses everything', async () => {
    const requests: { id: string; accessToken: string; socket: WsClient }[] = [];
    for (const text of [
      'a question about my settings',
      'someone hacked my account right now',
      'payout is late',
    ]) {
      const request = await createHelpRequest(instance, config, { language: 'fi', text });
      const socket = await WsClient.connect(instance.wsUrl, request.accessToken);
      await socket.next('queue.update');
      requests.push({ ...request, socket });
    }
    const placeOf = async (r: { id: string; accessToken: string }) =>
      (await api(instance, 'GET', `/v1/help-requests/${r.id}`, { token: r.accessToken })).body
        .position as number;
    // A place counts only its own route; the whole line's order is the queue's.
    const line = () => instance.app.lifeline.stores.queue.queueOrder(10);
    const before = await Promise.all(requests.map(placeOf));
    const lineBefore = await line();
    expect(lineBefore).toHaveLength(3);
    const stored = db();
    expect(await stored.selectFrom('cases').select(['id', 'state']).execute()).toHaveLength(3);

    await redis.flushAll();
    const restoredMs = await within(10_000, async () => {
      const states = await Promise.all(
        requests.map(
          async (r) =>
            (await api(instance, 'GET', `/v1/help-requests/${r.id}`, { token: r.accessToken })).body.state,
        ),
      );
      return states.every((state) => state === 'queued');
    });
    expect(await Promise.all(requests.map(placeOf))).toEqual(before);
    expect(await line()).toEqual(lineBefore);
    // Each socket is counted again and told its place, so nobody is abandoned for the loss.
    for (const r of requests) await r.socket.next('queue.update', () => true, 5000);
    console.log(`system of record: queue restored ${Math.round(restoredMs)} ms after FLUSHALL`);

    const agent = await createAgent(instance, config, { languages: ['fi'], skills: ['account_security'] });
    const socket = await agentOnline(instance, agent);
    const mostUrgent = requests.find((r) => r.id === lineBefore[0])!;
    const offer = await socket.next('offer', () => true, 5000);
    expect(offer.request.id).toBe(mostUrgent.id);
    socket.send({ type: 'offer.accept', offerId: offer.offerId });
    const ready = await socket.next('session.ready');
    socket.send({ type: 'session.end', sessionId: ready.sessionId, outcome: 'resolved', note: 'reset 2FA' });
    await socket.next('session.ended');
    const call = await stored
      .selectFrom('calls')
      .selectAll()
      .where('session_id', '=', ready.sessionId)
      .executeTakeFirst();
    expect(call).toMatchObject({
      case_id: mostUrgent.id,
      agent_id: agent.id,
      outcome: 'resolved',
      note: 'reset 2FA',
    });
    const events = await stored
      .selectFrom('case_events')
      .select('state')
      .where('case_id', '=', mostUrgent.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.state)).toEqual(['queued', 'assigned', 'ended']);
    await stored.destroy();
    socket.close();
    for (const r of requests) r.socket.close();
  }, 40_000);

  it('hands a user who asks again the case they already have, with a token for it', async () => {
    const sub = 'returning-user';
    const first = await createHelpRequest(
      instance,
      config,
      { language: 'fi', text: 'still waiting' },
      { sub },
    );
    const again = await api(instance, 'POST', '/v1/help-requests', {
      token: await platformToken(config, { sub }),
      body: { channel: 'call', media: 'audio', language: 'fi', text: 'hello again' },
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.id, resumed: true, state: 'waiting' });
    const view = await api(instance, 'GET', `/v1/help-requests/${first.id}`, {
      token: again.body.accessToken,
    });
    expect(view.body.text).toBe('still waiting');
  });

  it('lists a user their own cases, with a token to reopen the open one on another device', async () => {
    const sub = 'listing-user';
    const open = await createHelpRequest(instance, config, { language: 'fi', text: 'open one' }, { sub });
    await createHelpRequest(instance, config, { language: 'fi', text: 'someone else' });
    const mine = await api(instance, 'GET', '/v1/me/help-requests', {
      token: await platformToken(config, { sub }),
    });
    expect(mine.status).toBe(200);
    expect(mine.body.requests).toHaveLength(1);
    expect(mine.body.requests[0]).toMatchObject({ id: open.id, state: 'queued', channel: 'call' });
    const device = await WsClient.connect(instance.wsUrl, mine.body.requests[0].accessToken);
    expect((await device.next('queue.update')).requestId).toBe(open.id);
    device.close();
    expect((await api(instance, 'GET', '/v1/me/help-requests', { token: 'not-a-jwt' })).status).toBe(401);
  });

  it("erases a user's data everywhere: open request closed, Redis, database", async () => {
    const sub = 'erased-user';
    const request = await createHelpRequest(
      instance,
      config,
      { language: 'fi', text: 'please forget me' },
      { sub },
    );
    const socket = await WsClient.connect(instance.wsUrl, request.accessToken);
    await socket.next('queue.update');
    const unauthorised = await api(instance, 'DELETE', `/v1/admin/users/${sub}`);
    expect(unauthorised.status).toBe(401);
    const erased = await api(instance, 'DELETE', `/v1/admin/users/${sub}`, { token: config.secrets.admin });
    expect(erased).toMatchObject({ status: 200, body: { erasedCases: 1 } });
    expect((await socket.next('request.closed')).requestId).toBe(request.id);
    const stored = db();
    expect(await stored.selectFrom('cases').select('id').where('user_id', '=', sub).execute()).toEqual([]);
    expect(
      await stored
        .selectFrom('user_profiles')
        .select('platform_user_id')
        .where('platform_user_id', '=', sub)
        .execute(),
    ).toEqual([]);
    await stored.destroy();
    expect(
      (await api(instance, 'GET', `/v1/help-requests/${request.id}`, { token: request.accessToken })).status,
    ).toBe(404);
    expect(await instance.app.redis.exists(`${config.keyPrefix}user-requests:${sub}`)).toBe(0);
    socket.close();
  });

  it('purges conversation lines and voice files past their retention, and keeps the rest', async () => {
    const request = await createHelpRequest(instance, config, {
      channel: 'text',
      language: 'fi',
      text: 'keep me',
    });
    const stored = db();
    const line = (id: string, daysAgo: number) => ({
      id,
      case_id: request.id,
      role: 'user',
      author_id: null,
      internal: false,
      body: `line ${id}`,
      attachments: '[]',
      created_at: new Date(Date.now() - daysAgo * 86_400_000),
    });
    await stored
      .insertInto('messages')
      .values([line('old-line', 400), line('new-line', 1)])
      .execute();
    const voiceDir = join(config.voice.dir, 'voice');
    await mkdir(voiceDir, { recursive: true });
    await writeFile(join(voiceDir, 'old-voice'), 'x');
    await writeFile(join(voiceDir, 'new-voice'), 'x');
    const longAgo = new Date(Date.now() - 40 * 86_400_000);
    await utimes(join(voiceDir, 'old-voice'), longAgo, longAgo);

    const purged = await instance.app.lifeline.retention.run();
    expect(purged.messages).toBeGreaterThanOrEqual(1);
    expect(purged.voiceFiles).toBeGreaterThanOrEqual(1);
    const left = await stored.selectFrom('messages').select('id').where('case_id', '=', request.id).execute();
    expect(left.map((m) => m.id)).toEqual(['new-line']);
    await expect(stat(join(voiceDir, 'old-voice'))).rejects.toThrow();
    await expect(stat(join(voiceDir, 'new-voice'))).resolves.toBeTruthy();
    await rm(join(voiceDir, 'new-voice'), { force: true });
    await stored.destroy();
  });
});
