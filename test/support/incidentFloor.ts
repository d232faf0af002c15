import { api, createHelpRequest, createSupervisor, WsClient, type TestAgent } from './clients.js';
import { DeskHarness, type Desk } from './desk.js';

/**
 * What the incident suites share: two API instances (a desk), a supervisor acting on the first,
 * reports made on the first and users listening on the second. Sockets close with it.
 */
export class IncidentFloor {
  private readonly desk: DeskHarness;
  private readonly sockets: WsClient[] = [];
  private started: (Desk & { supervisor: TestAgent }) | undefined;

  constructor(overrides: Record<string, string>) {
    this.desk = new DeskHarness(overrides);
  }

  /** For beforeAll. */
  async start(): Promise<Desk> {
    const desk = await this.desk.start();
    this.started = { ...desk, supervisor: await createSupervisor(desk.first, desk.cluster.config) };
    return desk;
  }

  private get floor() {
    if (!this.started) throw new Error('the incident floor has not been started');
    return this.started;
  }

  report = (sub: string, body: Record<string, unknown>) =>
    createHelpRequest(this.floor.first, this.floor.cluster.config, body, { sub });

  asSupervisor = (method: string, path: string, body?: unknown) =>
    api(this.floor.first, method, path, { token: this.floor.supervisor.token, body });

  /** A user's socket on the second instance, past its hello. */
  connect = async (accessToken: string) => {
    const socket = await WsClient.connect(this.floor.second.wsUrl, accessToken);
    this.sockets.push(socket);
    await socket.next('hello');
    return socket;
  };

  close = async () => {
    for (const socket of this.sockets) socket.close();
    await this.desk.close();
  };
}
