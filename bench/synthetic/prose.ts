import type { Gazetteer, Person, Region } from '../../src/corpus/schema.ts';
import type { Place, StatDraft } from './figures.ts';
import type { Random } from './random.ts';
import { facilities, machineTranslations, surnames, syllables, titles } from './words.ts';

/** What one article is about: every sentence of it draws on the same setting, as a real report does. */
export interface Scene {
  rng: Random;
  gazetteer: Gazetteer;
  home: Region;
  /** Places inside the home region, or the home region itself when the gazetteer lists none. */
  local: Region[];
  companies: string[];
  industries: string[];
  year: number;
  outlet: string;
  /** Any region, the much-reported ones more often. */
  anywhere(): Region;
}

export interface Sentence {
  text: string;
  regions: Region[];
  people: Person[];
  speaker?: Person;
  topics: string[];
  stat?: StatDraft;
}

/** A region as a sentence names it: mostly its name, sometimes an English alias or its Chinese name beside it. */
export function say(rng: Random, region: Region): Place {
  const roll = rng.next();
  const aliases = region.aliases.filter((a) => /^[A-Z][A-Za-z’' -]+$/.test(a));
  if (roll < 0.1 && aliases.length) return { region, said: rng.pick(aliases) };
  if (roll < 0.2 && region.zh) return { region, said: `${region.name} (${region.zh})` };
  return { region, said: region.name };
}

export function pinyinName(rng: Random, parts: number): string {
  const word = Array.from({ length: parts }, () => rng.pick(syllables)).join('');
  return word[0]!.toUpperCase() + word.slice(1);
}

function official(rng: Random): string {
  return `${rng.pick(surnames)} ${pinyinName(rng, 2)}`;
}

const list = (items: string[]) =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

type Template = (s: Scene) => Sentence;

const plain = (text: string, regions: Region[], topics: string[]): Sentence => ({ text, regions, people: [], topics });

/** The seed's sentences, with its places, companies and industries varied. */
const templates: Template[] = [
  (s) => {
    const p = say(s.rng, s.home);
    return plain(
      `${s.industries[0]![0]!.toUpperCase()}${s.industries[0]!.slice(1)} are the main front for the formation of new quality productive forces in ${p.said}.`,
      [s.home],
      [s.industries[0]!],
    );
  },
  (s) => {
    const p = say(s.rng, s.home);
    return plain(
      `${s.rng.pick(s.industries)} technology is advanced and the industry is strong, and it is one of the strategic emerging industries that ${p.said} has recently focused on building.`.replace(
        /^./,
        (c) => c.toUpperCase(),
      ),
      [s.home],
      [s.industries[0]!, 'strategic emerging industries'],
    );
  },
  (s) => {
    const city = s.rng.pick(s.local);
    const company = s.rng.pick(s.companies);
    return plain(
      `Located in ${say(s.rng, city).said}, ${company} ${s.rng.pick(facilities)} is the first large-scale ${s.industries[0]} manufacturing base in ${say(s.rng, s.home).said}.`,
      [city, s.home],
      [s.industries[0]!, 'manufacturing'],
    );
  },
  (s) => {
    const hq = s.anywhere();
    const city = s.rng.pick(s.local);
    return plain(
      `A person in charge said that the company’s headquarters in ${say(s.rng, hq).said}, the reason why it spans thousands of miles, builds a manufacturing base in ${say(s.rng, city).said}, and does final assembly, is mainly based on the local industrial chain.`,
      [hq, city],
      ['industrial chain', 'manufacturing'],
    );
  },
  (s) => {
    const cities = s.rng.sample(s.local, 3);
    return plain(
      `With the support of the industrial chain and the clustering of chains, ${say(s.rng, s.home).said} is building a number of strategic emerging industrial clusters of ${s.rng.pick(s.industries)} such as ${list(cities.map((c) => say(s.rng, c).said))}.`,
      [s.home, ...cities],
      ['industrial clusters'],
    );
  },
  () => plain('Cluster development brings about industrial fission effect.', [], ['industrial clusters']),
  (s) =>
    plain(
      `Now, in ${say(s.rng, s.home).said}, a relatively complete ${s.rng.pick(s.industries)} support system has been initially formed from new materials, key components to engines, and then to supporting precision manufacturing, operation and service equipment.`,
      [s.home],
      ['industrial chain'],
    ),
  (s) => {
    const three = s.rng.sample(s.industries, 3);
    return plain(
      `Under the path of clustering and cluster breakthroughs, ${say(s.rng, s.home).said} has led the country in the scale of many strategic emerging industries such as ${list(three)}.`,
      [s.home],
      three,
    );
  },
  () =>
    plain(
      'The future industry represents the direction of a new round of scientific and technological revolution and industrial transformation, and is also the main means to build new advantages in future international competition.',
      [],
      ['future industries'],
    ),
  (s) =>
    plain(
      `As one of the leading science and technology innovation centers, ${say(s.rng, s.home).said} is making efforts to cultivate future industries such as ${s.rng.pick(s.industries)}.`,
      [s.home],
      ['future industries', 'innovation'],
    ),
  (s) =>
    plain(
      `In ${s.year - s.rng.int(0, 2)}, ${say(s.rng, s.home).said} released an action plan for ${s.rng.pick(s.industries)}.`,
      [s.home],
      ['policy'],
    ),
  (s) =>
    plain(
      `“${s.rng.pick(s.companies)}” has equipped a special transformation specialist for each key project to “${s.rng.pick(machineTranslations)}” throughout the process.`,
      [],
      ['technology transfer'],
    ),
  (s) =>
    plain(
      `Through policies and services, ${s.rng.pick(s.companies)} also matches various factor resources for enterprises at different stages, ranging from incubators and accelerators to science and technology innovation parks, R&D land and industrial funds.`,
      [],
      ['incubators', 'venture capital'],
    ),
  () =>
    plain('Adhering to high-quality development is the last word in the new era.', [], ['high-quality development']),
  (s) => {
    const places = [
      s.home,
      ...s.rng.sample(
        s.gazetteer.regions.filter((r) => r.kind === 'province' || r.kind === 'municipality'),
        3,
      ),
    ];
    const unique = [...new Set(places)];
    return plain(
      `How to speed up the development of new quality productive forces according to local conditions, ${s.outlet} reporters conducted research in ${list(unique.map((r) => say(s.rng, r).said))}.`,
      unique,
      ['new quality productive forces'],
    );
  },
  (s) =>
    plain(
      `To develop new productive forces in accordance with local conditions, how does ${say(s.rng, s.home).said} grasp the key “increment” of ${s.rng.pick(s.industries)}?`,
      [s.home],
      ['strategic emerging industries'],
    ),
  (s) => {
    const city = s.rng.pick(s.local);
    return plain(
      `${s.rng.pick(s.companies)} opened a new ${s.rng.pick(s.industries)} plant in ${say(s.rng, city).said} this year, and its orders have been scheduled to the end of ${s.year + 1}.`,
      [city],
      ['manufacturing', 'investment'],
    );
  },
  (s) =>
    plain(
      `“The local industrial chain lets us find every key component within two hours’ drive,” said ${official(s.rng)}, ${s.rng.pick(titles)} of ${s.rng.pick(s.companies)}.`,
      [],
      ['industrial chain'],
    ),
  (s) => {
    const other = s.anywhere();
    return plain(
      `Enterprises from ${say(s.rng, other).said} and ${say(s.rng, s.home).said} signed ${s.rng.pick(['cooperation agreements', 'investment contracts', 'technology licences'])} on ${s.rng.pick(s.industries)} at the event.`,
      [other, s.home],
      ['cooperation'],
    );
  },
];

const remarks: ((s: Scene) => string)[] = [
  (s) =>
    `New industries and new drivers are accelerating growth, and ${s.rng.pick(s.industries)} is a key link to focus on in the development of new quality productive forces.`,
  (s) =>
    `As long as we follow the path from industry to industrial chain, to industrial clusters, to cluster breakthroughs, the competitiveness of “Made in ${s.home.name}” will also be able to achieve new improvements.`,
  (s) =>
    `We must adhere to the guidance of scientific and technological innovation and actively seize the opportunity for ${s.rng.pick(s.industries)} development.`,
  () => 'This is our growth point, which has added new vitality to high-quality development.',
  () =>
    'We will accelerate the creation of a number of high-quality incubators and build a full-chain scientific research service system.',
];

export function proseSentence(scene: Scene): Sentence {
  return scene.rng.pick(templates)(scene);
}

/** A person of the gazetteer speaking, under any of the names the translation gives them. */
export function remarkSentences(scene: Scene, person: Person): Sentence {
  const names = [person.name, ...person.aliases];
  const said = scene.rng.pick(names);
  const text = `${said}, ${person.role}: ${scene.rng.pick(remarks)(scene)} ${scene.rng.pick(remarks)(scene)}`;
  const region = person.region ? scene.gazetteer.regions.find((r) => r.id === person.region) : undefined;
  return {
    text,
    regions: region ? [region] : [],
    people: [person],
    speaker: person,
    topics: ['high-quality development'],
  };
}
