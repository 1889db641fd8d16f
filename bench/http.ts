/**
 * `npm run bench -- --mode http [--json]`: the HTTP section. Three endpoints in one run, each its
 * own child process started as `node --import tsx <entry>`, under one Discord stand-in in this
 * process:
 * - Tierbot's HTTP mode: src/http/main.ts, exactly as `npm run start:http` runs it (fastify, the
 *   interaction core, charts, a SQLite store in a temporary folder, LOG_LEVEL=info as by default);
 * - the floor: bench/floor.ts, a minimal `node:http` server that verifies the same Ed25519
 *   signature and answers every interaction with one fixed embed;
 * - Tierbot's gateway mode (bench/tierbot-bot.ts → src/bot.ts, as `npm start`), for reference:
 *   logged in over the stand-in's gateway to the same world of guilds the gateway bench uses.
 *
 * The stand-in signs every interaction with the application's key and POSTs it to the endpoint
 * (Discord's Interactions Endpoint URL), or sends it over the gateway (gateway mode). The mix is
 * the gateway bench's (/tier with varied counts, /tiers, /glossary, /compare, autocomplete, from
 * random users in random guilds; the same generator and seed as bench/run.ts's planMix).
 *
 * Measured, per endpoint:
 * - RSS idle: the process tree 2 s after ready; the median of --trials starts (the three take turns).
 * - latency: dispatch → the final answer's last byte at the stand-in (the HTTP response, or after
 *   a defer the edit), over --steady interactions at --rate per second. Only one endpoint is loaded
 *   at a time: they take turns in blocks of --block, in the order A B C, then C B A, and so on, so a
 *   machine that slows down during the run moves all three alike. p50/p99 targets are on text
 *   replies, taken for all three at the same positions (those Tierbot's HTTP mode answered without a
 *   chart); chart replies are reported apart.
 * - throughput at saturation: --burst interactions with --concurrency in flight at once; answers
 *   per second, first dispatch → last answer. CPU per interaction: the tree's CPU time in the burst.
 * - RSS after load: 1 s after the burst.
 * - then the same burst of the kinds that never carry a chart (/glossary, autocomplete): the cost of
 *   the way in itself, apart from the work some commands do (reported, not a target).
 * The two cores are shared the same way by all three: each runs alone with the stand-in, in turn.
 *
 * Targets, as ratios to the floor in the same run: p50 ≤ 1.25×, p99 ≤ 1.5×, throughput ≥ 0.75×;
 * and HTTP mode's idle RSS below gateway mode's. With --json, the table goes to standard error and
 * the last line of standard output is JSON with a top-level `http` object:
 * { "p50": r, "p99": r, "throughput": r, "rssIdle": r }.
 * Options, all bounded: --guilds=500 --steady=400 --rate=20 --block=10 --warmup=60 --burst=1000
 * --concurrency=32 --trials=3.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { deployCommands } from '../src/cli/deploy-commands';
import { finalAnswer, startSharedStandIn, type InteractionRecord, type StandIn, type StandInApplication } from '../tools/standin/server';
import { asSeenBy, benchGuildIds, guildExtras } from './guilds';
import { compareCommand, planMix, type Kind, type Planned } from './mix';
import { cleanEnv, startChild, stopChild, type RunningChild } from './children';
import { treeCpuMs, treeRssMB } from './proc';
import { percentile } from './stats';
import { freePort } from '../test/support/ports';
import { flag, option, reporters } from './options';

const READY_TIMEOUT_MS = 90_000;
const IDLE_SETTLE_MS = 2_000;
const ANSWER_TIMEOUT_MS = 15_000;
const HARD_LIMIT_MS = 10 * 60_000;

// ── Options ───────────────────────────────────────────────────────────────────────────────────

const JSON_OUT = flag('json');
const GUILDS = option('guilds', 500, 1, 2500);
const STEADY = option('steady', 400, 20, 10_000);
const RATE = option('rate', 20, 1, 500);
const BLOCK = option('block', 10, 1, 1000);
const WARMUP = option('warmup', 60, 0, 1000);
const BURST = option('burst', 1000, 10, 10_000);
const CONCURRENCY = option('concurrency', 32, 1, 256);
const TRIALS = option('trials', 3, 1, 5);
const began = performance.now();

const { say, progress } = reporters(JSON_OUT, began);

// ── The three endpoints ───────────────────────────────────────────────────────────────────────

type LaneName = 'http' | 'floor' | 'gateway';
const LANES: LaneName[] = ['http', 'floor', 'gateway'];
const LABEL: Record<LaneName, string> = { http: 'Tierbot HTTP', floor: 'floor', gateway: 'Tierbot gateway' };
const ENTRY: Record<LaneName, string> = { http: 'src/http/main.ts', floor: 'bench/floor.ts', gateway: 'bench/tierbot-bot.ts' };
const READY: Record<LaneName, RegExp> = { http: /"msg":"listening for interactions"/, floor: /^floor: listening/, gateway: /"msg":"ready"/ };
const APPLICATIONS: Record<LaneName, StandInApplication> = {
  http: { token: 'bench-http-token-not-a-discord-token', applicationId: '100000000000000011' },
  floor: { token: 'bench-floor-token-not-a-discord-token', applicationId: '100000000000000012' },
  gateway: { token: 'bench-gateway-token-not-a-discord-token', applicationId: '100000000000000013' },
};

function start(lane: LaneName, env: NodeJS.ProcessEnv): Promise<RunningChild> {
  return startChild({ label: LABEL[lane], entry: ENTRY[lane], ready: READY[lane], env: { ...cleanEnv(), LOG_LEVEL: 'info', ...env }, readyTimeoutMs: READY_TIMEOUT_MS });
}

// ── The interaction mix (bench/mix.ts) ──────────────────────────────────────────────────────

/** Kinds Tierbot never answers with a chart. */
const NEVER_CHARTED: ReadonlySet<Kind> = new Set(['glossary', 'autocomplete']);


// ── Measuring ─────────────────────────────────────────────────────────────────────────────────

interface Sample {
  kind: Kind;
  ms: number | null;
  chart: boolean;
  failed: boolean;
  sentAt: number;
  answeredAt: number;
}

function track(standIn: StandIn, p: Planned): Promise<Sample> {
  const t0 = performance.now();
  const unanswered = (): Sample => ({ kind: p.kind, ms: null, chart: false, failed: false, sentAt: t0, answeredAt: performance.now() });
  let record: InteractionRecord;
  try {
    record = p.focused ? standIn.sendAutocomplete(p.command, p.focused, String(p.options[p.focused]), {}) : standIn.sendCommand(p.command, p.options, { guildId: p.guildId, userId: p.userId });
  } catch {
    return Promise.resolve(unanswered());
  }
  return standIn.waitForAnswer(record, ANSWER_TIMEOUT_MS).then((answered) => {
    const { body, files, receivedAt } = finalAnswer(answered);
    standIn.forget(answered);
    const title = (body as { embeds?: { title?: string }[] }).embeds?.[0]?.title ?? '';
    return { kind: p.kind, ms: receivedAt - t0, chart: files.length > 0, failed: /went wrong/i.test(title), sentAt: t0, answeredAt: receivedAt };
  }, unanswered);
}

/** `count` interactions from `from`, dispatched on schedule at RATE/s; all answered (or given up) before it returns. */
async function paced(standIn: StandIn, mix: readonly Planned[], from: number, count: number): Promise<Sample[]> {
  const pending: Promise<Sample>[] = [];
  const t0 = performance.now();
  const cap = (count / RATE) * 2000 + 5000;
  while (pending.length < count && performance.now() - t0 < cap) {
    const due = Math.min(count, Math.floor(((performance.now() - t0) / 1000) * RATE) + 1);
    while (pending.length < due) pending.push(track(standIn, mix[(from + pending.length) % mix.length]!));
    await sleep(Math.max(1, (pending.length / RATE) * 1000 - (performance.now() - t0)));
  }
  return Promise.all(pending);
}

/** Blocks of BLOCK, the three in turn: A B C, then C B A, … */
async function takeTurns(standIns: Record<LaneName, StandIn>, mix: readonly Planned[], total: number, into: Record<LaneName, Sample[]> | undefined): Promise<void> {
  let lastSent = 0;
  for (let n = 0, from = 0; from < total; n++, from += BLOCK) {
    const count = Math.min(BLOCK, total - from);
    for (const lane of n % 2 === 0 ? LANES : [...LANES].reverse()) {
      await sleep(Math.max(0, lastSent + 1000 / RATE - performance.now()));
      const samples = await paced(standIns[lane], mix, from, count);
      into?.[lane].push(...samples);
      lastSent = Math.max(...samples.map((s) => s.sentAt));
    }
  }
}

/** BURST interactions with CONCURRENCY in flight; answers per second from first dispatch to last answer. */
async function burst(standIn: StandIn, mix: readonly Planned[], pid: number) {
  const cpu0 = treeCpuMs(pid);
  const t0 = performance.now();
  const samples: Sample[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < BURST) samples.push(await track(standIn, mix[next++ % mix.length]!));
    }),
  );
  const answered = samples.filter((s) => s.ms !== null);
  const seconds = (Math.max(t0, ...answered.map((s) => s.answeredAt)) - t0) / 1000;
  const cpu1 = treeCpuMs(pid);
  return {
    throughput: seconds > 0 ? answered.length / seconds : 0,
    answered: answered.length,
    unanswered: samples.length - answered.length,
    charts: answered.filter((s) => s.chart).length,
    failed: samples.filter((s) => s.failed).length,
    cpuMsPerInteraction: cpu0 === null || cpu1 === null ? null : (cpu1 - cpu0) / samples.length,
    p50: percentile(answered.map((s) => s.ms!).sort((a, b) => a - b), 50),
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : null;
};
const round = (x: number | null, d = 2) => (x === null || !Number.isFinite(x) ? null : Number(x.toFixed(d)));
const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : round(a / b, 3));

// ── Main ──────────────────────────────────────────────────────────────────────────────────────

export async function runHttpBench(): Promise<void> {
  setTimeout(() => {
    console.error(`bench --mode http: still running after ${HARD_LIMIT_MS / 60_000} minutes; stopping.`);
    process.exit(1);
  }, HARD_LIMIT_MS).unref();

  const dir = mkdtempSync(join(tmpdir(), 'tierbot-bench-http-'));
  const guildIds = benchGuildIds(GUILDS);
  const extras = new Map(guildIds.map((id) => [id, guildExtras(id, APPLICATIONS.gateway.applicationId)]));
  const [httpPort, floorPort] = await Promise.all([freePort(), freePort()]);
  const handles = await startSharedStandIn({
    applications: [
      { ...APPLICATIONS.http, interactionsEndpoint: `http://127.0.0.1:${httpPort}/interactions` },
      { ...APPLICATIONS.floor, interactionsEndpoint: `http://127.0.0.1:${floorPort}/interactions` },
      APPLICATIONS.gateway,
    ],
    guildIds,
    guildExtras: (id, applicationId) => asSeenBy(extras.get(id) ?? {}, applicationId),
    keepUploads: false,
  });
  const standIns: Record<LaneName, StandIn> = { http: handles[0]!, floor: handles[1]!, gateway: handles[2]! };
  const envOf: Record<LaneName, NodeJS.ProcessEnv> = {
    http: { PORT: String(httpPort), HOST: '127.0.0.1', DISCORD_PUBLIC_KEY: standIns.http.publicKey, DISCORD_API_URL: standIns.http.apiUrl, DATABASE_URL: join(dir, 'http.sqlite') },
    floor: { PORT: String(floorPort), HOST: '127.0.0.1', DISCORD_PUBLIC_KEY: standIns.floor.publicKey },
    gateway: { DISCORD_TOKEN: standIns.gateway.token, DISCORD_API_URL: standIns.gateway.apiUrl, DATABASE_URL: join(dir, 'gateway.sqlite') },
  };
  const running: Partial<Record<LaneName, RunningChild>> = {};
  try {
    for (const lane of LANES) await deployCommands({ token: APPLICATIONS[lane].token, clientId: APPLICATIONS[lane].applicationId, apiUrl: standIns[lane].apiUrl });

    // Idle RSS: TRIALS starts of each, taking turns; the last start of each stays up for the load.
    const idle: Record<LaneName, number[]> = { http: [], floor: [], gateway: [] };
    for (let t = 0; t < TRIALS; t++) {
      for (const lane of t % 2 === 0 ? LANES : [...LANES].reverse()) {
        progress(`${LABEL[lane]}: start ${t + 1} of ${TRIALS}`);
        const r = await start(lane, envOf[lane]);
        if (lane !== 'gateway') await standIns[lane].waitForReady(20_000);
        await sleep(IDLE_SETTLE_MS);
        idle[lane].push(treeRssMB(r.pid).rssMB);
        if (t < TRIALS - 1) await stopChild(r);
        else running[lane] = r;
      }
    }

    const mix = planMix(Math.max(STEADY, BURST, WARMUP), guildIds);
    progress(`warm-up: ${WARMUP} interactions each, taking turns`);
    await takeTurns(standIns, mix, WARMUP, undefined);
    await sleep(1000);
    progress(`steady: ${STEADY} interactions each at ${RATE}/s, in turns of ${BLOCK}`);
    const steady: Record<LaneName, Sample[]> = { http: [], floor: [], gateway: [] };
    await takeTurns(standIns, mix, STEADY, steady);

    const bursts = {} as Record<LaneName, Awaited<ReturnType<typeof burst>> & { rssLoadedMB: number }>;
    for (const lane of LANES) {
      await sleep(1000);
      progress(`${LABEL[lane]}: burst of ${BURST}, ${CONCURRENCY} in flight`);
      const b = await burst(standIns[lane], mix, running[lane]!.pid);
      await sleep(1000);
      bursts[lane] = { ...b, rssLoadedMB: treeRssMB(running[lane]!.pid).rssMB };
    }
    // The same burst of the kinds that never carry a chart (/glossary, autocomplete): what the
    // way in costs, apart from the work some commands do (charts above all).
    const textMix = mix.filter((p) => NEVER_CHARTED.has(p.kind));
    const textBursts = {} as Record<LaneName, Awaited<ReturnType<typeof burst>>>;
    for (const lane of LANES) {
      await sleep(1000);
      progress(`${LABEL[lane]}: text-only burst of ${BURST} (/glossary, autocomplete)`);
      textBursts[lane] = await burst(standIns[lane], textMix, running[lane]!.pid);
    }

    // Text positions: those Tierbot's HTTP mode answered without a chart, for all three.
    const textAt = steady.http.map((s, i) => (s.ms !== null && !s.chart ? i : -1)).filter((i) => i >= 0);
    const lat = (lane: LaneName, positions: readonly number[]) => {
      const sorted = positions.flatMap((i) => (steady[lane][i]?.ms ?? null) === null ? [] : [steady[lane][i]!.ms!]).sort((a, b) => a - b);
      return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
    };
    const text = Object.fromEntries(LANES.map((l) => [l, lat(l, textAt)])) as Record<LaneName, ReturnType<typeof lat>>;
    const chartAt = steady.http.map((s, i) => (s.chart ? i : -1)).filter((i) => i >= 0);
    const chartLat = lat('http', chartAt);
    const rssIdle = Object.fromEntries(LANES.map((l) => [l, median(idle[l])!])) as Record<LaneName, number>;
    const errors = Object.fromEntries(LANES.map((l) => [l, running[l]!.lines.filter((line) => /"level":(50|60)\b/.test(line)).length])) as Record<LaneName, number>;

    const ratios = {
      p50: ratio(text.http.p50, text.floor.p50),
      p99: ratio(text.http.p99, text.floor.p99),
      throughput: ratio(bursts.http.throughput, bursts.floor.throughput),
      rssIdle: ratio(rssIdle.http, rssIdle.gateway),
    };

    const f = (x: number | null | undefined, d = 1) => (x === null || x === undefined ? '—' : x.toFixed(d));
    const x = (v: number | null) => (v === null ? '' : `${v.toFixed(2)}×`);
    const atMost = (v: number | null, max: number) => `≤ ${max.toFixed(2)}× ${v === null ? '' : v <= max ? 'met' : 'MISSED'}`;
    const atLeast = (v: number | null, min: number) => `≥ ${min.toFixed(2)}× ${v === null ? '' : v >= min ? 'met' : 'MISSED'}`;
    const rows: string[][] = [
      ['', LABEL.http, LABEL.floor, LABEL.gateway, 'HTTP / floor', 'target'],
      ['RSS idle (MB)', f(rssIdle.http), f(rssIdle.floor), f(rssIdle.gateway), '', `HTTP / gateway ${x(ratios.rssIdle)} ${ratios.rssIdle !== null && ratios.rssIdle < 1 ? 'met' : 'MISSED'}`],
      ['RSS after load (MB)', f(bursts.http.rssLoadedMB), f(bursts.floor.rssLoadedMB), f(bursts.gateway.rssLoadedMB), '', ''],
      ['text p50 (ms, steady)', f(text.http.p50, 2), f(text.floor.p50, 2), f(text.gateway.p50, 2), x(ratios.p50), atMost(ratios.p50, 1.25)],
      ['text p95 (ms, steady)', f(text.http.p95, 2), f(text.floor.p95, 2), f(text.gateway.p95, 2), x(ratio(text.http.p95, text.floor.p95)), ''],
      ['text p99 (ms, steady)', f(text.http.p99, 2), f(text.floor.p99, 2), f(text.gateway.p99, 2), x(ratios.p99), atMost(ratios.p99, 1.5)],
      ['throughput at saturation (/s)', f(bursts.http.throughput, 0), f(bursts.floor.throughput, 0), f(bursts.gateway.throughput, 0), x(ratios.throughput), atLeast(ratios.throughput, 0.75)],
      ['CPU per interaction, burst (ms)', f(bursts.http.cpuMsPerInteraction, 3), f(bursts.floor.cpuMsPerInteraction, 3), f(bursts.gateway.cpuMsPerInteraction, 3), x(ratio(bursts.http.cpuMsPerInteraction, bursts.floor.cpuMsPerInteraction)), ''],
      ['text-only burst: throughput (/s)', f(textBursts.http.throughput, 0), f(textBursts.floor.throughput, 0), f(textBursts.gateway.throughput, 0), x(ratio(textBursts.http.throughput, textBursts.floor.throughput)), ''],
      ['text-only burst: CPU per interaction (ms)', f(textBursts.http.cpuMsPerInteraction, 3), f(textBursts.floor.cpuMsPerInteraction, 3), f(textBursts.gateway.cpuMsPerInteraction, 3), x(ratio(textBursts.http.cpuMsPerInteraction, textBursts.floor.cpuMsPerInteraction)), ''],
      ['burst: answered / unanswered', `${bursts.http.answered} / ${bursts.http.unanswered}`, `${bursts.floor.answered} / ${bursts.floor.unanswered}`, `${bursts.gateway.answered} / ${bursts.gateway.unanswered}`, '', ''],
      ['burst: charts / failure replies', `${bursts.http.charts} / ${bursts.http.failed}`, `${bursts.floor.charts} / ${bursts.floor.failed}`, `${bursts.gateway.charts} / ${bursts.gateway.failed}`, '', ''],
      ['error log lines', String(errors.http), String(errors.floor), String(errors.gateway), '', ''],
    ];
    const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
    say();
    say(`HTTP section: ${TRIALS} start(s) each for idle RSS; ${WARMUP} warm-up and ${STEADY} steady interactions each at ${RATE}/s in turns of ${BLOCK} (A B C, C B A, …); ` +
      `a burst of ${BURST} each with ${CONCURRENCY} in flight. Gateway mode serves ${GUILDS} guilds. /compare ${compareCommand ? 'included' : 'not registered, left out'}.`);
    say();
    for (const r of rows) say(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd());
    say();
    say(`Text latency is taken at the same ${text.http.n} steady positions for all three (those Tierbot's HTTP mode answered without a chart). ` +
      `Its ${chartLat.n} chart replies: p50 ${f(chartLat.p50, 1)} ms, p99 ${f(chartLat.p99, 1)} ms. Idle RSS samples (MB): ` +
      LANES.map((l) => `${LABEL[l]} ${idle[l].map((v) => v.toFixed(1)).join(', ')}`).join('; ') + '.');
    say(`Finished in ${((performance.now() - began) / 1000).toFixed(0)} s.`);

    if (JSON_OUT) {
      const lane = (l: LaneName) => ({
        rssIdleMB: round(rssIdle[l], 1),
        rssLoadedMB: round(bursts[l].rssLoadedMB, 1),
        p50Ms: round(text[l].p50),
        p95Ms: round(text[l].p95),
        p99Ms: round(text[l].p99),
        throughputPerS: round(bursts[l].throughput, 0),
        cpuMsPerInteraction: round(bursts[l].cpuMsPerInteraction, 3),
        answered: bursts[l].answered,
        unanswered: bursts[l].unanswered,
        charts: bursts[l].charts,
        textOnly: { throughputPerS: round(textBursts[l].throughput, 0), cpuMsPerInteraction: round(textBursts[l].cpuMsPerInteraction, 3) },
      });
      process.stdout.write(`${JSON.stringify({ mode: 'http', tierbotHttp: lane('http'), floor: lane('floor'), tierbotGateway: lane('gateway'), charts: { n: chartLat.n, p50Ms: round(chartLat.p50), p99Ms: round(chartLat.p99) }, http: ratios })}\n`);
    }
  } finally {
    for (const r of Object.values(running)) if (r) await stopChild(r);
    for (const s of Object.values(standIns)) await s.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
