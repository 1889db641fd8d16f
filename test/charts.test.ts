import { PNG } from 'pngjs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { CHART_BUDGET_MS, CHARTS_IN_HAND, MAX_QUEUED_CHARTS, logChartsTo, renderChart, rendererHasRoom, simulateChartFailure, stopCharts, type ChartKind, type ChartOptionsByKind } from '../src/charts/index';
import { createLogger } from '../src/config/logger';
import { RENDERERS } from '../src/charts/kinds';
import { COMPARE_CHART_SIZE } from '../src/charts/compare-plans';
import { renderPixels, type ChartSize } from '../src/charts/render';
import { ROSTER_CHART_SIZE } from '../src/charts/roster';
import { AXIS_MAX, AXIS_MIN, MARKER_COLOUR, TIER_CHART_SIZE, markerLayerOption, tierRangesChart, tierRangesOption } from '../src/charts/tier-ranges';
import { TIER_COLOURS } from '../src/domain/tier-style';
import { UNHURRIED_MS } from './fixtures/renderer-wait';
import { comparePlans, parseCompareInput } from '../src/domain/compare';
import { NORMAL_TIERS, SOURCES, votes } from '../src/domain/sources';
import { tier } from '../src/commands/tier';
import type { Reply } from '../src/commands/types';
import { memoryStore, testContext } from './support/context';
import { capturingResponder, chatInput } from '../src/cli/local-interaction';
import { tierbotCore } from '../src/interactions/tierbot';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, which must come first. */
function pngSize(data: Buffer): { width: number; height: number } {
  expect(data.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(data.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

const rgbOf = (png: PNG, i: number): number => (png.data[i]! << 16) | (png.data[i + 1]! << 8) | png.data[i + 2]!;

function colourCounts(png: PNG): Map<number, number> {
  const counts = new Map<number, number>();
  for (let i = 0; i < png.data.length; i += 4) {
    const rgb = rgbOf(png, i);
    counts.set(rgb, (counts.get(rgb) ?? 0) + 1);
  }
  return counts;
}

/** The column holding the most marker-coloured pixels: the vertical marker line. */
function markerColumn(png: PNG): number {
  const target = parseInt(MARKER_COLOUR.slice(1), 16);
  const near = (rgb: number) =>
    [16, 8, 0].every((shift) => Math.abs(((rgb >> shift) & 0xff) - ((target >> shift) & 0xff)) <= 24);
  const perColumn = new Array<number>(png.width).fill(0);
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) if (near(rgbOf(png, (y * png.width + x) * 4))) perColumn[x]!++;
  }
  const best = Math.max(...perColumn);
  expect(best).toBeGreaterThan(png.height / 2); // a line down the plot, not just the label
  return perColumn.indexOf(best);
}

const decode = (marker?: number): PNG => PNG.sync.read(tierRangesChart(marker === undefined ? {} : { marker }).data);

describe('tier-ranges chart', () => {
  it('is a PNG of the expected size, in the tier colours, not blank', () => {
    const file = tierRangesChart();
    expect(file.name).toBe('tiers.png');
    expect(pngSize(file.data)).toEqual(TIER_CHART_SIZE);
    const png = PNG.sync.read(file.data);
    expect({ width: png.width, height: png.height }).toEqual(TIER_CHART_SIZE);
    const counts = colourCounts(png);
    expect(counts.size).toBeGreaterThan(200);
    for (const normal of NORMAL_TIERS) expect(counts.get(TIER_COLOURS[normal]) ?? 0, normal).toBeGreaterThan(1000);
  });

  it('says in its alt text how many publishers it draws, as /tier’s headline counts them, and how many definitions', async () => {
    const answer = (await tier.run({ followers: '30k' } as never, testContext())) as Reply;
    const publishers = /How the (\d+) publishers split/.exec(answer.embeds[0]!.description!)?.[1];
    expect(publishers).toBeDefined();
    for (const file of [tierRangesChart(), tierRangesChart({ marker: 30_000 })]) {
      expect(file.description).toContain(`as ${publishers} publishers define them (${SOURCES.filter(votes).length} definitions)`);
    }
  });

  it('draws no marker unless asked', () => {
    const counts = colourCounts(decode());
    expect(counts.get(parseInt(MARKER_COLOUR.slice(1), 16)) ?? 0).toBe(0);
  });

  it('moves the marker with the count', () => {
    expect(tierRangesChart({ marker: 30_000 }).name).toBe('tier-30000.png');
    const low = markerColumn(decode(1_000));
    const high = markerColumn(decode(1_000_000));
    expect(high).toBeGreaterThan(low + 300); // three decades on a ~710 px, five-decade axis
  });

  it('draws the marker over the unmarked chart, which is unchanged everywhere else', () => {
    const plain = decode();
    const marked = decode(30_000);
    const x = markerColumn(marked);
    let changedFar = 0;
    let changedOnLine = 0;
    for (let y = 0; y < plain.height; y++) {
      for (let col = 0; col < plain.width; col++) {
        const i = (y * plain.width + col) * 4;
        const changed = rgbOf(plain, i) !== rgbOf(marked, i);
        if (Math.abs(col - x) <= 1 && changed) changedOnLine++;
        // The label sits above the plot, beside the line: below it, only the line may differ.
        if (y > 90 && Math.abs(col - x) > 2 && changed) changedFar++;
      }
    }
    expect(changedOnLine).toBeGreaterThan(plain.height / 2);
    expect(changedFar).toBe(0);
  });

  it('is, pixel for pixel, the whole marker layer drawn over the whole chart, wherever the marker is', () => {
    // The slow way, which the chart only draws the marker's own box of: both layers at full size.
    const base = renderPixels(tierRangesOption(), TIER_CHART_SIZE).rgba;
    for (const marker of [5, 999, 30_000, 123_456, 4_999_999, 2e9]) {
      const layer = renderPixels(markerLayerOption(marker), TIER_CHART_SIZE, 'none').rgba;
      const png = decode(marker);
      let differing = 0;
      for (let i = 0; i < layer.length; i += 4) {
        const keep = 255 - layer[i + 3]!;
        for (let c = 0; c < 3; c++) if (png.data[i + c] !== layer[i + c]! + Math.round((base[i + c]! * keep) / 255)) differing++;
      }
      expect(differing, `marker at ${marker}`).toBe(0);
    }
  });

  it('clamps an off-axis count to the axis end', () => {
    expect(markerColumn(decode(50))).toBe(markerColumn(decode(AXIS_MIN)));
    expect(markerColumn(decode(25_000_000))).toBe(markerColumn(decode(AXIS_MAX)));
  });
});

/** A chart of each kind, as a command would ask for it, and the size it must come out at. */
function comparison() {
  const parsed = parseCompareInput({ preset: 'kardashian' });
  if (!parsed.ok) throw new Error(parsed.reason);
  return comparePlans(parsed.scenario);
}
const SAMPLES: { [K in ChartKind]?: () => { opts: ChartOptionsByKind[K]; size: ChartSize } } = {
  tiers: () => ({ opts: { marker: 30_000 }, size: TIER_CHART_SIZE }),
  compare: () => ({ opts: { comparison: comparison() }, size: COMPARE_CHART_SIZE }),
  roster: () => ({
    opts: {
      title: '57 creators by tier',
      basis: "by the publishers' consensus",
      bars: [
        { label: 'nano', creators: 30, followers: 120_000, colour: TIER_COLOURS.nano },
        { label: 'micro', creators: 20, followers: 900_000, colour: TIER_COLOURS.micro },
        { label: 'no tier', creators: 7, followers: 2_100 },
      ],
    },
    size: ROSTER_CHART_SIZE,
  }),
};

/** /proc/<pid>/stat after the command name: [1] is the parent. */
const parentOf = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1];
};

/** This process's chart renderer, found in /proc. */
function rendererPid(): number {
  const pid = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .find((candidate) => {
      try {
        return parentOf(candidate) === String(process.pid) && readFileSync(`/proc/${candidate}/cmdline`, 'utf8').includes('charts/worker.ts');
      } catch {
        return false; // exited meanwhile
      }
    });
  if (pid === undefined) throw new Error('no chart renderer running');
  return pid;
}

const tiersChart = (marker: number) => renderChart({ kind: 'tiers', opts: { marker } }, UNHURRIED_MS);

/** Runs `test` with a warm renderer stopped (SIGSTOP), as a stuck one would be; it is let go afterwards if still alive. */
async function withStoppedRenderer(test: (stuck: number) => Promise<void>): Promise<void> {
  expect(await tiersChart(1)).toBeDefined(); // warm
  const stuck = rendererPid();
  process.kill(stuck, 'SIGSTOP');
  try {
    await test(stuck);
  } finally {
    vi.useRealTimers();
    try {
      process.kill(stuck, 'SIGCONT');
    } catch {
      // killed, as it should be
    }
  }
}

/** Date.now() an hour on, with nothing answered meanwhile (undone by vi.useRealTimers()). */
function anHourLater(): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + 60 * 60_000);
}

describe('renderChart', () => {
  // The renderer's cold start, under a deadline only: at nice 19 on a busy machine it can take long.
  beforeAll(() => renderChart({ kind: 'tiers', opts: {} }, 60_000), 90_000);
  afterAll(stopCharts);
  // The renderer's failures, as the bot's logger gets them.
  const logs: Record<string, unknown>[] = [];
  beforeAll(() => logChartsTo(createLogger({ level: 'debug', destination: { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) } })));
  beforeEach(() => {
    logs.length = 0;
    vi.spyOn(process.stderr, 'write');
  });
  afterEach(() => {
    simulateChartFailure(false);
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it.each(Object.keys(RENDERERS) as ChartKind[])('draws a %s chart as a PNG of its size, with a name and alt text', async (kind) => {
    const sample = SAMPLES[kind]?.();
    if (!sample) throw new Error(`add a ${kind} sample to SAMPLES`);
    const file = await renderChart({ kind, opts: sample.opts } as never, UNHURRIED_MS);
    expect(file?.name).toMatch(/^[\w-]+\.png$/);
    expect(file?.description).toBeTruthy();
    const png = PNG.sync.read(file!.data);
    expect({ width: png.width, height: png.height }).toEqual(sample.size);
    expect(png.width).toBeGreaterThanOrEqual(400); // readable in a Discord embed
    expect(png.width).toBeLessThanOrEqual(2000);
    expect(colourCounts(png).size).toBeGreaterThan(50); // drawn, not blank
  });

  it('names the chart for its options', async () => {
    expect((await tiersChart(5_000))?.name).toBe('tier-5000.png');
    expect((await renderChart({ kind: 'tiers', opts: {} }, UNHURRIED_MS))?.name).toBe('tiers.png');
  });

  it('resolves to undefined, never rejects, when the chart cannot be drawn; the error goes to the log', async () => {
    await expect(tiersChart(-5)).resolves.toBeUndefined();
    expect(logs).toContainEqual(expect.objectContaining({ level: 50, msg: 'chart renderer could not draw a chart', chart: 'tiers', reason: expect.stringContaining('-5') }));
    expect(process.stderr.write).not.toHaveBeenCalled(); // no plain-text line among the JSON logs
    expect(await tiersChart(5)).toBeDefined();
  });

  it('resolves to undefined while failure is simulated', async () => {
    simulateChartFailure(true);
    await expect(renderChart({ kind: 'tiers', opts: {} })).resolves.toBeUndefined();
  });

  it.runIf(process.platform === 'linux')('runs the renderer at the lowest CPU priority', async () => {
    expect(await tiersChart(8_500)).toBeDefined();
    const stat = readFileSync(`/proc/${rendererPid()}/stat`, 'utf8');
    expect(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]).toBe('19');
  });

  it.runIf(process.platform === 'linux')('fails only the charts in flight when the renderer dies; the next request starts a new one', async () => {
    expect(await tiersChart(1_000)).toBeDefined(); // warm
    const first = rendererPid();
    // A budget far past the test's own deadline: only the renderer's exit can settle these.
    const inFlight = [renderChart({ kind: 'tiers', opts: { marker: 2_000 } }, 600_000), renderChart({ kind: 'compare', opts: { comparison: comparison() } }, 600_000)];
    process.kill(first, 'SIGKILL');
    expect(await Promise.all(inFlight)).toEqual([undefined, undefined]);
    expect(logs).toContainEqual(expect.objectContaining({ level: 50, msg: 'chart renderer exited', exit: 'SIGKILL', unanswered: 2 }));
    expect(process.stderr.write).not.toHaveBeenCalled();
    const next = await tiersChart(3_000);
    expect(next?.name).toBe('tier-3000.png');
    expect(rendererPid()).not.toBe(first);
  }, 60_000);

  it(`has room for the bot's charts while it holds fewer than ${CHARTS_IN_HAND}`, async () => {
    expect(await tiersChart(1)).toBeDefined(); // warm, and idle again
    expect(rendererHasRoom()).toBe(true);
    const held = Array.from({ length: CHARTS_IN_HAND }, (_, i) => tiersChart(50 + i));
    expect(rendererHasRoom()).toBe(false);
    for (const file of await Promise.all(held)) expect(file).toBeDefined();
    expect(rendererHasRoom()).toBe(true);
  });

  it(`sheds a chart asked for while ${MAX_QUEUED_CHARTS} wait, without waiting itself`, async () => {
    expect(await tiersChart(1)).toBeDefined(); // warm
    const settled: number[] = [];
    const queued = Array.from({ length: MAX_QUEUED_CHARTS }, (_, i) => tiersChart(100 + i).then((file) => (settled.push(i), file)));
    expect(await renderChart({ kind: 'tiers', opts: { marker: 200 } }, UNHURRIED_MS)).toBeUndefined();
    expect(settled).toEqual([]); // answered before any of the queued charts
    for (const file of await Promise.all(queued)) expect(file?.name).toMatch(/^tier-10\d\.png$/);
    expect(await tiersChart(201)).toBeDefined(); // the queue has room again
  });

  it.runIf(process.platform === 'linux')('answers undefined past its budget, and replaces a renderer stuck on a full queue', async () => {
    await withStoppedRenderer(async (stuck) => {
      // Each waits its 50 ms and gives up; the jobs stay queued in the stopped renderer.
      const late = await Promise.all(Array.from({ length: MAX_QUEUED_CHARTS }, (_, i) => renderChart({ kind: 'tiers', opts: { marker: 300 + i } }, 50)));
      expect(late).toEqual(Array.from({ length: MAX_QUEUED_CHARTS }, () => undefined));
      expect(await tiersChart(400)).toBeUndefined(); // the queue is full: shed
      anHourLater();
      const fresh = tiersChart(401);
      vi.useRealTimers();
      expect((await fresh)?.name).toBe('tier-401.png');
      expect(rendererPid()).not.toBe(stuck);
      expect(logs).toContainEqual(expect.objectContaining({ level: 40, msg: 'chart renderer answered none of its charts in time; restarting it', unanswered: MAX_QUEUED_CHARTS }));
    });
  }, 60_000);
  it.runIf(process.platform === 'linux')('a core given a longer chart budget (the CLI) waits for a slow chart that the bot would send without', async () => {
    const tierAt30k = () => chatInput({ guildId: undefined, manager: false }, 'tier', [{ type: 3, name: 'followers', value: '30k' }] as never, {});
    const answer = async (core: ReturnType<typeof tierbotCore>) => {
      const responder = capturingResponder();
      await core.handle(tierAt30k(), responder);
      return responder.final()!.files.map((f) => f.name);
    };
    const slowFor = async <T>(ms: number, work: () => Promise<T>): Promise<T> => {
      let result!: T;
      await withStoppedRenderer(async (stuck) => {
        // Let go after `ms`, unless the answer came first (withStoppedRenderer lets it go then).
        const letGo = setTimeout(() => process.kill(stuck, 'SIGCONT'), ms);
        try {
          result = await work();
        } finally {
          clearTimeout(letGo);
        }
      });
      return result;
    };
    const store = memoryStore();
    const logger = createLogger({ level: 'silent' });
    // Stopped past the bot's budget, then let go: the bot's reply has gone out as text by then.
    expect(await slowFor(CHART_BUDGET_MS + 1000, () => answer(tierbotCore({ store, logger })))).toEqual([]);
    expect(await slowFor(CHART_BUDGET_MS + 1000, () => answer(tierbotCore({ store, logger, chartBudgetMs: UNHURRIED_MS })))).toEqual(['tier-30000.png']);
  }, 60_000);
  it.runIf(process.platform === 'linux')('has room again once a renderer stuck on the charts in its hand is replaced', async () => {
    await withStoppedRenderer(async (stuck) => {
      const late = await Promise.all(Array.from({ length: CHARTS_IN_HAND }, (_, i) => renderChart({ kind: 'tiers', opts: { marker: 500 + i } }, 50)));
      expect(late).toEqual(Array.from({ length: CHARTS_IN_HAND }, () => undefined));
      expect(rendererHasRoom()).toBe(false); // timed out, but still in the stopped renderer's hand
      anHourLater();
      expect(rendererHasRoom()).toBe(true);
      vi.useRealTimers();
      expect((await tiersChart(501))?.name).toBe('tier-501.png');
      expect(rendererPid()).not.toBe(stuck);
    });
  }, 60_000);
});

describe('the bot side of charts', () => {
  it('never loads echarts or resvg, and does not keep the process alive after a chart', () => {
    // A fresh process, as the bot is; it must exit by itself once its chart is back (the timeout
    // below is only a deadline for a cold renderer, at nice 19, on a busy machine).
    const href = (path: string) => JSON.stringify(new URL(path, import.meta.url).href);
    const script = `
      const { default: Module } = await import('node:module');
      const heavy = () => Object.keys(Module._cache).filter((f) => /node_modules\\/(echarts|@resvg)\\//.test(f)).length;
      const { renderChart } = await import(${href('../src/charts/index.ts')});
      const file = await renderChart({ kind: 'tiers', opts: { marker: 30000 } }, 60000);
      const bot = heavy();
      // The control: the renderer's own module does load them, and the check sees it.
      await import(${href('../src/charts/render.ts')});
      console.log(JSON.stringify({ name: file?.name, bot, renderer: heavy() }));
    `;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 90_000 });
    const result = JSON.parse(out.trim().split('\n').at(-1)!) as { name?: string; bot: number; renderer: number };
    expect(result.name).toBe('tier-30000.png');
    expect(result.bot).toBe(0);
    expect(result.renderer).toBeGreaterThan(0);
  }, 120_000);
});

describe('what the chart renderer loads', () => {
  it('draws every chart kind without loading discord.js', () => {
    const script = `
      const { tierRangesChart } = await import(${JSON.stringify(new URL('../src/charts/tier-ranges.ts', import.meta.url).href)});
      const { compareChart } = await import(${JSON.stringify(new URL('../src/charts/compare-plans.ts', import.meta.url).href)});
      const { comparePlans, parseCompareInput } = await import(${JSON.stringify(new URL('../src/domain/compare/index.ts', import.meta.url).href)});
      const parsed = parseCompareInput({});
      const sizes = [tierRangesChart({ marker: 30000 }).data.length, compareChart({ comparison: comparePlans(parsed.scenario) }).data.length];
      const loaded = Object.keys((await import('node:module')).default._cache);
      console.log(JSON.stringify({ sizes, discordJs: loaded.filter((f) => f.includes('/node_modules/discord.js/')).length }));
    `;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    const result = JSON.parse(out.trim().split('\n').at(-1)!) as { sizes: number[]; discordJs: number };
    expect(result.sizes.every((n) => n > 10_000)).toBe(true);
    expect(result.discordJs).toBe(0);
  }, 30_000);
});
