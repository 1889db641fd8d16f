/** How wide text set in the chart font (Arimo) is, for charts that place or fit their own labels. */

// Advance widths (1/1000 em) of Arimo, which has Arial's metrics, for ASCII 32–126 and the few
// other characters the charts use; anything else counts as 1 em (too wide, never too narrow).
const REGULAR = [278,278,355,556,556,889,667,191,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,278,278,584,584,584,556,1015,667,667,722,722,667,611,778,722,278,500,667,556,833,722,778,667,778,722,667,611,722,667,944,667,667,611,278,278,278,469,556,333,556,556,500,556,556,278,556,556,222,222,500,222,833,556,556,556,556,333,500,278,556,500,722,500,500,500,334,260,334,584];
const BOLD = [278,333,474,556,556,889,722,238,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,333,333,584,584,584,611,975,722,722,722,722,667,611,778,722,278,556,722,611,833,722,778,667,778,722,667,611,722,667,944,667,667,611,333,278,333,584,556,333,556,611,556,611,556,333,611,611,278,278,556,278,889,611,611,611,611,389,556,333,611,556,778,556,556,500,389,280,389,584];
const OTHER: Record<string, number> = { '×': 584, '·': 278, '≈': 584, '−': 584, '—': 1000, '–': 556, '↓': 500, '…': 1000, '“': 500, '”': 500, '’': 278 };

/** Width in pixels of `text` set in Arimo at `size`. */
export function textWidth(text: string, size: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    em += (code >= 32 && code < 127 ? table[code - 32]! : (OTHER[ch] ?? 1000)) / 1000;
  }
  return em * size;
}
