import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const helper = path.join(import.meta.dirname, 'terminal.py');

/** Keys as a terminal sends them. */
export const keys = {
  enter: '\r',
  tab: '\t',
  up: '\x1b[A',
  ctrlC: '\x03',
  ctrlD: '\x04',
} as const;

/** Escape sequences and carriage returns out, so what the screen says can be matched as text. */
export function plain(shown: string): string {
  // eslint-disable-next-line no-control-regex
  return shown.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
}

/**
 * A program in a pseudo-terminal (tests/support/terminal.py): typed at with `type`, read with
 * `waitFor`, which looks only at what it showed since the last wait, so each step
 * checks its own output.
 */
export class Terminal {
  private shown = '';
  private read = 0;
  private readonly child: ChildProcess;
  readonly exited: Promise<number | null>;

  constructor(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; columns?: number }) {
    this.child = spawn('python3', [helper, String(options.columns ?? 100), command, ...args], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (chunk: Buffer) => (this.shown += chunk.toString()));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.shown += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.on('close', (code) => resolve(code)));
  }

  type(text: string): void {
    this.child.stdin!.write(text);
  }

  /** Everything shown so far, as text. */
  get screen(): string {
    return plain(this.shown);
  }

  /** Resolves with what was shown since the last wait, up to and including `expected`. */
  async waitFor(expected: string | RegExp, timeoutMs = 15_000): Promise<string> {
    const started = Date.now();
    for (;;) {
      const fresh = plain(this.shown.slice(this.read));
      const at = typeof expected === 'string' ? fresh.indexOf(expected) : fresh.search(expected);
      if (at >= 0) {
        this.read = this.shown.length;
        return fresh;
      }
      if (Date.now() - started > timeoutMs || this.child.exitCode !== null)
        throw new Error(`never showed ${String(expected)}; the screen since the last step:\n${fresh}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}
