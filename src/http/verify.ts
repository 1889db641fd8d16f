/**
 * Discord signs each interaction it POSTs: Ed25519 over `timestamp + raw body`, with the
 * application's public key (64 hex characters in the Developer Portal). Node verifies it without
 * a dependency once the raw key is wrapped as an SPKI DER key.
 */

import { createPublicKey, verify, type KeyObject } from 'node:crypto';

const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error('an Ed25519 public key is 64 hex characters');
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
}

/** True only for a well-formed signature that matches; any malformed header is simply false. */
export function isSignedByDiscord(key: KeyObject, signature: string | undefined, timestamp: string | undefined, body: Buffer): boolean {
  if (!signature || !timestamp || !/^[0-9a-f]{128}$/i.test(signature)) return false;
  try {
    return verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signature, 'hex'));
  } catch {
    return false;
  }
}
