import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.ts';
import { askAnswer, understand } from '../../src/answers/ask/ask.ts';
import { readQuery } from '../../src/answers/ask/query.ts';
import { familyOf } from '../../src/text/families.ts';
import { askedSpan, fit, resolveAsked, spansInText } from '../../src/text/span.ts';
import { isEnglishWord, partOfSpeech } from '../../src/text/synonyms.ts';
import { stem } from '../../src/text/normalize.ts';
import { seedEngine } from '../support/corpus.ts';

// The mechanisms that let /ask read paraphrase (issue #12), each on its own and through the seed.
let engine: Engine;
beforeAll(async () => {
  engine = await seedEngine();
});

const figures = (question: string) =>
  askAnswer(engine, question).items.flatMap((i) => (i.kind === 'figure' ? [i.figure.metric] : []));

describe('lexical resources', () => {
  it('keeps families of reporting words WordNet lacks: produce meets output, take in meets revenue', () => {
    expect(familyOf('produce')).toContain(stem('output'));
    expect(familyOf('money')).toContain(stem('revenue'));
    expect(familyOf('hotels')).toEqual(expect.arrayContaining([stem('accommodation'), stem('catering')]));
    expect(familyOf('zebra')).toEqual([]);
  });

  it("tells a word's commonest part of speech from WordNet's tagged senses", () => {
    expect(partOfSpeech('help')).toBe('verb');
    expect(partOfSpeech('exchange')).toBe('noun');
    expect(partOfSpeech('special')).toBe('adj');
    expect(isEnglishWord('centres')).toBe(true);
    expect(isEnglishWord('reserch')).toBe(false);
  });

  it('reads a winter season as November to March', () => {
    const asked = askedSpan('how much did tourist spending rise this winter')!;
    const season = spansInText('Over the 2024-2025 winter season, tourists spent more.', 2025);
    expect(fit(resolveAsked(asked, 2025), season)).toBe('same');
    expect(fit(resolveAsked(asked, 2025), spansInText('In 2024 tourists spent more.', 2025))).toBe('other');
  });
});

describe('reading a question', () => {
  it('measures the head of the noun phrase after "how many" and "how much"', () => {
    const heads = (text: string) => understand(engine, text).measures;
    expect(heads('how many tourists and how many trips this winter')).toEqual([stem('tourists'), stem('trips')]);
    expect(heads('how many large liquid rockets were assembled in zhangjiagang')).toEqual([stem('rockets')]);
    expect(understand(engine, 'how much does a tianbing rocket cost').measured).toBe(stem('cost'));
  });

  it('weighs an unused verb as a common word and an unused noun as the rarest', () => {
    const weight = (text: string, word: string) =>
      readQuery(engine, text, understand(engine, text)).concepts.find((c) => c.word === word)!.weight;
    expect(weight('what is the tianbing rocket doing besides assembly', 'doing')).toBeLessThan(
      weight('what is the tianbing rocket weather besides assembly', 'weather'),
    );
  });

  it('corrects a misspelt word but not an English word or a name', () => {
    const forms = (text: string, word: string) => [
      ...readQuery(engine, text, understand(engine, text))
        .concepts.find((c) => c.word === word)!
        .forms.keys(),
    ];
    expect(forms('how many reserch institutes in da zero bay', 'reserch')).toContain('research');
    expect(forms('what did Wang Meifu say about growth', 'meifu')).toEqual([]);
  });

  it('drops a metric that an adjective makes another thing, and keeps it after a place or a word of precision', () => {
    const metrics = (text: string) => understand(engine, text).metrics.map((m) => m.id);
    expect(metrics("what was jiangsu's exact gdp in q1")).toContain('gdp');
    expect(metrics("how big is jiangsu's economy")).toContain('gdp');
    expect(metrics("how big is jiangsu's digital economy")).not.toContain('gdp');
  });
});

describe('answering', () => {
  it('gives every figure asked for by "how many …, how many …"', () => {
    expect(figures('How many parts and how many days for the Tianbing rocket?')).toEqual([
      'rocket-parts',
      'rocket-assembly-time',
    ]);
  });

  it('prefers the figure the question names to its neighbour in the same sentence', () => {
    expect(figures('how many components went into the tianbing rocket')[0]).toBe('rocket-parts');
  });

  it('refuses a figure only some words of which the question shares, once retrieval has refused it', () => {
    const a = askAnswer(engine, 'what is the yuan to dollar exchange rate');
    expect(a.found).toBe(false);
  });
});
