import { describe, expect, it } from 'vitest';
import { checkCorpusDir, ConfigError, parseConfig, similarSettings } from '../../src/app/config.ts';

describe('parseConfig', () => {
  it('needs nothing for the console', () => {
    expect(parseConfig({})).toMatchObject({ CORPUS_DIR: 'corpus' });
  });

  it('treats empty settings as unset', () => {
    expect(parseConfig({ DISCORD_GUILD_ID: '', DISCORD_TOKEN: ' ' }).DISCORD_GUILD_ID).toBeUndefined();
  });

  it('names a malformed setting without echoing its value', () => {
    const secret = 'MTIzNDU2Nzg5.secret-token-value';
    try {
      parseConfig({ DISCORD_APPLICATION_ID: secret, DISCORD_API_URL: 'not a url', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain('DISCORD_APPLICATION_ID');
      expect(message).toContain('DISCORD_API_URL');
      expect(message).toContain('LOG_LEVEL');
      expect(message).not.toContain(secret);
      expect(message).not.toContain('not a url');
    }
  });

  it('takes LOG_LEVEL in any case', () => {
    expect(parseConfig({ LOG_LEVEL: 'INFO' }).LOG_LEVEL).toBe('info');
    expect(parseConfig({ LOG_LEVEL: 'Debug' }).LOG_LEVEL).toBe('debug');
    expect(() => parseConfig({ LOG_LEVEL: 'LOUD' })).toThrow('Invalid configuration: LOG_LEVEL:');
  });

  it('reports a CORPUS_DIR that is missing or a file as the setting', () => {
    expect(() => checkCorpusDir('tests/no-such-folder')).toThrow(
      'Invalid configuration: CORPUS_DIR is tests/no-such-folder, which does not exist.',
    );
    expect(() => checkCorpusDir('package.json')).toThrow('CORPUS_DIR is package.json, which is a file, not a folder.');
    expect(() => checkCorpusDir('corpus')).not.toThrow();
  });

  it('keeps feedback 90 days in footnote-feedback.db unless told, and checks the announcement channel', () => {
    expect(parseConfig({})).toMatchObject({ FEEDBACK_DB: 'footnote-feedback.db', FEEDBACK_RETENTION_DAYS: 90 });
    expect(parseConfig({ FEEDBACK_RETENTION_DAYS: '7', ANNOUNCE_CHANNEL_ID: '123456789012345678' })).toMatchObject({
      FEEDBACK_RETENTION_DAYS: 7,
      ANNOUNCE_CHANNEL_ID: '123456789012345678',
    });
    expect(() => parseConfig({ FEEDBACK_RETENTION_DAYS: '0' })).toThrow(/FEEDBACK_RETENTION_DAYS: must be at least 1/);
    expect(() => parseConfig({ ANNOUNCE_CHANNEL_ID: '#news' })).toThrow(/ANNOUNCE_CHANNEL_ID: must be a Discord id/);
  });
});

describe('similarSettings', () => {
  it('names settings that look like a misspelt DISCORD_TOKEN, and not other services’ tokens', () => {
    const env = {
      DISCORD_BOT_TOKEN: 'a',
      TOKEN: 'b',
      BOT_TOKEN: 'c',
      'DISCORD_TOKEN ': 'd',
      DISCROD_TOKEN: 'e',
      DISCORD_TOKEN: 'f',
      GITHUB_TOKEN: 'g',
      NPM_TOKEN: 'h',
      DISCORD_GUILD_ID: 'i',
      DISCORD_TOKEN_: '',
    };
    expect(similarSettings(env, 'DISCORD_TOKEN')).toEqual([
      'BOT_TOKEN',
      'DISCORD_BOT_TOKEN',
      'DISCORD_TOKEN ',
      'DISCROD_TOKEN',
      'TOKEN',
    ]);
  });
});
