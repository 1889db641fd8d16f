/**
 * Where a Discord message hides a number or shows it as code: code blocks, inline code, struck
 * text and spoilers, found by Discord's own markdown rules (simple-markdown's), so that the message
 * reader (extract.ts) never reads what a spoiler hides and reads what code in backticks shows.
 */

/**
 * Discord's own rules (simple-markdown's, as Discord sets them) for the markup that hides a number
 * or shows it as code, each tried where the message is read up to. They start with different
 * characters, so only an escape competes with them: a backslash makes the character after it plain
 * text (\`, \||, \~~ open nothing).
 */
const ESCAPE = /\\[^0-9A-Za-z\s]/y;
const CODE_BLOCK = /```(?:[a-z0-9_+\-.#]+?\n)?\n*[^\n][^]*?\n*```/iy;
/** The opening run may give up backticks to find its close: "``x` 5 `" is code holding "`x". */
const INLINE_CODE = /(`+)[\s\S]*?[^`]\1(?!`)/y;
const SPOILER = /\|\|[\s\S]+?\|\|/y;
const STRIKETHROUGH = /~~[\s\S]+?~~(?!_)/y;

/**
 * Discord's rules for markup around text (simple-markdown's): italics, bold, underline, web
 * addresses and masked links (see maskedLinks). What one of them holds is read on its own, as
 * Discord reads it, so a backtick or pipes inside it pair with nothing after it ("**don`t** ||50k||
 * it`s" hides 50k). Rules opening with the same character compete as in simple-markdown: the
 * longest match wins, and on a tie the one listed first. A web address holds no markup at all.
 */
interface EnclosingRule {
  rule: RegExp;
  /** How far into the match the text read on its own (captured first) starts. */
  innerStart?: number;
}
/**
 * simple-markdown's rule opens "_" with a word boundary, which always holds at the start of the
 * text it is given, so it is left out here: the rule is tried at a position, not on a slice.
 */
const ITALICS: EnclosingRule = {
  rule: /_((?:__|\\[\s\S]|[^\\_])+?)_\b|\*(?=\S)((?:\*\*|\\[\s\S]|\s+(?:\\[\s\S]|[^\s*\\]|\*\*)|[^\s*\\])+?)\*(?!\*)/y,
  innerStart: 1,
};
const BOLD: EnclosingRule = { rule: /\*\*((?:\\[\s\S]|[^\\])+?)\*\*(?!\*)/y, innerStart: 2 };
const UNDERLINE: EnclosingRule = { rule: /__((?:\\[\s\S]|[^\\])+?)__(?!_)/y, innerStart: 2 };
const WEB_ADDRESS: EnclosingRule = { rule: /https?:\/\/[^\s<]+[^<.,:;"')\]\s]/y };
/** Discord's tags, each one thing with no markup in it: emoji, mentions, commands, timestamps and a link kept from its preview. */
const TAG: EnclosingRule = { rule: /<(?:a?:\w+:\d+|@[!&]?\d+|#\d+|\/[^>\n]+:\d+|t:-?\d+(?::[tTdDfFR])?|https?:\/\/[^\s>]+)>/y };
const ENCLOSING_BY_OPENING: Readonly<Record<string, readonly EnclosingRule[]>> = {
  '*': [ITALICS, BOLD],
  _: [ITALICS, UNDERLINE],
  h: [WEB_ADDRESS],
  '<': [TAG],
};
/**
 * How deep markup around text is looked for inside markup around text (bold in italics in a link
 * …); deeper, its characters are plain text, which keeps hostile messages fast to read.
 */
const MAX_ENCLOSING_DEPTH = 4;

/** Markup around text: where it ends, and the text in it read on its own, if any. */
interface Enclosing {
  end: number;
  inner?: { start: number; end: number };
}

/**
 * Masked links, "[text](target "title")", read as simple-markdown's link rule reads them: the link
 * starting at a "[", if any. The rule's regular expression can take exponential time on a hostile
 * target ("[a](" then "(\)" many times) and quadratic time over a message of brackets, so it is
 * worked out here for the whole message at once, from its end, each place once. A link's text is
 * items: "[…]", a "]" with another "]" before any "[", or any other character; they are read as far
 * as they go, then given back from the last until "](" and a target that closes follow.
 */
function maskedLinks(message: string): (at: number) => Enclosing | undefined {
  const closes = linkTargetCloses(message);
  const textEnds: (number | undefined)[] = [];
  for (let at = message.length; at >= 0; at--) {
    const afterItem = linkTextItemEnd(message, at);
    const closesHere = message.startsWith('](', at) && linkTargetEnd(message, at + 2, closes) !== undefined;
    textEnds[at] = (afterItem === undefined ? undefined : textEnds[afterItem]) ?? (closesHere ? at : undefined);
  }
  return (at) => {
    const textEnd = textEnds[at + 1];
    if (message[at] !== '[' || textEnd === undefined) return undefined;
    return { end: linkTargetEnd(message, textEnd + 2, closes)!, inner: { start: at + 1, end: textEnd } };
  };
}

/** Where the link text's item starting at `at` ends, if one starts there. */
function linkTextItemEnd(message: string, at: number): number | undefined {
  if (at >= message.length) return undefined;
  if (message[at] === '[') {
    const close = message.indexOf(']', at + 1);
    return close < 0 ? undefined : close + 1;
  }
  if (message[at] === ']') return matchAt(BRACKET_CLOSED_LATER, message, at) ? at + 1 : undefined;
  return at + 1;
}
const BRACKET_CLOSED_LATER = /\][^[\]]*\]/y;

/** Where a link's target starting at `from` closes: spaces and a "<" are taken first, then given back. */
function linkTargetEnd(message: string, from: number, closes: readonly (number | undefined)[]): number | undefined {
  let afterSpaces = from;
  while (/\s/.test(message[afterSpaces] ?? '')) afterSpaces++;
  if (message[afterSpaces] === '<' && closes[afterSpaces + 1] !== undefined) return closes[afterSpaces + 1];
  for (let start = afterSpaces; start >= from; start--) if (closes[start] !== undefined) return closes[start];
  return undefined;
}

/** The close of a link's target: an optional ">", an optional quoted title, then ")". */
const LINK_TARGET_CLOSE = />?(?:\s+['"][\s\S]*?['"])?\s*\)/y;
/** A step through a target: a bracketed "(…)", tried first, or one character with no space, or an escape. */
const LINK_TARGET_GROUP = /\([^)]*\)/y;
const LINK_TARGET_CHARACTER = /[^\s\\]|\\./y;

/**
 * For each place in `message`, where a link target read from there closes: as soon as it can,
 * else after a step through it. Worked out from the message's end, each place once.
 */
function linkTargetCloses(message: string): (number | undefined)[] {
  const closes: (number | undefined)[] = [];
  for (let at = message.length; at >= 0; at--) {
    if (matchAt(LINK_TARGET_CLOSE, message, at)) closes[at] = LINK_TARGET_CLOSE.lastIndex;
    else {
      const afterGroup = matchAt(LINK_TARGET_GROUP, message, at) ? closes[LINK_TARGET_GROUP.lastIndex] : undefined;
      closes[at] = afterGroup ?? (matchAt(LINK_TARGET_CHARACTER, message, at) ? closes[LINK_TARGET_CHARACTER.lastIndex] : undefined);
    }
  }
  return closes;
}

export interface PartSetApart {
  kind: 'code' | 'struck' | 'spoiler';
  start: number;
  end: number;
}

/**
 * The parts of a message whose numbers are no counts: a code block ("const id = 45000;"),
 * struck-through text, and a spoiler (||50k||), which can span lines and is hidden on purpose, so
 * a reply, often public, neither reads nor quotes what is in it. Inline code is none of these:
 * people put a count in backticks to show it (`45k`), as Tierbot's own hints do.
 * The message is read from its start, as Discord reads it: whatever opens first runs to its close,
 * and what is inside it is no markup of its own, or is markup read apart from what is around it.
 * So pipes inside code are shown, not a spoiler ("`a || b`"), a backtick inside a spoiler opens no
 * code that could end it ("||50k`|| `x`"), and neither does one inside bold ("**don`t** ||50k|| `").
 */
export function partsSetApart(message: string): PartSetApart[] {
  return inlineParts(message, 0);
}

/**
 * A quote, a heading or a subtext line, which Discord reads as a block of its own where a line of
 * the message starts, outside any other markup: so a backtick or pipes in it pair with nothing
 * outside it, while a code block or spoiler opened before it runs on through it. Consecutive quote
 * lines are one quote, read as one text without their "> " marks (">>> " quotes the rest of the
 * message).
 */
const OWN_BLOCK = />>> [\s\S]*|> [^\n]*(?:\n> [^\n]*)*|(?:#{1,3}|-#) [^\n]*/y;

/** The block of its own starting at `at`, if a line starts there, with its quote marks blanked out. */
function ownBlockAt(message: string, at: number): { text: string; end: number } | undefined {
  if (at > 0 && message[at - 1] !== '\n') return undefined;
  const block = matchAt(OWN_BLOCK, message, at)?.[0];
  if (!block) return undefined;
  // Blanked, not removed, so what is found in the text is where it is in the message.
  const text = block.startsWith('>>> ') ? `    ${block.slice(4)}` : block.startsWith('> ') ? block.replace(/^> /gm, '  ') : block;
  return { text, end: at + block.length };
}

/** The parts set apart in `message` from `from` to `to`, read on their own, where they are in `message`. */
function partsBetween(message: string, from: number, to: number, depth: number): PartSetApart[] {
  return movedBy(inlineParts(message.slice(from, to), depth), from);
}

/** Parts found in a stretch of text, placed where that stretch starts in the message. */
function movedBy(parts: readonly PartSetApart[], offset: number): PartSetApart[] {
  return parts.map((p) => ({ ...p, start: p.start + offset, end: p.end + offset }));
}

/** The parts set apart within one block of text; `depth`: how deep in markup around text it lies. */
function inlineParts(message: string, depth: number): PartSetApart[] {
  const parts: PartSetApart[] = [];
  // What is inside markup is read as a message of its own: its rules see neither side of it.
  const readApart = (from: number, to: number) => parts.push(...partsBetween(message, from, to, depth + 1));
  let linkAt: ((at: number) => Enclosing | undefined) | undefined;
  let at = 0;
  while (at < message.length) {
    const opening = message[at]!;
    const ownBlock = depth === 0 ? ownBlockAt(message, at) : undefined;
    if (ownBlock) {
      parts.push(...movedBy(inlineParts(ownBlock.text, depth + 1), at));
      at = ownBlock.end;
    } else if (opening === '\\' && matchAt(ESCAPE, message, at)) at += 2;
    else if (opening === '`') {
      const block = matchAt(CODE_BLOCK, message, at);
      if (block) parts.push({ kind: 'code', start: at, end: at + block[0].length });
      const code = block ?? matchAt(INLINE_CODE, message, at);
      at = code ? at + code[0].length : at + 1;
    } else if (opening === '|' && matchAt(SPOILER, message, at)) {
      parts.push({ kind: 'spoiler', start: at, end: SPOILER.lastIndex });
      at = SPOILER.lastIndex;
    } else if (opening === '~' && matchAt(STRIKETHROUGH, message, at)) {
      const end = STRIKETHROUGH.lastIndex;
      // Only text struck on one line has its numbers taken back; text struck over several lines
      // is read as plain, but it still ends where Discord ends it, so code or a spoiler opened
      // inside it closes inside it.
      if (message.slice(at + 2, end - 2).includes('\n')) readApart(at + 2, end - 2);
      else parts.push({ kind: 'struck', start: at, end });
      at = end;
    } else {
      const enclosing = depth >= MAX_ENCLOSING_DEPTH ? undefined : opening === '[' ? (linkAt ??= maskedLinks(message))(at) : longestEnclosing(message, at);
      if (enclosing?.inner) readApart(enclosing.inner.start, enclosing.inner.end);
      at = enclosing ? enclosing.end : at + 1;
    }
  }
  return parts;
}

/** The longest match of the ENCLOSING_BY_OPENING rules starting at `at`, if any. */
function longestEnclosing(message: string, at: number): Enclosing | undefined {
  let longest: Enclosing | undefined;
  for (const { rule, innerStart } of ENCLOSING_BY_OPENING[message[at]!] ?? []) {
    const match = matchAt(rule, message, at);
    if (!match || (longest && at + match[0].length <= longest.end)) continue;
    const inner = match[1] ?? match[2];
    longest = { end: at + match[0].length, ...(innerStart !== undefined && inner ? { inner: { start: at + innerStart, end: at + innerStart + inner.length } } : {}) };
  }
  return longest;
}

/** `rule`'s match starting at `at` (the rule is sticky), if it matches there. */
function matchAt(rule: RegExp, text: string, at: number): RegExpExecArray | null {
  rule.lastIndex = at;
  return rule.exec(text);
}

/** `text` with its spoilers blanked out. */
export function withoutSpoilers(text: string): string {
  let shown = text;
  for (const part of partsSetApart(text)) {
    if (part.kind === 'spoiler') shown = shown.slice(0, part.start) + ' '.repeat(part.end - part.start) + shown.slice(part.end);
  }
  return shown;
}
