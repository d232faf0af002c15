import { SharedArray } from 'k6/data';
import exec from 'k6/execution';

/** Agents and identities prepared in Node by `npm run load` (tokens are minted there, never in k6). */
export interface Fixture {
  baseUrl: string;
  agents: { id: string; token: string }[];
  /** A supervisor account, for the scenarios that act on the floor (crisis). */
  supervisor?: { id: string; token: string };
  /** Indexable like an array; shared by every VU rather than parsed by each (thousands of VUs). */
  identities: { readonly length: number; readonly [index: number]: string };
}

type Stored = Omit<Fixture, 'identities'> & { identities: string[] };

const read = () => JSON.parse(open(__ENV.LIFELINE_FIXTURE as string)) as Stored;

/**
 * The file is read and parsed once per test run, not once per VU: a surge starts thousands of
 * VUs, and the identities are most of the file.
 */
const identities = new SharedArray('identities', () => read().identities);
const rest = new SharedArray('fixture', () => {
  const { identities: _, ...others } = read();
  return [others];
}) as unknown as readonly Omit<Fixture, 'identities'>[];

export function loadFixture(): Fixture {
  return { ...rest[0]!, identities };
}

/** A distinct identity per user iteration: each viewer may hold one open request. */
export function identityFor(fixture: Fixture): string {
  const index = exec.scenario.iterationInTest;
  if (index >= fixture.identities.length) throw new Error('more user iterations than prepared identities');
  return fixture.identities[index]!;
}
