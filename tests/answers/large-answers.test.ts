import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticCorpus } from '../../bench/synthetic/corpus.ts';
import { openCorpus } from '../../src/app/open.ts';
import { MAX_ITEMS } from '../../src/answers/answer.ts';
import { articlesAnswer } from '../../src/answers/articles.ts';
import type { Engine } from '../../src/engine/engine.ts';
import { regionAnswer } from '../../src/answers/region.ts';
import { statAnswer } from '../../src/answers/stat.ts';
import { toDiscordReply } from '../../src/render/discord.ts';
import { toJson } from '../../src/render/json.ts';
import { toText } from '../../src/render/text.ts';
import { CORPUS_DIR } from '../support/corpus.ts';
import { terms } from '../../src/text/normalize.ts';

/** Answers with more items than any reply can hold: they list a page and count the rest. */
let dir: string;
let engine: Engine;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'footnote-large-'));
  await writeSyntheticCorpus(dir, 1500, { gazetteer: path.join(CORPUS_DIR, 'gazetteer.json') });
  ({ engine } = await openCorpus(dir, { prebuilt: 'ignore' }));
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('answers larger than a page', () => {
  it('/articles lists the first articles and says how many more there are, in every form', () => {
    const total = engine.corpus.articles.length;
    expect(total).toBeGreaterThan(MAX_ITEMS);
    const answer = articlesAnswer(engine);
    expect(answer.items).toHaveLength(MAX_ITEMS);
    expect(answer.more).toBe(total - MAX_ITEMS);
    expect(toJson(answer, 'en').more).toBe(total - MAX_ITEMS);
    expect(toText(answer, 'en')).toContain(`…and ${total - MAX_ITEMS} more.`);
    // Discord shows fewer still; its count covers both what the answer and the reply left out.
    const reply = toDiscordReply(answer, { ephemeral: false, locale: 'en' });
    const shown = (reply.content.match(/^-# — /gm) ?? []).length;
    expect(reply.content).toContain(`…and ${total - shown} more not shown`);
  });

  it('/region lists the figures first, then passages, from the whole region', () => {
    const china = regionAnswer(engine, 'China');
    const area = engine.area(engine.region('china'));
    const passages = engine.corpus.passages.filter((p) => p.regions.some((r) => area.ids.has(r)));
    const stats = engine.figures.where({ area });
    const quoted = new Set(stats.map((s) => s.passage));
    expect(china.items).toHaveLength(MAX_ITEMS);
    expect(china.more).toBe(stats.length + passages.filter((p) => !quoted.has(p.id)).length - MAX_ITEMS);
    expect(china.items[0]!.kind).toBe(stats.length ? 'figure' : 'passage');
  });

  it('/stat gives the same figures, in corpus order, whichever index it walks', () => {
    const metric = engine.corpus.stats[0]!.metric;
    const area = engine.area(engine.region(engine.corpus.stats[0]!.region));
    const both = engine.figures.where({ metrics: new Set([metric]), area });
    expect(both).toEqual(engine.corpus.stats.filter((s) => s.metric === metric && area.ids.has(s.region)));
    expect(engine.figures.where({ metrics: new Set([metric]) })).toEqual(
      engine.corpus.stats.filter((s) => s.metric === metric),
    );
    const answer = statAnswer(engine, { metric });
    expect(answer.items.length + (answer.more ?? 0)).toBe(
      engine.corpus.stats.filter((s) => s.metric === metric).length,
    );
  });

  it('finds the figures about words within a place alike, by walking the words or looking up the place', () => {
    const words = engine.figureWords();
    for (const region of engine.coveredRegions().slice(0, 40)) {
      const { ids: area, stats } = engine.area(region);
      for (const question of [
        'industrial value added',
        'gdp growth',
        'enterprises above designated size',
        'output of rocket parts',
      ]) {
        const content = terms(question);
        const among = stats();
        const everywhere = words.covering(content, 0.5).filter(({ stat }) => area.has(stat.region));
        expect(words.covering(content, 0.5, undefined, among), `${question} in ${region.id}`).toEqual(everywhere);
      }
    }
  });

  it('gathers every passage of the articles about a place, once per place asked again', () => {
    for (const region of engine.coveredRegions().slice(0, 40)) {
      const area = engine.area(region);
      const articles = new Set([...area.passages()].map((at) => engine.articleOf(engine.corpus.passages[at]!).id));
      const expected = engine.corpus.passages.flatMap((p, at) => (articles.has(engine.articleOf(p).id) ? [at] : []));
      expect([...area.articles()], region.id).toEqual(expected);
      expect(engine.area(region), region.id).toBe(area);
    }
  });

  it('knows which of a place’s passages quote none of its figures, and which of its figures are quoted from it', () => {
    for (const region of engine.coveredRegions().slice(0, 40)) {
      const area = engine.area(region);
      const { passages, stats } = area;
      const passagesAbout = engine.corpus.passages.filter((p) => p.regions.some((r) => area.ids.has(r)));
      expect([...passages()].map((at) => engine.corpus.passages[at])).toEqual(passagesAbout);
      const quoted = new Set(engine.figures.where({ area }).map((s) => s.passage));
      const expected = passagesAbout.filter((p) => !quoted.has(p.id)).map((p) => engine.positions.of(p.id));
      const place = [passages(), stats()] as const;
      expect([...engine.figures.passagesWithout(...place)], region.id).toEqual(expected);
      const about = new Set(passagesAbout.map((p) => p.id));
      expect(engine.figures.quotedIn(...place), region.id).toEqual(
        engine.figures.where({ area }).filter((s) => about.has(s.passage)),
      );
    }
  });
});
