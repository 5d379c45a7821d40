import { withoutChatter, withShortFormsExpanded } from '../text/chatter.ts';
import { terms } from '../text/normalize.ts';

/**
 * What a question asks, as /ask reads it: chatter and short forms as /ask strips and
 * expands them, then its content terms (stopwords gone, lightly stemmed), each once and
 * sorted. "gdp of mars?" and "What's the GDP of Mars" share the key "gdp mars".
 */
export function questionKey(question: string): string {
  return [...new Set(terms(withShortFormsExpanded(withoutChatter(question))))].sort().join(' ');
}
