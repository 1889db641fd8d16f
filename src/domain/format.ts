/** Number and list formatting shared by every reply, so "30,000" and "30k" read the same everywhere. */

const COUNT_FORMAT = new Intl.NumberFormat('en-US');

/** 30000 -> "30,000". */
export function formatCount(n: number): string {
  return COUNT_FORMAT.format(n);
}

/** "10,000–49,999", or "1,000,000 and up" for a range with no top. */
export function formatCountRange(min: number, max: number | null): string {
  return max === null ? `${formatCount(min)} and up` : `${formatCount(min)}–${formatCount(max)}`;
}

/** "A", "A and B", "A, B and C"; "" for none. */
export function andList(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '');
}

/** "1 creator", "5,000 creators", "2 repeats": a count and its noun, plural unless there is one. */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** "1 follower", "10,000 followers". */
export const followersText = (n: number): string => countOf(n, 'follower');

/** Compact form for ranges, tables and large amounts: 500, 5k, 12.5k, 1M, 2.5M, 10B, 1T. */
export function formatCompact(n: number): string {
  const units = [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'k'],
  ] as const;
  const i = units.findIndex(([size]) => Math.abs(n) >= size);
  if (i < 0) return String(n);
  const [size, unit] = units[i]!;
  const scaled = Number((n / size).toFixed(2));
  // Rounding may reach the next unit: 999,999 is "1M", never "1000k".
  const larger = units[i - 1];
  if (Math.abs(scaled) >= 1000 && larger) return `${Number((n / larger[0]).toFixed(2))}${larger[1]}`;
  return `${scaled}${unit}`;
}

/**
 * How long Discord counts `text`: in code points, so an emoji outside the Basic Multilingual Plane
 * (🔥, a math letter such as 𝑒) is one character, where JavaScript's `.length` counts two.
 */
export function codePointCount(text: string): number {
  return [...text].length;
}

/** The first `count` code points of `text`: a character outside the Basic Multilingual Plane is never cut in half. */
export function headOf(text: string, count: number): string {
  return [...text].slice(0, Math.max(0, count)).join('');
}

/**
 * Shortens text to at most `max` characters (code points, as Discord counts them), ending with
 * "…": at the last sentence end that keeps at least half the room, else at the last word
 * boundary, never mid-word (unless one word is longer than the room, which is then cut).
 */
export function shorten(text: string, max: number): string {
  if (codePointCount(text) <= max) return text;
  if (max < 2) return '…'.slice(0, Math.max(0, max));
  const room = headOf(text, max - 2);
  const sentence = Math.max(room.lastIndexOf('. '), room.lastIndexOf('! '), room.lastIndexOf('? '), room.lastIndexOf('\n'));
  if (sentence > 0 && codePointCount(room.slice(0, sentence)) >= codePointCount(room) / 2) return `${room.slice(0, sentence + 1).trimEnd()} …`;
  const words = headOf(text, max - 1);
  const space = /\s/u.test(text[words.length] ?? '') ? words.length : words.search(/\s\S*$/u);
  const cut = space > 0 ? words.slice(0, space) : words;
  return `${cut.replace(/[\s,;:·–—-]+$/u, '')}…`;
}

// ── Shortening names apart ───────────────────────────────────────────────────────────────────

/**
 * `text.slice(from, to)`, trimmed, without splitting a character in two. Where a word boundary is
 * near (within half the piece), an end that falls inside a word moves in to it, as long as the
 * position `keep` stays inside the piece.
 */
function piece(text: string, from: number, to: number, keep?: number): string {
  let start = Math.max(0, from);
  let end = Math.min(text.length, to);
  if (/[\uDC00-\uDFFF]/.test(text[start] ?? '')) start += 1;
  if (/[\uDC00-\uDFFF]/.test(text[end] ?? '')) end -= 1;
  const half = (end - start) / 2;
  if (end < text.length && !/\s/u.test(text[end]!)) {
    const space = text.slice(start, end).search(/\s\S*$/u);
    if (space >= half && (keep === undefined || start + space > keep)) end = start + space;
  }
  if (start > 0 && !/\s/u.test(text[start - 1]!)) {
    const space = text.slice(start, end).search(/\s/u);
    if (space >= 0 && space < half && (keep === undefined || start + space + 1 <= keep)) start += space + 1;
  }
  return text.slice(start, end).trim();
}

function sharedStartLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * `text` within `max` characters: its start and its end around "…", with the place where it first
 * differs from the most similar of `others` kept in view.
 */
function shortenApart(text: string, others: readonly string[], max: number): string {
  const room = max - 1;
  const differsAt = Math.max(0, ...others.map((other) => sharedStartLength(text, other)));
  const head = Math.ceil(room * 0.6);
  if (differsAt < head) return `${piece(text, 0, head, differsAt)}…${piece(text, text.length - (room - head), text.length)}`;
  const tail = Math.max(room - head, text.length - differsAt);
  if (tail < room) return `${piece(text, 0, room - tail)}…${piece(text, text.length - tail, text.length, differsAt)}`;
  // The difference is deep in the middle of a very long text: its start, then a window from a
  // little before the difference, each cut marked.
  const lead = Math.ceil(room / 3);
  const window = room - lead - 1;
  const from = Math.max(lead, differsAt - Math.floor(window / 3));
  return `${piece(text, 0, lead)}…${piece(text, from, from + window, differsAt)}…`;
}

/**
 * Each text within `max` characters, the shortened ones told apart: two long names that share
 * their start ("…, Part A" and "…, Part B") keep their ends, where they differ, rather than being
 * cut to the same words.
 */
export function labelsApart(texts: readonly string[], max: number): string[] {
  return texts.map((text, i) => (text.length <= max ? text : shortenApart(text, texts.filter((_, j) => j !== i), max)));
}
