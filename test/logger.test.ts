import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.ts';

function capture() {
  const lines: string[] = [];
  return { lines, destination: { write: (line: string) => lines.push(line) } };
}

describe('createLogger', () => {
  const token = 'MTIz.secret-token.value';

  it('writes JSON lines with the level, message and context', () => {
    const { lines, destination } = capture();
    createLogger({ level: 'info', destination }).info({ guilds: 2 }, 'connected');
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ level: 30, name: 'verbatim', msg: 'connected', guilds: 2 });
  });

  it('redacts the token by key and by value, in messages, objects and errors', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: 'trace', secrets: [token], destination });
    logger.info({ token, config: { DISCORD_TOKEN: token }, headers: { authorization: `Bot ${token}` } }, 'starting');
    logger.debug(`identify with ${token}`);
    logger.error({ err: new Error(`bad token ${token}`) }, 'failed');
    const all = lines.join('\n');
    expect(all).not.toContain(token);
    expect(all).toContain('[redacted]');
    expect(JSON.parse(lines[2] ?? '{}').err.stack).toMatch(/^Error: bad token \[redacted\]\n\s+at /);
  });

  it('writes nothing below its level', () => {
    const { lines, destination } = capture();
    createLogger({ level: 'warn', destination }).info('quiet');
    expect(lines).toEqual([]);
  });
});
