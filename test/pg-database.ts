/** A PostgreSQL database of a test's own on the local server: made empty before, dropped after. */
import pg from 'pg';

async function run(admin: string, statements: string[]): Promise<void> {
  const c = new pg.Client(admin);
  await c.connect();
  try {
    for (const s of statements) await c.query(s);
  } finally {
    await c.end();
  }
}

export const createTestDatabase = (admin: string, name: string) => run(admin, [`DROP DATABASE IF EXISTS ${name}`, `CREATE DATABASE ${name}`]);
export const dropTestDatabase = (admin: string, name: string) => run(admin, [`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
