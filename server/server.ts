import { buildApp } from './app.js';
import { EXIT_CONFIG_ERROR, loadConfigAtStart } from './config/load.js';
import { PolicyFileError } from './policies/RoutingPolicies.js';

/** Entry point: read configuration, listen, and close gracefully on SIGTERM or SIGINT. */
async function main(): Promise<void> {
  const config = loadConfigAtStart();
  if (!config) process.exit(EXIT_CONFIG_ERROR);
  const app = await buildApp({ config });
  if (config.generatedSecrets.length > 0)
    app.log.warn(
      { generated: config.generatedSecrets },
      'development: generated missing secrets for this process only',
    );

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: draining sockets and work in flight');
    const force = setTimeout(() => {
      app.log.error('shutdown grace period passed; exiting');
      process.exit(1);
    }, config.shutdownGraceMs);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));

  await app.listen({ host: config.host, port: config.port });
}

main().catch((error: unknown) => {
  if (error instanceof PolicyFileError) {
    console.error(error.message);
    process.exit(EXIT_CONFIG_ERROR);
  }
  console.error(error);
  process.exit(1);
});
