import type { Metric, Qualifier, Region } from '../../src/corpus/schema.ts';
import { parseWrittenNumber } from '../../src/text/numbers.ts';
import type { Random } from './random.ts';
import { months, numberWords, quarterWords } from './words.ts';

/** A statistic as the generator drafts it; the article writer gives it its id and passage. */
export interface StatDraft {
  metric: string;
  label: string;
  value: number;
  written: string;
  unit: string;
  qualifier?: Qualifier;
  period?: string;
  region: string;
  change?: { value: number; unit: string; basis: string; written: string };
  /** Verbatim in the sentence that carries it. */
  quote: string;
}

export interface FigureSentence {
  sentence: string;
  stat: StatDraft;
}

export interface Period {
  /** As the text says it: "the first quarter of 2024". */
  phrase: string;
  /** As the corpus stores it: "2024-Q1". */
  period: string;
}

export function randomPeriod(rng: Random, year: number): Period {
  const kind = rng.int(0, 3);
  if (kind === 0) return { phrase: `${year}`, period: `${year}` };
  if (kind === 1) {
    const q = rng.int(1, 4);
    return { phrase: `the ${quarterWords[q - 1]} quarter of ${year}`, period: `${year}-Q${q}` };
  }
  if (kind === 2) {
    const h = rng.int(1, 2);
    return { phrase: `the ${h === 1 ? 'first' : 'second'} half of ${year}`, period: `${year}-H${h}` };
  }
  const m = rng.int(1, 12);
  return { phrase: `${months[m - 1]} ${year}`, period: `${year}-${String(m).padStart(2, '0')}` };
}

const money = (rng: Random) =>
  rng.chance(0.5) ? `${rng.int(1, 13)}.${rng.int(0, 9)} trillion` : `${rng.int(120, 990)} billion`;
const percent = (rng: Random) => `${rng.int(0, 14)}.${rng.int(1, 9)}`;
const count = (rng: Random, min: number, max: number) =>
  max <= 20 && rng.chance(0.6)
    ? rng.pick(numberWords.filter((w) => (parseWrittenNumber(w) ?? 0) >= min && (parseWrittenNumber(w) ?? 0) <= max))
    : rng.int(min, max).toLocaleString('en-US');

export interface Place {
  /** The region as the sentence names it (name, alias or "Name (中文)"). */
  said: string;
  region: Region;
}

type Builder = (rng: Random, place: Place, year: number, company: string) => { quote: string; stat: StatDraft };

/** How the seed's own figures are written, one builder per metric; anything else gets a plain generic sentence. */
const builders: Record<string, Builder> = {
  gdp: (rng, place, year) => {
    const p = randomPeriod(rng, year);
    const [qualifier, verb] = rng.pick([
      ['exceeded', 'exceeded'],
      [undefined, 'reached'],
      ['nearly', 'reached nearly'],
      ['about', 'was about'],
      ['more than', 'was more than'],
    ] as const);
    const written = money(rng);
    const up = rng.chance(0.85);
    const change = percent(rng);
    const quote = `in ${p.phrase}, ${place.said}’s GDP ${verb} ${written} yuan, a year-on-year ${up ? 'increase' : 'decrease'} of ${change}%`;
    return figure(quote, {
      metric: 'gdp',
      label: `${place.region.name} GDP, ${p.phrase}`,
      written,
      unit: 'yuan',
      qualifier,
      period: p.period,
      region: place.region.id,
      change: { value: (up ? 1 : -1) * Number(change), unit: '%', basis: 'year on year', written: `${change}%` },
    });
  },
  'industrial-value-added': (rng, place, year) => {
    const p = randomPeriod(rng, year);
    const written = percent(rng);
    const quote = `in ${p.phrase}, the added value of industrial enterprises above designated size in ${place.said} increased by ${written}% year-on-year`;
    return figure(quote, {
      metric: 'industrial-value-added',
      label: `Growth in industrial value added, ${place.region.name}`,
      written,
      unit: '% year on year',
      period: p.period,
      region: place.region.id,
    });
  },
  'high-tech-output-share': (rng, place, year) => {
    const p = randomPeriod(rng, year);
    const written = String(rng.int(25, 65));
    const quote = `the output value of high-tech industries in ${place.said} accounted for more than ${written}% of the industrial output value above designated size in ${p.phrase}`;
    return figure(quote, {
      metric: 'high-tech-output-share',
      label: `High-tech share of industrial output, ${place.region.name}`,
      written,
      unit: '% of industrial output above designated size',
      qualifier: 'more than',
      period: p.period,
      region: place.region.id,
    });
  },
  'rocket-parts': (rng, place, _year, company) => {
    const written = count(rng, 10_000, 90_000);
    const quote = `a large liquid rocket with more than ${written} parts and components was assembled at the ${company} base in ${place.said}`;
    return figure(quote, {
      metric: 'rocket-parts',
      label: `Parts in a rocket assembled by ${company}`,
      written,
      unit: 'parts and components',
      qualifier: 'more than',
      region: place.region.id,
    });
  },
  'rocket-assembly-time': (rng, place, _year, company) => {
    const written = String(rng.int(20, 90));
    const quote = `the ${company} base in ${place.said} assembled a large liquid rocket in about ${written} days`;
    return figure(quote, {
      metric: 'rocket-assembly-time',
      label: `Rocket assembly time at ${company}`,
      written,
      unit: 'days',
      qualifier: 'about',
      region: place.region.id,
    });
  },
  universities: (rng, place, year) => {
    const written = count(rng, 2, 12);
    const quote = `${place.said} brings together ${written} “double first-class” universities`;
    return figure(quote, {
      metric: 'universities',
      label: `“Double first-class” universities in ${place.region.name}`,
      written,
      unit: 'universities',
      period: String(year),
      region: place.region.id,
    });
  },
  'research-institutes': (rng, place, year) => {
    const written = count(rng, 5, 400);
    const quote = `more than ${written} scientific research institutes have settled in ${place.said}`;
    return figure(quote, {
      metric: 'research-institutes',
      label: `Research institutes in ${place.region.name}`,
      written,
      unit: 'scientific research institutes',
      qualifier: 'more than',
      period: String(year),
      region: place.region.id,
    });
  },
  'rd-institutions': (rng, place, year) => {
    const written = count(rng, 20, 3_000);
    const quote = `nearly ${written} national and municipal R&D institutions are located in ${place.said}`;
    return figure(quote, {
      metric: 'rd-institutions',
      label: `R&D institutions in ${place.region.name}`,
      written,
      unit: 'national and municipal R&D institutions',
      qualifier: 'nearly',
      period: String(year),
      region: place.region.id,
    });
  },
  'industrialized-projects': (rng, place, year) => {
    const written = count(rng, 10, 900);
    const quote = `more than ${written} projects for the transformation of scientists’ achievements have been industrialized in ${place.said}`;
    return figure(quote, {
      metric: 'industrialized-projects',
      label: `Industrialized research projects in ${place.region.name}`,
      written,
      unit: 'projects',
      qualifier: 'more than',
      period: String(year),
      region: place.region.id,
    });
  },
  'pilot-zones': (rng, place, year) => {
    const written = count(rng, 2, 8);
    const quote = `in ${year}, the first ${written} future industry pilot zones of ${place.said} will be established`;
    return figure(quote, {
      metric: 'pilot-zones',
      label: `Future industry pilot zones in ${place.region.name}`,
      written,
      unit: 'future industry pilot zones',
      period: String(year),
      region: place.region.id,
    });
  },
};

const leadIns = [
  'Data show that ',
  'According to the local statistics bureau, ',
  'Officials said that ',
  'The latest figures show that ',
  'Among them, ',
] as const;

/** One sentence carrying one figure of `metric`, about `place`: the quote alone, or after a lead-in. */
export function figureSentence(
  rng: Random,
  metric: Metric,
  place: Place,
  year: number,
  company: string,
): FigureSentence {
  const build = builders[metric.id] ?? generic(metric);
  const { quote, stat } = build(rng, place, year, company);
  if (rng.chance(0.5)) return { sentence: `${rng.pick(leadIns)}${quote}.`, stat };
  const capitalized = quote[0]!.toUpperCase() + quote.slice(1);
  return { sentence: `${capitalized}.`, stat: { ...stat, quote: capitalized } };
}

function generic(metric: Metric): Builder {
  return (rng, place, year) => {
    const p = randomPeriod(rng, year);
    const written = count(rng, 3, 50_000);
    const quote = `${place.said} reported ${written} for ${metric.name.toLowerCase()} in ${p.phrase}`;
    return figure(quote, {
      metric: metric.id,
      label: `${metric.name}, ${place.region.name}`,
      written,
      unit: 'units',
      period: p.period,
      region: place.region.id,
    });
  };
}

function figure(quote: string, draft: Omit<StatDraft, 'quote' | 'value'>): { quote: string; stat: StatDraft } {
  // The value is read from the written form by the loader's own parser, so the two can never disagree.
  const stat: StatDraft = { ...draft, quote, value: parseWrittenNumber(draft.written)! };
  if (stat.qualifier === undefined) delete stat.qualifier;
  return { quote, stat };
}
