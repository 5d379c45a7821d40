import type { Passage } from '../corpus/schema.ts';
import { notFound, suggest, type Answer, type AnswerItem } from './answer.ts';
import { msg, namedPerson, verbatim, type Message } from '../messages/message.ts';
import type { Engine } from '../engine/engine.ts';
import type { Choice } from './choices.ts';
import { firstSentence } from './excerpt.ts';
import { normalize } from '../text/normalize.ts';
import { cite } from './cite.ts';

/** One passage whole, with the paragraphs around it for context. */
export function sourceAnswer(engine: Engine, id: string): Answer {
  const passage = findPassage(engine, id);
  if (!passage) {
    return notFound(
      msg('noPassageTitle'),
      [msg('noPassage', { id, example: engine.corpus.passages[0]!.id })],
      passageChoices(engine, id)
        .slice(0, 5)
        .map((c) => suggest(verbatim(c.name), 'source', { id: c.value })),
    );
  }
  const article = engine.articleOf(passage);
  const neighbour = (p: Passage | undefined, heading: Message): AnswerItem[] => {
    if (!p) return [];
    // The neighbours are context: their first sentence is enough to place the passage.
    return [{ kind: 'passage', heading, citation: cite(engine, p, firstSentence(p.text)) }];
  };
  const at = article.passages.indexOf(passage);
  const speaker = passage.speaker ? engine.person(passage.speaker) : undefined;
  return {
    found: true,
    title: msg('passageTitle', { title: article.title, paragraph: passage.paragraph }),
    lead: speaker ? [msg('speaker', { person: namedPerson(speaker) })] : [],
    items: [
      { kind: 'passage', citation: cite(engine, passage) },
      ...neighbour(article.passages[at - 1], msg('before')),
      ...neighbour(article.passages[at + 1], msg('after')),
    ],
    suggestions: [],
  };
}

function findPassage(engine: Engine, id: string): Passage | undefined {
  const key = id.trim();
  const exact = engine.corpus.passageById.get(key);
  if (exact) return exact;
  // With one article, "p4" or "4" is unambiguous.
  const paragraph = /^(?:#?p)?(\d+)$/i.exec(key)?.[1];
  if (paragraph && engine.corpus.articles.length === 1) {
    return engine.corpus.articles[0]!.passages.find((p) => p.paragraph === Number(paragraph));
  }
  return undefined;
}

/** Passages by id or by words of their text, for autocomplete. */
export function passageChoices(engine: Engine, query: string): Choice[] {
  const q = normalize(query.slice(0, 200));
  const byId = engine.passagesWithIdContaining(q, 25);
  // Words rather than an id: the passages that hold all of them, as a filter narrows while typing.
  const list = byId.length ? byId : engine.passages.withAll(engine.passages.resolve(q).terms, 25);
  // A choice shows 100 characters: the rest of a passage need not be copied into it.
  return list.slice(0, 25).map((p) => ({ name: `¶${p.paragraph} ${p.text.slice(0, 200)}`, value: p.id }));
}
