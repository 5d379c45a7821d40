import type { Passage } from '../../corpus/schema.ts';
import type { Engine } from '../../engine/engine.ts';
import { notFound, type Answer } from '../answer.ts';
import { cite } from '../cite.ts';
import { msg } from '../../messages/message.ts';
import { withoutChatter, withShortFormsExpanded } from '../../text/chatter.ts';
import { normalize, terms } from '../../text/normalize.ts';
import { askedSpan } from '../../text/span.ts';
import { wordsOf } from '../../search/entities.ts';
import { askAnswer, THRESHOLDS, type Thresholds } from './ask.ts';
import { parseQuestion } from './question.ts';

/**
 * What a follow-up in chat ("and shanghai?", "what about 2023", "source?") is read with:
 * the previous question as it was read (places, metric, period and the words that frame
 * them), and the passages its answer cited. Nothing else: no asker, no history.
 */
export interface AskContext {
  /** The previous question as read; itself a merged reading when it was a follow-up, so follow-ups chain. */
  question: string;
  /** The passages the previous answer cited, by id: what "source?" shows. */
  cited: readonly string[];
}

export interface AskedInContext {
  answer: Answer;
  /** What the next follow-up is read with. */
  context: AskContext;
}

/**
 * A question asked after another, answered with the previous one's places, metric and
 * period for whatever it does not name itself. A question complete on its own, or with
 * no previous one, is answered as any question is.
 */
export function askInContext(
  engine: Engine,
  text: string,
  previous?: AskContext,
  thresholds: Thresholds = THRESHOLDS,
): AskedInContext {
  const read = withShortFormsExpanded(withoutChatter(text));
  if (previous && SOURCE_REQUEST.test(normalize(read).trim()))
    return { answer: sourcesAnswer(engine, text, previous), context: previous };
  const merged = previous ? mergeFollowUp(engine, read, previous.question) : undefined;
  const answer = askAnswer(engine, merged ?? read, thresholds);
  const shown: Answer = merged
    ? { ...answer, title: msg('askTitle', { question: text.trim() }), lead: [msg('followingUp'), ...answer.lead] }
    : answer;
  // Only what a question is read from is kept: the window's memory is bounded by it.
  return { answer: shown, context: { question: (merged ?? read).slice(0, MAX_MERGED), cited: citedBy(answer) } };
}

// "source?", "link pls", "where's that from", "出处？": the previous answer's passages, nothing new.
const SOURCE_REQUEST =
  /^(?:(?:the |your )?(?:source|sources|src|sauce|link|links|citation|citations|reference|references|proof|quote|quotes)|where(?:'s| is| does| did)? (?:that|this|it) (?:from|come from|coming from)|where did (?:you|u) (?:get|read) (?:that|this|it))[\s?!.]*$|^(?:出处|来源|原文|链接|引用)(?:呢|是什么|在哪|在哪里)?[?？!！。]*$/u;

// Words that say a message continues the last question rather than asks a new one.
const CUE =
  /^(?:and|also|plus|ok(?:ay)?|so|then|now|but)\b[\s,]*|^(?:what|how) about\b\s*|^same (?:for|in|with)\b\s*|^what of\b\s*/;
const CHINESE_CUE = /^(?:那么?|还有|那)|呢[?？]*$/u;
/** A message this short that names a place, a period or a topic is a fragment of a question, never a question. */
const FRAGMENT_WORDS = 2;
/** As much of a question as is read (question.ts reads its first 500 characters). */
const MAX_MERGED = 500;

/**
 * The follow-up read as the previous question with what it names put in place of the
 * same kind of thing there: its places for the previous places, its period for the
 * previous period, its topic for the previous topic. Undefined when the message is a
 * question of its own, or names nothing a previous question could lend it.
 */
export function mergeFollowUp(engine: Engine, read: string, previousQuestion: string): string | undefined {
  const norm = normalize(read).trim();
  const cued = CUE.test(norm) || CHINESE_CUE.test(norm);
  // "and what about shanghai then?": every cue off, however many are stacked.
  let rest = norm;
  for (let before = ''; before !== rest;) {
    before = rest;
    rest = rest.replace(CUE, '').replace(CHINESE_CUE, '').trim();
  }
  const now = parseQuestion(engine, rest);
  const places = now.regions.length > 0;
  const period = !!now.period || !!askedSpan(rest);
  const topic = now.metrics.length > 0 || now.content.length > 0 || now.people.length > 0;
  if (!places && !period && !topic) return undefined;
  if (topic && !cued && wordsOf(rest).length > FRAGMENT_WORDS) return undefined;
  const before = parseQuestion(engine, previousQuestion);
  const drop = new Set<string>();
  const dropText: string[] = [];
  if (places) {
    for (const r of before.regions) {
      for (const t of [r.name, ...r.aliases].flatMap((n) => terms(n))) drop.add(t);
      if (r.zh) dropText.push(r.zh);
    }
  }
  if (topic) {
    for (const t of [...before.content, ...before.metricWords]) drop.add(t);
    for (const m of before.metrics) if (m.zh) dropText.push(m.zh);
  }
  const kept = without(normalize(previousQuestion).replace(/[?？!！。.]+$/u, ''), drop, dropText, period);
  const merged = `${kept} ${rest}`.replace(/\s+/g, ' ').trim();
  // A chain of follow-ups longer than any question is read is not a question any more.
  return merged.length <= MAX_MERGED ? merged : undefined;
}

/** The question without the words of the things being replaced, and without its period when a new one is given. */
function without(question: string, drop: ReadonlySet<string>, dropText: readonly string[], period: boolean): string {
  let text = period ? question.replace(PERIOD, ' ') : question;
  for (const zh of dropText) text = text.split(zh).join(' ');
  return text
    .split(/\s+/)
    .filter((token) => {
      const words = wordsOf(token).flatMap((w) => terms(w));
      return !words.length || !words.every((t) => drop.has(t));
    })
    .join(' ');
}

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\b\\.?';
const YEAR = '(?:19|20)\\d{2}\\b';
const BEFORE = '(?:(?:in|for|during|of|over|since|by (?:the )?end of) )?(?:the )?';
const PART = [
  `(?:from )?${MONTH}\\s*(?:-|–|to|through|till|until)\\s*${MONTH}`,
  'first (?:two|three|four|five|six|seven|eight|nine|ten|eleven|\\d{1,2}) months',
  'first (?:two|three) quarters',
  '(?:first|second|third|fourth|1st|2nd|3rd|4th) quarter',
  'q[1-4]\\b',
  '(?:first|second) half',
  'h[12]\\b',
].join('|');
/** The phrases text/span.ts reads a period from, each as one phrase to take out. */
const PERIOD = new RegExp(
  [
    `\\b${BEFORE}(?:${PART})(?: of)?(?: ${YEAR})?`,
    `\\b(?:in|of|for|during|since|by the end of|end of) ${MONTH}(?: ${YEAR})?`,
    `\\b${MONTH} ${YEAR}`,
    `\\b${BEFORE}${YEAR}(?:\\s*(?:-|–|to|through|until)\\s*${YEAR})?`,
    '\\b(?:so far )?(?:this|last) (?:year|winter|season)\\b',
    '(?:19|20)\\d{2}年',
    '前[一二三]季度|第?[一二三四1-4]季度|[上下]半年|\\d{1,2}\\s*[-—至到]\\s*\\d{1,2}月份?|\\d{1,2}月份?|今年|去年',
  ].join('|'),
  'gu',
);

/** The passages the answer cites, each once, in the order shown. */
function citedBy(answer: Answer): string[] {
  const ids = answer.items.flatMap((item) => (item.kind === 'note' ? [] : [item.citation.passage]));
  return [...new Set(ids)];
}

/** "source?": each passage the previous answer cited, whole, with where to find it. */
function sourcesAnswer(engine: Engine, text: string, previous: AskContext): Answer {
  const passages = previous.cited.flatMap((id) => {
    const p: Passage | undefined = engine.corpus.passageById.get(id);
    return p ? [p] : [];
  });
  const title = msg('askTitle', { question: text.trim() });
  if (!passages.length) return notFound(title, [msg('followUpNothingCited')]);
  return {
    found: true,
    title,
    lead: [msg('followUpSources', { count: passages.length })],
    items: passages.map((p) => ({ kind: 'passage', citation: cite(engine, p) })),
    suggestions: [],
  };
}
