import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBotAgainstFake } from '../support/bot.ts';
import { runCli } from '../support/cli.ts';
import { type FakeDiscord } from '../support/fake-discord.ts';
import { MODERATOR, replyData } from '../support/replies.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/ingest/jiangsu-2025-q1-suzhou-industry.html');
const ADDED = 'ydd-2025-04-jiangsus-economy-grows-suzhou';

const running = useBotAgainstFake((f) => ({ ANNOUNCE_CHANNEL_ID: f.channelId }), { copy: true });
let fake: FakeDiscord;
let dir: string;
beforeAll(() => {
  ({ fake, dir } = running);
});

interface Posted {
  content: string;
  allowed_mentions?: unknown;
  flags?: number;
}

describe('a digest of each article a reload adds, in ANNOUNCE_CHANNEL_ID', () => {
  it('posts title, outlet, date and up to 5 main figures, each cited, pinging no one', async () => {
    const since = fake.mark();
    const added = await runCli('src/app/add.ts', [FIXTURE], { CORPUS_DIR: dir });
    expect(added.code).toBe(0);
    const post = await fake.waitForRequest<Posted>(
      { method: 'POST', path: `/channels/${fake.channelId}/messages` },
      { since, timeoutMs: 30_000 },
    );
    expect(post.status).toBe(200);
    const { content, allowed_mentions } = post.body!;
    if (process.env.SHOW_POST) process.stdout.write(`\n---POST---\n${content}\n---END---\n`);
    expect(allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(content).toMatch(/^\*\*New article: .+\*\*\nYangtze Delta Daily, /);
    expect(content).toContain('1.38 trillion yuan');
    const figures = content.split('\n').filter((line) => /^\*\*.+\*\*: /.test(line));
    const sources = content.match(new RegExp(`\`${ADDED}#p\\d+\``, 'g')) ?? [];
    expect(figures.length).toBeGreaterThan(0);
    expect(figures.length).toBeLessThanOrEqual(5);
    expect(sources.length).toBe(figures.length);
    expect(content.length).toBeLessThanOrEqual(2000);
  }, 90_000);

  it('posts nothing when a reload adds no article', async () => {
    await new Promise((r) => setTimeout(r, 1000));
    const since = fake.mark();
    const sent = fake.sendInteraction(fake.chatInput('reload', [], { permissions: MODERATOR }));
    expect(replyData((await sent.callback).body)?.content).toContain('Corpus reloaded');
    await new Promise((r) => setTimeout(r, 500));
    expect(
      fake.requests.filter((r) => r.seq > since && r.method === 'POST' && r.path.startsWith('/channels/')),
    ).toEqual([]);
  });
});
