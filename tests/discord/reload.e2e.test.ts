import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBotAgainstFake, type BotProcess } from '../support/bot.ts';
import { runCli } from '../support/cli.ts';
import { type FakeDiscord, option } from '../support/fake-discord.ts';
import { MODERATOR, expectSafeMessage, isEphemeral, replyData } from '../support/replies.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/ingest/jiangsu-2025-q1-suzhou-industry.html');
const ADDED = 'ydd-2025-04-jiangsus-economy-grows-suzhou';

const running = useBotAgainstFake({}, { copy: true });
let fake: FakeDiscord;
let bot: BotProcess;
let dir: string;
beforeAll(() => {
  ({ fake, bot, dir } = running);
});

async function ask(
  name: string,
  options: ReturnType<typeof option.string | typeof option.boolean>[] = [],
  permissions?: string,
) {
  const sent = fake.sendInteraction(fake.chatInput(name, options, permissions ? { permissions } : {}));
  const data = replyData((await sent.callback).body);
  expectSafeMessage(data);
  return data;
}

const tradeQ1 = () =>
  ask('stat', [
    option.string('metric', 'foreign trade'),
    option.string('region', 'jiangsu'),
    option.string('period', 'Q1 2025'),
  ]);
const reloads = (msg: string) => bot.logs.filter((l) => l.msg === msg).length;

describe('the running bot follows the corpus on disk', () => {
  it('answers /stat for an article added with corpus:add, without a restart', async () => {
    expect((await tradeQ1()).content).toContain('The corpus has no Foreign trade figure yet');
    const before = reloads('corpus reloaded');
    const added = await runCli('src/app/add.ts', [FIXTURE], { CORPUS_DIR: dir });
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    await bot.waitForLog(() => reloads('corpus reloaded') > before);
    const data = await tradeQ1();
    expect(data.content).toContain('1.38 trillion yuan');
    expect(data.content).toContain('Yangtze Delta Daily');
    expect(data.content).toContain(`${ADDED}#p2`);
  });

  it('keeps answering from the valid corpus when a changed file breaks it, and logs the file and field', async () => {
    const file = path.join(dir, 'articles', `${ADDED}.json`);
    const good = await readFile(file, 'utf8');
    const broken = JSON.parse(good);
    broken.stats[0].value = 3.9e12;
    const before = reloads('corpus reload failed; still serving the previous corpus');
    await writeFile(file, JSON.stringify(broken, null, 2));
    await bot.waitForLog(() => reloads('corpus reload failed; still serving the previous corpus') > before);
    const line = bot.logs.filter((l) => l.msg === 'corpus reload failed; still serving the previous corpus').at(-1)!;
    expect(line.problems).toContainEqual(
      expect.objectContaining({ file: expect.stringContaining(`articles/${ADDED}.json`), path: '$.stats[0].value' }),
    );
    expect((await tradeQ1()).content).toContain('1.38 trillion yuan');

    // The moderator who asks is told what is wrong; the bot still serves the valid corpus.
    const refused = await ask('reload', [], MODERATOR);
    expect(refused.content).toContain('Corpus not reloaded');
    // Discord text escapes the brackets of the JSON path.
    expect(refused.content).toContain(`articles/${ADDED}.json`);
    expect(refused.content).toMatch(
      /\$\.stats\\?\[0\\?\]\.value: 3900000000000 does not match the written form "3\.26 trillion"/,
    );
    expect(
      (
        await ask('stat', [
          option.string('metric', 'gdp'),
          option.string('region', 'jiangsu'),
          option.string('period', 'Q1 2025'),
        ])
      ).content,
    ).toContain('3.26 trillion yuan');

    // Fixed on disk, the watcher swaps to it; a /reload then says what is served.
    const fixedBefore = reloads('corpus reloaded');
    await writeFile(file, good);
    await bot.waitForLog(() => reloads('corpus reloaded') > fixedBefore);
    const done = await ask('reload', [option.boolean('hide', true)], MODERATOR);
    expect(isEphemeral(done)).toBe(true);
    expect(done.content).toContain('Corpus reloaded');
    expect(done.content).toMatch(/2 article\(s\)/);
  });

  it('refuses /reload to a member without Manage Messages, privately', async () => {
    // Only reloads a /reload asked for count: the watcher may still be settling on earlier writes.
    const asked = () => bot.logs.filter((l) => /^corpus reload/.test(l.msg) && l.reason === '/reload').length;
    // A reload asked for by the test before may still be logging its end on a loaded machine.
    await new Promise((r) => setTimeout(r, 1000));
    const before = asked();
    const data = await ask('reload');
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toContain('Manage Messages');
    await new Promise((r) => setTimeout(r, 200));
    expect(asked()).toBe(before);
  });
});
