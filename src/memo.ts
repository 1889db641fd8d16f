/**
 * Bounded caches for answers that are pure functions of their key: a glossary term, a source,
 * a /compare scenario, a half-typed autocomplete query, a rendered chart. Asked again, the bot
 * hands back the same object instead of rebuilding (and re-allocating) it, which keeps work
 * and garbage per interaction low. Least recently used entries go first (lru-cache).
 */

import { LRUCache } from 'lru-cache';

/**
 * Cached values are shared by every interaction that asks the same question, so they are frozen:
 * code that tried to change one would throw (ES modules are strict) rather than alter what the
 * next user sees. Binary data (chart PNGs) cannot be frozen and is passed on as it is.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value) || ArrayBuffer.isView(value)) return value;
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}

export interface MemoOptions<V> {
  /** Most entries kept. */
  max: number;
  /** Total size kept, as measured by `sizeOf` (e.g. bytes of PNG); unbounded when not given. */
  maxSize?: number;
  sizeOf?: (value: V) => number;
  /** Keys longer than this (pasted essays in an autocomplete box) are answered but not kept. */
  maxKeyLength?: number;
}

export class Memo<V extends object> {
  private readonly cache: LRUCache<string, V>;
  private readonly maxKeyLength: number;

  constructor({ max, maxSize, sizeOf, maxKeyLength = Infinity }: MemoOptions<V>) {
    this.maxKeyLength = maxKeyLength;
    this.cache = new LRUCache<string, V>({ max, ...(maxSize && sizeOf ? { maxSize, sizeCalculation: (v: V) => Math.max(1, sizeOf(v)) } : {}) });
  }

  /** The value for `key`, built (and frozen) on first use. */
  get(key: string, build: () => V): V {
    if (key.length > this.maxKeyLength) return deepFreeze(build());
    let value = this.cache.get(key);
    if (value === undefined) {
      value = deepFreeze(build());
      this.cache.set(key, value);
    }
    return value;
  }

  /** The value for `key` if it is kept; for results that arrive asynchronously (charts). */
  peek(key: string): V | undefined {
    return this.cache.get(key);
  }

  set(key: string, value: V): void {
    if (key.length > this.maxKeyLength) return;
    this.cache.set(key, deepFreeze(value));
  }

  get size(): number {
    return this.cache.size;
  }
}

/**
 * For answers keyed by the text a user typed: autocomplete by the text so far (people type the
 * same prefixes, "mi", "cp", and every keystroke is a request that must be answered within
 * Discord's 3 seconds), and replies by the exact words asked for (a term, a source). Options are
 * capped at 100 characters; longer text (a paste) is answered, not kept.
 */
export const TYPED_TEXT_MEMO: MemoOptions<object> = { max: 500, maxKeyLength: 100 };
