import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/app/config.ts';
import { BOT_NODE_FLAGS, managerOptions, shardGroups } from '../../src/discord/shard-options.ts';

const token = { DISCORD_TOKEN: 'test-token' };

describe('sharding configuration', () => {
  it('runs every shard of the total by default, 16 to a process, each process by the launcher as npm start does', () => {
    const config = parseConfig(token);
    expect(shardGroups(config, 4, 2)).toEqual([[0, 1, 2, 3]]);
    expect(shardGroups(config, 40, 8).map((g) => g.length)).toEqual([14, 13, 13]);
    // Never more processes than cores: 40 shards on 2 cores.
    expect(shardGroups(config, 40, 2).map((g) => g.length)).toEqual([20, 20]);
    const groups = shardGroups(parseConfig({ ...token, SHARD_PROCESSES: '2' }), 4, 2);
    expect(groups).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(managerOptions(config, 4, groups)).toMatchObject({
      totalShards: 4,
      shardList: [0, 2],
      mode: 'process',
      respawn: true,
      shardArgs: ['start'],
    });
  });

  it('never runs more processes than shards, and groups differ in size by at most one', () => {
    expect(shardGroups(parseConfig(token), 1, 8)).toEqual([[0]]);
    expect(shardGroups(parseConfig({ ...token, SHARD_PROCESSES: '3' }), 16, 8).map((g) => g.length)).toEqual([6, 5, 5]);
    expect(shardGroups(parseConfig({ ...token, SHARD_PROCESSES: '16' }), 16, 2)).toHaveLength(16);
    expect(shardGroups(parseConfig({ ...token, SHARD_PROCESSES: '1' }), 16, 2)).toEqual([
      Array.from({ length: 16 }, (_, id) => id),
    ]);
  });

  it('runs a machine’s range of a fixed total: "0-3", "4,6-7"', () => {
    expect(shardGroups(parseConfig({ ...token, SHARD_TOTAL: '8', SHARD_IDS: '0-3' }), 8, 2)).toEqual([[0, 1, 2, 3]]);
    expect(shardGroups(parseConfig({ ...token, SHARD_TOTAL: '8', SHARD_IDS: '7,4,6-7' }), 8, 1)).toEqual([[4, 6, 7]]);
  });

  it.each([
    [{ SHARD_IDS: '0-1' }, 'SHARD_IDS: needs a fixed SHARD_TOTAL'],
    [{ SHARD_TOTAL: 'auto', SHARD_IDS: '0-1' }, 'SHARD_IDS: needs a fixed SHARD_TOTAL'],
    [{ SHARD_TOTAL: '2', SHARD_IDS: '1-2' }, 'SHARD_IDS: holds an id not below SHARD_TOTAL'],
    [{ SHARD_TOTAL: '4', SHARD_IDS: '3-1' }, 'SHARD_IDS: holds no shard'],
    [{ SHARD_TOTAL: '4', SHARD_IDS: 'all' }, 'SHARD_IDS: must be ids or ranges'],
    [{ SHARD_TOTAL: '0' }, 'SHARD_TOTAL: must be at least 1'],
    [{ SHARD_TOTAL: 'many' }, 'SHARD_TOTAL'],
    [{ SHARD_SPAWN_DELAY_MS: 'soon' }, 'SHARD_SPAWN_DELAY_MS'],
    [{ SHARD_PROCESSES: '0' }, 'SHARD_PROCESSES: must be at least 1'],
  ])('refuses %j, naming the setting', (env, message) => {
    expect(() => parseConfig({ ...token, ...env })).toThrow(ConfigError);
    expect(() => parseConfig({ ...token, ...env })).toThrow(message);
  });

  it('leaves discord.js’s own SHARD_COUNT and SHARDS alone: a plain start ignores sharding settings', () => {
    const config = parseConfig({ ...token, SHARD_TOTAL: '4', SHARD_IDS: '0-1' });
    expect(config).not.toHaveProperty('SHARD_COUNT');
    expect(config).not.toHaveProperty('SHARDS');
  });
});

describe("the bot's Node flags", () => {
  it('are the same wherever the bot is started: npm start, the Dockerfile, the systemd unit and the shards', () => {
    const read = (file: string) => readFileSync(path.resolve(import.meta.dirname, '../..', file), 'utf8');
    const flags = BOT_NODE_FLAGS.join(' ');
    const { scripts } = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(scripts['start']).toBe(`exec node ${flags} bin/footnote.mjs start`);
    expect(read('Dockerfile')).toContain(
      `CMD ["node", ${BOT_NODE_FLAGS.map((f) => `"${f}"`).join(', ')}, "bin/footnote.mjs", "start"]`,
    );
    expect(read('deploy/footnote.service')).toContain(`ExecStart=/usr/bin/node ${flags} bin/footnote.mjs start`);
  });
});
