/**
 * Which characters the chart font can draw. resvg draws anything else as an empty box, so charts
 * that show what people typed (house tier names) keep to what it can draw.
 */

import { readFileSync } from 'node:fs';
import opentype, { type Font } from 'opentype.js';
import { CHART_FONT_FILES } from './render';

let chartFont: Font | undefined;

/** Arimo draws every printable ASCII character, so only other text needs the font's own map. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Whether the chart font has a glyph for `char` (one code point); resvg falls back to the regular weight, so its map decides. */
export function fontHas(char: string): boolean {
  if (PRINTABLE_ASCII.test(char)) return true;
  if (!chartFont) {
    const file = readFileSync(CHART_FONT_FILES.full[0]);
    chartFont = opentype.parse(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength), { lowMemory: true });
  }
  return chartFont.charToGlyphIndex(char) > 0;
}

/** Invisible characters that only modify the one before (emoji and variation selectors, joiners): they go with it. */
const MODIFIER = /[\p{Cf}\p{Variation_Selector}\p{Emoji_Modifier}]/u;

/** `text` without the characters the chart font cannot draw (spaces tidied); the same text when it draws in full. */
export function drawablePart(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text;
  let out = '';
  let dropped = false;
  for (const char of text) {
    if (MODIFIER.test(char)) continue;
    if (fontHas(char)) out += char;
    else dropped = true;
  }
  return dropped ? out.replace(/\s+/g, ' ').trim() : out;
}

