import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { LifelineError } from '../../core/errors/LifelineError.js';
import { initialPlacement, type Placement } from '../../core/routing/policy/placement.js';
import type { PolicyProblem } from '../../core/routing/policy/problems.js';
import { validatePolicy, type ValidPolicy } from '../../core/routing/policy/validate.js';
import type { EventBus } from '../../platform/bus/EventBus.js';
import type { PolicyRepository, PolicyVersion } from '../../platform/db/PolicyRepository.js';
import type { NewRequest } from '../../platform/stores/records.js';

/** A policy file that cannot be read or is not valid; the message lists every problem. */
export class PolicyFileError extends Error {
  constructor(
    readonly path: string,
    readonly problems: PolicyProblem[],
  ) {
    super(
      `routing policy ${path} has ${problems.length} problem(s); nothing was applied:\n` +
        problems.map((p) => `  ${p.path || '/'} ${p.code}: ${p.message}`).join('\n'),
    );
    this.name = 'PolicyFileError';
  }
}

/** A file change is read once it has settled: editors write in several steps. */
const FILE_SETTLE_MS = 200;

export interface RoutingPoliciesDeps {
  repository: PolicyRepository;
  bus: EventBus;
  log: FastifyBaseLogger;
  /** Read at start (and on change): put in force over whatever an admin put before. */
  file: string | undefined;
  /** How often an instance checks for a version it was not told of (a missed bus message). */
  pollMs: number;
  /** Run by the instance that put a new version in force, once it is in force there. */
  onNewVersion: () => Promise<unknown>;
}

/**
 * The routing policy in force, the same on every instance: PostgreSQL holds each version put in
 * force (the latest rules, the rest are the audit), and the instance that puts one announces it on
 * the bus; the others read it then, or at their next poll if they missed the message. Each swap
 * replaces the whole validated policy at once, so routing never sees half of one.
 */
export class RoutingPolicies {
  private policy: ValidPolicy | null = null;
  private version: number | null = null;
  private watcher: FSWatcher | null = null;
  private poll: NodeJS.Timeout | null = null;
  private settle: NodeJS.Timeout | null = null;

  constructor(private readonly deps: RoutingPoliciesDeps) {}

  current(): ValidPolicy | null {
    return this.policy;
  }

  /** Where a request joining the line is placed under the policy in force. */
  placeNew = (request: NewRequest): Placement => initialPlacement(this.policy, request, request.createdAt);

  /** Puts the file in force (refusing with every problem), then reads the latest version. */
  async start(): Promise<void> {
    const { file } = this.deps;
    if (file) await this.putFile(file);
    await this.reload();
    if (file) this.watchFile(file);
    this.poll = setInterval(() => void this.reload().catch(() => {}), this.deps.pollMs);
    this.poll.unref();
  }

  /** An admin's PUT: every problem or a new version in force everywhere. */
  async put(document: unknown, actor: string): Promise<{ version: number | null }> {
    const checked = validatePolicy(document);
    if (!checked.ok)
      throw new LifelineError('LIFELINE_POLICY_INVALID', undefined, {
        details: { problems: checked.problems },
      });
    return this.putValid(checked.policy, 'api', actor);
  }

  /** The version in force, or null when none was ever put. */
  async inForce(): Promise<PolicyVersion | null> {
    return this.deps.repository.latest();
  }

  history(limit: number): Promise<PolicyVersion[]> {
    return this.deps.repository.history(limit);
  }

  /** Reads the latest version if it is not the one in force here. */
  async reload(): Promise<void> {
    const latest = await this.deps.repository.latestVersion();
    if (latest === null || latest === this.version) return;
    const row = await this.deps.repository.latest();
    if (!row) return;
    const checked = validatePolicy(row.document);
    if (!checked.ok) {
      // Only a validated document is ever stored; one that no longer validates (an older build's
      // vocabulary) keeps the policy this instance had rather than routing by half of it.
      this.deps.log.error(
        { version: row.version, problems: checked.problems },
        'stored routing policy invalid',
      );
      return;
    }
    this.policy = checked.policy;
    this.version = row.version;
    this.deps.log.info({ version: row.version, source: row.source }, 'routing policy in force');
  }

  close(): void {
    this.watcher?.close();
    if (this.poll) clearInterval(this.poll);
    if (this.settle) clearTimeout(this.settle);
    this.watcher = this.poll = this.settle = null;
  }

  private async putFile(path: string): Promise<{ version: number | null }> {
    let document: unknown;
    try {
      document = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new PolicyFileError(path, [{ path: '', code: 'schema', message }]);
    }
    const checked = validatePolicy(document);
    if (!checked.ok) throw new PolicyFileError(path, checked.problems);
    return this.putValid(checked.policy, 'file', path);
  }

  private async putValid(policy: ValidPolicy, source: 'file' | 'api', actor: string) {
    const version = await this.deps.repository.put(policy.document, source, actor);
    if (version !== null) {
      await this.reload();
      await this.deps.bus.publish({ t: 'policy-changed', version });
      await this.deps.onNewVersion();
    }
    return { version };
  }

  /** A changed file is put in force if valid; if not, the policy in force stays and the problems are logged. */
  private watchFile(path: string): void {
    // The directory, not the file: an editor that saves by renaming a new file over it would
    // leave a watch on the file looking at the old one.
    this.watcher = watch(dirname(path), (_event, name) => {
      if (name !== basename(path)) return;
      if (this.settle) clearTimeout(this.settle);
      this.settle = setTimeout(() => {
        this.putFile(path).catch((error: unknown) => {
          if (error instanceof PolicyFileError)
            this.deps.log.error(
              { problems: error.problems },
              'routing policy file refused; the policy in force stays',
            );
          else this.deps.log.warn({ err: error }, 'routing policy file not applied; the next change retries');
        });
      }, FILE_SETTLE_MS);
    });
    this.watcher.on('error', (error) =>
      this.deps.log.warn({ err: error }, 'stopped watching the routing policy file'),
    );
  }
}
