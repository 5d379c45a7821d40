import type { Region } from '../corpus/schema.ts';
import { firstItems, notFound, type Answer, type AnswerItem } from './answer.ts';
import type { Engine } from '../engine/engine.ts';
import { excerptAround } from './excerpt.ts';
import { terms } from '../text/normalize.ts';

const kindNames: Record<Region['kind'], string> = {
  country: 'country',
  province: 'province',
  municipality: 'municipality',
  'autonomous-region': 'autonomous region',
  sar: 'special administrative region',
  'prefecture-city': 'city',
  'county-city': 'county-level city',
  district: 'district',
  zone: 'zone',
};

export function describeRegion(engine: Engine, region: Region): string {
  const parents = engine.ancestry(region).slice(0, -1).reverse().map((r) => r.name);
  const within = parents.length ? ` in ${parents.join(', ')}` : '';
  return `${region.name}${region.zh ? ` (${region.zh})` : ''}: ${kindNames[region.kind]}${within}`;
}

/** What the corpus says about a region and everything inside it. */
export function regionAnswer(engine: Engine, name: string): Answer {
  const match = engine.regions.resolve(name);
  if (!match) {
    return notFound('No such region', [`No region in the corpus is called “${name}”.`], engine.regionSuggestions(name));
  }
  const region = match.target;
  const area = engine.withDescendants(region);
  const ids = new Set(area.map((r) => r.id));
  const positions = engine.positionsAbout(ids);
  const title = region.zh ? `${region.name} (${region.zh})` : region.name;
  if (positions.length === 0) {
    return notFound(title, [`${describeRegion(engine, region)}.`, `The corpus does not cover ${region.name} yet.`], engine.regionSuggestions(''));
  }

  // Positions, not passages: a province holds thousands, and only a page of them is shown.
  const { passages, stats } = engine.corpus;
  const speakerIds = new Set<string>();
  for (const at of positions) {
    const speaker = passages[at]!.speaker;
    if (speaker) speakerIds.add(speaker);
  }
  const speakers = [...speakerIds].map((id) => engine.person(id));
  const inside = area.slice(1).filter((r) => engine.covers(r.id));
  const lead = [`${describeRegion(engine, region)}.`];
  if (inside.length) lead.push(`Includes: ${inside.map((r) => r.name).join(', ')}.`);
  if (speakers.length) lead.push(`Quoted: ${speakers.map((p) => `${p.name}, ${p.role}`).join('; ')}.`);

  const names = area.flatMap((r) => [r.name, ...r.aliases]).flatMap((n) => terms(n));
  const figures = engine.statPositionsAbout(ids);
  // Passages whose figures are already shown above would only repeat them.
  const unquoted = engine.passagesWithoutFigures(positions, figures);
  const passageItem = (at: number): AnswerItem => {
    const p = passages[unquoted[at]!]!;
    return { kind: 'passage', citation: engine.cite(p, excerptAround(p.text, names)) };
  };
  const { items, more } = firstItems(
    { count: figures.length, make: (at) => ({ kind: 'figure', ...engine.figure(stats[figures[at]!]!) }) },
    { count: unquoted.length, make: passageItem },
  );
  return {
    found: true,
    title,
    lead,
    items,
    more,
    suggestions: figures.length ? [{ label: `Figures for ${region.name}`, command: `/stat ${stats[figures[0]!]!.metric} region:${region.id}` }] : [],
  };
}
