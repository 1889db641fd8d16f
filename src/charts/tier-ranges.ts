/**
 * The tier-ranges chart: one row per source with numbers, its tiers drawn as coloured segments
 * on a log follower axis, so where the sources agree and disagree shows at a glance. Optionally
 * a vertical marker at one follower count (what /tier was asked about).
 */

import type { CustomSeriesOption, CustomSeriesRenderItem, EChartsOption } from 'echarts';
import { TIER_COLOURS, TIER_LABELS } from '../domain/tier-style';
import type { ChartFile } from './file';
import { formatCompact, formatCount } from '../domain/format';
import { NORMAL_TIERS, SOURCES, votes, type NormalTier, type Source, type Tier } from '../domain/sources';
import { FONT_FAMILY, backdrop, chartSvg, drawPng, hex, pngWithLayer, renderPixels, type Backdrop, type ChartSize } from './render';
import { textWidth } from './text-width';

export const AXIS_MIN = 100;
export const AXIS_MAX = 10_000_000;
/** Not a tier colour, so the marker is never mistaken for a segment (tests look for it too). */
export const MARKER_COLOUR = '#7b2cbf';

const TEXT = '#23272a';
const MUTED = '#5c6370';
const ROW_HEIGHT = 24;
const GRID = { left: 250, right: 44, top: 84, bottom: 74 };
const ARROW = 9;

/** The definitions that vote, as /tiers' table lists them: copies and earlier definitions are in "All sources". */
const ROWS: readonly Source[] = SOURCES.filter(votes);
/** Whom the rows belong to: Adweek's two readings are two rows of one publisher, as /tier's headline counts them. */
const PUBLISHER_COUNT = new Set(ROWS.map((s) => s.publisherId)).size;

export const TIER_CHART_SIZE: ChartSize = {
  width: 1000,
  height: GRID.top + GRID.bottom + ROWS.length * ROW_HEIGHT,
};

/** One tier of one row, clamped to the axis; the flags say which ends run past it. */
interface Segment {
  row: number;
  tier: Tier;
  from: number;
  to: number;
  runsBelow: boolean;
  runsAbove: boolean;
  /** The source gives no upper bound at all (Forbes "as low as 8,000"): drawn fading out. */
  fades: boolean;
}

const clamp = (n: number): number => Math.min(AXIS_MAX, Math.max(AXIS_MIN, n));

/** The lines each source draws (lineFrom/lineTo), so its gaps (gapsOf) stay empty. */
function segments(normal: NormalTier): Segment[] {
  return ROWS.flatMap((source, row) =>
    source.tiers
      // A band the source says is not influencers (HypeAuditor's "Instagram user") stays blank.
      .filter((tier) => tier.normal === normal && !tier.notInfluencer)
      .map((tier) => ({
        row,
        tier,
        from: clamp(tier.lineFrom),
        to: clamp(tier.lineTo ?? AXIS_MAX),
        runsBelow: tier.lineFrom < AXIS_MIN,
        runsAbove: (tier.lineTo === null && !tier.upperUnstated) || (tier.lineTo ?? 0) > AXIS_MAX,
        fades: tier.upperUnstated === true,
      })),
  );
}

/** Black or white, whichever contrasts more with the fill (WCAG relative luminance). */
function textColourOn(colour: number): string {
  const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const [r, g, b] = [16, 8, 0].map((shift) => linear(((colour >> shift) & 0xff) / 255)) as [number, number, number];
  const lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (lum + 0.05) / 0.05 > 1.05 / (lum + 0.05) ? '#000000' : '#ffffff';
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function tierSeries(normal: NormalTier): CustomSeriesOption {
  const colour = hex(TIER_COLOURS[normal]);
  const items = segments(normal);
  const renderItem: CustomSeriesRenderItem = (params, api) => {
    const seg = items[params.dataIndex]!;
    const plot = params.coordSys as unknown as Box;
    const band = plot.height / ROWS.length;
    const h = Math.round(band * 0.68);
    const [x0 = 0, y = 0] = api.coord([seg.from, seg.row]);
    const [x1 = 0] = api.coord([seg.to, seg.row]);
    const top = y - h / 2;
    const fill = seg.fades
      ? { type: 'linear' as const, x: 0, y: 0, x2: 1, y2: 0, colorStops: [{ offset: 0, color: colour }, { offset: 1, color: `${colour}00` }] }
      : colour;
    const arrow = (tipX: number, baseX: number) => ({
      type: 'polygon' as const,
      shape: { points: [[baseX, top - 2], [tipX, y], [baseX, top + h + 2]] },
      style: { fill: colour },
    });
    const label = seg.fades ? `${seg.tier.name} (no upper bound given)` : seg.tier.name;
    const fontSize = 11;
    const fits = textWidth(label, fontSize) + 6 <= x1 - x0;
    return {
      type: 'group',
      children: [
        // The white edge separates a source's neighbouring tiers of one colour (Sprout's micro T3/T2/T1).
        { type: 'rect', shape: { x: x0, y: top, width: Math.max(x1 - x0, 1), height: h }, style: { fill, stroke: '#ffffff', lineWidth: 1 } },
        ...(seg.runsBelow ? [arrow(x0 - ARROW, x0)] : []),
        ...(seg.runsAbove ? [arrow(x1 + ARROW, x1)] : []),
        ...(fits
          ? [
              {
                type: 'text' as const,
                style: {
                  text: label,
                  x: x0 + 4,
                  y,
                  verticalAlign: 'middle' as const,
                  fill: seg.fades ? TEXT : textColourOn(TIER_COLOURS[normal]),
                  fontSize,
                  fontFamily: FONT_FAMILY,
                },
              },
            ]
          : []),
      ],
    };
  };
  return {
    type: 'custom',
    name: TIER_LABELS[normal],
    color: colour,
    encode: { x: [0, 1], y: 2 },
    data: items.map((s) => [s.from, s.to, s.row]),
    renderItem,
    clip: false,
  };
}

function markerSeries(count: number): CustomSeriesOption {
  const at = clamp(count);
  const where = count < AXIS_MIN ? 'below' : count > AXIS_MAX ? 'above' : 'on';
  const text =
    where === 'below'
      ? `← ${formatCount(count)} followers: below the axis (under ${formatCompact(AXIS_MIN)})`
      : where === 'above'
        ? `${formatCount(count)} followers: beyond the axis (over ${formatCompact(AXIS_MAX)}) →`
        : `${formatCount(count)} followers`;
  const renderItem: CustomSeriesRenderItem = (params, api) => {
    const plot = params.coordSys as unknown as Box;
    const [x = 0] = api.coord([at, 0]);
    // Text runs away from the nearer edge so it stays inside the image.
    const leftward = where === 'above' || (where === 'on' && x > plot.x + plot.width * 0.6);
    return {
      type: 'group',
      children: [
        { type: 'line', shape: { x1: x, y1: plot.y - 6, x2: x, y2: plot.y + plot.height }, style: { stroke: MARKER_COLOUR, lineWidth: 2 } },
        {
          type: 'text',
          style: {
            text,
            x: leftward ? x + 1 : x - 1,
            y: plot.y - 6,
            align: leftward ? 'right' : 'left',
            verticalAlign: 'bottom',
            fill: '#ffffff',
            backgroundColor: MARKER_COLOUR,
            padding: [3, 6],
            borderRadius: 3,
            // Regular weight: ECharts sizes the box with Arial's regular widths, too short for bold.
            fontSize: 13,
            fontFamily: FONT_FAMILY,
          },
        },
      ],
    };
  };
  return { type: 'custom', name: 'marker', z: 10, data: [[at, 0]], encode: { x: 0, y: 1 }, renderItem, clip: false };
}

// The plot area and its two scales, shared by the full chart and the marker layer drawn over it:
// the marker lands on the right pixels only while both use the same ones.
const PLOT_GRID = { ...GRID, containLabel: false };
const FOLLOWER_SCALE = { type: 'log', logBase: 10, min: AXIS_MIN, max: AXIS_MAX } as const;
const SOURCE_ROWS = { type: 'category', inverse: true, data: ROWS.map((s) => s.name) } as const;

export function tierRangesOption(): EChartsOption {
  const series = NORMAL_TIERS.map(tierSeries);
  return {
    backgroundColor: '#ffffff',
    title: {
      text: 'Influencer tiers by publisher',
      subtext: 'Each row is one publisher’s own ranges (Adweek gives two readings), on a log scale of followers. There is no industry standard.',
      left: 16,
      top: 10,
      textStyle: { fontSize: 18, color: TEXT, fontFamily: FONT_FAMILY },
      subtextStyle: { fontSize: 12, color: MUTED, fontFamily: FONT_FAMILY },
    },
    legend: {
      data: NORMAL_TIERS.map((n) => TIER_LABELS[n]),
      right: GRID.right,
      top: 14,
      icon: 'rect',
      itemWidth: 16,
      itemHeight: 12,
      textStyle: { fontSize: 12, color: TEXT, fontFamily: FONT_FAMILY },
    },
    grid: PLOT_GRID,
    xAxis: {
      ...FOLLOWER_SCALE,
      name: 'followers (log scale)',
      nameLocation: 'middle',
      nameGap: 26,
      nameTextStyle: { color: MUTED, fontSize: 12 },
      axisLabel: { formatter: (v: number) => formatCompact(v), color: TEXT, fontSize: 12 },
      axisLine: { lineStyle: { color: MUTED } },
      splitLine: { show: true, lineStyle: { color: '#c9ccd1' } },
      minorTick: { show: true },
      minorSplitLine: { show: true, lineStyle: { color: '#eceef1' } },
    },
    yAxis: {
      ...SOURCE_ROWS,
      axisTick: { show: false },
      axisLine: { show: false },
      // The margin leaves room for the "no lower bound" arrowheads left of the axis.
      axisLabel: { color: TEXT, fontSize: 12, margin: ARROW + 8, width: GRID.left - ARROW - 24, overflow: 'truncate' },
      splitArea: { show: true, areaStyle: { color: ['#ffffff', '#f3f4f6'] } },
    },
    graphic: [
      {
        type: 'text',
        left: 16,
        bottom: 10,
        style: {
          text:
            'Arrowhead: the range runs past the axis (no lower bound, or open-ended).  ' +
            'Blank: counts the publisher puts in no tier, or that the figures we have do not cover.',
          fill: MUTED,
          fontSize: 11,
          fontFamily: FONT_FAMILY,
        },
      },
    ],
    series,
  };
}

export interface TierChartOptions {
  /** A follower count to mark with a vertical line. */
  marker?: number;
}

/** Only the marker, on nothing: the full chart's grid and scales, hidden. */
export function markerLayerOption(marker: number): EChartsOption {
  return {
    grid: PLOT_GRID,
    xAxis: { ...FOLLOWER_SCALE, show: false },
    yAxis: { ...SOURCE_ROWS, show: false },
    series: [markerSeries(marker)],
  };
}

/** The chart without a marker: drawn once, under every marker. */
let unmarked: Backdrop | undefined;

export function tierRangesChart(opts: TierChartOptions = {}): ChartFile {
  const { marker } = opts;
  if (marker !== undefined && !(Number.isFinite(marker) && marker >= 0)) throw new RangeError(`Not a follower count: ${marker}`);
  // Redrawing every source's rows for each count would put /tier's chart at its render-time target's edge:
  // the rows are drawn once and each marker is drawn over them.
  const data =
    marker === undefined
      ? drawPng(tierRangesOption(), TIER_CHART_SIZE)
      : pngWithLayer((unmarked ??= backdrop(renderPixels(tierRangesOption(), TIER_CHART_SIZE))), chartSvg(markerLayerOption(marker), TIER_CHART_SIZE));
  const shown = marker === undefined ? '' : `, marking ${formatCount(marker)} followers`;
  return {
    name: marker === undefined ? 'tiers.png' : `tier-${Math.round(marker)}.png`,
    data,
    description: `Chart: influencer tiers as ${PUBLISHER_COUNT} publishers define them (${ROWS.length} definitions), follower ranges on a log scale${shown}.`,
  };
}
