/**
 * Autocomplete answers for one option, built on demand (a ranking takes well under a
 * millisecond). Each item's choice is built once and shared by every answer that lists it.
 */

import type { Choice } from './types';

export class Suggestions<T extends object> {
  private readonly choices = new WeakMap<T, Choice>();

  constructor(
    private readonly rank: (query: string) => readonly T[],
    private readonly toChoice: (item: T) => Choice,
  ) {}

  /** The choices for what has been typed so far (at most what `rank` returns). */
  answer(typed: string): Choice[] {
    return this.rank(typed).map((item) => this.choiceOf(item));
  }

  private choiceOf(item: T): Choice {
    let choice = this.choices.get(item);
    if (!choice) this.choices.set(item, (choice = this.toChoice(item)));
    return choice;
  }
}
