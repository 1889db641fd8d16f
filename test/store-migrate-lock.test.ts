/**
 * Opening a SQLite file that other processes open too (parallel CLI runs, replicas started
 * together): processes opening one new file each wait their turn to migrate it, even past the busy
 * timeout, and an up-to-date file needs no write lock, so none waits for one.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, runMigrations } from '../src/store';

const G1 = '200000000000000001';
const record = (text: string) => ({ text, setById: 'u', setByName: 'n', setAt: new Date(Date.UTC(2026, 11, 6, 12)) });

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function newSqlitePath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tierbot-migrate-lock-'));
  dirs.push(dir);
  return join(dir, 'db.sqlite');
}

describe('processes opening one new SQLite file together', () => {
  it('both open it: the second waits for the first to migrate, and finds nothing left to do', { timeout: 30_000 }, async () => {
    const path = newSqlitePath();
    const [first, second] = await Promise.all([openStore(path, { ttlMs: 0 }), openStore(path, { ttlMs: 0 })]);
    try {
      await first.setHouse(G1, record('a 1k+'));
      expect((await second.house(G1))?.text).toBe('a 1k+');
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('a start waits while another process holds the write lock longer than the busy timeout, then migrates', { timeout: 30_000 }, async () => {
    const path = newSqlitePath();
    // Another Tierbot process, as it migrates the file: in WAL mode, holding the write lock.
    const other = new Database(path);
    other.pragma('journal_mode = WAL');
    other.exec('BEGIN IMMEDIATE');
    const released = new Promise<void>((resolve) =>
      setTimeout(() => {
        other.exec('ROLLBACK');
        resolve();
      }, 2_500),
    );
    try {
      const store = await openStore(path, { ttlMs: 0 });
      await released;
      await store.setHouse(G1, record('a 1k+'));
      expect((await store.house(G1))?.text).toBe('a 1k+');
      await store.close();
    } finally {
      await released;
      other.close();
    }
  });
});

describe('opening an up-to-date SQLite file', () => {
  it('does not wait for the write lock when no migration is pending', async () => {
    const path = newSqlitePath();
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
