/** Who a REST call or socket speaks for, established before any handler runs. */
export type Principal =
  { kind: 'agent'; agentId: string } | { kind: 'user'; requestId: string; userId: string };
