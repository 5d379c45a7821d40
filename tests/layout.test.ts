import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The folders of src/ from the bottom of the flow of data to the top (README, "Where things
 * live"). A module may import from its own folder or from a layer below, never from one above
 * or beside it, and no two modules may import each other, however indirectly.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['text'],
  ['corpus'],
  ['search', 'ingest'],
  ['engine'],
  ['messages'],
  ['answers'],
  ['render'],
  ['command'],
  ['commands'],
  // Storage the bot writes (refused questions, 👎): above the commands, so no answer can depend on it.
  ['feedback'],
  ['app'],
  ['console', 'discord'],
  ['main.ts'],
];

const root = path.resolve(import.meta.dirname, '..');

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const at = path.join(dir, entry.name);
    return entry.isDirectory() ? modules(at) : entry.name.endsWith('.ts') ? [at] : [];
  });
}

/** "src/answers/ask/ask.ts" → "answers"; "commands/stat.ts" → "commands". */
function folderOf(file: string): string {
  const relative = path.relative(root, file).split(path.sep);
  return relative[0] === 'src' ? relative[1]! : relative[0]!;
}

function layerOf(folder: string): number {
  const layer = LAYERS.findIndex((names) => names.includes(folder));
  if (layer < 0) throw new Error(`src/${folder} is in no layer: add it to LAYERS and to the README`);
  return layer;
}

function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) =>
    path.resolve(path.dirname(file), m[1]!),
  );
}

const files = [...modules(path.join(root, 'src')), ...modules(path.join(root, 'commands'))];
const graph = new Map(files.map((file) => [file, importsOf(file)]));

describe('the layout of src/', () => {
  it('has every module in a layer, importing only its own folder or the layers below', () => {
    const upward: string[] = [];
    for (const [file, imports] of graph) {
      const from = folderOf(file);
      for (const target of imports) {
        const to = folderOf(target);
        if (to !== from && layerOf(to) >= layerOf(from))
          upward.push(`${path.relative(root, file)} → ${path.relative(root, target)}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('has no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push(
          trail
            .slice(trail.indexOf(file))
            .concat(file)
            .map((f) => path.relative(root, f))
            .join(' → '),
        );
        return;
      }
      state.set(file, 'open');
      for (const target of graph.get(file) ?? []) visit(target, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
