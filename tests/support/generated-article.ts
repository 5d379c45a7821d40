import { readFileSync } from 'node:fs';
import path from 'node:path';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/ingest/guangdong-2023-economy.txt');
const PLACES = ['Guangdong', 'Shenzhen', 'Jiangsu', 'Zhejiang', 'Anhui', 'Henan', 'Sichuan', 'Hubei'];

/** A deterministic stand-in for the numbers an article varies: the same seed gives the same text. */
function numbers(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % below;
  };
}

/**
 * A long plain-text article of about `bytes`: a real article's header, then its paragraphs
 * again and again with other places and figures, as a large report would read.
 */
export function longArticle(bytes: number): string {
  const [nav, title, byline, ...body] = readFileSync(FIXTURE, 'utf8').split('\n\n');
  const paragraphs = body.filter((p) => p.length > 80);
  const next = numbers(1);
  const out = [nav, title, byline];
  let size = out.join('\n\n').length;
  for (let i = 0; size < bytes; i++) {
    const paragraph = `${paragraphs[i % paragraphs.length]!.replace('4.8', `${1 + next(9)}.${next(10)}`).replaceAll('Guangdong', PLACES[next(PLACES.length)]!)} Item ${i}.`;
    out.push(paragraph);
    size += paragraph.length + 2;
  }
  return `${out.join('\n\n')}\n`;
}

/** One sentence of `bytes` strung from figures with commas, as a table pasted into prose reads. */
export function sentenceOfFigures(bytes: number): string {
  const next = numbers(2);
  const parts: string[] = [];
  for (let size = 0; size < bytes;) {
    const part = `${PLACES[next(PLACES.length)]} reported output of ${1 + next(999)}.${next(10)} billion yuan, up ${1 + next(9)}.${next(10)} percent`;
    parts.push(part);
    size += part.length + 2;
  }
  return `Figures in one sentence\n\nSource: Pearl River Business News | Updated: 2024-01-24 08:15\n\nIn 2023, ${parts.join(', ')}.\n`;
}
