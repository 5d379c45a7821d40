import type { Region } from '../corpus/schema.ts';
import { firstItems, notFound, suggest, type Answer, type AnswerItem } from './answer.ts';
import { msg, named, namedPerson, type Message } from '../messages/message.ts';
import type { Engine } from '../engine/engine.ts';
import { excerptAround } from './excerpt.ts';
import { terms } from '../text/normalize.ts';
import { cite, figureItem } from './cite.ts';
import { regionSuggestions } from './choices.ts';

/** What a region is and where: "Suzhou (苏州): city in Jiangsu, China." */
export function describeRegion(engine: Engine, region: Region): Message {
  const parents = engine.places.ancestry(region).slice(0, -1).reverse().map(named);
  return msg('regionDescribed', { region: { ...named(region), kind: region.kind }, parents });
}

/** What the corpus says about a region and everything inside it. */
export function regionAnswer(engine: Engine, name: string): Answer {
  const match = engine.regions.resolve(name);
  if (!match) {
    return notFound(msg('noRegionTitle'), [msg('noRegion', { name })], regionSuggestions(engine, name));
  }
  const region = match.target;
  const area = engine.area(region);
  const positions = area.passages();
  const title = msg('nameWithZh', { of: named(region) });
  if (positions.length === 0) {
    return notFound(
      title,
      [describeRegion(engine, region), msg('notCovered', { region: named(region) })],
      regionSuggestions(engine, ''),
    );
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
  const lead = [describeRegion(engine, region)];
  if (inside.length) lead.push(msg('includes', { places: inside.map(named) }));
  if (speakers.length) lead.push(msg('quoted', { people: speakers.map(namedPerson) }));

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
    suggestions: figures.length
      ? [
          suggest(msg('figuresFor', { region: named(region) }), 'stat', {
            metric: stats[figures[0]!]!.metric,
            region: region.id,
          }),
        ]
      : [],
  };
}
