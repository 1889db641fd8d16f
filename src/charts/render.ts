/**
 * ECharts option → PNG, in-process: ECharts renders SVG server-side (no DOM, no canvas) and resvg
 * rasterises it with a font shipped through npm and no system fonts, so the same option gives
 * the same pixels on every machine.
 */

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import type * as Echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import { PNG, type PackerOptions } from 'pngjs';

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
  const { rgba, width, height } = renderPixels(option, size);
  return encodePng(rgba, width, height, 'rgba');
}

/** An opaque picture, RGB row by row (it has no transparency). */
export interface Backdrop {
  rgb: Buffer;
  width: number;
  height: number;
}

/** Pixels drawn on white → a Backdrop, for layers drawn over it many times (pngWithLayer). */
export function backdrop({ rgba, width, height }: Pixels): Backdrop {
  const rgb = Buffer.alloc(width * height * 3);
  for (let i = 0, o = 0; i < rgba.length; i += 4, o += 3) {
    rgb[o] = rgba[i]!;
    rgb[o + 1] = rgba[i + 1]!;
    rgb[o + 2] = rgba[i + 2]!;
  }
  return { rgb, width, height };
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
  if (!canvas || canvas.length !== picture.rgb.length) canvas = Buffer.alloc(picture.rgb.length);
  canvas.set(picture.rgb);
  if (box) {
    const left = Math.max(0, Math.floor(box.x) - LAYER_MARGIN_PX);
    const top = Math.max(0, Math.floor(box.y) - LAYER_MARGIN_PX);
    const right = Math.min(width, Math.ceil(box.x + box.width) + LAYER_MARGIN_PX);
    const bottom = Math.min(height, Math.ceil(box.y + box.height) + LAYER_MARGIN_PX);
    if (right > left && bottom > top) {
      Object.assign(box, { x: left, y: top, width: right - left, height: bottom - top });
      layer.cropByBBox(box);
      const drawn = layer.render();
      blendOver(canvas, width, left, top, { rgba: drawn.pixels, width: drawn.width, height: drawn.height });
    }
  }
  return encodePng(canvas, width, height, 'rgb');
}

/** Premultiplied RGBA "source over" an opaque RGB picture `width` pixels wide, with its top-left corner at (left, top). */
function blendOver(rgb: Buffer, width: number, left: number, top: number, layer: Pixels): void {
  const over = layer.rgba;
  for (let y = 0; y < layer.height; y++) {
    let o = ((top + y) * width + left) * 3;
    for (let i = y * layer.width * 4, end = i + layer.width * 4; i < end; i += 4, o += 3) {
      const alpha = over[i + 3]!;
      if (alpha === 0) continue;
      const keep = 255 - alpha;
      rgb[o] = over[i]! + Math.round((rgb[o]! * keep) / 255);
      rgb[o + 1] = over[i + 1]! + Math.round((rgb[o + 1]! * keep) / 255);
      rgb[o + 2] = over[i + 2]! + Math.round((rgb[o + 2]! * keep) / 255);
    }
  }
}

const COLOUR_TYPE = { rgb: 2, rgba: 6 } as const;

/**
 * Pixels → PNG. resvg's own asPng() compresses harder, which puts the charts past their
 * render-time target; unfiltered rows at zlib level 3 take about half as long, for a slightly larger file.
 */
function encodePng(data: Buffer, width: number, height: number, channels: keyof typeof COLOUR_TYPE): Buffer {
  const options: PackerOptions = { colorType: COLOUR_TYPE[channels], inputColorType: COLOUR_TYPE[channels], filterType: 0, deflateLevel: 3, deflateStrategy: 0 };
  // PNG.sync.write reads only the picture's size and data: no PNG object (and its own buffer) is needed.
  return PNG.sync.write({ width, height, data } as PNG, options);
}
