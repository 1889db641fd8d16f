/**
 * Autocomplete answers for one option, kept by the text as search reads it: "Mi", "mi" and
 * " mi!" rank alike (search normalises them to "mi"), so they share one answer. Each item's
 * choice is built once and shared by every answer that lists it.
 */

import { normalise } from '../domain/search';
import { Memo, TYPED_TEXT_MEMO, deepFreeze } from '../memo';
import type { Choice } from './types';

export class Suggestions<T extends object> {
  /**
   * The answers for every prefix of every name (see prepare): a fixed table, never evicted, so
   * each keystroke on the way to a name is one lookup. A few thousand short arrays of shared
   * choices at most.
   */
  private readonly prepared = new Map<string, Choice[]>();
  /** Anything else typed (typos, other words), most recent first. */
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
    return this.prepared.get(query) ?? this.answers.get(query, () => this.ranked(query));
  }

  /**
   * The answers for nothing typed yet and for every prefix of each name, one per step, for
   * Command.prepare. People type a name letter by letter, and every keystroke is a request; a
   * search not yet run costs 0.1–0.5 ms in the bot, a prepared one a lookup.
   */
  *prepare(names: Iterable<string>): Generator<Choice[]> {
    const queries = new Set(['']);
    for (const name of names) {
      const words = normalise(name);
      for (let length = 1; length <= words.length; length++) queries.add(normalise(words.slice(0, length)));
    }
    for (const query of queries) {
      let answer = this.prepared.get(query);
      if (!answer) this.prepared.set(query, (answer = this.answers.peek(query) ?? deepFreeze(this.ranked(query))));
      yield answer;
    }
  }

  private ranked(query: string): Choice[] {
    return this.rank(query).map((item) => this.choiceOf(item));
  }

  private choiceOf(item: T): Choice {
    let choice = this.choices.get(item);
    if (!choice) this.choices.set(item, (choice = this.toChoice(item)));
    return choice;
  }
}
