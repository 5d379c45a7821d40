import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What members wrap a question in, removed before it is read: pasted mentions and
 * channel links, custom and Unicode emoji, greetings and sign-offs ("hey bot quick
 * one —", "thx!!"). What is left is the question.
 */
export function withoutChatter(text: string): string {
  let out = text
    .replace(/<@[!&]?\d+>|<#\d+>|<a?:\w+:\d+>|@(everyone|here)\b/g, ' ')
    .replace(/\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f/gu, ' ')
    .replace(/(^|\s):[a-z0-9_+-]+:(?=\s|$)/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Greetings and fillers at the start, repeated ("hey bot, quick one: ...").
  for (let before = ''; before !== out;) {
    before = out;
    out = out.replace(OPENING, '').trim();
  }
  return out.replace(CLOSING, '').trim() || text.trim();
}

const OPENING =
  /^(?:(?:hey|hi|hello|yo|sup|oi|ok(?:ay)?|so|um+|uh+|hmm+|quick (?:one|q(?:uestion)?)|question|q|real quick|sorry|pls|please|plz|bot|footnote|guys|all|folks|everyone|anyone know|does anyone know|can (?:you|u) (?:tell me|check)|could (?:you|u) (?:tell me|check)|do (?:you|u) know|i (?:was )?wonder(?:ing)?|i want to know|tell me)\b[\s,.:;!?—–-]*)/i;
const CLOSING = /[\s,.;!—–-]*(?:\b(?:thanks|thank you|thx|ty|pls|please|plz|lol|lmao|cheers|anyone\??)\b[\s,.!?]*)+$/i;

interface ShortForms {
  forms: Record<string, string>;
}

let shortForms: { pattern: RegExp; forms: Map<string, string> } | undefined;

/** The lexicon of news and chat short forms (data/lexicon/short-forms.json), read once. */
function lexicon(): { pattern: RegExp; forms: Map<string, string> } {
  if (shortForms) return shortForms;
  const file = path.resolve(import.meta.dirname, '../../data/lexicon/short-forms.json');
  const { forms } = JSON.parse(readFileSync(file, 'utf8')) as ShortForms;
  const map = new Map(Object.entries(forms).map(([from, to]) => [from.toLowerCase(), to]));
  // Longest first, so "5g towers" is replaced before a shorter form inside it.
  const alternatives = [...map.keys()]
    .sort((a, b) => b.length - a.length)
    .map((f) => f.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}&'])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}&/])`, 'giu');
  return (shortForms = { pattern, forms: map });
}

/** The question with its short forms written out as the articles write them: "yoy" → "year on year". */
export function withShortFormsExpanded(text: string): string {
  const { pattern, forms } = lexicon();
  return text
    .replace(pattern, (found) => forms.get(found.toLowerCase()) ?? found)
    .replace(/\s+/g, ' ')
    .trim();
}
