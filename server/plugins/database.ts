import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import { connectDatabase, migrateToLatest, type DatabaseTarget } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** PostgreSQL, the system of record, through Kysely. */
    db: Kysely<Database>;
  }
}

/** Connects to PostgreSQL and brings its schema up to date before anything is served. */
export default fp<{ target: DatabaseTarget }>(
  async (app, { target }) => {
    const db = connectDatabase(target);
    try {
      const applied = await migrateToLatest(db, target.databaseSchema);
      if (applied.length > 0) app.log.info({ applied }, 'database migrated');
    } catch (error) {
      await db.destroy();
      throw error;
    }
    app.decorate('db', db);
    app.addHook('onClose', async () => {
      await db.destroy();
    });
  },
  { name: 'lifeline-database' },
);
