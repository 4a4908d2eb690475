/**
 * End to end, when things go wrong between Verbatim and Discord: a dropped gateway connection, an
 * invalidated session, a 429 and 500s from the REST API. Then the real entry point as a separate
 * process (`tsx src/index.ts`, what `npm start` runs) stopping gracefully on SIGTERM, and the
 * deploy-commands script.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ApplicationCommandOptionType, GatewayOpcodes, InteractionResponseType, MessageFlags } from 'discord.js';
import { MESSAGES } from '../../src/discord/messages.ts';
import { instantIdentifyThrottler, type DiscordStandIn, type SentInteraction } from '../support/discord-stand-in/index.ts';
import { perTestBots } from './bot.ts';
import { FIXTURE_CORPUS_DIR } from './support.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));
const CALLBACK = '/interactions/:id/:token/callback';

const { bot, standIn, onCleanup } = perTestBots();

const ask = (s: DiscordStandIn, question = 'When did the bridge reopen?') =>
  s.sendSlashCommand({ name: 'ask', options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: question }] });
const callbacksOf = (s: DiscordStandIn, sent: SentInteraction) => s.requests.filter((r) => r.method === 'POST' && r.route.startsWith(`/interactions/${sent.id}/`));
const ANSWER = { type: InteractionResponseType.ChannelMessageWithSource, data: { embeds: [{ title: '1. Harbour bridge reopens after repairs · Example Gazette · ¶1' }] } };

describe('the gateway', () => {
  it('after a dropped connection, RESUMEs, answers what was sent meanwhile, and keeps answering', async () => {
    const { standIn: s, logs } = await bot();
    const ready = await s.waitForReady();
    s.dropConnection();
    const missed = ask(s);
    await s.waitForResume();
    expect((await s.waitForCallback(missed)).body).toMatchObject(ANSWER);
    expect((await s.waitForCallback(ask(s))).body).toMatchObject(ANSWER);
    expect(s.gatewayEvents.filter((e) => e.op === GatewayOpcodes.Identify)).toHaveLength(1);
    expect((s.gatewayEvents.find((e) => e.op === GatewayOpcodes.Resume)?.d as { session_id: string }).session_id).toBe((ready.d as { session_id: string }).session_id);
    expect(logs.some((l) => l.msg === 'gateway session resumed')).toBe(true);
  });

  it('after a session is invalidated, IDENTIFYs again and keeps answering', async () => {
    const { standIn: s } = await bot({ overrides: { clientOptions: { ws: { buildIdentifyThrottler: instantIdentifyThrottler } } } });
    await s.waitForReady(1);
    s.invalidateSession(false);
    await s.waitForIdentify(2);
    await s.waitForReady(2);
    expect((await s.waitForCallback(ask(s))).body).toMatchObject(ANSWER);
  });
});

describe('the REST API', () => {
  it('429 on the callback: the answer is sent again after retry_after, unchanged', async () => {
    const s = await standIn();
    const { standIn: same } = await bot({ standIn: s });
    s.failNext({ method: 'POST', pathPattern: CALLBACK, status: 429, body: { retry_after: 0.1 } });
    const sent = ask(same);
    await s.waitForCallback(sent);
    const attempts = callbacksOf(s, sent);
    expect(attempts.map((r) => r.status)).toEqual([429, 204]);
    expect(attempts[1]?.body).toEqual(attempts[0]?.body);
    expect(attempts[1]?.body).toMatchObject(ANSWER);
  });

  it('429 on registering the commands: logged, waited out, registered', async () => {
    const s = await standIn();
    s.failNext({ method: 'PUT', pathPattern: '/applications/:app/commands', status: 429, body: { retry_after: 0.1, global: false } });
    const { running, logs } = await bot({ standIn: s });
    await running.discord?.registered;
    expect(s.requests.filter((r) => r.method === 'PUT').map((r) => r.status)).toEqual([429, 200]);
    expect(logs.find((l) => l.msg === 'rate limited by Discord')).toMatchObject({ level: 40, route: expect.stringContaining('/commands') });
    expect(s.commands().map((c) => c.name)).toContain('ask');
  });

  it('500 on the callback: retried, and the answer arrives', async () => {
    const s = await standIn();
    await bot({ standIn: s });
    s.failNext({ method: 'POST', pathPattern: CALLBACK, status: 500 });
    const sent = ask(s);
    await s.waitForCallback(sent);
    expect(callbacksOf(s, sent).map((r) => r.status)).toEqual([500, 204]);
    expect(callbacksOf(s, sent)[1]?.body).toMatchObject(ANSWER);
  });

  it('500 on every retry of the callback: logged with an error id, the user gets the apology, the bot keeps serving', async () => {
    const s = await standIn();
    const { logs } = await bot({ standIn: s });
    s.failNext({ method: 'POST', pathPattern: CALLBACK, status: 500, times: 4 }); // discord.js tries 1 + 3 times
    const sent = ask(s);
    const apology = await s.waitForCallback(sent);
    expect(callbacksOf(s, sent).map((r) => r.status)).toEqual([500, 500, 500, 500, 204]);
    const logged = logs.find((l) => l.msg === 'interaction failed');
    expect(logged).toMatchObject({ level: 50, err: { status: 500, stack: expect.any(String) } });
    expect(apology.body).toEqual({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { tts: false, enforce_nonce: false, content: MESSAGES['internal-error']({ errorId: String(logged?.errorId) }), flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } },
    });
    expect((await s.waitForCallback(ask(s))).body).toMatchObject(ANSWER);
  });
});

/** Runs a script of the project as its own process, as npm would, with the given environment. */
function run(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [TSX, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  onCleanup(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await exited;
  });
  return { child, exited, output: () => ({ stdout, stderr }) };
}

describe('npm start (src/index.ts as its own process)', () => {
  it('connects with DISCORD_TOKEN and DISCORD_API_URL, answers, and on SIGTERM closes the gateway and exits 0', async () => {
    const s = await standIn();
    const started = run(['src/index.ts'], { DISCORD_TOKEN: s.token, DISCORD_API_URL: s.apiUrl, CORPUS_DIR: FIXTURE_CORPUS_DIR, LOG_LEVEL: 'info' });
    await s.waitForIdentify(1, 15_000);
    expect((await s.waitForCallback(ask(s), 15_000)).body).toMatchObject(ANSWER);
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
    expect(s.gatewayConnections[0]?.closeCode).toBe(1000);
    const { stdout, stderr } = started.output();
    expect(stdout).toBe(''); // logs go to stderr
    expect(stderr).toContain('"msg":"shutting down"');
    expect(stderr).not.toContain(s.token);
  });

  it('without a token opens the console: replies on stdout, nothing on stderr, exit 0 at the end of input', async () => {
    // DISCORD_TOKEN is set empty so that a developer's .env cannot turn this test into a real login.
    const started = run(['src/index.ts'], { DISCORD_TOKEN: '', CORPUS_DIR: FIXTURE_CORPUS_DIR });
    started.child.stdin.end('/sources\nWhen did the bridge reopen?\n');
    expect(await started.exited).toBe(0);
    const { stdout, stderr } = started.output();
    expect(stdout).toContain('Sources — 2 articles, 6 passages');
    expect(stdout).toContain('> **The harbour bridge reopened to traffic on Monday after six months of repairs.**');
    expect(stderr).toBe('');
  });

  it('names every bad setting at once and exits 1', async () => {
    const started = run(['src/index.ts'], { DISCORD_TOKEN: 'x', DISCORD_API_URL: 'not a url', LOG_LEVEL: 'loud' });
    expect(await started.exited).toBe(1);
    const { stderr } = started.output();
    expect(stderr).toContain('Verbatim cannot start; fix these settings');
    expect(stderr).toContain('DISCORD_API_URL: must be an http(s) URL');
    expect(stderr).toContain('LOG_LEVEL: must be one of');
  });
});

describe('npm run deploy-commands', () => {
  it('registers the commands in a guild, then finds them up to date; exits 1 when Discord refuses', async () => {
    const s = await standIn();
    const guildId = s.guilds[0]?.id ?? '';
    const env = { DISCORD_TOKEN: s.token, DISCORD_API_URL: s.apiUrl, LOG_LEVEL: 'warn' };
    const first = run(['src/discord/deploy-commands.ts', '--guild', guildId], env);
    expect(await first.exited).toBe(0);
    expect(first.output().stdout).toBe(`Registered 6 commands in guild ${guildId}.\n`);
    expect(s.commands(guildId).map((c) => c.name)).toEqual(['ask', 'sources', 'source', 'help', 'Find sources', 'corpus']);

    const second = run(['src/discord/deploy-commands.ts', '--guild', guildId], env);
    expect(await second.exited).toBe(0);
    expect(second.output().stdout).toBe(`Commands already up to date in guild ${guildId}.\n`);

    s.failNext({ method: 'PUT', pathPattern: '/applications/:app/commands', status: 403, body: { message: 'Missing Access', code: 50001 } });
    const refused = run(['src/discord/deploy-commands.ts'], env);
    expect(await refused.exited).toBe(1);
    expect(refused.output().stdout).toBe('Discord refused the commands globally; see the log above.\n');
  });
});
