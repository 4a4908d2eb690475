import { describe, expect, it } from 'vitest';
import { configErrorMessage, parseConfig } from '../src/config.ts';

describe('parseConfig', () => {
  it('starts the console with an empty environment, with defaults', () => {
    expect(parseConfig({})).toEqual({ ok: true, config: { REGISTER_COMMANDS: true, ASK_COOLDOWN_SECONDS: 3 } });
  });

  it('counts empty values as unset, as .env.example leaves them, and ignores unrelated variables', () => {
    expect(parseConfig({ DISCORD_TOKEN: '', LOG_LEVEL: ' ', PATH: '/usr/bin' })).toEqual({ ok: true, config: { REGISTER_COMMANDS: true, ASK_COOLDOWN_SECONDS: 3 } });
  });

  it('reads every setting, the API URL without a trailing slash', () => {
    expect(
      parseConfig({
        DISCORD_TOKEN: 'token.value.here',
        DISCORD_API_URL: 'http://127.0.0.1:4000/api/',
        DISCORD_GUILD_ID: '123456789012345678',
        REGISTER_COMMANDS: 'false',
        CORPUS_DIR: '.',
        LOG_LEVEL: 'debug',
        ASK_COOLDOWN_SECONDS: '0',
      }),
    ).toEqual({
      ok: true,
      config: {
        DISCORD_TOKEN: 'token.value.here',
        DISCORD_API_URL: 'http://127.0.0.1:4000/api',
        DISCORD_GUILD_ID: '123456789012345678',
        REGISTER_COMMANDS: false,
        CORPUS_DIR: '.',
        LOG_LEVEL: 'debug',
        ASK_COOLDOWN_SECONDS: 0,
      },
    });
  });

  it('lists every invalid variable at once, with the value (never the token)', () => {
    const parsed = parseConfig({
      DISCORD_TOKEN: 'has a space',
      DISCORD_API_URL: 'ftp://example.com',
      LOG_LEVEL: 'loud',
      ASK_COOLDOWN_SECONDS: 'soon',
      CORPUS_DIR: '/no/such/dir',
      REGISTER_COMMANDS: 'maybe',
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect([...parsed.problems].sort()).toEqual([
      'ASK_COOLDOWN_SECONDS: must be a number of seconds (got "soon")',
      'CORPUS_DIR: must be an existing directory (got "/no/such/dir")',
      'DISCORD_API_URL: must be an http(s) URL such as https://discord.com/api (got "ftp://example.com")',
      'DISCORD_TOKEN: must be the bot token, without spaces or quotes',
      'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
      'REGISTER_COMMANDS: must be true or false (got "maybe")',
    ]);
    expect(configErrorMessage(parsed.problems)).toMatch(/^Verbatim cannot start; fix these settings \(environment or \.env, see \.env\.example\):\n {2}- /);
  });
});
