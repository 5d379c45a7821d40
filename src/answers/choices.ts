import type { Engine } from '../engine/engine.ts';
import type { NameIndex } from '../search/names.ts';
import { suggest, type Suggestion } from './answer.ts';
import { msg, named } from '../messages/message.ts';

/** One autocomplete choice: what the member sees, and the value the command receives. */
export interface Choice {
  name: string;
  value: string;
}

/** Autocomplete choices for names; an empty query lists what the corpus covers. */
export function choices<T extends { id: string; name: string; zh?: string }>(
  index: NameIndex<T>,
  all: readonly T[],
  query: string,
): Choice[] {
  const found = query.trim() ? index.complete(query, 25).map((m) => m.target) : all;
  return found.slice(0, 25).map((t) => ({ name: t.zh ? `${t.name} (${t.zh})` : t.name, value: t.id }));
}

/** Metrics for autocomplete: only those the corpus has figures for, so a choice always answers. */
export function metricChoices(engine: Engine, query: string): Choice[] {
  return choices(engine.metrics, engine.corpus.gazetteer.metrics, query).filter((c) =>
    engine.figures.measures(c.value),
  );
}

/**
 * Autocomplete for a list typed in one option ("jiangsu,shang"): the last piece completed,
 * the pieces before it kept as typed, names already in the list left out.
 */
export function listChoices<T extends { id: string; name: string; zh?: string }>(
  index: NameIndex<T>,
  all: readonly T[],
  typed: string,
): Choice[] {
  const pieces = typed.split(/[,，、;；]/);
  const last = pieces.pop()!;
  const before = pieces.map((p) => p.trim()).filter(Boolean);
  const prefix = before.length ? `${before.join(',')},` : '';
  return choices(index, all, last)
    .filter((c) => !before.includes(c.value))
    .map((c) => ({ name: `${prefix}${c.name}`, value: `${prefix}${c.value}` }));
}

/** The regions nearest a name the corpus does not know, or the most covered ones. */
export function regionSuggestions(engine: Engine, query: string, limit = 5): Suggestion[] {
  const near = engine.regions.search(query, limit).map((m) => m.target);
  const covered = near.length > 0 ? near : engine.coveredRegions().slice(0, limit);
  return covered.map((r) => suggest(msg('nameWithZh', { of: named(r) }), 'region', { name: r.id }));
}
