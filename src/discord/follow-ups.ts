import type { AskContext } from '../answers/ask/follow-up.ts';

/** How long after an answer a reply to it, or a mention by the same member in the same channel, follows it up. */
export const FOLLOW_UP_MS = 5 * 60_000;
/** Answers remembered at most: the oldest is forgotten first, whatever its age. */
export const FOLLOW_UP_ANSWERS = 1_000;

interface Remembered {
  context: AskContext;
  at: number;
  keys: readonly string[];
}

/**
 * The last few minutes of answers given in chat, in memory only: each answer by the id
 * of the message that carried it (for a reply to it) and by its channel and asker (for
 * a mention again). Nothing outlives the window; memory is bounded by FOLLOW_UP_ANSWERS.
 */
export class FollowUpWindow {
  // A Map keeps insertion order, which is the order answers were given: the oldest come first.
  private readonly byKey = new Map<string, Remembered>();
  private readonly answers = new Set<Remembered>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly ms = FOLLOW_UP_MS,
    private readonly max = FOLLOW_UP_ANSWERS,
  ) {}

  /** The context of the answer replied to, else of the asker's last answer in the channel, if still fresh. */
  recall(at: { channel: string; user: string; repliedTo?: string | undefined }): AskContext | undefined {
    this.forgetExpired();
    const replied = at.repliedTo ? this.byKey.get(answerKey(at.repliedTo)) : undefined;
    return (replied ?? this.byKey.get(askerKey(at.channel, at.user)))?.context;
  }

  /** Whether a message is one of the answers still remembered. */
  isAnswer(messageId: string): boolean {
    this.forgetExpired();
    return this.byKey.has(answerKey(messageId));
  }

  /** An answer given to a question heard at `heard` (the clock's time): its window runs from the question. */
  remember(at: { channel: string; user: string; answer: string; heard: number }, context: AskContext): void {
    const keys = [answerKey(at.answer), askerKey(at.channel, at.user)];
    // The asker's earlier answer stays reachable by a reply to it; their next mention follows this one.
    const entry: Remembered = { context, at: at.heard, keys };
    for (const key of keys) this.byKey.set(key, entry);
    this.answers.add(entry);
    while (this.answers.size > this.max) this.forget(this.answers.values().next().value!);
  }

  /** Answers remembered now (for tests and the log). */
  get size(): number {
    return this.answers.size;
  }

  private forgetExpired(): void {
    const oldest = this.now() - this.ms;
    for (const entry of this.answers) {
      if (entry.at > oldest) break;
      this.forget(entry);
    }
  }

  private forget(entry: Remembered): void {
    for (const key of entry.keys) if (this.byKey.get(key) === entry) this.byKey.delete(key);
    this.answers.delete(entry);
  }
}

const answerKey = (messageId: string) => `answer:${messageId}`;
const askerKey = (channel: string, user: string) => `asker:${channel}:${user}`;
