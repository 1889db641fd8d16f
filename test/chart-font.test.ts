/**
 * The charts draw with subsets of Arimo first (src/charts/fonts, for speed) and the full Arimo
 * behind them. These tests show the subsets change no pixel: every character any chart can
 * draw is in them, drawn exactly as the full font draws it, and anything else still draws.
 */

import { describe, expect, it } from 'vitest';
import { COMPARE_CHART_SIZE, compareOption } from '../src/charts/compare-plans';
import { CHART_FONT_FILES, chartSvg, rasterise, renderPixels } from '../src/charts/render';
import { AXIS_MAX, AXIS_MIN, TIER_CHART_SIZE, markerLayerOption, tierRangesOption } from '../src/charts/tier-ranges';
import { PLATFORMS } from '../src/domain/benchmarks';
import { PRESETS, comparePlans, parseCompareInput, type CompareInput } from '../src/domain/compare';

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The characters in an SVG's text elements, as a reader sees them. */
function drawnCharacters(svg: string): string[] {
  const texts = [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
  // Text split into <tspan>s (or any other markup) would escape the pattern above.
  expect(texts.length).toBe(svg.split('<text').length - 1);
  const decoded = texts.join('').replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return XML_ENTITIES[name] ?? whole;
  });
  return [...new Set(decoded)].filter((ch) => ch.trim() !== '');
}

function compareSvg(input: CompareInput): string {
  const parsed = parseCompareInput(input);
  if (!parsed.ok) throw new Error(parsed.reason);
  return chartSvg(compareOption(comparePlans(parsed.scenario)), COMPARE_CHART_SIZE);
}

/** Every chart kind, over the inputs that change its words: presets, platforms, budgets, markers. */
function everyChartsSvg(): string[] {
  const markers = [0, 1, AXIS_MIN / 2, AXIS_MIN, 999, 1_500, 30_000, 999_999, AXIS_MAX, AXIS_MAX * 5, 2_000_000_000];
  const inputs: CompareInput[] = [
    {},
    ...PRESETS.flatMap((preset) => PLATFORMS.map((platform) => ({ preset, platform }))),
    { budget: '5000' },
    { budget: '$1,500', platform: 'tiktok' },
    { big_fee: '0', micro_fee: '0' },
    { conversion: '0', order_value: '0' },
    { micro_count: '1.5k', micro_followers: '1', overlap: '100' },
  ];
  return [
    chartSvg(tierRangesOption(), TIER_CHART_SIZE),
    ...markers.map((m) => chartSvg(markerLayerOption(m), TIER_CHART_SIZE)),
    ...inputs.map(compareSvg),
  ];
}

const glyphSvg = (ch: string, weight: 'normal' | 'bold') =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="40"><text x="8" y="30" font-family="Arimo" font-size="24" font-weight="${weight}">` +
  `${ch.replace('&', '&amp;').replace('<', '&lt;')}</text></svg>`;

const ink = (rgba: Buffer) => rgba.reduce((dark, value, i) => (i % 4 === 0 && value < 128 ? dark + 1 : dark), 0);

describe('the chart font subsets', () => {
  const characters = [...new Set(everyChartsSvg().flatMap(drawnCharacters))];

  it('are asked to draw letters, digits and the symbols the charts use', () => {
    expect(characters.length).toBeGreaterThan(60);
    for (const ch of ['M', 'k', '0', '9', '$', '%', '→']) expect(characters).toContain(ch);
  });

  it('draw every character any chart can draw exactly as the full font does, in both weights', () => {
    const differs: string[] = [];
    for (const ch of characters) {
      for (const weight of ['normal', 'bold'] as const) {
        const subset = rasterise(glyphSvg(ch, weight), 'white', CHART_FONT_FILES.subset).rgba;
        const full = rasterise(glyphSvg(ch, weight), 'white', CHART_FONT_FILES.full).rgba;
        if (ink(full) === 0 || !subset.equals(full)) differs.push(`${ch} (U+${ch.codePointAt(0)!.toString(16)}, ${weight})`);
      }
    }
    expect(differs).toEqual([]);
  });

  it('leave the /tiers overview pixel for pixel as the full font draws it', () => {
    const svg = chartSvg(tierRangesOption(), TIER_CHART_SIZE);
    expect(renderPixels(tierRangesOption(), TIER_CHART_SIZE).rgba.equals(rasterise(svg, 'white', CHART_FONT_FILES.full).rgba)).toBe(true);
  });

  it('still let a character they lack draw, from the full font behind them', () => {
    for (const ch of ['Ж', 'Ω', 'א']) {
      const full = rasterise(glyphSvg(ch, 'normal'), 'white', CHART_FONT_FILES.full).rgba;
      // Alone, a subset draws its "missing glyph" box instead.
      expect(rasterise(glyphSvg(ch, 'normal'), 'white', CHART_FONT_FILES.subset).rgba.equals(full)).toBe(false);
      expect(rasterise(glyphSvg(ch, 'normal')).rgba.equals(full)).toBe(true);
    }
  });
});
