/**
 * Past one machine: three `npm run start:http` replicas behind a real nginx, sharing one Postgres,
 * all on 127.0.0.1. The stand-in delivers signed interactions to nginx, as Discord would to the
 * Interactions Endpoint URL. nginx runs in the foreground as an ordinary process, with the config
 * the project ships (deploy/nginx.test.conf + deploy/tierbot-proxy.conf, the same proxy settings
 * as deploy/nginx.compose.conf), rendered into a temporary folder with this run's ports.
 *
 * It shows:
 * 1. a burst of 2,000 mixed interactions (/tier, /tiers, /glossary, /help, /compare, `/house set`
 *    by a manager, and /tier reads in that server): every one answered once, and a house
 *    definition written through one replica seen through the others within the store's cache TTL;
 * 2. one replica SIGKILLed mid-burst: the interactions lost are counted, and each was in flight on
 *    that replica when it died (nginx never resends a POST that reached a replica); nothing is
 *    answered twice;
 * 3. that replica restarted during the burst rejoins and answers, without errors;
 * 4. SIGTERM drains a replica: /readyz fails from then on, new connections are refused while a
 *    request already in flight is finished, and nothing in flight through nginx is lost.
 *
 * nginx's access log (a test-only format with the request body) says which replica got each
 * interaction and how many attempts it took.
 *
 * Without nginx or Postgres the file is skipped, and named at the end of `npm test`'s output; with
 * CI=true that is a failure.
 */

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Client } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prng } from '../../bench/stats';
import { deployCommands } from '../../src/cli/deploy-commands';
import { COMMANDS } from '../../src/commands';
import { DEFAULT_CACHE_TTL_MS, runMigrations } from '../../src/store';
import { isAnswered, startStandIn, type InteractionRecord, type StandIn } from '../../tools/standin/server';
import { answerOf, embedText } from './harness';
import { notRunHere } from '../support/not-run';
import { freePort } from '../support/ports';
import { IN_CI, POSTGRES_URL } from '../support/postgres';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function findNginx(): string | undefined {
  if (process.env.NGINX_BIN) return existsSync(process.env.NGINX_BIN) ? process.env.NGINX_BIN : undefined;
  for (const candidate of ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx']) if (existsSync(candidate)) return candidate;
  const found = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() ? found.stdout.trim() : undefined;
}

const NGINX = findNginx();
const MISSING = [
  ...(NGINX ? [] : ['nginx is not installed (apt-get install -y nginx, or NGINX_BIN=/path/to/nginx)']),
  ...(POSTGRES_URL ? [] : ['TEST_POSTGRES_URL is not set']),
];

// ── Sizes (bounded: the whole file stays under two minutes on two cores) ───────────────────────

const BURST = Math.min(5000, Math.max(100, Number(process.env.LB_BURST ?? 2000)));
/** Interactions in flight at once (HTTP requests not yet answered by nginx). */
const CONCURRENCY = Math.min(64, Math.max(1, Number(process.env.LB_CONCURRENCY ?? 24)));
/** Replica 1 is SIGKILLed when this interaction is sent, and started again at RESTART_AT. */
const KILL_AT = Math.round(BURST * 0.3);
const RESTART_AT = Math.round(BURST * 0.45);
/** From here on the burst waits for the restarted replica to be ready, so that it gets a share. */
const REJOIN_AT = Math.round(BURST * 0.6);
const DRAIN_BURST = 400;
const DRAIN_AT = 150;
/** The stand-in's wait for an endpoint: longer than Discord's 3 s, so a busy CI machine is not a lost request. */
const ENDPOINT_TIMEOUT_MS = 10_000;
const ANSWER_TIMEOUT_MS = 15_000;
/** A house definition is seen everywhere within the cache TTL; this much more for the read itself. */
const VISIBILITY_SLACK_MS = 1_000;

const MAIN_GUILD = '200000000000000001';
const HOUSE_GUILD = '200000000000000002';
const MANAGE_GUILD = String(1n << 5n);

// ── Processes ──────────────────────────────────────────────────────────────────────────────────

interface Replica {
  name: string;
  port: number;
  child: ChildProcess;
  /** Everything it wrote (pino JSON on standard error, LOG_LEVEL=warn). */
  lines: string[];
  startedAt: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children = new Set<ChildProcess>();

function track(child: ChildProcess, lines: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  children.add(child);
  for (const stream of [child.stdout, child.stderr]) if (stream) createInterface({ input: stream }).on('line', (line) => lines.length < 5000 && lines.push(line));
  return new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    }),
  );
}

function startReplica(name: string, port: number, env: Record<string, string>): Replica {
  const base = { ...process.env };
  for (const key of Object.keys(base)) if (key.startsWith('DISCORD_') || key === 'NODE_OPTIONS' || key === 'METRICS_PORT') delete base[key];
  // What `npm run start:http` execs, without npm in between: the test signals the replica's own pid.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/http/main.ts'], {
    cwd: ROOT,
    env: { ...base, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  return { name, port, child, lines, startedAt: Date.now(), exited: track(child, lines) };
}

async function waitReady(replica: Replica, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (replica.child.exitCode !== null || replica.child.signalCode !== null) throw new Error(`${replica.name} exited before it was ready:\n${replica.lines.slice(-10).join('\n')}`);
    try {
      const res = await fetch(`http://127.0.0.1:${replica.port}/readyz`, { signal: AbortSignal.timeout(1000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${replica.name} was not ready within ${timeoutMs} ms:\n${replica.lines.slice(-10).join('\n')}`);
}

/**
 * Error-level (50) and fatal (60) pino lines, and anything else that is not pino's JSON (a crash
 * trace). The chart renderer's own lines are counted apart (chartLines): it runs at the lowest CPU
 * priority and, on a machine busy enough, is restarted after 30 s without an answer; the replica
 * then answers in text, which is the design, not a fault of the load balancing under test.
 */
const isChartLine = (line: string) => /"msg":"chart renderer /.test(line);
const errorLines = (lines: readonly string[]) => lines.filter((l) => (/"level":(50|60)\b/.test(l) || !l.startsWith('{')) && !isChartLine(l));
const chartLines = (lines: readonly string[]) => lines.filter(isChartLine);

// ── nginx ──────────────────────────────────────────────────────────────────────────────────────

function renderNginx(dir: string, listen: number, ports: readonly number[]): string {
  const template = readFileSync(join(ROOT, 'deploy/nginx.test.conf'), 'utf8');
  const values: Record<string, string> = {
    DIR: dir,
    LISTEN: String(listen),
    PROXY_CONF: join(ROOT, 'deploy/tierbot-proxy.conf'),
    PORT_1: String(ports[0]),
    PORT_2: String(ports[1]),
    PORT_3: String(ports[2]),
  };
  const text = template.replace(/@@([A-Z_0-9]+)@@/g, (_, key: string) => {
    if (!(key in values)) throw new Error(`deploy/nginx.test.conf: no value for @@${key}@@`);
    return values[key]!;
  });
  const path = join(dir, 'nginx.conf');
  writeFileSync(path, text);
  return path;
}

/** One access-log line of deploy/nginx.test.conf's `lb` format, one entry per attempt. */
interface Attempt {
  port: number | null;
  status: number | null;
  bytesSent: number;
}
interface LogEntry {
  id: string;
  type: number;
  status: number;
  /** Wall-clock ms: when nginx got the request and when it answered. */
  start: number;
  end: number;
  attempts: Attempt[];
}

function readAccessLog(path: string): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const raw = JSON.parse(line) as Record<string, string | number>;
    if (raw.uri !== '/interactions') continue;
    let body: { id?: string; type?: number };
    try {
      body = JSON.parse(String(raw.body)) as typeof body;
    } catch {
      continue;
    }
    const split = (v: unknown) => (String(v ?? '').trim() === '' ? [] : String(v).split(/\s*[,:]\s+/));
    const addrs = split(raw.upstream_addr);
    const statuses = split(raw.upstream_status);
    const sent = split(raw.upstream_bytes_sent);
    const end = Number(raw.msec) * 1000;
    entries.push({
      id: String(body.id),
      type: Number(body.type),
      status: Number(raw.status),
      start: end - Number(raw.request_time) * 1000,
      end,
      attempts: addrs.map((addr, k) => ({
        port: /:(\d+)$/.test(addr) ? Number(/:(\d+)$/.exec(addr)![1]) : null,
        status: statuses[k] === undefined || statuses[k] === '-' ? null : Number(statuses[k]),
        bytesSent: Number(sent[k] ?? 0) || 0,
      })),
    });
  }
  return entries;
}

// ── The mix ────────────────────────────────────────────────────────────────────────────────────

type Kind = 'tier' | 'tiers' | 'glossary' | 'help' | 'compare' | 'house-write' | 'house-read';
interface Plan {
  kind: Kind;
  command: string;
  options: Record<string, string>;
  guildId: string;
  userId: string;
  manager?: boolean;
  /** house-write: the version it writes (the middle tier is named v<version>). */
  version?: number;
}

const houseDefinition = (version: number) => `nano 1k-10k, v${version} 10k-75k, macro 75k+`;
/** The version a /tier 30000 answer in HOUSE_GUILD shows, 0 for none. */
const versionSeen = (text: string) => Number(/house definition:\s*\**v(\d+)\b/i.exec(text)?.[1] ?? 0);

function planMix(n: number, seed: number, withHouse: boolean): Plan[] {
  const next = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const users = Array.from({ length: 200 }, (_, i) => (300000000000000100n + BigInt(i) * 7919n).toString());
  const weights: [Kind, number][] = [
    ['tier', 30],
    ['tiers', 12],
    ['glossary', 14],
    ['help', 8],
    ['compare', 10],
    ...(withHouse ? ([['house-write', 4], ['house-read', 22]] as [Kind, number][]) : []),
  ];
  const total = weights.reduce((s, [, w]) => s + w, 0);
  let version = 0;
  return Array.from({ length: n }, (): Plan => {
    let roll = next() * total;
    const kind = weights.find(([, w]) => (roll -= w) < 0)?.[0] ?? 'tier';
    const userId = pick(users);
    switch (kind) {
      case 'tier':
        return { kind, command: 'tier', options: { followers: pick(['30000', '2.5k', '1.2M', '850,000', '12 million', '999', 'lots']) }, guildId: MAIN_GUILD, userId };
      case 'tiers':
        return { kind, command: 'tiers', options: {}, guildId: MAIN_GUILD, userId };
      case 'glossary':
        return { kind, command: 'glossary', options: next() < 0.5 ? {} : { term: pick(['CPM', 'engagement rate', 'reach', 'micro-influencer']) }, guildId: MAIN_GUILD, userId };
      case 'help':
        return { kind, command: 'help', options: {}, guildId: MAIN_GUILD, userId };
      case 'compare':
        return { kind, command: 'compare', options: next() < 0.5 ? {} : { budget: pick(['5000', '20000']) }, guildId: MAIN_GUILD, userId };
      case 'house-write':
        version += 1;
        return { kind, command: 'house set', options: { tiers: houseDefinition(version) }, guildId: HOUSE_GUILD, userId: users[0]!, manager: true, version };
      case 'house-read':
        return { kind, command: 'tier', options: { followers: '30000' }, guildId: HOUSE_GUILD, userId };
    }
  });
}

interface Sent {
  i: number;
  plan: Plan;
  record: InteractionRecord;
  /** Wall-clock ms. */
  sentAt: number;
  deliveredAt?: number;
  answeredAt?: number;
}

/**
 * Sends `plans` through the stand-in with at most CONCURRENCY endpoint requests in flight;
 * `at(i)` runs once, just before interaction i is sent. A house write waits for the one before it
 * to be answered, so versions are written in order. Resolves when every answer has come or its
 * wait has ended.
 */
async function drive(standIn: StandIn, plans: readonly Plan[], at: (i: number) => void | Promise<void> = () => {}): Promise<Sent[]> {
  const sent: Sent[] = [];
  const answers: Promise<unknown>[] = [];
  let next = 0;
  let lastWrite: Promise<unknown> = Promise.resolve();
  const worker = async () => {
    while (next < plans.length) {
      const i = next++;
      await at(i);
      const plan = plans[i]!;
      if (plan.kind === 'house-write') await lastWrite;
      const s: Sent = {
        i,
        plan,
        sentAt: Date.now(),
        record: standIn.sendCommand(plan.command, plan.options, { guildId: plan.guildId, userId: plan.userId, ...(plan.manager ? { permissions: MANAGE_GUILD } : {}) }),
      };
      sent[i] = s;
      await standIn.waitForDelivery(s.record, ENDPOINT_TIMEOUT_MS + 5000).catch(() => undefined);
      s.deliveredAt = Date.now();
      const answered = standIn.waitForAnswer(s.record, ANSWER_TIMEOUT_MS).then(
        () => void (s.answeredAt = Date.now()),
        () => undefined,
      );
      if (plan.kind === 'house-write') lastWrite = answered;
      answers.push(answered);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await Promise.all(answers);
  return sent;
}

/** Lost: the endpoint gave no answer (a 502 from nginx, a timeout), or a deferred reply never came. */
const isLost = (s: Sent) => s.record.endpointError !== undefined || !isAnswered(s.record);
const answerText = (s: Sent) => embedText(answerOf(s.record).body) + '\n' + String(answerOf(s.record).body?.content ?? '');

// ── The suite ──────────────────────────────────────────────────────────────────────────────────

if (MISSING.length > 0) {
  describe('load balancer (nginx, three replicas, Postgres)', () => {
    if (IN_CI) {
      it('runs in CI', () => {
        throw new Error(`The load-balancer test cannot run: ${MISSING.join('; ')}. CI must provide them (see .ci/run).`);
      });
    } else {
      it.skip(notRunHere(MISSING.join('; ')), () => {});
    }
  });
} else {
  describe('load balancer (nginx, three replicas, Postgres)', () => {
    const schema = `lb_${process.pid}_${randomBytes(4).toString('hex')}`;
    const dir = mkdtempSync(join(tmpdir(), 'tierbot-lb-'));
    let databaseUrl: string;
    let standIn: StandIn;
    let nginx: { child: ChildProcess; lines: string[]; exited: Promise<unknown> } | undefined;
    let replicaEnv: Record<string, string>;
    const replicas: Replica[] = [];
    /** Every process that was replica 1 (the killed one and its restart). */
    const replicaOne: Replica[] = [];
    let burst: Sent[] = [];
    let killedAt = 0;
    /** When this process saw replica 1 exit: it died at or before this. */
    let diedAt = 0;
    let restartedAt = 0;
    const report: string[] = [];

    beforeAll(async () => {
      // Migrated first, as an operator runs `npm run db:migrate` before starting replicas. (The
      // replicas' own migration at start then finds nothing to do: Kysely looks for its migration
      // table in every schema, and another test's schema holding one would otherwise hide that
      // this schema has none.)
      await runMigrations(POSTGRES_URL!, { schema });
      // The replicas get the schema through the URL (libpq's `options`), as an operator could.
      databaseUrl = `${POSTGRES_URL}${POSTGRES_URL!.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;

      const [listen, ...ports] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
      chmodSync(dir, 0o755); // nginx's worker may run as another user when the test runs as root
      for (const sub of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, sub));
      const conf = renderNginx(dir, listen!, ports);
      const check = spawnSync(NGINX!, ['-t', '-p', dir, '-c', conf, '-e', join(dir, 'error.log')], { encoding: 'utf8' });
      if (check.status !== 0) throw new Error(`nginx -t refused the rendered config:\n${check.stderr}`);
      const nginxLines: string[] = [];
      const child = spawn(NGINX!, ['-p', dir, '-c', conf, '-e', join(dir, 'error.log')], { stdio: ['ignore', 'pipe', 'pipe'] });
      nginx = { child, lines: nginxLines, exited: track(child, nginxLines) };

      standIn = await startStandIn({
        interactionsEndpoint: `http://127.0.0.1:${listen}/interactions`,
        guildIds: [MAIN_GUILD, HOUSE_GUILD],
        ackTimeoutMs: ENDPOINT_TIMEOUT_MS,
        keepUploads: false,
      });
      await deployCommands({ token: standIn.token, clientId: standIn.applicationId, apiUrl: standIn.apiUrl });
      replicaEnv = { DISCORD_PUBLIC_KEY: standIn.publicKey, DISCORD_API_URL: standIn.apiUrl, DATABASE_URL: databaseUrl };
      ports.forEach((port, k) => replicas.push(startReplica(`replica ${k + 1}`, port, replicaEnv)));
      replicaOne.push(replicas[0]!);
      await Promise.all(replicas.map((r) => waitReady(r)));
      await standIn.waitForReady(20_000);
    }, 150_000);

    afterAll(async () => {
      for (const child of [...children]) {
        if (child !== nginx?.child) child.kill('SIGKILL');
      }
      if (nginx) {
        nginx.child.kill('SIGQUIT');
        await Promise.race([nginx.exited, sleep(3000)]);
        nginx.child.kill('SIGKILL');
      }
      await standIn?.close();
      try {
        const admin = new pg.Client({ connectionString: POSTGRES_URL });
        await admin.connect();
        await admin.query(`drop schema if exists "${schema}" cascade`);
        await admin.end();
      } catch {
        // the schema name is unique per run; a leftover is harmless
      }
      if (report.length) console.log(`\nload balancer: ${report.join('\n  ')}\n`);
      rmSync(dir, { recursive: true, force: true });
    }, 30_000);

    it('needs the /house command to write house definitions', () => {
      expect(COMMANDS.map((c) => c.definition.name)).toContain('house');
    });

    it(
      'answers a burst of 2,000 mixed interactions through nginx while replica 1 is SIGKILLed and restarted',
      async () => {
        const plans = planMix(BURST, 29, true);
        let rejoined: Promise<void> = Promise.resolve();
        const t0 = Date.now();
        burst = await drive(standIn, plans, async (i) => {
          if (i === KILL_AT) {
            killedAt = Date.now();
            void replicas[0]!.exited.then(() => (diedAt = Date.now()));
            replicas[0]!.child.kill('SIGKILL');
          }
          if (i === RESTART_AT) {
            restartedAt = Date.now();
            replicas[0] = startReplica('replica 1 (restarted)', replicas[0]!.port, replicaEnv);
            replicaOne.push(replicas[0]!);
            rejoined = waitReady(replicas[0]!);
          }
          if (i >= REJOIN_AT) await rejoined;
        });
        const lost = burst.filter(isLost);
        const kinds = [...new Set(burst.map((s) => s.plan.kind))];
        const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
        report.push(
          'endpoint response time, median by kind (ms): ' +
            kinds.map((k) => `${k} ${median(burst.filter((s) => s.plan.kind === k && s.deliveredAt).map((s) => s.deliveredAt! - s.sentAt))}`).join(', '),
        );
        report.push(
          `burst: ${BURST} interactions in ${((Date.now() - t0) / 1000).toFixed(1)} s, ${CONCURRENCY} in flight at most; ` +
            `${lost.length} lost when replica 1 was SIGKILLed (${lost.map((s) => s.record.endpointError ?? 'deferred, never edited').join('; ') || 'none'})`,
        );
        expect(burst).toHaveLength(BURST);
        expect(killedAt).toBeGreaterThan(0);
        expect(await replicaOne[0]!.exited).toEqual({ code: null, signal: 'SIGKILL' });
      },
      180_000,
    );

    it('answers every interaction at most once, and all but those lost with replica 1 exactly once', () => {
      expect(burst.length).toBe(BURST);
      const log = readAccessLog(join(dir, 'access.log'));
      const byId = new Map<string, LogEntry[]>();
      for (const entry of log) byId.set(entry.id, [...(byId.get(entry.id) ?? []), entry]);
      let retried = 0;
      for (const s of burst) {
        // The stand-in sends each interaction once: one request to nginx.
        const entries = byId.get(s.record.id) ?? [];
        expect(entries, `interaction ${s.i} in nginx's log`).toHaveLength(1);
        const [entry] = entries as [LogEntry];
        // Every attempt but the last never reached a replica (connection refused: 0 bytes sent).
        for (const attempt of entry.attempts.slice(0, -1)) expect(attempt.bytesSent, `interaction ${s.i}: an attempt nginx retried had reached a replica`).toBe(0);
        if (entry.attempts.length > 1) retried += 1;
        // Never two answers: one HTTP response, at most one edit of it.
        expect(s.record.callbacks.length).toBeLessThanOrEqual(1);
        expect(s.record.edits.length).toBeLessThanOrEqual(1);
        if (!isLost(s)) expect(s.record.endpointStatus).toBe(200);
      }
      // How many were retried depends on whether nginx learned of the death from a refused
      // connection or from a failed one first (max_fails=1): reported, not asserted.
      report.push(`nginx retried ${retried} interactions on another replica after a refused connection (none had reached a replica)`);
    });

    it('loses only interactions in flight on the killed replica, at most as many as were in flight there', () => {
      const log = new Map(readAccessLog(join(dir, 'access.log')).map((e) => [e.id, e]));
      const killedPort = replicaOne[0]!.port;
      const lost = burst.filter(isLost);
      // In flight on replica 1 when it died (between the SIGKILL and the moment this process saw
      // it exit): passed to it by nginx and not answered before the signal, or answered with a
      // defer whose edit was still to come.
      expect(diedAt).toBeGreaterThanOrEqual(killedAt);
      const inFlightThere = burst.filter((s) => {
        const entry = log.get(s.record.id);
        const last = entry?.attempts.at(-1);
        if (!entry || last?.port !== killedPort || entry.start > diedAt) return false;
        const deferred = s.record.callbacks[0]?.type === 5;
        return entry.end >= killedAt || (deferred && (s.answeredAt === undefined || s.answeredAt >= killedAt));
      });
      report.push(`in flight on replica 1 when it was killed (it died within ${diedAt - killedAt} ms of the signal): ${inFlightThere.length}; lost: ${lost.length}`);
      for (const s of lost) {
        expect(inFlightThere, `lost interaction ${s.i} (${s.record.endpointError ?? 'deferred, never edited'}) was not in flight on the killed replica`).toContain(s);
        // A request that reached the dying replica is answered 502 by nginx, never sent to another.
        const entry = log.get(s.record.id)!;
        expect(entry.attempts.at(-1)!.port).toBe(killedPort);
      }
      expect(lost.length).toBeLessThanOrEqual(inFlightThere.length);
      expect(lost.length).toBeLessThanOrEqual(CONCURRENCY);
    });

    it('lets the restarted replica rejoin: it answers its share, none lost, no errors', async () => {
      const restarted = replicaOne[1]!;
      const servedByRestarted = () =>
        readAccessLog(join(dir, 'access.log')).filter((e) => e.start >= restartedAt && e.attempts.at(-1)?.port === restarted.port && e.type !== 1);
      // nginx's passive check leaves a failed replica out for fail_timeout after each failed try, so
      // on a slow machine the burst may end before nginx tries the restarted one again: then a few
      // more interactions show whether it rejoined.
      const after: Sent[] = [];
      for (let round = 0, end = Date.now() + 10_000; servedByRestarted().length === 0 && Date.now() < end; round++) {
        after.push(...(await drive(standIn, planMix(30, 100 + round, false))));
        await sleep(250);
      }
      const served = servedByRestarted();
      const servedIds = new Set(served.map((e) => e.id));
      const mine = [...burst, ...after].filter((s) => servedIds.has(s.record.id));
      report.push(
        `the restarted replica answered ${burst.filter((s) => servedIds.has(s.record.id)).length} interactions of the burst` +
          `${after.length ? ` and ${after.filter((s) => servedIds.has(s.record.id)).length} of the ${after.length} sent after it` : ''}; error lines: ${errorLines(restarted.lines).length}; ` +
          `chart renderer restarts (all replicas): ${[...replicaOne, ...replicas.slice(1)].map((r) => chartLines(r.lines).length).join(', ')}`,
      );
      expect(mine.filter((s) => /went wrong/i.test(answerText(s)))).toEqual([]);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.filter(isLost)).toEqual([]);
      expect(served.every((e) => e.status === 200)).toBe(true);
      expect(errorLines(restarted.lines)).toEqual([]);
      // The replicas that were never killed logged no errors either.
      for (const r of replicas.slice(1)) expect(errorLines(r.lines), r.name).toEqual([]);
    });

    it('shows a house definition written through one replica through the others within the cache TTL', () => {
      const log = new Map(readAccessLog(join(dir, 'access.log')).map((e) => [e.id, e]));
      const replicaOf = (s: Sent) => log.get(s.record.id)?.attempts.at(-1)?.port;
      const writes = burst.filter((s) => s.plan.kind === 'house-write' && !isLost(s) && s.answeredAt !== undefined);
      const reads = burst.filter((s) => s.plan.kind === 'house-read' && !isLost(s));
      expect(writes.length).toBeGreaterThanOrEqual(5);
      for (const w of writes) expect(answerText(w), 'the /house set reply').not.toMatch(/went wrong|unavailable|permission/i);
      let crossReplica = 0;
      let worstLagMs = 0;
      for (const r of reads) {
        const seen = versionSeen(answerText(r));
        // Never a version not yet written when the read was answered.
        const sentBefore = burst.filter((w) => w.plan.kind === 'house-write' && w.sentAt <= (r.answeredAt ?? Infinity)).map((w) => w.plan.version!);
        expect(seen).toBeLessThanOrEqual(Math.max(0, ...sentBefore));
        // Every write answered at least TTL (+ slack) before the read was sent is seen, or a later one.
        const due = writes.filter((w) => w.answeredAt! + DEFAULT_CACHE_TTL_MS + VISIBILITY_SLACK_MS <= r.sentAt).map((w) => w.plan.version!);
        expect(seen, `read ${r.i} on port ${replicaOf(r)}`).toBeGreaterThanOrEqual(Math.max(0, ...due));
        // Staleness: how long after the newest write it missed was it still missed.
        const newer = writes.filter((w) => w.plan.version! > seen && w.answeredAt! <= r.sentAt);
        if (newer.length) worstLagMs = Math.max(worstLagMs, r.sentAt - Math.min(...newer.map((w) => w.answeredAt!)));
        const writer = writes.filter((w) => w.plan.version === seen)[0];
        if (writer && replicaOf(writer) !== replicaOf(r)) crossReplica += 1;
      }
      report.push(
        `house definitions: ${writes.length} writes, ${reads.length} reads, ${crossReplica} reads saw a version written through another replica; ` +
          `longest a replica still showed an older version after a write was answered: ${worstLagMs} ms (TTL ${DEFAULT_CACHE_TTL_MS} ms)`,
      );
      expect(crossReplica).toBeGreaterThan(0);
      expect(worstLagMs).toBeLessThanOrEqual(DEFAULT_CACHE_TTL_MS + VISIBILITY_SLACK_MS);
    });

    it(
      'drains a replica on SIGTERM: /readyz fails from then on, new connections are refused, every request it accepted is finished',
      async () => {
        const target = replicas[1]!;
        await Promise.all(replicas.map((r) => waitReady(r)));
        // /readyz polled over one kept-alive connection (as a load balancer's active check would).
        const probe = new Client(`http://127.0.0.1:${target.port}`, { keepAliveTimeout: 30_000, connect: { timeout: 1000 } });
        const readyz: { at: number; result: number | string }[] = [];
        let polling = true;
        const poller = (async () => {
          while (polling) {
            try {
              const res = await probe.request({ path: '/readyz', method: 'GET' });
              await res.body.text();
              readyz.push({ at: Date.now(), result: res.statusCode });
            } catch (err) {
              readyz.push({ at: Date.now(), result: (err as { code?: string }).code ?? 'error' });
            }
            await sleep(10);
          }
        })();

        // A request already in flight on the target when SIGTERM comes: a signed PING whose body
        // is still arriving (its headers are in; the rest is sent after the signal).
        const ping = JSON.stringify({ id: '1', application_id: standIn.applicationId, type: 1, token: 'drain-ping', version: 1 });
        const pingHeaders = standIn.sign(ping);
        const slow = connect(target.port, '127.0.0.1');
        let slowResponse = '';
        slow.on('data', (chunk) => (slowResponse += chunk.toString()));
        const slowClosed = new Promise<void>((resolve) => slow.once('close', () => resolve()));
        await new Promise<void>((resolve) => slow.once('connect', () => resolve()));
        slow.write(
          `POST /interactions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(ping)}\r\n` +
            `X-Signature-Ed25519: ${pingHeaders['X-Signature-Ed25519']}\r\nX-Signature-Timestamp: ${pingHeaders['X-Signature-Timestamp']}\r\nConnection: close\r\n\r\n` +
            ping.slice(0, 10),
        );

        let termAt = 0;
        let refusedAt = 0;
        let refusedWhileAlive = false;
        const sent = await drive(standIn, planMix(DRAIN_BURST, 31, false), async (i) => {
          if (i !== DRAIN_AT) return;
          termAt = Date.now();
          target.child.kill('SIGTERM');
          // New connections: refused once the listener is closed, while the PING above is still open.
          for (let k = 0; k < 200 && !refusedAt; k++) {
            const refused = await new Promise<boolean>((resolve) => {
              const socket = connect(target.port, '127.0.0.1');
              socket.once('connect', () => (socket.destroy(), resolve(false)));
              socket.once('error', () => resolve(true));
            });
            if (refused) {
              refusedAt = Date.now();
              refusedWhileAlive = target.child.exitCode === null && target.child.signalCode === null;
            } else await sleep(5);
          }
          // Only now the rest of the in-flight request.
          slow.end(ping.slice(10));
        });
        await slowClosed;
        const exit = await Promise.race([target.exited, sleep(15_000).then(() => 'still running')]);
        polling = false;
        await poller;
        await probe.close().catch(() => undefined);

        const lost = sent.filter(isLost);
        // What nginx saw go wrong with the draining replica (connection refused is the expected kind).
        const nginxErrors = readFileSync(join(dir, 'error.log'), 'utf8')
          .split('\n')
          .filter((l) => l.includes(`:${target.port}/`) && !/Connection refused/.test(l))
          .map((l) => l.replace(/^.*?\[error\] \S+ /, '').replace(/, client: .*$/, ''));
        if (nginxErrors.length) report.push(`nginx on the draining replica, other than refused connections: ${[...new Set(nginxErrors)].join(' | ')}`);
        const afterTerm = readyz.filter((r) => r.at > termAt);
        const firstFailure = afterTerm.findIndex((r) => r.result !== 200);
        report.push(
          `drain: SIGTERM to ${target.name} during ${DRAIN_BURST} interactions; listener refused new connections ${refusedAt - termAt} ms after the signal ` +
            `(process still running: ${refusedWhileAlive}); /readyz after the signal: ${[...new Set(afterTerm.map((r) => r.result))].join(', ')}; lost: ${lost.length}`,
        );
        expect(exit).toEqual({ code: 0, signal: null });
        expect(refusedAt).toBeGreaterThan(0);
        expect(refusedWhileAlive).toBe(true);
        // The request in flight when the signal came was finished: PONG.
        expect(slowResponse).toMatch(/^HTTP\/1\.1 200/);
        expect(slowResponse).toContain('{"type":1}');
        // /readyz: failing from the first failure on, never ready again.
        expect(firstFailure).toBeGreaterThanOrEqual(0);
        expect(afterTerm.slice(firstFailure).every((r) => r.result !== 200)).toBe(true);
        // Every accepted request is finished. The drain accepts what the kernel has queued before
        // closing the listener (test/e2e/process.e2e.test.ts shows none is reset), but a connection
        // that arrives in the moment between the last accept and the close is still reset after
        // nginx has sent the request: nginx answers 502 and, rightly, does not resend it. That
        // depends on timing, so it is reported above, not bounded; docs/performance.md ("Lost
        // requests") says so.
        const lostAtTheDoor = lost.filter((s) => s.record.endpointError === 'the endpoint answered 502');
        expect(lost.filter((s) => !lostAtTheDoor.includes(s)).map((s) => `${s.i}: ${s.record.endpointError ?? 'deferred, never edited'}`)).toEqual([]);
        expect(errorLines(target.lines)).toEqual([]);
      },
      120_000,
    );
  });
}
