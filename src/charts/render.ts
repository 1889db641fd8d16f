/**
 * ECharts option → PNG, in-process: ECharts renders SVG server-side (no DOM, no canvas) and resvg
 * rasterises it with a font shipped through npm and no system fonts, so the same option gives
 * the same pixels on every machine.
 */

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import type { EChartsOption } from 'echarts';
import { BarChart, CustomChart, LineChart, ScatterChart } from 'echarts/charts';
import { GraphicComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// echarts/core with only what charts use loads in about a third of the time of the full bundle.
// A new chart kind that needs another series type or component registers it here.
echarts.use([
  SVGRenderer,
  CustomChart,
  BarChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  GraphicComponent,
  MarkLineComponent,
]);

/**
 * Arimo is metric-compatible with Arial, which is what ECharts' built-in text measurement
 * assumes when there is no canvas: labels it lays out (legend, truncation) fit as measured.
 */
export const FONT_FAMILY = 'Arimo';

const require = createRequire(import.meta.url);
const fullFont = (weight: string) => require.resolve(`@expo-google-fonts/arimo/${weight}/Arimo_${weight}.ttf`);
const subsetFont = (weight: string) => fileURLToPath(new URL(`./fonts/Arimo_${weight}.subset.ttf`, import.meta.url));

/**
 * The fonts resvg draws with, in the order it prefers them. resvg opens and parses a font file
 * afresh about a dozen times for every text element it draws (strace shows it), so subsets of
 * the same Arimo cut to the scripts charts use (50 KB against 320 KB, made by
 * scripts/subset-chart-font.sh) come first: the /tiers overview rasterises about a third faster,
 * with the same pixels. The full fonts follow, so a character outside the subsets still draws
 * (in regular weight: resvg falls back by character).
 */
export const CHART_FONT_FILES = {
  subset: [subsetFont('400Regular'), subsetFont('700Bold')],
  full: [fullFont('400Regular'), fullFont('700Bold')],
} as const;
const FONT_FILES = [...CHART_FONT_FILES.subset, ...CHART_FONT_FILES.full];

/** 0x219ebc → "#219ebc": TIER_COLOURS are numbers (Discord's form), ECharts wants CSS colours. */
export const hex = (colour: number): string => `#${colour.toString(16).padStart(6, '0')}`;

export interface ChartSize {
  width: number;
  height: number;
}

/** An image as resvg draws it: RGBA, premultiplied by alpha, row by row. */
export interface Pixels {
  rgba: Buffer;
  width: number;
  height: number;
}

/**
 * Renders an ECharts option to pixels of exactly `size`: on white, or on nothing (transparent)
 * for a layer to be drawn over another picture. Throws if rendering fails.
 */
export function renderPixels(option: EChartsOption, size: ChartSize, background: 'white' | 'none' = 'white'): Pixels {
  return rasterise(chartSvg(option, size), background);
}

/** An ECharts option as the SVG ECharts draws for it, set in the chart font. */
export function chartSvg(option: EChartsOption, size: ChartSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, ...option, textStyle: { fontFamily: FONT_FAMILY, ...option.textStyle } });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** SVG → pixels with the bundled fonts only (`fontFiles`: tests compare the subsets with the full fonts). */
export function rasterise(svg: string, background: 'white' | 'none' = 'white', fontFiles: readonly string[] = FONT_FILES): Pixels {
  // Speed note: even with the subsets, each text element costs resvg about 0.2 ms of re-reading
  // its font, most of its time here; a chart should draw only the labels a reader needs.
  const resvg = new Resvg(svg, {
    font: {
      fontFiles: [...fontFiles],
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
      // Generic families in the SVG ("sans-serif") resolve to the bundled font too.
      sansSerifFamily: FONT_FAMILY,
      serifFamily: FONT_FAMILY,
      monospaceFamily: FONT_FAMILY,
    },
    ...(background === 'white' ? { background: '#ffffff' } : {}),
    logLevel: 'off',
  });
  const image = resvg.render();
  return { rgba: image.pixels, width: image.width, height: image.height };
}

/** Renders an ECharts option to a PNG of exactly `size` pixels. Throws if rendering fails. */
export function renderChart(option: EChartsOption, size: ChartSize): Buffer {
  const { rgba, width, height } = renderPixels(option, size);
  return encodePng(rgba, width, height);
}

/**
 * A transparent layer drawn over an opaque picture of the same size → PNG. For charts that are a
 * fixed picture plus a small part that changes (the /tier marker): the picture is drawn once,
 * and each variant costs only its own few elements.
 */
export function layeredPng(base: Pixels, layer: Pixels): Buffer {
  if (base.width !== layer.width || base.height !== layer.height) throw new RangeError('A layer must be the size of the picture under it');
  const out = Buffer.from(base.rgba);
  const over = layer.rgba;
  for (let i = 0; i < over.length; i += 4) {
    const alpha = over[i + 3]!;
    if (alpha === 0) continue;
    // Premultiplied "source over" onto an opaque pixel.
    const keep = 255 - alpha;
    out[i] = over[i]! + Math.round((out[i]! * keep) / 255);
    out[i + 1] = over[i + 1]! + Math.round((out[i + 1]! * keep) / 255);
    out[i + 2] = over[i + 2]! + Math.round((out[i + 2]! * keep) / 255);
    out[i + 3] = 255;
  }
  return encodePng(out, base.width, base.height);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/**
 * RGBA pixels → PNG. resvg's own asPng() compresses harder and took ~13–19 ms of a ~100 ms
 * budget; unfiltered rows at zlib level 3 take ~4 ms for a slightly larger file (~55 KB).
 */
function encodePng(rgba: Buffer, width: number, height: number): Buffer {
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height); // each row: filter byte 0 (none), then pixels
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, standard filters, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 3 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
