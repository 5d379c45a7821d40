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
});
