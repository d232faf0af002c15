import type { Kysely } from 'kysely';
import { CATEGORIES, GENERAL_CATEGORY } from '../../core/protocol/vocabulary.js';
import { connectDatabase } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';
import { agentOnline, api, createAgent, createHelpRequest, WsClient, type TestAgent } from './clients.js';
import { startCluster, type Cluster, type Instance } from './cluster.js';

const SKILLS = CATEGORIES.filter((c) => c !== GENERAL_CATEGORY);

/** What a desk suite works with once it has started. */
export interface Desk {
  cluster: Cluster;
  db: Kysely<Database>;
  first: Instance;
  second: Instance;
}

/**
 * What the suites about work left after a session share (follow-ups, escalations, incidents):
 * two API instances, the system of record, and agents serving text requests and wrapping them up.
 * Sockets it opens close with it.
 */
export class DeskHarness {
  private desk: Desk | undefined;
  private readonly sockets: WsClient[] = [];

  constructor(private readonly overrides: Record<string, string>) {}

  /** For beforeAll. */
  async start(): Promise<Desk> {
    const cluster = await startCluster(2, this.overrides);
    const [first, second] = cluster.instances as [Instance, Instance];
    this.desk = { cluster, db: connectDatabase(cluster.config.database), first, second };
    return this.desk;
  }

  private get started(): Desk {
    if (!this.desk) throw new Error('the desk harness has not been started');
    return this.desk;
  }

  /** An agent skilled in every category, speaking this language, online on this instance. */
  onlineAgent = async (instance: Instance, language: string, name = 'Agent') => {
    const agent = await createAgent(instance, this.started.cluster.config, {
      languages: [language],
      skills: SKILLS,
      name,
    });
    const socket = await agentOnline(instance, agent);
    this.sockets.push(socket);
    return { agent, socket };
  };

  setStatus = async (socket: WsClient, status: 'available' | 'away') => {
    const ref = `status-${Math.random()}`;
    socket.send({ type: 'agent.status', status, ref });
    await socket.next('agent.status', (f) => f.ref === ref);
  };

  /** A text request in this language, offered to and accepted by the agent on this socket. */
  serve = async (
    socket: WsClient,
    language: string,
    sub = `user-${Math.random()}`,
    channel: 'text' | 'call' = 'text',
  ) => {
    const { cluster, first } = this.started;
    const request = await createHelpRequest(
      first,
      cluster.config,
      { channel, language, text: 'my payout never arrived, please check' },
      { sub },
    );
    const offer = await socket.next('offer', (f) => f.request.id === request.id);
    socket.send({ type: 'offer.accept', offerId: offer.offerId });
    const ready = await socket.next('session.ready', (f) => f.requestId === request.id);
    return { request, sessionId: ready.sessionId, sub };
  };

  endSession = async (socket: WsClient, sessionId: string, outcome?: string) => {
    const ref = `end-${sessionId}`;
    socket.send({ type: 'session.end', sessionId, ref, ...(outcome ? { outcome } : {}) });
    await socket.next('ack', (f) => f.ref === ref);
  };

  wrapUp = (agent: TestAgent, sessionId: string, body: Record<string, unknown>) =>
    api(this.started.first, 'POST', `/v1/sessions/${sessionId}/wrap-up`, { token: agent.token, body });

  taskOf = (caseId: string) =>
    this.started.db.selectFrom('tasks').selectAll().where('case_id', '=', caseId).executeTakeFirstOrThrow();

  /** For afterAll: closes the sockets it opened, the database and the instances. */
  async close(): Promise<void> {
    for (const socket of this.sockets.splice(0)) socket.close();
    await this.desk?.db.destroy();
    await this.desk?.cluster.close();
  }
}
