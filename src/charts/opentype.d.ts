/** The part of opentype.js (which ships no types) that font-coverage.ts uses. */
declare module 'opentype.js' {
  export interface Font {
    /** 0 when the font has no glyph for the character. */
    charToGlyphIndex(char: string): number;
  }
  export function parse(buffer: ArrayBuffer, options?: { lowMemory?: boolean }): Font;
  const opentype: { parse: typeof parse };
  export default opentype;
}
