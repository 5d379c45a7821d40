/** One broken thing in the corpus, located well enough for a curator to fix it. */
export interface CorpusProblem {
  /** The file, as a path relative to the working directory. */
  file: string;
  /** A JSON path into that file, like `$.stats[0].quote`; `$` for the file as a whole. */
  path: string;
  message: string;
}

export class CorpusError extends Error {
  constructor(readonly problems: CorpusProblem[]) {
    super(
      `The corpus is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${p.file} ${p.path}: ${p.message}`).join('\n'),
    );
    this.name = 'CorpusError';
  }
}

export function jsonPath(segments: readonly PropertyKey[]): string {
  return '$' + segments.map((s) => (typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(String(s)) ? `.${String(s)}` : `[${JSON.stringify(String(s))}]`)).join('');
}
