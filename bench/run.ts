/**
 * `npm run bench [-- --json]`: Tierbot against a baseline bot, under the Discord stand-in.
 *
 * The stand-in runs in this process, on 127.0.0.1, serving 500 guilds shaped like a public bot's
 * (bench/guilds.ts) to two applications at once, as Discord serves many bots: each bot logs in
 * with its own token to the same gateway and REST API and sees the guilds as its own bot does.
 * Each bot runs as its own child process: (a) Tierbot through its production entry
 * (bench/tierbot-bot.ts → src/bot.ts); (b) the discord.js guide's minimal bot
 * (bench/baseline-bot.ts: default Client options, the Guilds intent, one static embed for every
 * command, [] for autocomplete). Both run as `node --import tsx <entry>`, so both pay the same
 * TypeScript loader.
 *
 * Per bot:
 * - startup: spawn → the child's ready line. Idle RSS: 2 s after ready. Both are medians over
 *   --trials starts (after one uncounted warm-up start of each bot; the bots alternate, and
 *   are never started at the same time).
 * - load (the last start, with both bots up): after --warmup (50) uncounted interactions of the
 *   same mix at the steady rate, the bots taking turns as below, --interactions (2,000) of one
 *   fixed mix — /tier with varied counts, /tiers, /glossary, /compare (only if src/commands
 *   registers it) and autocomplete —
 *   from random users in random guilds. First --steady (600) at --rate (10/s), a rate both bots
 *   sustain, so the latencies are service times rather than queueing. Only one bot is loaded at
 *   a time: the steady phase alternates between them in blocks of --block (10) in ABBA order, so
 *   a machine that speeds up or slows down during the run moves both bots' numbers alike. Then
 *   the rest of the mix as one burst per bot, which measures throughput (answers per second,
 *   first dispatch → last answer).
 * - latency: dispatch → the stand-in capturing the final answer (the callback; after a defer, the
 *   edit). p50/p95/p99 come from the steady phase. Answers carrying files ("chart" replies) are
 *   reported apart from those without ("text" replies); the targets concern text replies, taken
 *   for both bots from the same interactions: those Tierbot answered in text (see textPositions).
 * - memory and CPU: of the bot's whole process tree (Tierbot renders charts in a child process),
 *   from /proc (or `ps`): RSS idle, 1 s after the load, and the highest sample during it (between
 *   steady blocks, and every 250 ms in the bursts); CPU per interaction in the burst, the bot's
 *   and this process's (the stand-in's share of the latency).
 * Then in-process micro-benchmarks: parse, classify (one million calls; target < 1 s), compare.
 *
 * Output: a table with the Tierbot/baseline ratios. With --json the table goes to standard error
 * and standard output gets one line of JSON, last (see `contract` below).
 * Options, all bounded: --guilds=500 --interactions=2000 --steady=600 --rate=10 --trials=5 --warmup=50 --block=10.
 * `--mode http` runs the HTTP section instead (bench/http.ts, its own options).
 * --calibrate runs the baseline in both lanes (Tierbot's lane too): every ratio is then what
 * chance alone gives on this machine, the yardstick for how much one run's ratio can say.
 */

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { deployCommands } from '../src/cli/deploy-commands';
import { classify } from '../src/domain/classify';
import { RENDERERS, type ChartRequest } from '../src/charts/kinds';
import { memoryStore, testContext } from '../test/support/context';
import { parseFollowerCount } from '../src/domain/followers';
import { SOURCES } from '../src/domain/sources';
import { finalAnswer, startSharedStandIn, type InteractionRecord, type StandIn, type StandInApplication } from '../tools/standin/server';
import { asSeenBy, benchGuildIds, guildExtras, worldSummary } from './guilds';
import { compareCommand, planMix, slash, type Kind, type Planned } from './mix';
import { cleanEnv, startChild, stopChild, type RunningChild } from './children';
import { treeCpuMs, treeRssMB } from './proc';
import { BOOTSTRAP_RESAMPLES, percentile, ratioInterval, turns, underWayTogether } from './stats';
import { flag, MODE, option, reporters } from './options';

/**
 * The two bots' applications. Tokens are long enough for Tierbot's config check, and accepted by
 * nothing but the stand-in. Lanes, not programs: under --calibrate the baseline runs in both.
 */
const APPLICATIONS: Record<BotName, StandInApplication> = {
  tierbot: { token: 'bench-tierbot-token-not-a-discord-token', applicationId: '100000000000000001' },
  baseline: { token: 'bench-baseline-token-not-a-discord-token', applicationId: '100000000000000002' },
};
const READY_TIMEOUT_MS = 60_000;
const IDLE_SETTLE_MS = 2_000;
const ANSWER_TIMEOUT_MS = 15_000;
const MEMORY_SAMPLE_MS = 250;
/** A hard stop, well past the 4 minutes a default run takes on two cores. */
const HARD_LIMIT_MS = 8 * 60_000;

// ── Options ───────────────────────────────────────────────────────────────────────────────────

const JSON_OUT = flag('json');
const CALIBRATE = flag('calibrate');
const GUILDS = option('guilds', 500, 1, 2500);
const INTERACTIONS = option('interactions', 2000, 2, 10_000);
const STEADY = Math.min(option('steady', 600, 1, 10_000), INTERACTIONS - 1);
const RATE = option('rate', 10, 1, 1000);
// Five, not three: one start on this kind of machine can take 30% longer than the next, and a
// median of three moved the start-up ratio by more than its target's margin.
const TRIALS = option('trials', 5, 1, 5);
const WARMUP = option('warmup', 50, 0, 1000);
/** Steady-phase interactions a bot gets in a row before the other bot's turn (see loadBoth). */
// Ten, not fifty: this VM's slow stretches last seconds, and blocks of 5 s let one of them fall
// on one bot's turn only; with 1 s blocks both bots share it.
const STEADY_BLOCK = option('block', 10, 1, 10_000);
const began = performance.now();

// A default run should take under 4 minutes; progress lines give the seconds since it began.
const { say, progress } = reporters(JSON_OUT, began);

// ── Processes: start, stop, memory, CPU ───────────────────────────────────────────────────────

type BotName = 'tierbot' | 'baseline';
const BASELINE = { entry: 'bench/baseline-bot.ts', ready: /^Ready! Logged in as / };
/** Both bots run as `node --import tsx <entry>` (bench/children.ts). */
const BOTS: Record<BotName, { label: string; entry: string; ready: RegExp }> = {
  tierbot: CALIBRATE ? { label: 'baseline A', ...BASELINE } : { label: 'Tierbot', entry: 'bench/tierbot-bot.ts', ready: /"msg":"ready"/ },
  baseline: { label: CALIBRATE ? 'baseline B' : 'baseline', ...BASELINE },
};

/** Each run's bot starts on an empty database of its own. */
const BENCH_DATABASE = join(mkdtempSync(join(tmpdir(), 'tierbot-bench-')), 'bench.sqlite');

function startBot(bot: BotName, standIn: StandIn): Promise<RunningChild> {
  return startChild({
    ...BOTS[bot],
    env: { ...cleanEnv(), DISCORD_TOKEN: standIn.token, DISCORD_API_URL: standIn.apiUrl, LOG_LEVEL: 'info', DATABASE_URL: BENCH_DATABASE },
    readyTimeoutMs: READY_TIMEOUT_MS,
  });
}

function send(standIn: StandIn, p: Planned): InteractionRecord {
  // The stand-in sends autocomplete from its first guild; commands go where they were planned.
  if (p.focused) return standIn.sendAutocomplete(p.command, p.focused, String(p.options[p.focused]), {});
  return standIn.sendCommand(p.command, p.options, { guildId: p.guildId, userId: p.userId });
}

/** The message the interaction ended with: the reply, or the edit (or follow-up) after a defer. */
function answerSummary(record: InteractionRecord): { title: string; files: number; receivedAt: number } {
  const { body, files, receivedAt } = finalAnswer(record);
  return { title: (body as { embeds?: { title?: string }[] }).embeds?.[0]?.title ?? '', files: files.length, receivedAt };
}

// ── Measuring ─────────────────────────────────────────────────────────────────────────────────

interface Sample {
  kind: Kind;
  phase: 'steady' | 'burst';
  /**
   * Dispatch → the final answer's last byte arriving at the stand-in; null when none came within
   * ANSWER_TIMEOUT_MS. What the stand-in then does with it (parse it, check it against Discord's
   * limits, store it as a message) takes longer for larger replies, and is not the bot's time.
   */
  ms: number | null;
  chart: boolean;
  /** The bot answered with its internal-failure message. */
  failed: boolean;
  /** performance.now() at dispatch, and when the answer arrived (or was given up on). */
  sentAt: number;
  answeredAt: number;
}

function track(standIn: StandIn, p: Planned, phase: Sample['phase']): Promise<Sample> {
  const t0 = performance.now();
  const unanswered = (): Sample => ({ kind: p.kind, phase, ms: null, chart: false, failed: false, sentAt: t0, answeredAt: performance.now() });
  let record: InteractionRecord;
  try {
    record = send(standIn, p);
  } catch {
    return Promise.resolve(unanswered());
  }
  return standIn.waitForAnswer(record, ANSWER_TIMEOUT_MS).then((answered) => {
    const { title, files, receivedAt } = answerSummary(answered);
    // Only the summary is kept: the stand-in's process times every answer, and must not fill up
    // with the replies (see StandIn.forget).
    standIn.forget(answered);
    return { kind: p.kind, phase, ms: receivedAt - t0, chart: files > 0, failed: /went wrong/i.test(title), sentAt: t0, answeredAt: receivedAt };
  }, unanswered);
}

interface Latency {
  count: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
}

/** How many samples were answered, and their nearest-rank p50, p95 and p99. */
function latency(samples: readonly Sample[]): Latency {
  const sorted = samples.flatMap((s) => (s.ms === null ? [] : [s.ms])).sort((a, b) => a - b);
  return { count: sorted.length, p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95), p99Ms: percentile(sorted, 99) };
}

interface LoadResult {
  samples: Sample[];
  steadySeconds: number;
  burstSeconds: number;
  burstAnswered: number;
  rssLoadedMB: number;
  rssPeakMB: number;
  processes: number;
  /** stand-in REST answers ≥ 400 during the load (e.g. 10062 for a late callback). */
  rejected: number;
  botBurstCpuMs: number | null;
  standInBurstCpuMs: number;
}

/** One bot under load: its handle on the stand-in, its process, what was measured so far. */
interface Lane {
  bot: BotName;
  standIn: StandIn;
  child: RunningChild;
  requestsBefore: number;
  samples: Sample[];
  steadyMs: number;
  peakMB: number;
  processes: number;
}

/**
 * `count` interactions from `mix` starting at `from`, dispatched on schedule at RATE/s; all
 * answered before it returns. Counted ones add their dispatch time to the lane's steady time.
 */
async function paced(lane: Lane, mix: readonly Planned[], from: number, count: number, counted: boolean): Promise<Sample[]> {
  const pending: Promise<Sample>[] = [];
  const t0 = performance.now();
  const cap = (count / RATE) * 2000 + 5000;
  while (pending.length < count && performance.now() - t0 < cap) {
    const due = Math.min(count, Math.floor(((performance.now() - t0) / 1000) * RATE) + 1);
    while (pending.length < due) pending.push(track(lane.standIn, mix[(from + pending.length) % mix.length]!, 'steady'));
    await sleep(Math.max(1, (pending.length / RATE) * 1000 - (performance.now() - t0)));
  }
  if (counted) lane.steadyMs += performance.now() - t0;
  const samples = await Promise.all(pending);
  return samples;
}

/**
 * The first `total` interactions of `mix` for each bot, the bots taking turns in blocks of
 * STEADY_BLOCK in ABBA order; `between` runs after each block, when nothing is in flight.
 */
async function takeTurns(lanes: Record<BotName, Lane>, mix: readonly Planned[], total: number, counted: boolean, between: () => void): Promise<void> {
  let lastSent = 0;
  for (const { bot, from, count } of turns(['tierbot', 'baseline'] as const, total, STEADY_BLOCK)) {
    // A block starts one interval after the last block's last dispatch, as any interaction
    // follows the one before: what the other bot's last answer left running (a chart renderer
    // finishing up) must not meet this block's first interaction.
    await sleep(Math.max(0, lastSent + 1000 / RATE - performance.now()));
    const samples = await paced(lanes[bot], mix, from, count, counted);
    if (counted) lanes[bot].samples.push(...samples);
    lastSent = Math.max(...samples.map((s) => s.sentAt));
    between();
  }
}

/**
 * Both bots run side by side under one stand-in, but only one is loaded at a time.
 * The steady phase alternates between them in blocks of STEADY_BLOCK interactions, in ABBA
 * order, so a machine that speeds up or slows down during the run (other tenants, thermal
 * limits) shifts both bots' numbers alike instead of whichever bot happened to run then.
 */
async function loadBoth(lanes: Record<BotName, Lane>, mix: readonly Planned[]): Promise<Record<BotName, LoadResult>> {
  const all = Object.values(lanes);
  const sampleMemory = () => {
    for (const lane of all) {
      const now = treeRssMB(lane.child.pid);
      lane.peakMB = Math.max(lane.peakMB, now.rssMB);
      lane.processes = Math.max(lane.processes, now.processes);
    }
  };
  // Sampling reads /proc synchronously in this process, the stand-in's, for 1–4 ms: an answer
  // arriving meanwhile is captured that much later. While latency is being measured (the steady
  // phase) memory is therefore sampled between blocks, when nothing is in flight; the timer runs
  // only in the bursts, which measure throughput.
  let sampler: NodeJS.Timeout | undefined;
  try {
    // Warm-up, identical for both bots and not counted: the first interactions pay one-time costs
    // (JIT, lazily loaded modules, new connections, a chart renderer starting) that are not the
    // service time the steady phase measures. It takes turns like the steady phase: warmed one
    // bot after the other, the bot warmed first answered the whole steady phase slower at its tail.
    await takeTurns(lanes, mix, WARMUP, false, () => {});
    await sleep(1000);
    progress('steady phase');
    await takeTurns(lanes, mix, STEADY, true, sampleMemory);
    sampler = setInterval(sampleMemory, MEMORY_SAMPLE_MS);

    // Burst: the rest of the mix, all at once, one bot after the other.
    progress('bursts');
    const results = {} as Record<BotName, LoadResult>;
    for (const lane of all) {
      await sleep(1000);
      const cpu0 = treeCpuMs(lane.child.pid);
      const standInCpu0 = process.cpuUsage();
      const b0 = performance.now();
      const burstSamples = await Promise.all(mix.slice(STEADY).map((p) => track(lane.standIn, p, 'burst')));
      const answered = burstSamples.filter((s) => s.ms !== null);
      const lastAnswer = Math.max(b0, ...answered.map((s) => s.answeredAt));
      const cpu1 = treeCpuMs(lane.child.pid);
      const standInCpu = process.cpuUsage(standInCpu0);
      await sleep(1000);
      const after = treeRssMB(lane.child.pid);
      results[lane.bot] = {
        samples: [...lane.samples, ...burstSamples],
        steadySeconds: lane.steadyMs / 1000,
        burstSeconds: (lastAnswer - b0) / 1000,
        burstAnswered: answered.length,
        rssLoadedMB: after.rssMB,
        rssPeakMB: Math.max(lane.peakMB, after.rssMB),
        processes: Math.max(lane.processes, after.processes),
        rejected: lane.standIn.requests.slice(lane.requestsBefore).filter((r) => r.status >= 400).length,
        botBurstCpuMs: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0,
        standInBurstCpuMs: (standInCpu.user + standInCpu.system) / 1000,
      };
    }
    return results;
  } finally {
    clearInterval(sampler);
  }
}

interface Trial {
  startupMs: number;
  rssIdleMB: number;
  load?: LoadResult;
  errorLines: number;
}

const errorLinesOf = (child: RunningChild) => child.lines.filter((l) => /"level":(50|60)/.test(l) || /\bError\b/.test(l)).length;

/** One start of a bot: ready, settle, idle memory, stop. */
async function startOnly(bot: BotName, standIn: StandIn): Promise<Trial> {
  const child = await startBot(bot, standIn);
  try {
    await sleep(IDLE_SETTLE_MS);
    return { startupMs: child.startupMs, rssIdleMB: treeRssMB(child.pid).rssMB, errorLines: errorLinesOf(child) };
  } finally {
    await stopChild(child);
  }
}

/** The last start of both bots (in `order`), each through its handle on the stand-in, then the load on both. */
async function startAndLoad(order: readonly BotName[], standIns: Record<BotName, StandIn>, mix: readonly Planned[]): Promise<Record<BotName, Trial>> {
  const lanes = {} as Record<BotName, Lane>;
  const idle = {} as Record<BotName, number>;
  try {
    for (const bot of order) {
      const child = await startBot(bot, standIns[bot]);
      lanes[bot] = { bot, standIn: standIns[bot], child, requestsBefore: standIns[bot].requests.length, samples: [], steadyMs: 0, peakMB: 0, processes: 1 };
      await sleep(IDLE_SETTLE_MS);
      idle[bot] = treeRssMB(child.pid).rssMB;
    }
    const loads = await loadBoth(lanes, mix);
    const trial = (bot: BotName): Trial => ({ startupMs: lanes[bot].child.startupMs, rssIdleMB: idle[bot], load: loads[bot], errorLines: errorLinesOf(lanes[bot].child) });
    return { tierbot: trial('tierbot'), baseline: trial('baseline') };
  } finally {
    for (const lane of Object.values(lanes)) await stopChild(lane.child);
  }
}

// ── Micro-benchmarks (in this process, after the bots) ────────────────────────────────────────

interface Micro {
  name: string;
  calls: number;
  totalMs: number;
}

function time(name: string, calls: number, body: (i: number) => unknown): Micro {
  let sink = 0;
  for (let i = 0; i < Math.min(calls, 20_000); i++) sink += body(i) ? 1 : 0; // warm-up
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) sink += body(i) ? 1 : 0;
  const totalMs = performance.now() - t0;
  if (sink < 0) console.log(sink); // keeps the calls from being optimised away
  return { name, calls, totalMs };
}

/** The chart a command's reply asks for, as the core would have it drawn. */
async function chartOf(name: string, args: Record<string, string>): Promise<ChartRequest> {
  const reply = await slash(name)!.run(args, testContext({ store: memoryStore() }));
  if (!reply.chart) throw new Error(`/${name} asked for no chart`);
  return reply.chart;
}

/** Median render time of each chart, in this process after a warm-up (issue target: ≤ 100 ms). */
async function chartRenders(): Promise<Record<string, number>> {
  const requests: Record<string, ChartRequest> = {
    tiers: await chartOf('tiers', {}),
    'tier (with marker)': await chartOf('tier', { followers: '30000' }),
    compare: await chartOf('compare', {}),
  };
  const medians: Record<string, number> = {};
  for (const [name, request] of Object.entries(requests)) {
    const render = (await RENDERERS[request.kind]()) as (opts: unknown) => unknown;
    for (let i = 0; i < 5; i++) render(request.opts);
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      render(request.opts);
      times.push(performance.now() - t0);
    }
    medians[name] = median(times);
  }
  return medians;
}

async function micro(): Promise<Micro[]> {
  const inputs = ['30000', '30,000', '30 000', '30k', '12.5k', '1.2M', '2.5 million', '999', '150000', 'abc', '-5', '10m', ' 7,500 ', '1.2345k'];
  // 65,536 counts spread log-uniformly from 10 to 10^9, so every tier of every source is hit.
  const counts = Array.from({ length: 65_536 }, (_, i) => Math.round(10 ** (1 + ((i * 40_503) % 65_536) / 65_536 * 8)));
  const results = [
    time('parseFollowerCount', 200_000, (i) => parseFollowerCount(inputs[i % inputs.length]!).ok),
    time(`classify (all ${SOURCES.length} sources)`, 1_000_000, (i) => classify(counts[i & 65_535]!).consensus),
  ];
  const cases: Record<string, string>[] = [{}, { budget: '5000' }, { preset: 'kardashian' }, { preset: 'ten-micro', platform: 'tiktok' }, { budget: '$20,000' }];
  const context = testContext({ store: memoryStore() });
  const compare = compareCommand!;
  const t0 = performance.now();
  for (let i = 0; i < 2000; i++) await compare.run(cases[i % cases.length]!, context);
  results.push({ name: '/compare run()', calls: 2000, totalMs: performance.now() - t0 });
  return results;
}

// ── Report ────────────────────────────────────────────────────────────────────────────────────

interface BotResult {
  startupMs: number;
  rssIdleMB: number;
  rssLoadedMB: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  throughputPerS: number;
  // Beyond the contract:
  rssPeakMB: number;
  processes: number;
  startupSamplesMs: number[];
  rssIdleSamplesMB: number[];
  steadyRatePerS: number;
  burst: Latency;
  chart: Latency;
  /** Every steady reply, text or chart, whatever the other bot answered. */
  steadyAll: Latency;
  /** How many steady text replies p50/p95/p99 come from. */
  textCount: number;
  steadyByKind: Record<string, Latency & { charts: number }>;
  answered: number;
  unanswered: number;
  failures: number;
  rejected: number;
  errorLines: number;
  botCpuMsPerInteraction: number | null;
  standInCpuMsPerInteraction: number;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const round = (x: number | null, digits = 2) => (x === null || !Number.isFinite(x) ? null : Number(x.toFixed(digits)));
const rounded = (l: Latency): Latency => ({ count: l.count, p50Ms: round(l.p50Ms), p95Ms: round(l.p95Ms), p99Ms: round(l.p99Ms) });

const steadyOf = (trials: Trial[]) => trials.at(-1)!.load!.samples.filter((s) => s.phase === 'steady');

/**
 * The steady-phase positions Tierbot answered in text. Both bots' text latencies come from these
 * same interactions (the mix is the same list, in the same order, for both): the baseline answers
 * everything in text, and p99 of ~290 replies against p99 of 600 would compare the 3rd-slowest
 * of one with the 6th-slowest of the other.
 */
const textPositions = (tierbot: Trial[]) => new Set(steadyOf(tierbot).flatMap((s, i) => ((CALIBRATE ? NEVER_CHARTED.has(s.kind) : !s.chart) ? [i] : [])));

/**
 * Under --calibrate no lane draws charts, so the text positions are those Tierbot never answers
 * with one: about 235 of 600, so that p99 is again about the 3rd-slowest reply, as in a real run
 * (about 286), and not the 6th of 600, which chance moves less.
 */
const NEVER_CHARTED: ReadonlySet<Kind> = new Set(['glossary', 'autocomplete']);

function summarise(trials: Trial[], textAt: ReadonlySet<number>): BotResult {
  const last = trials.at(-1)!;
  const l = last.load!;
  const steady = steadyOf(trials);
  const burst = l.samples.filter((s) => s.phase === 'burst');
  const text = latency(steady.filter((s, i) => !s.chart && textAt.has(i)));
  const kinds = [...new Set(l.samples.map((s) => s.kind))];
  return {
    startupMs: round(median(trials.map((t) => t.startupMs)), 0)!,
    rssIdleMB: round(median(trials.map((t) => t.rssIdleMB)), 1)!,
    rssLoadedMB: round(l.rssLoadedMB, 1)!,
    p50Ms: round(text.p50Ms),
    p95Ms: round(text.p95Ms),
    p99Ms: round(text.p99Ms),
    throughputPerS: round(l.burstSeconds > 0 ? l.burstAnswered / l.burstSeconds : 0, 0)!,
    rssPeakMB: round(l.rssPeakMB, 1)!,
    processes: l.processes,
    startupSamplesMs: trials.map((t) => round(t.startupMs, 0)!),
    rssIdleSamplesMB: trials.map((t) => round(t.rssIdleMB, 1)!),
    steadyRatePerS: round(steady.length / l.steadySeconds, 1)!,
    burst: rounded(latency(burst.filter((s) => !s.chart))),
    chart: rounded(latency(l.samples.filter((s) => s.chart))),
    steadyAll: rounded(latency(steady)),
    textCount: text.count,
    steadyByKind: Object.fromEntries(
      kinds.map((k) => {
        const of = steady.filter((s) => s.kind === k);
        return [k, { ...rounded(latency(of.filter((s) => !s.chart))), charts: of.filter((s) => s.chart).length }];
      }),
    ),
    answered: l.samples.filter((s) => s.ms !== null).length,
    unanswered: l.samples.filter((s) => s.ms === null).length,
    failures: l.samples.filter((s) => s.failed).length,
    rejected: l.rejected,
    errorLines: last.errorLines,
    botCpuMsPerInteraction: l.botBurstCpuMs === null ? null : round(l.botBurstCpuMs / burst.length, 3),
    standInCpuMsPerInteraction: round(l.standInBurstCpuMs / burst.length, 3)!,
  };
}

const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : round(a / b, 3));

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd());
}

/** Each text position's latency for both bots, where both were answered. */
function textPairs(tierbot: Trial[], baseline: Trial[], textAt: ReadonlySet<number>): [number, number][] {
  const t = steadyOf(tierbot);
  const b = steadyOf(baseline);
  return [...textAt].flatMap((i) => {
    const x = t[i]?.ms ?? null;
    const y = b[i]?.ms ?? null;
    return x === null || y === null ? [] : [[x, y] as [number, number]];
  });
}

/**
 * Text positions under way while one of Tierbot's charts was (bench/stats.ts underWayTogether),
 * with both bots' median latency there, and the p99 ratio over the other text positions. Not a
 * target: it shows how much of the text p99 ratio Tierbot's own charts decide, which in this
 * VM's slow stretches, when the renderer is starved of CPU and a chart takes hundreds of
 * milliseconds, is most of it.
 */
function nearCharts(tierbot: Trial[], baseline: Trial[], textAt: ReadonlySet<number>) {
  const t = steadyOf(tierbot);
  const b = steadyOf(baseline);
  const positions = [...textAt];
  const near = underWayTogether(positions.map((i) => t[i]!), t.filter((s) => s.chart));
  const at = (samples: Sample[], isNear: boolean) => latency(positions.filter((_, k) => near[k] === isNear).map((i) => samples[i]!));
  const [tierbotNear, baselineNear] = [at(t, true), at(b, true)];
  return {
    count: tierbotNear.count,
    of: positions.length,
    tierbotP50Ms: round(tierbotNear.p50Ms),
    baselineP50Ms: round(baselineNear.p50Ms),
    p99RatioElsewhere: ratio(at(t, false).p99Ms, at(b, false).p99Ms),
  };
}

type NearCharts = ReturnType<typeof nearCharts>;

type Intervals = Record<'p50' | 'p99', [number, number] | null>;

function report(t: BotResult, b: BotResult, intervals: Intervals, near: NearCharts, world: ReturnType<typeof worldSummary>, micros: Micro[], charts: Record<string, number>) {
  const ratios = {
    p50: ratio(t.p50Ms, b.p50Ms),
    p99: ratio(t.p99Ms, b.p99Ms),
    rssIdle: ratio(t.rssIdleMB, b.rssIdleMB),
    startup: ratio(t.startupMs, b.startupMs),
    p95: ratio(t.p95Ms, b.p95Ms),
    rssLoaded: ratio(t.rssLoadedMB, b.rssLoadedMB),
    throughput: ratio(t.throughputPerS, b.throughputPerS),
  };
  const f = (x: number | null, d = 1) => (x === null ? '—' : x.toFixed(d));
  const x = (v: number | null) => (v === null ? '' : `${v.toFixed(2)}×`);
  const target = (v: number | null, max: number) => `≤ ${max.toFixed(2)}× ${v === null ? '' : v <= max ? 'met' : 'MISSED'}`;
  const pair = (a: number | null, c: number | null, d = 0) => `${f(a, d)} / ${f(c, d)}`;

  say();
  if (CALIBRATE) say('Calibration (--calibrate): the baseline runs in both lanes, so "Tierbot" below is a second baseline, and every ratio is chance alone.');
  say(`World: ${world.guilds} guilds: ${world.channels} channels, ${world.threads} threads, ${world.roles} roles, ${world.emojis} emojis, ` +
    `${world.stickers} stickers, ${world.members} members, ${world.voiceStates} voice states (${(world.jsonBytes / 1e6).toFixed(1)} MB of GUILD_CREATE JSON).`);
  say(`Load: ${WARMUP} uncounted warm-up interactions, then ${INTERACTIONS} interactions, ${STEADY} at ${RATE}/s (the bots taking turns, ${STEADY_BLOCK} at a time) then ${INTERACTIONS - STEADY} in one burst; /compare ${compareCommand ? 'included' : 'not registered, left out'}. ` +
    `Startup and idle RSS: median of ${TRIALS} start(s).`);
  say();
  for (const line of table([
    ['', BOTS.tierbot.label, BOTS.baseline.label, 'ratio', 'target'],
    ['startup → ready (ms)', f(t.startupMs, 0), f(b.startupMs, 0), x(ratios.startup), target(ratios.startup, 1.1)],
    ['RSS idle (MB)', f(t.rssIdleMB), f(b.rssIdleMB), x(ratios.rssIdle), target(ratios.rssIdle, 1.0)],
    ['RSS after load (MB)', f(t.rssLoadedMB), f(b.rssLoadedMB), x(ratios.rssLoaded), ''],
    ['RSS peak during load (MB)', f(t.rssPeakMB), f(b.rssPeakMB), x(ratio(t.rssPeakMB, b.rssPeakMB)), ''],
    ['processes', String(t.processes), String(b.processes), '', ''],
    ['text p50 (ms, steady)', f(t.p50Ms, 2), f(b.p50Ms, 2), x(ratios.p50), target(ratios.p50, 1.1)],
    ['text p95 (ms, steady)', f(t.p95Ms, 2), f(b.p95Ms, 2), x(ratios.p95), ''],
    ['text p99 (ms, steady)', f(t.p99Ms, 2), f(b.p99Ms, 2), x(ratios.p99), target(ratios.p99, 1.1)],
    ['chart replies: n, p50 / p99 (ms)', t.chart.count ? `${t.chart.count}, ${pair(t.chart.p50Ms, t.chart.p99Ms)}` : 'none', b.chart.count ? `${b.chart.count}, ${pair(b.chart.p50Ms, b.chart.p99Ms)}` : 'none', '', ''],
    ['steady rate achieved (/s)', f(t.steadyRatePerS), f(b.steadyRatePerS), '', ''],
    ['throughput, burst (/s)', f(t.throughputPerS, 0), f(b.throughputPerS, 0), x(ratios.throughput), ''],
    ['text p50 / p99 in the burst (ms)', pair(t.burst.p50Ms, t.burst.p99Ms), pair(b.burst.p50Ms, b.burst.p99Ms), '', ''],
    ['bot CPU per interaction, burst (ms)', f(t.botCpuMsPerInteraction, 2), f(b.botCpuMsPerInteraction, 2), x(ratio(t.botCpuMsPerInteraction, b.botCpuMsPerInteraction)), ''],
    ['stand-in CPU per interaction (ms)', f(t.standInCpuMsPerInteraction, 2), f(b.standInCpuMsPerInteraction, 2), '', ''],
    ['answered / unanswered', `${t.answered} / ${t.unanswered}`, `${b.answered} / ${b.unanswered}`, '', ''],
    ['failure replies / REST errors / error logs', `${t.failures} / ${t.rejected} / ${t.errorLines}`, `${b.failures} / ${b.rejected} / ${b.errorLines}`, '', ''],
  ])) say(line);
  say();
  const [a, c] = [BOTS.tierbot.label, BOTS.baseline.label];
  say(`Startup samples (ms): ${a} ${t.startupSamplesMs.join(', ')}; ${c} ${b.startupSamplesMs.join(', ')}. ` +
    `Idle RSS samples (MB): ${a} ${t.rssIdleSamplesMB.join(', ')}; ${c} ${b.rssIdleSamplesMB.join(', ')}.`);
  say(`Text latency comes from the same ${t.textCount} interactions for both bots, ${CALIBRATE ? 'the kinds Tierbot never answers with a chart (/glossary, autocomplete)' : 'those Tierbot answered in text'}. ` +
    `The baseline over all its ${b.steadyAll.count} steady replies: p50 ${f(b.steadyAll.p50Ms, 2)} ms, p95 ${f(b.steadyAll.p95Ms, 2)} ms, p99 ${f(b.steadyAll.p99Ms, 2)} ms.`);
  const interval = (i: [number, number] | null) => (i ? `${i[0].toFixed(2)}–${i[1].toFixed(2)}×` : '—');
  say(`How far the text ratios move by chance (5th–95th percentile over ${BOOTSTRAP_RESAMPLES} resamples of those interactions): ` +
    `p50 ${interval(intervals.p50)}, p99 ${interval(intervals.p99)}.`);
  say(`Text replies under way while one of Tierbot's charts was: ${near.count} of ${near.of}` +
    (near.count ? `; there, p50 Tierbot ${f(near.tierbotP50Ms, 2)} ms, baseline ${f(near.baselineP50Ms, 2)} ms at the same positions` : '') +
    `. Text p99 ratio over the others: ${x(near.p99RatioElsewhere) || '—'} (not a target: it shows how much Tierbot's charts decide).`);
  say();
  say('Steady phase by kind: text replies (the baseline answers everything with one static embed), and how many came with a chart:');
  for (const line of table([
    ['kind', 'text n', 'p50 ms', 'p95 ms', 'p99 ms', 'charts', 'baseline p50', 'baseline p99'],
    ...Object.entries(t.steadyByKind).map(([k, v]) => [k, String(v.count), f(v.p50Ms, 2), f(v.p95Ms, 2), f(v.p99Ms, 2), String(v.charts), f(b.steadyByKind[k]?.p50Ms ?? null, 2), f(b.steadyByKind[k]?.p99Ms ?? null, 2)]),
  ])) say(`  ${line}`);
  say();
  say('Micro-benchmarks (this process, plain loops):');
  for (const line of table([
    ['function', 'calls', 'total ms', 'ns/call', ''],
    ...micros.map((m) => [m.name, m.calls.toLocaleString('en-US'), f(m.totalMs, 0), f((m.totalMs * 1e6) / m.calls, 0),
      m.name.startsWith('classify') && m.calls === 1_000_000 ? `one million: target < 1000 ms ${m.totalMs < 1000 ? 'met' : 'MISSED'}` : '']),
  ])) say(`  ${line}`);
  say();
  say('Chart renders (this process, median of 30 after 5 warm-ups; target ≤ 100 ms):');
  for (const [name, ms] of Object.entries(charts)) say(`  ${name.padEnd(20)} ${f(ms, 1)} ms  ${ms <= 100 ? 'met' : 'MISSED'}`);
  say();
  say(`Finished in ${((performance.now() - began) / 1000).toFixed(0)} s.`);

  if (JSON_OUT) {
    const contract = (r: BotResult) => ({
      startupMs: r.startupMs,
      rssIdleMB: r.rssIdleMB,
      rssLoadedMB: r.rssLoadedMB,
      p50Ms: r.p50Ms,
      p95Ms: r.p95Ms,
      p99Ms: r.p99Ms,
      throughputPerS: r.throughputPerS,
      rssPeakMB: r.rssPeakMB,
      chart: r.chart,
      burst: r.burst,
      answered: r.answered,
      unanswered: r.unanswered,
      cpuMsPerInteraction: r.botCpuMsPerInteraction,
    });
    const microJson = Object.fromEntries(micros.map((m) => [m.name, { calls: m.calls, totalMs: round(m.totalMs, 1) }]));
    const chartJson = Object.fromEntries(Object.entries(charts).map(([name, ms]) => [name, { medianMs: round(ms, 1) }]));
    process.stdout.write(`${JSON.stringify({ ...(CALIBRATE ? { calibration: true } : {}), tierbot: contract(t), baseline: contract(b), ratios, ratioIntervals: intervals, nearCharts: near, micro: microJson, charts: chartJson })}\n`);
  }
}

// ── Main ──────────────────────────────────────────────────────────────────────────────────────

async function main() {
  const guildIds = benchGuildIds(GUILDS);
  const extras = new Map(guildIds.map((id) => [id, guildExtras(id, APPLICATIONS.tierbot.applicationId)]));
  const world = worldSummary(extras.values());
  // One stand-in serving both bots, so both can be up at once (see loadBoth); a handle per bot.
  const [tierbotStandIn, baselineStandIn] = await startSharedStandIn({
    applications: [APPLICATIONS.tierbot, APPLICATIONS.baseline],
    guildIds,
    guildExtras: (id, applicationId) => asSeenBy(extras.get(id) ?? {}, applicationId),
    keepUploads: false,
  });
  const standIns: Record<BotName, StandIn> = { tierbot: tierbotStandIn!, baseline: baselineStandIn! };
  try {
    for (const bot of ['tierbot', 'baseline'] as const) {
      // Registered globally, as a public bot's commands are; both bots register the same ones.
      await deployCommands({ token: APPLICATIONS[bot].token, clientId: APPLICATIONS[bot].applicationId, apiUrl: standIns[bot].apiUrl });
    }
    const mix = planMix(INTERACTIONS, guildIds);

    progress('warm-up: one uncounted start of each bot (TypeScript loader cache, file cache)');
    for (const bot of ['tierbot', 'baseline'] as const) await stopChild(await startBot(bot, standIns[bot]));

    const trials: Record<BotName, Trial[]> = { tierbot: [], baseline: [] };
    const orderOf = (i: number): BotName[] => (i % 2 ? ['baseline', 'tierbot'] : ['tierbot', 'baseline']);
    for (let i = 1; i < TRIALS; i++) {
      for (const bot of orderOf(i)) {
        progress(`${BOTS[bot].label}: start ${i} of ${TRIALS}`);
        trials[bot].push(await startOnly(bot, standIns[bot]));
      }
    }
    progress(`both bots: start ${TRIALS} of ${TRIALS}; then ${STEADY} interactions each at ${RATE}/s, alternating in blocks of ${STEADY_BLOCK}; then a burst of ${INTERACTIONS - STEADY} each`);
    const last = await startAndLoad(orderOf(TRIALS), standIns, mix);
    for (const bot of ['tierbot', 'baseline'] as const) trials[bot].push(last[bot]);

    progress('micro-benchmarks');
    const micros = await micro();
    progress('chart renders');
    const charts = await chartRenders();
    const textAt = textPositions(trials.tierbot);
    const pairs = textPairs(trials.tierbot, trials.baseline, textAt);
    const intervals = { p50: ratioInterval(pairs, 50), p99: ratioInterval(pairs, 99) };
    report(summarise(trials.tierbot, textAt), summarise(trials.baseline, textAt), intervals, nearCharts(trials.tierbot, trials.baseline, textAt), world, micros, charts);
  } finally {
    for (const standIn of Object.values(standIns)) await standIn.close();
  }
}

const run =
  MODE === 'http'
    ? () => import('./http').then((http) => http.runHttpBench())
    : () => {
        setTimeout(() => {
          console.error(`bench: still running after ${HARD_LIMIT_MS / 60_000} minutes; stopping.`);
          process.exit(1);
        }, HARD_LIMIT_MS).unref();
        return main();
      };

run().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`bench failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
