import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OfferedRequest } from '../../core/protocol/frames.js';
import {
  agentOnline,
  api,
  createAgent,
  createHelpRequest,
  createSupervisor,
  type WsClient,
} from '../support/clients.js';
import { deletePrefix, startCluster, type Cluster, type Instance } from '../support/cluster.js';
import { within } from '../support/apiProcess.js';
import { FALLBACK_NOTE, ladderPolicy } from '../support/policies.js';

/**
 * Each step of a routing policy's escalation ladder (test/support/policies.ts), applied in Redis
 * by the sweep on two instances, seen by the agent who is offered the request. Each case speaks
 * its own language, so agents of one case are of no use to another.
 */
let cluster: Cluster;
let first: Instance;
let second: Instance;
let supervisorToken: string;
const sockets: WsClient[] = [];

beforeAll(async () => {
  cluster = await startCluster(2, { ROUTING_POLICY_RECHECK_MS: '500', OFFER_TIMEOUT_MS: '30000' });
  [first, second] = cluster.instances as [Instance, Instance];
  const supervisor = await createSupervisor(first, cluster.config);
  supervisorToken = supervisor.token;
  const put = await api(first, 'PUT', '/v1/admin/routing-policy', {
    token: supervisorToken,
    body: ladderPolicy(),
  });
  expect(put.status).toBe(200);
  await within(3000, async () => second.app.lifeline.policies.current() !== null);
}, 60_000);
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await cluster.close();
});

async function online(instance: Instance, languages: string[], skills: string[]) {
  const socket = await agentOnline(
    instance,
    await createAgent(instance, cluster.config, { languages, skills }),
  );
  sockets.push(socket);
  return socket;
}

/** A hijacked-account text case, from a creator unless told otherwise. */
const hijacked = (language: string, tier = 'creator') =>
  createHelpRequest(
    second,
    cluster.config,
    { channel: 'text', language, category: 'account_security', text: 'someone took over my account' },
    { tier },
  );

async function offerFor(socket: WsClient, requestId: string, timeoutMs = 8000) {
  const started = Date.now();
  const offer = await socket.next('offer', (f) => f.request.id === requestId, timeoutMs);
  return { request: offer.request, afterMs: Date.now() - started, offerId: offer.offerId };
}

const codes = (request: OfferedRequest) => (request.routingReasons ?? []).map((reason) => reason.code);

describe('routing policy escalation', () => {
  it('sends a creator’s hijacked account to the dedicated queue, a regular user’s to the standard one', async () => {
    const specialist = await online(first, ['nl'], ['account_security']);
    const creator = await hijacked('nl');
    const offer = await offerFor(specialist, creator.id, 3000);
    expect(offer.request).toMatchObject({ queue: 'vip-security', tier: 'creator' });
    expect(offer.request.routingReasons).toBeUndefined();
    specialist.send({ type: 'offer.accept', offerId: offer.offerId });
    await specialist.next('session.ready');

    const other = await online(first, ['nl'], ['account_security']);
    const regular = await hijacked('nl', 'regular');
    expect((await offerFor(other, regular.id, 3000)).request.queue).toBe('standard');
  });

  it('widens to a neighbouring skill once no specialist is online', async () => {
    const payments = await online(first, ['fr'], ['payment']);
    const request = await hijacked('fr');
    const offer = await offerFor(payments, request.id);
    expect(offer.afterMs).toBeGreaterThanOrEqual(700);
    expect(codes(offer.request)).toEqual(['widened:neighbour_skill']);
    expect(offer.request.routingReasons![0]!.params).toMatchObject({
      required: ['account_security'],
      added: ['payment'],
    });
  });

  it('widens to any skill after that', async () => {
    const technical = await online(second, ['de'], ['technical']);
    const request = await hijacked('de');
    const offer = await offerFor(technical, request.id);
    expect(offer.afterMs).toBeGreaterThanOrEqual(1700);
    expect(codes(offer.request)).toEqual(['widened:neighbour_skill', 'widened:any_skill']);
  });

  it('waits for a specialist who is online but busy instead of widening', async () => {
    const specialist = await online(first, ['it'], ['account_security']);
    await online(first, ['it'], ['technical', 'payment']);
    const keepsBusy = await hijacked('it', 'regular');
    const busy = await offerFor(specialist, keepsBusy.id, 3000);
    specialist.send({ type: 'offer.accept', offerId: busy.offerId });
    const ready = await specialist.next('session.ready');

    const request = await hijacked('it');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const hash = await cluster.redis.hgetall(`${cluster.config.keyPrefix}req:${request.id}`);
    expect(hash.state).toBe('queued');
    expect(hash.routingReasons).toBeUndefined();

    specialist.send({ type: 'session.end', sessionId: ready.sessionId });
    const offer = await offerFor(specialist, request.id, 3000);
    expect(offer.request.routingReasons).toBeUndefined();
  });

  it('falls back to English with the operator’s note, then raises the priority and alerts a supervisor', async () => {
    const request = await hijacked('pt');
    const key = `${cluster.config.keyPrefix}req:${request.id}`;
    const rankAtStart = Number(await cluster.redis.hget(key, 'rank'));
    await within(8000, async () => (await cluster.redis.hget(key, 'priorityBoost')) === '20');
    expect(Number(await cluster.redis.hget(key, 'rank')) - rankAtStart).toBeCloseTo(20, 6);
    expect(JSON.parse((await cluster.redis.hget(key, 'routes'))!)).toEqual(['pt:general', 'en:general']);

    const overview = await api(first, 'GET', '/v1/supervisor/overview', { token: supervisorToken });
    expect(overview.body.routingAlerts).toEqual([
      expect.objectContaining({ requestId: request.id, queue: 'vip-security', language: 'pt' }),
    ]);

    const english = await online(second, ['en'], ['technical']);
    const offer = await offerFor(english, request.id, 3000);
    expect(codes(offer.request)).toEqual([
      'widened:neighbour_skill',
      'widened:any_skill',
      'fallback:language',
      'escalated:priority',
      'escalated:supervisor',
    ]);
    expect(offer.request.routingReasons![2]!.params).toMatchObject({
      requested: 'pt',
      language: 'en',
      note: FALLBACK_NOTE,
    });
  });

  it('counts each reason and alert once, across both instances', async () => {
    const scrape = async (instance: Instance) => (await fetch(`${instance.url}/metrics`)).text();
    const total = async (pattern: RegExp) => {
      let sum = 0;
      for (const instance of [first, second])
        for (const match of (await scrape(instance)).matchAll(pattern)) sum += Number(match[1]);
      return sum;
    };
    expect(await total(/lifeline_supervisor_alerts_total\{queue="vip-security"\} (\d+)/g)).toBe(1);
    expect(
      await total(/lifeline_routing_reasons_total\{code="fallback:language",queue="vip-security"\} (\d+)/g),
    ).toBe(1);
    // fr, de and pt widened to a neighbour; de and pt to any skill.
    expect(
      await total(
        /lifeline_routing_reasons_total\{code="widened:neighbour_skill",queue="vip-security"\} (\d+)/g,
      ),
    ).toBe(3);
    expect(
      await total(/lifeline_routing_reasons_total\{code="widened:any_skill",queue="vip-security"\} (\d+)/g),
    ).toBe(2);
  });

  // Last: it wipes Redis, presence included.
  it('decides a request again at once when Redis lost it and the queue was rebuilt', async () => {
    const request = await hijacked('sv');
    const key = `${cluster.config.keyPrefix}req:${request.id}`;
    await within(5000, async () => (await cluster.redis.hget(key, 'routingReasons')) !== null);
    await deletePrefix(cluster.redis, cluster.config.keyPrefix);
    await within(10_000, async () => (await cluster.redis.hget(key, 'state')) === 'queued');
    // Restored with the queue's own eligibility; its steps are long due, so the next sweep applies them.
    await within(3000, async () => {
      const reasons = JSON.parse((await cluster.redis.hget(key, 'routingReasons')) ?? '[]') as {
        code: string;
      }[];
      return reasons.some((reason) => reason.code === 'widened:neighbour_skill');
    });
    expect(await cluster.redis.hget(key, 'policyQueue')).toBe('vip-security');
  });
});
