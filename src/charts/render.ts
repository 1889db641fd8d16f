/**
 * ECharts option → PNG, in-process: ECharts renders SVG server-side (no DOM, no canvas) and resvg
 * rasterises it with a font shipped through npm and no system fonts, so the same option gives
 * the same pixels on every machine.
 */

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as zlib from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import type * as Echarts from 'echarts';
import type { EChartsOption } from 'echarts';

const require = createRequire(import.meta.url);

// ECharts' own single-file CommonJS build (what `require('echarts')` gives): one file to load,
// where its ES modules are some hundreds, each resolved through tsx's loader when the renderer starts.
const echarts = require('echarts') as typeof Echarts;

/**
 * Arimo is metric-compatible with Arial, which is what ECharts' built-in text measurement
 * assumes when there is no canvas: labels it lays out (legend, truncation) fit as measured.
 */
export const FONT_FAMILY = 'Arimo';

const fullFont = (weight: string) => require.resolve(`@expo-google-fonts/arimo/${weight}/Arimo_${weight}.ttf`);
const subsetFont = (weight: string) => fileURLToPath(new URL(`./fonts/Arimo_${weight}.subset.ttf`, import.meta.url));

/**
 * The fonts resvg draws with, in the order it prefers them. resvg parses a font file afresh for
 * every text element it draws, so subsets of the same Arimo cut to the scripts charts use (50 KB
 * against 320 KB, made by scripts/subset-chart-font.sh) come first: without them the /tiers
 * overview misses its render-time target on a busy machine. The full fonts follow, so a character
 * outside the subsets still draws (in regular weight: resvg falls back by character).
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
  const image = resvgFor(svg, background, fontFiles).render();
  return { rgba: image.pixels, width: image.width, height: image.height };
}

function resvgFor(svg: string, background: 'white' | 'none', fontFiles: readonly string[] = FONT_FILES): Resvg {
  // Each text element costs resvg a fresh read of its font: a chart should draw only the labels a reader needs.
  return new Resvg(svg, {
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
}

/** Draws an ECharts option as a PNG of exactly `size` pixels. Throws if rendering fails. */
export function drawPng(option: EChartsOption, size: ChartSize): Buffer {
  const pixels = renderPixels(option, size);
  return encodePng(scanlines(pixels, 4), pixels.width, pixels.height, 4);
}

/** An opaque picture as PNG scanlines: RGB (it has no transparency), each row led by its filter byte. */
export interface Backdrop {
  rows: Buffer;
  width: number;
  height: number;
}

/** Pixels drawn on white → a Backdrop, for layers drawn over it many times (pngWithLayer). */
export function backdrop(pixels: Pixels): Backdrop {
  return { rows: scanlines(pixels, 3), width: pixels.width, height: pixels.height };
}

/** ECharts' first element: a transparent rectangle the size of the chart, which draws nothing. */
const ECHARTS_EMPTY_BACKGROUND = /<rect width="[\d.]+" height="[\d.]+" x="0" y="0" fill="none"><\/rect>/;
/** Drawn around a layer's bounding box, for antialiasing at its edges. */
const LAYER_MARGIN_PX = 3;

/** The working copy a layer is drawn into: a chart's 2.4 MB, allocated (and paged in) once. */
let canvas: Buffer | undefined;

/**
 * `layerSvg`, an SVG of the backdrop's size that draws a small part of it (the /tier marker), over
 * the backdrop → PNG. For charts that are a fixed picture plus a part that changes: the picture is
 * drawn once, and each variant costs only its own elements. Only the layer's bounding box is
 * rasterised and blended, on whole pixels, so the result is the same as drawing the whole layer.
 */
export function pngWithLayer(picture: Backdrop, layerSvg: string): Buffer {
  const { width, height } = picture;
  const layer = resvgFor(layerSvg.replace(ECHARTS_EMPTY_BACKGROUND, ''), 'none');
  const box = layer.getBBox();
  if (!canvas || canvas.length !== picture.rows.length) canvas = Buffer.alloc(picture.rows.length);
  canvas.set(picture.rows);
  if (box) {
    const left = Math.max(0, Math.floor(box.x) - LAYER_MARGIN_PX);
    const top = Math.max(0, Math.floor(box.y) - LAYER_MARGIN_PX);
    const right = Math.min(width, Math.ceil(box.x + box.width) + LAYER_MARGIN_PX);
    const bottom = Math.min(height, Math.ceil(box.y + box.height) + LAYER_MARGIN_PX);
    if (right > left && bottom > top) {
      Object.assign(box, { x: left, y: top, width: right - left, height: bottom - top });
      layer.cropByBBox(box);
      const drawn = layer.render();
      blendOver(canvas, width * 3 + 1, left, top, { rgba: drawn.pixels, width: drawn.width, height: drawn.height });
    }
  }
  return encodePng(canvas, width, height, 3);
}

/** Premultiplied RGBA "source over" opaque RGB scanlines, with its top-left corner at (left, top). */
function blendOver(rows: Buffer, stride: number, left: number, top: number, layer: Pixels): void {
  const over = layer.rgba;
  for (let y = 0; y < layer.height; y++) {
    let o = (top + y) * stride + 1 + left * 3;
    for (let i = y * layer.width * 4, end = i + layer.width * 4; i < end; i += 4, o += 3) {
      const alpha = over[i + 3]!;
      if (alpha === 0) continue;
      const keep = 255 - alpha;
      rows[o] = over[i]! + Math.round((rows[o]! * keep) / 255);
      rows[o + 1] = over[i + 1]! + Math.round((rows[o + 1]! * keep) / 255);
      rows[o + 2] = over[i + 2]! + Math.round((rows[o + 2]! * keep) / 255);
    }
  }
}

/** Pixels → PNG scanlines with 3 (RGB, dropping alpha) or 4 (RGBA) bytes a pixel, filter 0 (none). */
function scanlines({ rgba, width, height }: Pixels, channels: 3 | 4): Buffer {
  const stride = width * channels + 1;
  const rows = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    if (channels === 4) {
      rgba.copy(rows, y * stride + 1, y * width * 4, (y + 1) * width * 4);
      continue;
    }
    for (let x = 0, i = y * width * 4, o = y * stride + 1; x < width; x++, i += 4, o += 3) {
      rows[o] = rgba[i]!;
      rows[o + 1] = rgba[i + 1]!;
      rows[o + 2] = rgba[i + 2]!;
    }
  }
  return rows;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** zlib's own crc32 (Node 20.15 and later), or the same sum in JavaScript. */
const crc32 =
  zlib.crc32 ??
  ((data: Buffer): number => {
    let c = 0xffffffff;
    for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  });

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/**
 * PNG scanlines → PNG. resvg's own asPng() compresses harder, which puts the charts past their
 * render-time target; unfiltered rows at zlib level 3 take about half as long, for a slightly larger file.
 */
function encodePng(rows: Buffer, width: number, height: number, channels: 3 | 4): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, channels === 4 ? 6 : 2, 0, 0, 0], 8); // 8 bits a channel, RGBA or RGB, deflate, standard filters, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 3 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
