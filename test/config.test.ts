import { describe, expect, it } from 'vitest';
import { configErrorMessage, parseConfig } from '../src/config.ts';

/** What an empty environment means: no curation anywhere, 200 KB articles, public addresses only, Discord's CDN. */
const DEFAULTS = {
  REGISTER_COMMANDS: true,
  ASK_COOLDOWN_SECONDS: 3,
  CURATOR_GUILD_IDS: [],
  MODERATOR_ROLE_IDS: [],
  MAX_ARTICLE_KB: 200,
  FETCH_ALLOW_PRIVATE_ADDRESSES: [],
  DISCORD_CDN_HOSTS: ['cdn.discordapp.com', 'media.discordapp.net'],
};

describe('parseConfig', () => {
  it('starts the console with an empty environment, with defaults', () => {
    expect(parseConfig({})).toEqual({ ok: true, config: DEFAULTS });
  });

  it('counts empty values as unset, as .env.example leaves them, and ignores unrelated variables', () => {
    expect(parseConfig({ DISCORD_TOKEN: '', LOG_LEVEL: ' ', CURATOR_GUILD_IDS: '', PATH: '/usr/bin' })).toEqual({ ok: true, config: DEFAULTS });
  });

  it('takes the API URL without the version discord.js adds itself', () => {
    for (const url of ['http://127.0.0.1:4000/api/v10', 'http://127.0.0.1:4000/api/v10/', 'http://127.0.0.1:4000/api']) {
      const parsed = parseConfig({ DISCORD_TOKEN: 't', DISCORD_API_URL: url });
      expect(parsed.ok && parsed.config.DISCORD_API_URL).toBe('http://127.0.0.1:4000/api');
    }
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
        CURATOR_GUILD_IDS: '123456789012345678, 223456789012345678',
        MODERATOR_ROLE_IDS: '323456789012345678',
        MAX_ARTICLE_KB: '50',
        FETCH_ALLOW_PRIVATE_ADDRESSES: '127.0.0.1,::1',
        DISCORD_CDN_HOSTS: 'CDN.Example.com,127.0.0.1',
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
        CURATOR_GUILD_IDS: ['123456789012345678', '223456789012345678'],
        MODERATOR_ROLE_IDS: ['323456789012345678'],
        MAX_ARTICLE_KB: 50,
        FETCH_ALLOW_PRIVATE_ADDRESSES: ['127.0.0.1', '::1'],
        DISCORD_CDN_HOSTS: ['cdn.example.com', '127.0.0.1'],
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
      CURATOR_GUILD_IDS: '123456789012345678,general',
      MAX_ARTICLE_KB: '0',
      FETCH_ALLOW_PRIVATE_ADDRESSES: 'localhost',
      DISCORD_CDN_HOSTS: 'cdn.example.com/attachments',
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect([...parsed.problems].sort()).toEqual([
      'ASK_COOLDOWN_SECONDS: must be a number of seconds (got "soon")',
      'CORPUS_DIR: must be an existing directory (got "/no/such/dir")',
      'CURATOR_GUILD_IDS: must be ids of 17–20 digits, separated by commas (got "123456789012345678,general")',
      'DISCORD_API_URL: must be an http(s) URL such as https://discord.com/api (got "ftp://example.com")',
      'DISCORD_CDN_HOSTS: must be host names, separated by commas (got "cdn.example.com/attachments")',
      'DISCORD_TOKEN: must be the bot token, without spaces or quotes',
      'FETCH_ALLOW_PRIVATE_ADDRESSES: must be IP addresses, separated by commas (got "localhost")',
      'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
      'MAX_ARTICLE_KB: must be at least 1 (got "0")',
      'REGISTER_COMMANDS: must be true or false (got "maybe")',
    ]);
    expect(configErrorMessage(parsed.problems)).toMatch(/^Verbatim cannot start; fix these settings \(environment or \.env, see \.env\.example\):\n {2}- /);
  });
});
