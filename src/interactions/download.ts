/**
 * Downloads an attachment from the URL Discord gives (its CDN; the stand-in on loopback in
 * tests). Bounded in size and time: a file is user input like any other.
 */

import type { Attachment } from '../commands/types';

/** Larger than any file a command accepts (the roster takes 2 MB): commands check sizes themselves. */
export const DOWNLOAD_LIMIT_BYTES = 4 * 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 10_000;

export async function downloadAttachment(attachment: Attachment): Promise<Uint8Array> {
  if (!/^https?:\/\//.test(attachment.url)) throw new Error('attachment URL is not http(s)');
  const response = await fetch(attachment.url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  if (!response.ok || !response.body) throw new Error(`attachment download failed: HTTP ${response.status}`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > DOWNLOAD_LIMIT_BYTES) throw new Error('attachment larger than the download limit');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
