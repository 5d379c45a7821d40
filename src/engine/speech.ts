import type { Passage } from '../corpus/schema.ts';

// Verbs of attribution: a passage with one can answer "who said", even when the source is unnamed.
export const SPEECH = /\b(said|says|pointed out|stated|told|according to)\b/;

/** The passages that quote or report someone, found once per corpus rather than per question. */
export class AttributedPassages {
  /** The positions of the passages that quote or report someone. */
  readonly all: Uint32Array;
  /** Person id → the positions of the passages that quote them (or name them first), ascending. */
  readonly byPerson: ReadonlyMap<string, Uint32Array>;

  constructor(passages: readonly Passage[]) {
    const all: number[] = [];
    const byPerson = new Map<string, number[]>();
    passages.forEach((p, at) => {
      if (!(p.speaker || p.people.length || SPEECH.test(p.text))) return;
      all.push(at);
      const person = p.speaker ?? p.people[0];
      if (!person) return;
      const list = byPerson.get(person);
      if (list) list.push(at);
      else byPerson.set(person, [at]);
    });
    this.all = Uint32Array.from(all);
    this.byPerson = new Map([...byPerson].map(([person, list]) => [person, Uint32Array.from(list)]));
  }
}
