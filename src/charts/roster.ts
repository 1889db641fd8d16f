/**
 * The /roster chart: one bar per tier, as tall as the creators in it, labelled with their count
 * and total followers; tiers in the order the command gives them (from the smallest counts to the
 * largest), coloured by the normalised tier they map to.
 */

import type { EChartsOption } from 'echarts';
import type { ChartFile } from './file';
import { countOf, formatCount, shorten } from '../domain/format';
import { shortCount } from '../domain/followers';
import { FONT_FAMILY, drawPng, hex, type ChartSize } from './render';

export const ROSTER_CHART_SIZE: ChartSize = { width: 1000, height: 520 };
/** More bars than this are not legible at this width: the command folds the rest into one. */
export const MAX_ROSTER_BARS = 16;
/** Bars with no tier colour (ties, "no tier"). */
export const NEUTRAL_BAR = 0x9aa0a6;

const TEXT = '#23272a';
const MUTED = '#5c6370';

export interface RosterChartBar {
  label: string;
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

/** One line of plain text (no control characters, single spaces), shortened at a word to `max` characters. */
const oneLine = (text: string, max: number): string => shorten(text.replace(/\s+/g, ' ').replace(/[\p{Cc}\p{Cf}]/gu, '').trim(), max);

export function rosterOption(opts: RosterChartOptions): EChartsOption {
  const bars = opts.bars.slice(0, MAX_ROSTER_BARS);
  const labelWidth = Math.max(40, Math.floor((ROSTER_CHART_SIZE.width - 120) / Math.max(bars.length, 1)) - 8);
  // Tier names wrap under their bars, at most three lines (counted at 8 px a character at 12 px, to leave room for wrapping at spaces).
  const perLine = Math.max(5, Math.floor(labelWidth / 8));
  const labels = bars.map((b) => oneLine(b.label, Math.min(28, perLine * 3)));
  const lines = Math.min(3, Math.max(1, ...labels.map((l) => Math.ceil(l.length / perLine))));
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
    grid: { left: 64, right: 32, top: 96, bottom: 30 + lines * 15, containLabel: false },
    xAxis: {
      type: 'category',
      data: labels,
      axisLabel: { color: TEXT, fontSize: 12, interval: 0, width: labelWidth, overflow: 'break', lineHeight: 15 },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: MUTED } },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      name: 'creators',
      nameTextStyle: { color: MUTED, fontSize: 12 },
      axisLabel: { color: TEXT, fontSize: 12 },
      splitLine: { lineStyle: { color: '#e3e5e8' } },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 90,
        data: bars.map((b) => ({
          value: b.creators,
          itemStyle: { color: hex(b.colour ?? NEUTRAL_BAR) },
          label: {
            show: true,
            position: 'top',
            color: TEXT,
            fontSize: 12,
            fontFamily: FONT_FAMILY,
            formatter: `${formatCount(b.creators)} · ${shortCount(b.followers)}`,
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
