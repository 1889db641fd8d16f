/**
 * The /roster chart: one bar per tier, as tall as the creators in it, labelled with their count
 * and total followers; tiers in the order the command gives them (from the smallest counts to the
 * largest), coloured by the normalised tier they map to.
 */

import type { EChartsOption } from 'echarts';
import type { ChartFile } from './file';
import { countOf, formatCompact, formatCount, labelsApart, shorten } from '../domain/format';
import { shortCount } from '../domain/followers';
import { drawablePart } from './font-coverage';
import { FONT_FAMILY, drawPng, hex, type ChartSize } from './render';
import { textWidth } from './text-width';

export const ROSTER_CHART_SIZE: ChartSize = { width: 1000, height: 520 };
/** More bars than this are not legible at this width: the command folds the rest into one. */
export const MAX_ROSTER_BARS = 16;
/** Bars with no tier colour (ties, "no tier"). */
export const NEUTRAL_BAR = 0x9aa0a6;

const TEXT = '#23272a';
const MUTED = '#5c6370';

export interface RosterChartBar {
  label: string;
  /** The counts the tier covers ("1k–10k"): shown when the chart font cannot draw all of its name. */
  range?: string | undefined;
  creators: number;
  followers: number;
  /** The bar's colour (a tier colour, as a number); the neutral grey when undefined. */
  colour?: number | undefined;
}

export interface RosterChartOptions {
  /** "500 creators by tier", shown as the title. */
  title: string;
  /** What the tiers are: "by your house definition" or "by the publishers' consensus". */
  basis: string;
  bars: RosterChartBar[];
}

/** One line of plain text (no control characters, single spaces). */
const plainLine = (text: string): string => text.replace(/\s+/g, ' ').replace(/[\p{Cc}\p{Cf}]/gu, '').trim();

/** One line of plain text, shortened at a word to `max` characters. */
const oneLine = (text: string, max: number): string => shorten(plainLine(text), max);

const GRID = { left: 64, right: 32, top: 96 };
const LABEL_SIZE = 12;
const LINE_HEIGHT = 15;

/**
 * A bar's name as the chart font draws it: a name with characters it has no glyph for (CJK,
 * Arabic, emoji) would show empty boxes, so it keeps what draws and adds the tier's counts,
 * "rocket (1M+)". With neither, the bar's place in the reply's list ("#2") tells it apart.
 */
function drawableName(bar: RosterChartBar, index: number): string {
  const name = plainLine(bar.label);
  const part = drawablePart(name);
  if (part === name) return name;
  const meaningful = /[\p{L}\p{N}]/u.test(part) ? part : '';
  const range = bar.range ? plainLine(bar.range) : '';
  if (range) return meaningful ? `${meaningful} (${range})` : range;
  return meaningful || `#${index + 1}`;
}

const distinct = (labels: readonly string[]): boolean => new Set(labels).size === labels.length;

/**
 * The bars' names in at most `max` characters each, cut at a word. Names that differ only past the
 * cut (a house's "Very long tier name 1", "… 2") are shortened apart instead, keeping where they
 * differ; any still alike are numbered in the reply's order.
 */
function barNames(bars: readonly RosterChartBar[], max: number): string[] {
  const names = bars.map(drawableName);
  const atEnd = names.map((n) => shorten(n, max));
  if (distinct(atEnd)) return atEnd;
  const apart = labelsApart(names, max);
  return distinct(apart) ? apart : names.map((n, i) => shorten(`${i + 1}. ${n}`, max));
}

/** The followers written shorter, never rounded up past the count ("≈999k" for 999,999): a total near a tier line stays on its side. */
function roughCount(n: number): string {
  const digits = Math.floor(Math.log10(Math.max(1, n)));
  const step = 10 ** Math.max(0, digits - 2);
  return `≈${formatCompact(Math.floor(n / step) * step)}`;
}

/**
 * The label over a bar, "214 · 78,116,093", fitted to `room` pixels: on two lines where it is
 * too wide, with the followers rounded down where even they are, and smaller text as a last resort.
 */
function barValue(bar: RosterChartBar, room: number): { text: string; lines: number; size: number } {
  const creators = formatCount(bar.creators);
  const followers = shortCount(bar.followers);
  const oneLineText = `${creators} · ${followers}`;
  if (textWidth(oneLineText, LABEL_SIZE) <= room) return { text: oneLineText, lines: 1, size: LABEL_SIZE };
  const second = textWidth(followers, LABEL_SIZE) <= room ? followers : roughCount(bar.followers);
  const widest = Math.max(textWidth(creators, LABEL_SIZE), textWidth(second, LABEL_SIZE));
  return { text: `${creators}\n${second}`, lines: 2, size: Math.max(9, Math.min(LABEL_SIZE, Math.floor((LABEL_SIZE * room) / widest))) };
}

export function rosterOption(opts: RosterChartOptions): EChartsOption {
  const bars = opts.bars.slice(0, MAX_ROSTER_BARS);
  const slot = (ROSTER_CHART_SIZE.width - GRID.left - GRID.right) / Math.max(bars.length, 1);
  const labelWidth = Math.max(40, Math.floor(slot) - 8);
  // Tier names wrap under their bars, at most three lines (counted at 8 px a character at 12 px, to leave room for wrapping at spaces).
  const perLine = Math.max(5, Math.floor(labelWidth / 8));
  const labels = barNames(bars, Math.min(28, perLine * 3));
  const lines = Math.min(3, Math.max(1, ...labels.map((l) => Math.ceil(l.length / perLine))));
  const values = bars.map((b) => barValue(b, slot - 6));
  const valueLines = Math.max(1, ...values.map((v) => v.lines));
  return {
    backgroundColor: '#ffffff',
    title: {
      text: oneLine(opts.title, 90),
      subtext: oneLine(`Creators per tier ${opts.basis}; each bar is labelled with its creators and their total followers.`, 140),
      left: 16,
      top: 10,
      textStyle: { fontSize: 18, color: TEXT, fontFamily: FONT_FAMILY },
      subtextStyle: { fontSize: 12, color: MUTED, fontFamily: FONT_FAMILY },
    },
    grid: { ...GRID, top: GRID.top + (valueLines - 1) * LINE_HEIGHT, bottom: 30 + lines * LINE_HEIGHT, containLabel: false },
    xAxis: {
      type: 'category',
      data: labels,
      axisLabel: { color: TEXT, fontSize: LABEL_SIZE, interval: 0, width: labelWidth, overflow: 'break', lineHeight: LINE_HEIGHT },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: MUTED } },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      name: 'creators',
      // Ends at the axis line, over the numbers: centred on the line, it would run into the label over the first bar.
      nameTextStyle: { color: MUTED, fontSize: 12, align: 'right' },
      axisLabel: { color: TEXT, fontSize: 12 },
      splitLine: { lineStyle: { color: '#e3e5e8' } },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 90,
        data: bars.map((b, i) => ({
          value: b.creators,
          itemStyle: { color: hex(b.colour ?? NEUTRAL_BAR) },
          label: {
            show: true,
            position: 'top',
            color: TEXT,
            fontSize: values[i]!.size,
            lineHeight: LINE_HEIGHT,
            fontFamily: FONT_FAMILY,
            formatter: values[i]!.text,
          },
        })),
      },
    ],
  };
}

export function rosterChart(opts: RosterChartOptions): ChartFile {
  const total = opts.bars.reduce((s, b) => s + b.creators, 0);
  return {
    name: 'roster.png',
    data: drawPng(rosterOption(opts), ROSTER_CHART_SIZE),
    description: oneLine(`Chart: ${countOf(total, 'creator')} by tier ${opts.basis}, with each tier's total followers.`, 1000),
  };
}
