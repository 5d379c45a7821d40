import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/app/config.ts';
import { managerOptions } from '../../src/discord/shard-options.ts';

const token = { DISCORD_TOKEN: 'test-token' };

describe('sharding configuration', () => {
  it('runs every shard of the total by default, each by the launcher as npm start does', () => {
    const options = managerOptions(parseConfig(token), 4);
    expect(options).toMatchObject({
      totalShards: 4,
      shardList: 'auto',
      mode: 'process',
      respawn: true,
      shardArgs: ['start'],
    });
  });

  it('runs a machine’s range of a fixed total: "0-3", "4,6-7"', () => {
    expect(managerOptions(parseConfig({ ...token, SHARD_TOTAL: '8', SHARD_IDS: '0-3' }), 8).shardList).toEqual([
      0, 1, 2, 3,
    ]);
    expect(managerOptions(parseConfig({ ...token, SHARD_TOTAL: '8', SHARD_IDS: '7,4,6-7' }), 8).shardList).toEqual([
      4, 6, 7,
    ]);
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
