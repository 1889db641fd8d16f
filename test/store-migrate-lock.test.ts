import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, runMigrations } from '../src/store';

// Many processes opening one SQLite file at once (parallel CLI runs, replicas started together)
// used to queue for its write lock to migrate, and those waiting past the busy timeout failed
// with "database is locked" although there was nothing left to migrate.
describe('opening an up-to-date SQLite file', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('does not wait for the write lock when no migration is pending', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tierbot-migrate-lock-'));
    dirs.push(dir);
    const path = join(dir, 'db.sqlite');
    await runMigrations(path);

    // Another process is in the middle of a long write.
    const writer = new Database(path);
    writer.exec('BEGIN IMMEDIATE');
    try {
      const startedAt = Date.now();
      const store = await openStore(path, { ttlMs: 0 });
      expect(Date.now() - startedAt).toBeLessThan(2_000);
      expect(await store.house('42')).toBeUndefined();
      await store.close();
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
  });
});
