import type { Person } from '../corpus/schema.ts';
import { normalize } from '../text/normalize.ts';
import { slugify } from './slug.ts';

/** A person the passage names as speaking, before being resolved to the gazetteer. */
export interface PersonMention {
  name: string;
  role?: string;
  /** Quoted directly ("Name, Role: …", “…,” said Name) rather than reported ("Name said that …"). */
  direct: boolean;
}

const ROLE_WORDS =
  /\b(secretary|mayor|governor|director|deputy|chairman|chairwoman|chair|president|vice|head|chief|manager|ceo|founder|professor|researcher|economist|analyst|engineer|official|minister|spokesperson|spokesman|spokeswoman|commissioner|dean|expert|scholar|fellow|member|leader|partner|executive|officer|secretary-general|general manager|party chief|editor|reporter|worker|farmer|owner|teacher|student|resident|villager)\b/i;
/** Capitalised words that start sentences or roles, never names. */
const NOT_NAMES = new Set(
  (
    'The A An This That These Those It Its In On At By For From With As Last Next First Second Third Among According Experts Analysts Officials ' +
    'Secretary Mayor Governor Director Deputy Chairman President Vice Head Chief General Party Provincial Municipal Committee Bureau Department ' +
    'Commission Government National Central People Republic China Chinese Province City County District Minister Premier Professor Mr Mrs Ms Dr ' +
    'Statistics Industry Information Technology University Academy Institute Company Group Co Ltd Bank New Energy We I They He She Our Here There ' +
    'January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday'
  ).split(' '),
);
const NAME = String.raw`\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+){1,2}`;
const SAID = String.raw`(?:said|says|added|noted|stressed|explained|emphasized|emphasised|told\s+[\p{L}]+)`;
const REPORTED = String.raw`(?:said|says|added|noted|stressed|explained|emphasized|emphasised|pointed out|believes|believed|told|urged|called for|warned|stated|underlined|underscored|highlighted|announced|revealed|introduced|mentioned|remarked|outlined|set out|delivered|presented|gave\s+(?:a|the)\s+(?:speech|report|keynote|briefing)|expressed)`;
/** A role in apposition: ", deputy head of the bureau," (no clause of its own). */
const ROLE = String.raw`[^,“"”.;:]{3,160}?`;

/**
 * Who speaks in a passage. Direct speech: "Name, Role: …" and "Role, Name: …" (the
 * form of the seed's interviews), and a quotation attributed with "said Name, role"
 * or "Name, role, said: “…”". Reported speech ("Name pointed out that …") is recorded
 * as such. Unnamed sources ("a person in charge said") are not people: a name must
 * look like one and be no role or place.
 */
export function findSpeakers(
  text: string,
  isPlace: (name: string) => boolean,
  known: (name: string) => boolean,
): PersonMention[] {
  const out: PersonMention[] = [];
  const add = (m: PersonMention) => {
    const name = cleanName(m.name);
    if (!name || (!known(name) && !looksLikeName(name, isPlace))) return;
    const existing = out.find((o) => normalize(o.name) === normalize(name));
    if (existing) {
      existing.direct ||= m.direct;
      existing.role ??= m.role;
    } else out.push({ ...m, name, ...(m.role ? { role: tidyRole(m.role) } : {}) });
  };

  // "Name, Role: …" or "Role, Name: …" at the start of the passage.
  const colon = /^([^:：“"]{3,200}?)[:：]\s+\S/u.exec(text);
  if (colon) {
    const head = colon[1]!.trim();
    const comma = head.indexOf(', ');
    const [a, b] = comma > 0 ? [head.slice(0, comma), head.slice(comma + 2)] : [head, ''];
    if (b && (known(a) || looksLikeName(a, isPlace)) && ROLE_WORDS.test(b)) add({ name: a, role: b, direct: true });
    else if (b && (known(b) || looksLikeName(b, isPlace)) && ROLE_WORDS.test(a))
      add({ name: b, role: a, direct: true });
    else if (!b && (known(a) || (looksLikeName(a, isPlace) && words(a) <= 3))) add({ name: a, direct: true });
  }

  const quoted = /[“"][^”"]{12,}[”"]/u.test(text);
  if (quoted) {
    // “…,” said Zhou Wei, director of …   |   “…,” Zhou Wei said.
    for (const m of text.matchAll(new RegExp(String.raw`[”"]\s*,?\s*${SAID}\s+(${NAME})(?:,\s*([^.;“"]+))?`, 'gu')))
      add({ name: m[1]!, ...(m[2] ? { role: m[2] } : {}), direct: true });
    // “…,” Zhengzhou's deputy mayor Ma Wei told reporters: the words before the name are the role.
    for (const m of text.matchAll(
      new RegExp(String.raw`[”"]\s*,?\s*((?:[\p{L}'’-]+\s+){0,6}?)(${NAME})\s+${SAID}`, 'gu'),
    ))
      add({ name: m[2]!, ...(m[1]!.trim() ? { role: m[1]! } : {}), direct: true });
    // Zhou Wei, director of …, said: “…”
    for (const m of text.matchAll(new RegExp(String.raw`(${NAME})(?:,\s*([^,“"]+),)?\s+${SAID}[:,]?\s*[“"]`, 'gu')))
      add({ name: m[1]!, ...(m[2] ? { role: m[2] } : {}), direct: true });
  }
  // Reported speech: Li Ming, an economist at …, said the …; General Secretary Xi Jinping pointed out that …
  for (const m of text.matchAll(
    new RegExp(String.raw`(${NAME})(?:,\s*(${ROLE}),)?\s+(?:also\s+|then\s+)?${REPORTED}\b(?!\s*[:,]?\s*[“"])`, 'gu'),
  )) {
    add({ name: m[1]!, ...(m[2] ? { role: m[2] } : {}), direct: false });
  }
  // "…, said Yan Huijun, deputy head of the bureau." without a quotation; "according to Zhou Wei, director of …"; "was announced … by Zhang Gong, mayor of Tianjin".
  for (const m of text.matchAll(
    new RegExp(
      String.raw`\b(?:said|says|according to|announced\b[^.;]{0,60}?\bby|delivered\b[^.;]{0,60}?\bby)\s+(${NAME})(?:,\s*(${ROLE})(?=[,.;]|$))?`,
      'giu',
    ),
  )) {
    add({ name: m[1]!, ...(m[2] ? { role: m[2] } : {}), direct: false });
  }
  return out;
}

/**
 * Speakers the paragraphs name only by reference: a surname ("According to Zhou",
 * "Yan said") or a role ("according to the governor") standing for a person named
 * in full earlier; "he said" for the last speaker; and a paragraph that is only a
 * quotation, continuing the previous paragraph's speaker. `found` is what
 * `findSpeakers` read in each paragraph; the result adds the references.
 */
export function carrySpeakers(paragraphs: readonly string[], found: readonly PersonMention[][]): PersonMention[][] {
  const named: PersonMention[] = [];
  let last: PersonMention | undefined;
  return paragraphs.map((text, i) => {
    const own = [...found[i]!];
    const add = (m: PersonMention, direct: boolean) => {
      const existing = own.find((o) => o.name === m.name);
      if (existing) existing.direct ||= direct;
      else own.push({ ...m, direct });
    };
    const quoted = QUOTATION.test(text);
    for (const person of named) {
      const surname = person.name.split(/\s+/)[0]!;
      const byName = new RegExp(
        String.raw`(?:\b(?:[Aa]ccording to|[Ss]aid|[Ss]ays)\s+${surname}\b(?!\s+\p{Lu})|(?<!\p{Lu}[\p{Ll}'’-]*\s+)\b${surname}\s+(?:also\s+|then\s+)?${REPORTED}\b)`,
        'u',
      );
      const head = person.role
        ?.split(/\s+(?:of|at|for|in)\s+/)[0]
        ?.split(/\s+/)
        .at(-1)
        ?.toLowerCase();
      const byRole =
        head && ROLE_WORDS.test(head)
          ? new RegExp(String.raw`\b(?:according to|said)\s+the\s+${head}\b|\bthe\s+${head}\s+${REPORTED}\b`, 'i')
          : undefined;
      if (byName.test(text) || byRole?.test(text)) add(person, quoted);
    }
    const previous = last;
    // A paragraph that opens with a quotation continues the last speaker unless someone else ("an official") is said to speak in it.
    const continues = /^[“"]/.test(text) && !SPEECH_VERB.test(text.replace(/[“"][^”"]*[”"]/gu, ' '));
    if (previous && own.length === 0 && (PRONOUN_SAID.test(text) || continues)) add(previous, quoted);
    for (const m of own) if (m.name.includes(' ') && !named.some((n) => n.name === m.name)) named.push(m);
    last = own[0] ?? (/^[“"]/.test(text) ? last : undefined);
    return own;
  });
}

/** A quotation of a few words at least: direct speech, not a quoted term. */
const QUOTATION = /[“"][^”"]*(?:\s+[^\s”"]+){4,}[^”"]*[”"]/u;
const SPEECH_VERB = /\b(?:said|says|told|added|noted|stated|according to)\b/i;
const PRONOUN_SAID =
  /\b(?:he|she)\s+(?:also\s+)?(?:said|says|added|noted|stressed|explained|emphasized|pointed out|told|stated|underlined)\b/i;

/** Resolves a mention to a gazetteer person, or proposes one (its id is the slug of the name). */
export function resolvePerson(
  mention: PersonMention,
  people: readonly Person[],
  describe: { region?: string; source: string },
): Person {
  const key = normalize(mention.name);
  const known = people.find((p) => [p.name, p.zh, ...p.aliases].some((n) => n && normalize(n) === key));
  if (known) return known;
  return {
    id: slugify(mention.name),
    name: mention.name,
    aliases: [],
    role: mention.role ?? `quoted in ${describe.source}`,
    ...(describe.region ? { region: describe.region } : {}),
  };
}

function looksLikeName(name: string, isPlace: (name: string) => boolean): boolean {
  if (!new RegExp(`^${NAME}$`, 'u').test(name)) return false;
  const parts = name.split(/\s+/);
  return (
    !parts.some((p) => NOT_NAMES.has(p.replace(/['’]s$/, '')) || isPlace(p)) && !isPlace(name) && !ROLE_WORDS.test(name)
  );
}

/** "General Secretary Xi Jinping" names Xi Jinping. */
function cleanName(name: string): string {
  return name
    .replace(
      /^(?:(?:General|Deputy|Vice|Party)\s+)?(?:Secretary|Mayor|Governor|Director|Chairman|President|Premier|Minister|Professor|Mr|Mrs|Ms|Dr)\.?\s+/,
      '',
    )
    .trim();
}

function tidyRole(role: string): string {
  return role
    .trim()
    .replace(/^(?:an?|the)\s+/i, '')
    .replace(/[,.;:]+$/, '');
}

function words(text: string): number {
  return text.split(/\s+/).length;
}
