/**
 * Statements prepared once per database and reused: preparing one anew was a third of the cost of
 * storing a document with no report. Callers use it only once their tables exist (after migrations).
 */
import type Database from 'better-sqlite3';

export function preparedOnce(db: Database.Database): (text: string) => Database.Statement {
  const statements = new Map<string, Database.Statement>();
  return (text) => {
    let st = statements.get(text);
    if (!st) {
      st = db.prepare(text);
      statements.set(text, st);
    }
    return st;
  };
}
