import type { Region } from '../corpus/schema.ts';
import { firstItems, notFound, type Answer, type AnswerItem } from './answer.ts';
import type { Engine } from '../engine/engine.ts';
import { excerptAround } from './excerpt.ts';
import { terms } from '../text/normalize.ts';
import { cite, figureItem } from './cite.ts';
import { regionSuggestions } from './choices.ts';

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
  const parents = engine.places.ancestry(region).slice(0, -1).reverse().map((r) => r.name);
  const within = parents.length ? ` in ${parents.join(', ')}` : '';
  return `${region.name}${region.zh ? ` (${region.zh})` : ''}: ${kindNames[region.kind]}${within}`;
}

/** What the corpus says about a region and everything inside it. */
export function regionAnswer(engine: Engine, name: string): Answer {
  const match = engine.regions.resolve(name);
  if (!match) {
    return notFound('No such region', [`No region in the corpus is called “${name}”.`], regionSuggestions(engine, name));
  }
  const region = match.target;
  const area = engine.area(region);
  const positions = area.passages();
  const title = region.zh ? `${region.name} (${region.zh})` : region.name;
  if (positions.length === 0) {
    return notFound(title, [`${describeRegion(engine, region)}.`, `The corpus does not cover ${region.name} yet.`], regionSuggestions(engine, ''));
  }

  // Positions, not passages: a province holds thousands, and only a page of them is shown.
  const { passages, stats } = engine.corpus;
  const speakerIds = new Set<string>();
  for (const at of positions) {
    const speaker = passages[at]!.speaker;
    if (speaker) speakerIds.add(speaker);
  }
  const speakers = [...speakerIds].map((id) => engine.person(id));
  const inside = area.places.slice(1).filter((r) => engine.covers(r.id));
  const lead = [`${describeRegion(engine, region)}.`];
  if (inside.length) lead.push(`Includes: ${inside.map((r) => r.name).join(', ')}.`);
  if (speakers.length) lead.push(`Quoted: ${speakers.map((p) => `${p.name}, ${p.role}`).join('; ')}.`);

  const names = area.places.flatMap((r) => [r.name, ...r.aliases]).flatMap((n) => terms(n));
  const figures = area.stats();
  // Passages whose figures are already shown above would only repeat them.
  const unquoted = engine.figures.passagesWithout(positions, figures);
  const passageItem = (at: number): AnswerItem => {
    const p = passages[unquoted[at]!]!;
    return { kind: 'passage', citation: cite(engine, p, excerptAround(p.text, names)) };
  };
  const { items, more } = firstItems(
    { count: figures.length, make: (at) => ({ kind: 'figure', ...figureItem(engine, stats[figures[at]!]!) }) },
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
