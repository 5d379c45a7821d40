import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/app/config.ts';

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
