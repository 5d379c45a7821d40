import { FRACTION, MULTIPLE, multipleOf, parseWrittenNumber, percentOfFraction } from '../text/numbers.ts';
import type { Qualifier } from '../corpus/schema.ts';
import type { Span } from './sentences.ts';

/** A number in a sentence that reads as a figure, with what the words around it say. */
export interface FigureMention {
  /** Where the number as written stands, in passage coordinates. */
  start: number;
  end: number;
  written: string;
  value: number;
  kind: 'percent' | 'points' | 'currency' | 'count';
  /** As the text writes it: "yuan", "U.S. dollars", "parts and components"; undefined for a bare percentage. */
  unit: string | undefined;
  /** The number with its unit, as a change is quoted: "6.2%", "4.8 percent". */
  withUnit: string;
  /** Where the figure's words end (unit, "of …" of a share, the basis of a change). */
  through: number;
  qualifier?: Qualifier;
  /** Where the qualifier starts, or the number when there is none. */
  from: number;
  /** A percentage that says how much something changed, one that says what share it is, or any other figure. */
  role: 'change' | 'share' | 'level';
  direction: 1 | -1;
  basis?: string;
  /** "% of the total": what a share is a share of. */
  of?: string;
}

// "3.1 trillion", and the Chinese units machine translation leaves: "3.1万亿", "5000万".
const SCALE = String.raw`(?:\s+(?:thousand|million|billion|trillion)|\s*(?:万亿|亿|万))?`;
// Not part of a name or code ("C919", "Chang'e-6", "5G", "24-hour"), not a time (10:30), not a range of years (2021-2025).
const DIGITS = new RegExp(
  // "300-plus enterprises": more than 300.
  String.raw`(?<![\p{L}\p{N}.,\-–/'’])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:-plus\b)?(?!(?![万亿])[\p{L}\p{N}]|[.,:]\d|[-–][\p{L}\p{N}])${SCALE}`,
  'gu',
);
const WORDS = new RegExp(
  String.raw`\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)\b(?!-)${SCALE}|\bone\s+(?:thousand|million|billion|trillion)\b`,
  'gi',
);
const MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?`;

const QUALIFIERS: [RegExp, Qualifier][] = [
  [/\b(?:more than|in excess of)\s*$/i, 'more than'],
  [/\b(?:over|above|upwards of)\s*$/i, 'over'],
  [
    /\b(?:exceeded|exceeding|exceeds|exceed|surpassed|surpassing|surpasses|topped|topping|tops|passed|broke through|breaking through)\s*$/i,
    'exceeded',
  ],
  [/\b(?:nearly|almost|close to|approaching|nearing)\s*$/i, 'nearly'],
  [/\b(?:about|approximately|roughly|some|an estimated|approx\.)\s*$/i, 'about'],
  [/\baround\s*$/i, 'around'],
  [/\bup to\s*$/i, 'up to'],
  [/\b(?:less than|fewer than|under|below)\s*$/i, 'less than'],
];
// "made up 16.8 percent" is a share, not a rise.
const RISE = String.raw`(?<!\b(?:made|makes|making|make)\s)up|rose|soared|soaring|leapt|leaped|rise|rises|rising|grew|grow|grows|growing|growth(?: rate)?(?: target)?(?: of)?|increased?|increases|increasing|jumped|jumps|jumping|surged|surging|expanded|expanding|expands|climbed|climbing|gained|gain|higher|advanced`;
const FALL = String.raw`down|fell|fall|falls|falling|dropped|drop|drops|dropping|declined?|declines|declining|decreased?|decreases|decreasing|slipped|contracted|shrank|plunged|plummeted|slumped|tumbled|dipped|lower`;
const CHANGE = new RegExp(
  // "rose by a modest 1.9 percent": one adjective may stand between the verb and the figure.
  String.raw`\b(?:(?:an?\s+)?(?:year-on-year\s+|yearly\s+|annual\s+)?(${RISE}|${FALL})(?:\s+(?:by|of))?(?:\s+an?\s+[a-z-]+)?)\s*$`,
  'i',
);
const FALLING = new RegExp(String.raw`^(?:an?\s+)?(?:year-on-year\s+)?(?:${FALL})\b`, 'i');
/** "1.1 percentage points higher", "0.6 percentage point more than", "a 5.6% year-on-year rise": the words after make it a change. */
const CHANGE_AFTER =
  /^\s*,?\s+(?:(?:year[- ]on[- ]year|annual|yearly)\s+)?(?:higher|lower|more|less|faster|slower|growth|increase|rise|decrease|decline|drop)\b/i;
const FALLING_AFTER =
  /^\s*,?\s+(?:(?:year[- ]on[- ]year|annual|yearly)\s+)?(?:lower|less|slower|decrease|decline|drop)\b/i;
const SHARE =
  /\b(?:accounted for|accounts for|accounting for|account for|made up|makes up|making up|share of|proportion of|ratio of|rate of|rate was|rate stood at|ratio was)\s*$/i;
const BASIS_AFTER =
  /^\s*,?\s*(year[- ]on[- ]year|y-o-y|yoy|from a year (?:earlier|ago|before)|(?:over|from|compared (?:with|to)) the same period (?:of |in )?last year|(?:over|from) the previous year|month[- ]on[- ]month|quarter[- ]on[- ]quarter)\b/i;
const CURRENCY =
  /^(?:\s+|-|\s*(?=元))(yuan|RMB|CNY|renminbi|U\.S\. dollars|US dollars|dollars|USD|euros|Hong Kong dollars|HK dollars|元)(?![\p{L}])/u;
const CURRENCY_SIGN = /(US\$|\$|USD|RMB|CNY|¥|€)\s*$/;

const STOP = new Set(
  (
    'of for in at on with from to by across over under between among per than as into during since including within via about around after before until ' +
    'against toward towards through throughout upon was were is are has have had will would be been being can could may might shall should do does did ' +
    'that which who whose where when while whereas but or nor so yet if because although though respectively now already currently still also each ' +
    'annually together last next this these those the a an its their his her our your my it they we he she there here such more less most least only just even then ' +
    'year-on-year up down'
  ).split(' '),
);
const COPULA =
  /(?:^|,\s*|\b)(?:of which\s+|among them,?\s+)?(?<![\p{L}-])((?:[\p{L}-]+\s+){0,4}[\p{L}-]+)\s+(?:(?:has|have|had)\s+)?(?:were|was|reached|hit|totaled|totalled|stood at|numbered)\s*$/iu;
/** "enterprises have exceeded 450,000": the qualifier was the verb, the counted thing the subject before it. */
const SUBJECT_BEFORE_VERB = /(?:^|,\s*|\b)(?<![\p{L}-])((?:[\p{L}-]+\s+){0,4}[\p{L}-]+)\s+(?:has|have|had)\s*$/iu;
const TOTAL = /\btotal(?:\s+number)?\s+(?:to|of|at)\s*$/i;
const TIME_UNITS = /^(?:years?|months?|weeks?|decades?|days?|hours?|quarters?)$/i;

/** How far either side of a number its unit, qualifier and subject are looked for. */
const NEAR_NUMBER = 300;

/** The figures of one sentence of a passage, in order. */
export function findFigures(sentence: Span): FigureMention[] {
  const text = sentence.text;
  const out: FigureMention[] = [];
  const candidates = [
    ...text.matchAll(MULTIPLE),
    ...text.matchAll(new RegExp(FRACTION.source, 'gi')),
    ...text.matchAll(DIGITS),
    ...text.matchAll(WORDS),
  ].sort((a, b) => a.index - b.index);
  // How far the figures read so far reach (a count through its noun): they start no later than the next candidate.
  let reach = -Infinity;
  for (const match of candidates) {
    const figure = readFigure(text, match.index, match[0], /^\d/.test(match[0]), sentence);
    // A number inside an earlier figure's words ("per 10,000 people") is part of it.
    if (figure && figure.start >= reach) {
      out.push(figure);
      reach = Math.max(reach, figure.end, figure.kind === 'count' ? figure.through : figure.end);
    }
  }
  return withSharedUnits(sentence, candidates, out);
}

/**
 * "by 0.9, 1.2, and 1.1 percentage points": bare numbers listed before a rate take
 * its unit, role and basis. A year ("In 2023, 5.2 percent") is never such a number.
 */
function withSharedUnits(sentence: Span, candidates: RegExpExecArray[], read: FigureMention[]): FigureMention[] {
  const out = [...read];
  // Candidates run backwards, so the one taken last is the nearest taken figure after the current one.
  let taken: FigureMention | undefined;
  for (const match of [...candidates].reverse()) {
    const start = sentence.start + match.index;
    const end = start + match[0].length;
    // `read` is in order: the first figure ending after this number is the only one it could overlap.
    const after = firstEndingAfter(read, start);
    if (!/^\d/.test(match[0]) || /^(?:19|20)\d{2}$/.test(match[0]) || (after && after.start < end)) continue;
    const next = [after, taken].filter((f) => f !== undefined).sort((a, b) => a.start - b.start)[0];
    if (!next || (next.kind !== 'percent' && next.kind !== 'points') || next.qualifier) continue;
    if (!/^\s*,?\s*(?:and\s+)?$/.test(sentence.text.slice(end - sentence.start, next.start - sentence.start))) continue;
    const value = parseWrittenNumber(match[0]);
    if (value === undefined) continue;
    const unitText = next.withUnit.slice(next.written.length);
    taken = {
      ...next,
      start,
      end,
      from: start,
      through: end,
      written: match[0],
      value,
      withUnit: `${match[0]}${unitText}`,
    };
    out.push(taken);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The first of figures in order whose end is past `at`, by halving. */
function firstEndingAfter(figures: readonly FigureMention[], at: number): FigureMention | undefined {
  let lo = 0;
  let hi = figures.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (figures[mid]!.end > at) hi = mid;
    else lo = mid + 1;
  }
  return figures[lo];
}

function readFigure(
  text: string,
  at: number,
  written: string,
  digits: boolean,
  sentence: Span,
): FigureMention | undefined {
  // A window either side, not the whole sentence: every test here reads a few words around the
  // number, and a sentence of a thousand figures would otherwise cost the square of its length.
  const window = Math.max(0, at - NEAR_NUMBER);
  const before = text.slice(window, at);
  const after = text.slice(at + written.length, at + written.length + NEAR_NUMBER);
  const special = multipleOrFraction(text, at, written, sentence);
  if (special !== undefined) return special || undefined;
  const value = parseWrittenNumber(written);
  if (value === undefined) return undefined;
  if (digits && !notALabel(before, after, written, at === 0 && sentence.start === 0)) return undefined;
  if (
    !digits &&
    (/\b(?:the|these|those|its|their|his|her|our|both|all|every|each)\s+$/i.test(before) || /["“‘']$/.test(before))
  )
    return undefined;
  if (!digits && /^\s+(?:of|largest|biggest|smallest|richest|fastest|top|leading|most|main|major)\b/i.test(after))
    return undefined;

  const qualifierMatch = QUALIFIERS.map(([p, q]) => [p.exec(before), q] as const).find(([m]) => m);
  const qualifier = qualifierMatch?.[1] ?? (/-plus$/.test(written) ? 'more than' : undefined);
  const from = qualifierMatch?.[0] ? window + qualifierMatch[0].index : at;
  const lead = before.slice(0, from - window);
  const base = {
    start: sentence.start + at,
    end: sentence.start + at + written.length,
    written,
    value,
    from: sentence.start + from,
    ...(qualifier ? { qualifier } : {}),
  };

  const percent = /^\s*(%|percent\b|per cent\b)/i.exec(after);
  const points = /^\s*(percentage points?|pct points?)\b/i.exec(after);
  if (percent || points) {
    const unitMatch = (percent ?? points)!;
    let through = at + written.length + unitMatch[0].length;
    const rest = text.slice(through, through + NEAR_NUMBER);
    // "1.1 percentage points higher", "5.5 percent growth": the words after say it is a change too.
    const change = CHANGE.exec(lead) ?? (CHANGE_AFTER.test(rest) ? [''] : null);
    const basis = BASIS_AFTER.exec(rest);
    const of =
      /^\s+of\s+((?:the\s+)?[^,.;]*?)(?=\s+(?:for|in|by|as|than|while|with|and|compared|year)\b|[,.;]|$)/i.exec(rest);
    const role = change ? 'change' : SHARE.test(lead) || of ? 'share' : 'level';
    if (role === 'change' && basis) through += basis[0].length;
    if (role === 'share' && of) through += of[0].length;
    const direction = change && (FALLING.test(change[0].trim()) || FALLING_AFTER.test(rest)) ? -1 : 1;
    return {
      ...base,
      kind: points ? 'points' : 'percent',
      unit: points ? 'percentage points' : undefined,
      withUnit: text.slice(at, at + written.length + unitMatch[0].length),
      through: sentence.start + through,
      role,
      direction,
      ...(role === 'change' ? { basis: basisOf(basis?.[1] ?? change?.[0] ?? '') } : {}),
      ...(role === 'share' && of ? { of: of[1] } : {}),
    };
  }

  const sign = CURRENCY_SIGN.exec(lead);
  const currency = CURRENCY.exec(after);
  if (currency || sign) {
    const unit = currency
      ? /^(RMB|CNY|renminbi|yuan|元)$/i.test(currency[1]!)
        ? 'yuan'
        : currency[1]!
      : /¥|RMB|CNY/.test(sign![1]!)
        ? 'yuan'
        : sign![1] === '€'
          ? 'euros'
          : 'U.S. dollars';
    // "13.57 trillion yuan (about 1.91 trillion U.S. dollars)": the conversion is the same figure again.
    if (
      /\(\s*(?:about|around|approximately|roughly|some|nearly|or|equivalent to)?\s*(?:US\$|\$|USD|¥|RMB|€)?\s*$/i.test(
        lead,
      ) &&
      /(?:yuan|dollars|euros|RMB)\s*\(\s*[^()]*$/i.test(before)
    )
      return undefined;
    const through = at + written.length + (currency?.[0].length ?? 0);
    return {
      ...base,
      kind: 'currency',
      unit,
      withUnit: text.slice(at, through),
      through: sentence.start + through,
      role: 'level',
      direction: 1,
    };
  }

  const noun = countNoun(after);
  if (!noun) {
    // "of which new energy vehicles were 1.68 million": the counted thing is the subject.
    const subject = countedSubject(
      COPULA.exec(lead)?.[1] ?? (qualifier === 'exceeded' ? SUBJECT_BEFORE_VERB.exec(lead)?.[1] : undefined),
    );
    // "bringing the total to about 16,000": the unit is the previous figure's (statistics.ts fills it in).
    const total = TOTAL.test(lead);
    if (!(subject && /s$/.test(subject)) && !total) return undefined;
    const through = at + written.length;
    return {
      ...base,
      kind: 'count',
      unit: total ? undefined : subject,
      withUnit: written,
      through: sentence.start + through,
      role: 'level',
      direction: 1,
    };
  }
  if (
    digits &&
    /^(?:1[89]|20)\d{2}$/.test(written) &&
    (!/^\p{Ll}/u.test(noun.text) || /\b(?:in|since|from|to|by|until|before|after|of|year|the|and)\s*$/i.test(lead))
  )
    return undefined;
  const head = noun.text.split(/\s+/).at(-1)!;
  if (
    TIME_UNITS.test(head) &&
    (/\b(?:past|last|next|recent|previous|coming|first|over the|in the|in just|in only|for|after|within|during|since|the)\s*$/i.test(
      lead,
    ) ||
      /^\s+(?:ago|later|earlier|old|in a row)\b/i.test(after.slice(noun.length)))
  )
    return undefined;
  // "55 5G base stations per 10,000 people": a rate is one figure, its unit the whole phrase.
  const rate = /^\s+per\s+(?:\d{1,3}(?:,\d{3})+|\d+|capita|thousand|hundred|million)(?:\s+[\p{L}-]+)?/u.exec(
    after.slice(noun.length),
  );
  const through = at + written.length + noun.length + (rate?.[0].length ?? 0);
  const unit = rate ? `${noun.text}${rate[0]}`.replace(/\s+/g, ' ') : noun.text;
  return {
    ...base,
    kind: 'count',
    unit,
    withUnit: text.slice(at, through),
    through: sentence.start + through,
    role: 'level',
    direction: 1,
  };
}

/**
 * "a 6.5-fold increase", "multiplied fivefold": a multiple, unit "times". "about
 * one-third of the national total": a share in percent. False when the match is part
 * of a longer number word's reading; undefined when the words are neither.
 */
function multipleOrFraction(
  text: string,
  at: number,
  written: string,
  sentence: Span,
): FigureMention | false | undefined {
  const multiple = multipleOf(written);
  const fraction = multiple === undefined ? percentOfFraction(written) : undefined;
  if (multiple === undefined && fraction === undefined) return undefined;
  // Windows either side, as for any number: a sentence of many multiples costs no more than its length.
  const window = Math.max(0, at - NEAR_NUMBER);
  const before = text.slice(window, at);
  const rest = text.slice(at + written.length, at + written.length + NEAR_NUMBER);
  // "the first three quarters of this year" counts quarters of a year; a share is "one-third of the total".
  if (
    multiple === undefined &&
    (!/^\s+of\b/i.test(rest) || /\b(?:first|last|past|next|previous|the|these|those)\s+$/i.test(before))
  )
    return false;
  const qualifierMatch = QUALIFIERS.map(([p, q]) => [p.exec(before), q] as const).find(([m]) => m);
  const from = qualifierMatch?.[0] ? window + qualifierMatch[0].index : at;
  const of =
    fraction === undefined
      ? null
      : /^\s+of\s+((?:the\s+)?[^,.;]*?)(?=\s+(?:for|in|by|as|than|while|with|and)\b|[,.;]|$)/i.exec(rest);
  return {
    start: sentence.start + at,
    end: sentence.start + at + written.length,
    written,
    value: multiple ?? fraction!,
    from: sentence.start + from,
    ...(qualifierMatch ? { qualifier: qualifierMatch[1] } : {}),
    kind: multiple === undefined ? 'percent' : 'count',
    unit: multiple === undefined ? undefined : 'times',
    withUnit: written,
    through: sentence.start + at + written.length + (of?.[0].length ?? 0),
    role: multiple === undefined ? 'share' : 'level',
    direction: 1,
    ...(of ? { of: of[1] } : {}),
  };
}

/** What a subject counts: "champions in manufacturing have" → "champions"; without a leading "and" or a trailing auxiliary. */
function countedSubject(words: string | undefined): string | undefined {
  const subject = words?.replace(/^and\s+/i, '').replace(/\s+(?:has|have|had)$/i, '');
  return subject?.replace(/^(.*\p{L}s)\s+(?:in|of)\s+.*$/u, '$1');
}

/** Years, dates, list numbers and names that hold a number ("No. 1", "top 100") are no figures. */
function notALabel(before: string, after: string, written: string, atStart: boolean): boolean {
  if (new RegExp(String.raw`\b${MONTH}\s*$`).test(before) || new RegExp(String.raw`^\s+${MONTH}\b`).test(after))
    return false;
  if (
    /\b(?:No|Nos|number|top|Top|TOP|Fortune|Global|Forbes|Article|Chapter|Phase|Line|Class|Level|Grade|Group|Category|Type|Version|Model|Route|Gate|Section)\.?\s*$/.test(
      before,
    )
  )
    return false;
  if ((atStart || /^\s*\(?$/.test(before)) && /^[.)]\s/.test(after)) return false;
  return written.length > 0;
}

/** The noun phrase a count is of: "parts and components", "national and municipal R&D institutions", "“double first-class” universities". */
function countNoun(after: string): { text: string; length: number } | undefined {
  const token = /^(\s+)(“[^”]{1,40}”|"[^"]{1,40}"|[\p{L}\p{N}][\p{L}\p{N}&'’-]*)([,.;:!?)”"]?)/u;
  let pos = 0;
  let end = 0;
  let count = 0;
  while (count < 7) {
    const m = token.exec(after.slice(pos));
    if (!m) break;
    const word = m[2]!;
    const lower = word.toLowerCase();
    // "5G base stations": a token that starts with a digit but is a name, not a number, is part of the noun.
    if (
      STOP.has(lower) ||
      /^\d[\d,.]*$/.test(word) ||
      (/^\d/.test(word) && end === 0 && !/^\d+\p{Lu}/u.test(word)) ||
      /ly$/.test(lower)
    )
      break;
    if (lower === 'and') {
      const next = token.exec(after.slice(pos + m[0].length));
      const nextWord = next?.[2]?.toLowerCase();
      if (!nextWord || STOP.has(nextWord) || /^\d/.test(nextWord) || /(?:ed|ing)$/.test(nextWord) || end === 0) break;
      pos += m[0].length;
      continue;
    }
    // A verb right after a number ("10 opened") is no unit; "self-employed", "foreign-funded" are adjectives.
    if (end === 0 && /(?:ed|ing)$/.test(lower) && !lower.includes('-')) break;
    pos += m[1]!.length + word.length;
    end = pos;
    count++;
    if (m[3]) break;
  }
  if (end === 0) return undefined;
  const text = after.slice(0, end).trim();
  // A phrase that ends on a quoted modifier names no thing counted.
  if (/[”"]$/.test(text)) return undefined;
  return { text, length: end };
}

function basisOf(phrase: string): string {
  if (/month/i.test(phrase)) return 'month on month';
  if (/quarter[- ]on/i.test(phrase)) return 'quarter on quarter';
  // Chinese statistics report changes year on year unless they say otherwise.
  return 'year on year';
}
