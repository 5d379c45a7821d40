import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import type { AnyCommand, OptionValue } from '../src/command/command.ts';
import type { Corpus } from '../src/corpus/load.ts';
import { Random } from './synthetic/random.ts';
import { industries, months, quarterWords } from './synthetic/words.ts';

/**
 * Queries as people type them, drawn from the corpus being measured: exact names and
 * words, misspellings, questions, Chinese names, prefixes while typing, and things the
 * corpus does not hold. Generated per option name, so any command in the registry is
 * measured without code of its own here (a new one with a free-text option gets free text).
 */
type Kind = 'region' | 'metric' | 'period' | 'passage' | 'target' | 'text';

const KIND_OF_OPTION: Record<string, Kind> = {
  name: 'region',
  region: 'region',
  metric: 'metric',
  period: 'period',
  id: 'passage',
  target: 'target',
};

export class QueryMaker {
  private readonly rng: Random;
  private readonly companies: string[];

  /** What it draws from: the whole corpus, or (the soak, which leaves the corpus to the bot) a sample of its articles. */
  constructor(
    private readonly corpus: Pick<Corpus, 'articles' | 'passages' | 'gazetteer'>,
    seed: number,
  ) {
    this.rng = new Random(seed);
    // Company names are whatever capitalized pinyin words the passages carry (the generator's long tail).
    const sample = this.rng.sample(corpus.passages, Math.min(2000, corpus.passages.length));
    this.companies = [
      ...new Set(
        sample.flatMap(
          (p) =>
            p.text.match(/\b[A-Z][a-z]+ (?:Technology|Group|Semiconductor|Biotech|Robotics|Materials|Power)\b/g) ?? [],
        ),
      ),
    ];
    if (this.companies.length === 0) this.companies.push('Tianbing Technology');
  }

  /** Option values for one run of a slash command: required options always, optional ones half the time. */
  options(command: AnyCommand): Map<string, OptionValue> {
    const raw = new Map<string, OptionValue>();
    for (const option of command.data.options ?? []) {
      if (option.name === 'hide') continue;
      if (!option.required && this.rng.chance(0.5)) continue;
      if (option.type === ApplicationCommandOptionType.String)
        raw.set(option.name, this.value(KIND_OF_OPTION[option.name] ?? 'text'));
      else if (option.type === ApplicationCommandOptionType.Boolean) raw.set(option.name, this.rng.chance(0.5));
      else if (
        option.type === ApplicationCommandOptionType.Integer ||
        option.type === ApplicationCommandOptionType.Number
      )
        raw.set(option.name, this.rng.int(1, 10));
    }
    return raw;
  }

  /** What is in the box while someone types into an autocompleted option: a prefix of a real query. */
  partial(optionName: string): string {
    const full = this.value(KIND_OF_OPTION[optionName] ?? 'text');
    return this.rng.chance(0.05) ? '' : full.slice(0, this.rng.int(1, full.length));
  }

  /** A chat message to fact-check. */
  claim(): string {
    return this.rng.chance(0.5)
      ? this.value('text')
      : `${this.regionName()} grew ${this.rng.int(1, 9)}.${this.rng.int(0, 9)}% in ${this.rng.int(2022, 2025)}, didn't it?`;
  }

  value(kind: Kind): string {
    switch (kind) {
      case 'region':
        return this.regionName();
      case 'metric':
        return this.metricName();
      case 'period':
        return this.period();
      case 'passage':
        return this.passageRef();
      case 'target':
        return this.rng.chance(0.5) ? this.rng.pick(this.corpus.articles).id : this.regionName();
      case 'text':
        return this.freeText();
    }
  }

  private regionName(): string {
    const { rng } = this;
    const region = rng.pick(this.corpus.gazetteer.regions);
    const roll = rng.next();
    if (roll < 0.3) return region.name;
    if (roll < 0.45 && region.aliases.length) return rng.pick(region.aliases);
    if (roll < 0.6 && region.zh) return region.zh;
    if (roll < 0.75) return misspell(rng, region.name.toLowerCase());
    if (roll < 0.85) return toneMarks(region.name);
    if (roll < 0.9) return rng.pick(['Atlantis', 'Springfield', 'Gotham', 'Narnia', 'Mordor']);
    return region.id;
  }

  private metricName(): string {
    const { rng } = this;
    const metric = rng.pick(this.corpus.gazetteer.metrics);
    const roll = rng.next();
    if (roll < 0.3) return metric.name;
    if (roll < 0.55 && metric.synonyms.length) return rng.pick(metric.synonyms);
    if (roll < 0.65 && metric.zh) return metric.zh;
    if (roll < 0.85) return misspell(rng, metric.name.toLowerCase());
    if (roll < 0.9) return rng.pick(['population', 'unemployment', 'rainfall', 'exports']);
    return metric.id;
  }

  private period(): string {
    const { rng } = this;
    const year = rng.int(2021, 2025);
    return rng.pick([
      `${year}`,
      `Q${rng.int(1, 4)} ${year}`,
      `${rng.pick(quarterWords)} quarter of ${year}`,
      `${year}-${String(rng.int(1, 12)).padStart(2, '0')}`,
      `${rng.pick(months)} ${year}`,
      `H${rng.int(1, 2)} ${year}`,
      'last spring',
    ]);
  }

  private passageRef(): string {
    const { rng } = this;
    const passage = rng.pick(this.corpus.passages);
    const roll = rng.next();
    if (roll < 0.5) return passage.id;
    if (roll < 0.65) return `p${passage.paragraph}`;
    if (roll < 0.75) return passage.id.split('#')[0]!;
    return contentWords(passage.text, rng, 2).join(' ');
  }

  private freeText(): string {
    const { rng } = this;
    const roll = rng.next();
    const passage = rng.pick(this.corpus.passages);
    if (roll < 0.3) return contentWords(passage.text, rng, rng.int(1, 3)).join(' ');
    if (roll < 0.5)
      return contentWords(passage.text, rng, rng.int(1, 3))
        .map((w) => (rng.chance(0.6) ? misspell(rng, w.toLowerCase()) : w))
        .join(' ');
    if (roll < 0.8) return this.question();
    if (roll < 0.9) return this.chinese();
    return rng.pick(this.companies);
  }

  private question(): string {
    const { rng, corpus } = this;
    const region = rng.pick(corpus.gazetteer.regions).name;
    const metric = rng.pick(corpus.gazetteer.metrics);
    const person = corpus.gazetteer.people.length ? rng.pick(corpus.gazetteer.people).name : 'the mayor';
    const industry = rng.pick(industries);
    const year = rng.int(2022, 2025);
    return rng.pick([
      () => `What was ${region}’s GDP in ${rng.pick(quarterWords)} quarter of ${year}?`,
      () => `How many ${rng.pick([metric.name, ...metric.synonyms]).toLowerCase()} does ${region} have?`,
      () => `What did ${person} say about ${industry}?`,
      () => `Who is ${person}?`,
      () => `Why is ${region} building ${industry} clusters?`,
      () => `how fast did ${region.toLowerCase()} industrial value added grow in ${year}`,
      () => `Tell me about ${rng.pick(this.companies)}`,
      () => `what is the ${metric.name.toLowerCase()} of ${region} in ${year}`,
      () => `Which cities in ${region} make ${industry}?`,
    ])();
  }

  private chinese(): string {
    const { rng, corpus } = this;
    const regions = corpus.gazetteer.regions.filter((r) => r.zh);
    const metrics = corpus.gazetteer.metrics.filter((m) => m.zh);
    const region = regions.length ? rng.pick(regions).zh! : '江苏';
    const metric = metrics.length ? rng.pick(metrics).zh! : '地区生产总值';
    return rng.pick([
      region,
      `${region} ${metric}`,
      `${region}的${metric}是多少？`,
      `${region}${rng.int(2022, 2025)}年GDP增长多少`,
    ]);
  }
}

function contentWords(text: string, rng: Random, count: number): string[] {
  const words = text.split(/[^\p{L}\p{N}-]+/u).filter((w) => w.length >= 4);
  return words.length ? rng.sample(words, Math.min(count, words.length)) : ['development'];
}

/** One typing slip: a letter dropped, doubled, swapped with its neighbour or replaced. */
export function misspell(rng: Random, word: string): string {
  if (word.length < 4) return word + word.at(-1);
  const i = rng.int(1, word.length - 2);
  switch (rng.int(0, 3)) {
    case 0:
      return word.slice(0, i) + word.slice(i + 1);
    case 1:
      return word.slice(0, i) + word[i] + word.slice(i);
    case 2:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    default:
      return word.slice(0, i) + 'aeiou'[rng.int(0, 4)] + word.slice(i + 1);
  }
}

/** Pinyin as some people write it: "Jiāngsū". */
function toneMarks(name: string): string {
  const marks: Record<string, string> = { a: 'ā', e: 'é', i: 'ǐ', o: 'ò', u: 'ū' };
  return name.replace(/[aeiou]/, (v) => marks[v] ?? v);
}
