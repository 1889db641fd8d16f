/**
 * Bytes to text: the one UTF-8 text a roster may be, told apart from what is uploaded by mistake
 * (a workbook, a PDF, UTF-16, JSON, a web page), each refused with what it looks like.
 */

import { MAX_ROSTER_BYTES, type RosterError } from './types';

type LooksLike = Extract<RosterError, { kind: 'binary' }>['looksLike'];

const BINARY_SIGNATURES: [number[], LooksLike][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an Excel workbook'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF'],
  [[0x89, 0x50, 0x4e, 0x47], 'an image'],
  [[0xff, 0xd8, 0xff], 'an image'],
  [[0x47, 0x49, 0x46, 0x38], 'an image'],
];

/** Bytes → text, or why they are not a UTF-8 text file. The BOM is noted and dropped. */
export function decodeRosterText(bytes: Uint8Array, maxBytes = MAX_ROSTER_BYTES): { ok: true; text: string; bom: boolean } | { ok: false; error: RosterError } {
  if (bytes.length > maxBytes) return { ok: false, error: { kind: 'too-large', bytes: bytes.length } };
  if (bytes.length === 0) return { ok: false, error: { kind: 'empty' } };
  for (const [signature, looksLike] of BINARY_SIGNATURES) {
    if (signature.every((b, i) => bytes[i] === b)) {
      // An .xlsx is a ZIP whose first entry names the workbook's parts.
      const xlsx = looksLike === 'a ZIP archive' && /\[Content_Types\]\.xml|xl\//.test(String.fromCharCode(...bytes.subarray(0, 200)));
      return { ok: false, error: { kind: 'binary', looksLike: xlsx ? 'an Excel workbook' : looksLike } };
    }
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || looksLikeUtf16(bytes)) return { ok: false, error: { kind: 'encoding', encoding: 'UTF-16' } };
  if (bytes.includes(0)) return { ok: false, error: { kind: 'binary', looksLike: 'binary data' } };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: { kind: 'encoding', encoding: 'not UTF-8' } };
  }
  // TextDecoder drops a leading BOM itself; the file's own bytes say whether there was one.
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { ok: false, error: { kind: 'empty' } };
  // Control characters other than tab and line breaks are not in any spreadsheet export.
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127) controls++;
  }
  if (controls > 0 && controls * 100 > text.length) return { ok: false, error: { kind: 'binary', looksLike: 'binary data' } };
  return { ok: true, text, bom };
}

/** Bytes read to tell UTF-16 without a byte order mark. */
const UTF16_SAMPLE_BYTES = 1024;

/**
 * UTF-16 text without a byte order mark: in most of the first pairs of bytes one byte is zero and
 * the other an ASCII character, the zero always on the same side (a header row is ASCII text).
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const pairs = Math.floor(Math.min(bytes.length, UTF16_SAMPLE_BYTES) / 2);
  let littleEndian = 0;
  let bigEndian = 0;
  for (let i = 0; i < pairs; i++) {
    const [first, second] = [bytes[2 * i]!, bytes[2 * i + 1]!];
    if (second === 0 && first > 0 && first < 0x80) littleEndian++;
    if (first === 0 && second > 0 && second < 0x80) bigEndian++;
  }
  return pairs > 0 && Math.max(littleEndian, bigEndian) * 2 > pairs;
}

/**
 * JSON text saved under a CSV name: it opens with [ or {, and parses as JSON as a whole, or its
 * first line does (JSON Lines), or that line is the lone bracket of pretty-printed JSON.
 */
export function isJson(text: string): boolean {
  const trimmed = text.trim();
  if (!/^[[{]/.test(trimmed)) return false;
  const firstLine = trimmed.split(/\r\n|\n|\r/, 1)[0]!.trim();
  return parsesAsJson(trimmed) || parsesAsJson(firstLine) || firstLine === '[' || firstLine === '{';
}

/** An HTML page: it opens with a doctype or an <html> tag. */
export const isHtml = (text: string): boolean => /^\s*<(?:!doctype\s+html|html)[\s>]/i.test(text);

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
