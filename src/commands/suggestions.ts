/**
 * Autocomplete answers for one option, kept by the text as search reads it: "Mi", "mi" and
 * " mi!" rank alike (search normalises them to "mi"), so they share one answer. Each item's
 * choice is built once and shared by every answer that lists it.
 */

import { normalise } from '../domain/search';
import { Memo, TYPED_TEXT_MEMO } from '../memo';
import type { Choice } from './types';

/** The first keystrokes of a name, which nearly everyone types on the way to it. */
const PREPARED_PREFIX_LENGTHS = [1, 2, 3];

export class Suggestions<T extends object> {
  private readonly answers = new Memo<Choice[]>(TYPED_TEXT_MEMO);
  private readonly choices = new WeakMap<T, Choice>();

  /** `rank` must depend on its query only through `normalise` (as rankMatches does). */
  constructor(
    private readonly rank: (query: string) => readonly T[],
    private readonly toChoice: (item: T) => Choice,
  ) {}

  /** The choices for what has been typed so far. */
  answer(typed: string): Choice[] {
    const query = normalise(typed);
    return this.answers.get(query, () => this.rank(query).map((item) => this.choiceOf(item)));
  }

  /**
   * The answers for nothing typed yet and for the first few letters of each name, one per
   * step, for Command.prepare.
   */
  *prepare(names: Iterable<string>): Generator<Choice[]> {
    const queries = new Set(['']);
    for (const name of names) {
      const words = normalise(name);
      for (const length of PREPARED_PREFIX_LENGTHS) queries.add(words.slice(0, length));
    }
    for (const query of queries) yield this.answer(query);
  }

  private choiceOf(item: T): Choice {
    let choice = this.choices.get(item);
    if (!choice) this.choices.set(item, (choice = this.toChoice(item)));
    return choice;
  }
}
