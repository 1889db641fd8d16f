import { PNG } from 'pngjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import which from 'which';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chartCounts, chartFile, deliverChart, simulateChartFailure, stopCharts, useIdleScheduler, useRendererBundleDir } from '../src/charts/index';
import { renderPixels } from '../src/charts/render';
import { BUNDLE_DIR } from '../src/charts/renderer-bundle.mjs';
import { AXIS_MAX, AXIS_MIN, MARKER_COLOUR, TIER_CHART_SIZE, markerLayerOption, tierRangesChart, tierRangesOption } from '../src/charts/tier-ranges';
import { TIER_COLOURS } from '../src/domain/tier-style';
import { UNHURRIED_MS } from './fixtures/renderer-wait';
import { comparePlans, parseCompareInput } from '../src/domain/compare';
import { NORMAL_TIERS } from '../src/domain/sources';

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

describe('chartFile (lazy entry)', () => {
  afterEach(() => simulateChartFailure(false));

  it('renders the tiers chart', async () => {
    const file = await chartFile('tiers', { marker: 5_000 }, UNHURRIED_MS);
    expect(file?.name).toBe('tier-5000.png');
    expect(pngSize(file!.data)).toEqual(TIER_CHART_SIZE);
  });

  it('draws a chart asked for again only once: the renderer keeps it', async () => {
    const before = chartCounts();
    const first = await chartFile('tiers', { marker: 7_000 }, UNHURRIED_MS);
    const again = await chartFile('tiers', { marker: 7_000 }, UNHURRIED_MS);
    expect(again?.data.equals(first!.data)).toBe(true);
    expect(chartCounts()).toEqual({ drawn: before.drawn + 1, fromCache: before.fromCache + 1 });
  });

  /** /proc/<pid>/stat after the command name: [1] parent, [16] nice, [38] scheduling policy. */
  const statOf = (pid: number) => {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  };
  /** This process's chart renderer, found in /proc. */
  const rendererPid = () =>
    readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .map(Number)
      .find((pid) => {
        try {
          return statOf(pid)[1] === String(process.pid) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('worker-entry');
        } catch {
          return false;
        }
      });

  it.runIf(process.platform === 'linux')('runs the renderer at nice 19, in the idle scheduling class where chrt is found', async () => {
    expect(await chartFile('tiers', { marker: 8_500 }, UNHURRIED_MS)).toBeDefined();
    const renderer = rendererPid();
    expect(renderer).toBeDefined();
    const stat = statOf(renderer!);
    expect(stat[16]).toBe('19');
    // 5 is SCHED_IDLE; 0, SCHED_OTHER, is what a machine without util-linux's chrt gets.
    expect(stat[38]).toBe(which.sync('chrt', { nothrow: true }) ? '5' : '0');
  });

  it.runIf(process.platform === 'linux')('leaves no file of the bundle it runs from behind', async () => {
    await stopCharts();
    expect(await chartFile('tiers', { marker: 9_500 }, UNHURRIED_MS)).toBeDefined();
    const renderer = rendererPid();
    expect(renderer).toBeDefined();
    expect(readdirSync(BUNDLE_DIR)).not.toContain(`chart-renderer-${renderer}.mjs`);
  });

  it('still draws where its bundle cannot be written: the renderer runs under tsx', async () => {
    await stopCharts();
    useRendererBundleDir('/dev/null/not-a-directory');
    try {
      const file = await chartFile('tiers', { marker: 8_800 }, UNHURRIED_MS);
      expect(file?.name).toBe('tier-8800.png');
      expect(pngSize(file!.data)).toEqual(TIER_CHART_SIZE);
    } finally {
      useRendererBundleDir(undefined);
      await stopCharts();
    }
  });

  it('falls back to a plain start when the idle-class launcher fails', async () => {
    await stopCharts();
    useIdleScheduler('/bin/false'); // exits at once, as chrt would where SCHED_IDLE is refused
    expect(await chartFile('tiers', { marker: 8_000 })).toBeUndefined();
    const file = await chartFile('tiers', { marker: 8_000 }, UNHURRIED_MS);
    expect(file?.name).toBe('tier-8000.png');
  });

  it('resolves to undefined, never throws, when rendering fails', async () => {
    simulateChartFailure(true);
    await expect(chartFile('tiers', {})).resolves.toBeUndefined();
  });

  it('resolves to undefined for a marker that is no count', async () => {
    expect(() => tierRangesChart({ marker: Number.NaN })).toThrow(RangeError);
    await expect(chartFile('tiers', { marker: -5 })).resolves.toBeUndefined();
  });
});

describe('deliverChart (the renderer sends the reply)', () => {
  /** A stand-in for Discord that only counts what reaches it. */
  async function countingServer() {
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      req.resume();
      req.on('end', () => res.writeHead(204).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const delivery = {
      body: { embeds: [{ title: 'x' }], allowed_mentions: { parse: [] } },
      callbackUrl: `${base}/callback`,
      callbackType: 4 as const,
      callbackUntil: Date.now() + 3000,
      originalUrl: `${base}/original`,
    };
    return { seen, delivery, close: () => new Promise((resolve) => server.close(resolve)) };
  }

  it('posts the callback once the bot says so', async () => {
    const discord = await countingServer();
    const decide = vi.fn(async () => 'callback' as const);
    expect(await deliverChart({ kind: 'tiers', opts: { marker: 9_100 } }, discord.delivery, decide)).toBe(true);
    expect(decide).toHaveBeenCalledTimes(1);
    expect(discord.seen).toEqual(['POST /callback']);
    await discord.close();
  });

  it('edits the original response when the bot deferred', async () => {
    const discord = await countingServer();
    expect(await deliverChart({ kind: 'tiers', opts: { marker: 9_200 } }, discord.delivery, async () => 'edit')).toBe(true);
    expect(discord.seen).toEqual(['PATCH /original']);
    await discord.close();
  });

  it('a chart drawn after the bot stopped waiting is dropped: nothing reaches Discord', async () => {
    const discord = await countingServer();
    await chartFile('tiers', { marker: 1 }, UNHURRIED_MS); // a warm renderer, so a job arrives well inside a 20 ms budget
    const decide = vi.fn(async () => 'callback' as const);
    // A comparison takes about 40 ms to draw: the bot has stopped waiting when the renderer says it is ready.
    let dropped = 0;
    for (const budget of ['9301', '9302', '9303']) {
      const parsed = parseCompareInput({ budget });
      if (!parsed.ok) throw new Error(parsed.reason);
      const drawn = chartCounts().drawn;
      expect(await deliverChart({ kind: 'compare', opts: { comparison: comparePlans(parsed.scenario) } }, discord.delivery, decide, 20)).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 500));
      if (chartCounts().drawn > drawn) dropped++;
    }
    expect(dropped).toBeGreaterThan(0);
    expect(decide).not.toHaveBeenCalled();
    expect(discord.seen).toEqual([]);
    await discord.close();
  });
});

describe('module graph', () => {
  const heavy = ['echarts', 'echarts/core', '@resvg/resvg-js'];

  afterEach(() => {
    for (const id of heavy) vi.doUnmock(id);
    vi.resetModules();
  });

  it('the main thread never loads echarts or resvg: commands do not, and charts render in a worker', async () => {
    vi.resetModules();
    const loaded: string[] = [];
    for (const id of heavy) {
      vi.doMock(id, () => {
        loaded.push(id);
        throw new Error(`${id} loaded`);
      });
    }
    await import('../src/commands/index');
    const charts = await import('../src/charts/index');
    const file = await charts.chartFile('tiers', {}, UNHURRIED_MS);
    expect(file?.name).toBe('tiers.png');
    expect(loaded).toEqual([]);
    await charts.stopCharts();
  });
});

describe('what the chart renderer loads', () => {
  it('draws every chart kind without loading discord.js, and takes ECharts as its one-file build', () => {
    // A fresh process, as the renderer is: this test's own process has discord.js loaded already.
    const script = `
      const { tierRangesChart } = await import(${JSON.stringify(new URL('../src/charts/tier-ranges.ts', import.meta.url).href)});
      const { compareChart } = await import(${JSON.stringify(new URL('../src/charts/compare-plans.ts', import.meta.url).href)});
      const { comparePlans, parseCompareInput } = await import(${JSON.stringify(new URL('../src/domain/compare.ts', import.meta.url).href)});
      const parsed = parseCompareInput({});
      const sizes = [tierRangesChart({ marker: 30000 }).data.length, compareChart({ comparison: comparePlans(parsed.scenario) }).data.length];
      const loaded = Object.keys((await import('node:module')).default._cache);
      console.log(JSON.stringify({ sizes, discordJs: loaded.filter((f) => f.includes('/node_modules/discord.js/')).length, echarts: loaded.filter((f) => f.includes('/node_modules/echarts/')).map((f) => f.split('/node_modules/')[1]) }));
    `;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    const result = JSON.parse(out.trim().split('\n').at(-1)!) as { sizes: number[]; discordJs: number; echarts: string[] };
    expect(result.sizes.every((n) => n > 10_000)).toBe(true);
    expect(result.discordJs).toBe(0);
    expect(result.echarts).toEqual(['echarts/dist/echarts.js']);
  }, 30_000);
});
