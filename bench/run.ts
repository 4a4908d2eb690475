/**
 * `npm run bench` — how fast Verbatim answers on Discord: the time from INTERACTION_CREATE (the
 * stand-in dispatching it on the gateway) to the first callback reaching the stand-in's REST API,
 * through the real discord.js client and Verbatim's own start-up, on the bundled (seed) corpus.
 * The bot and the stand-in share this process and its clock; interactions are sent one at a time,
 * so each figure is a latency, not a throughput. Prints figures; asserts nothing.
 *
 * Curation: each round a moderator pastes a new article (/corpus add → form → preview), presses
 * Confirm, and asks at once a question only that article answers. "Confirm → /ask that finds it"
 * runs from the Confirm callback reaching Discord to the callback of that /ask, checked to quote the
 * new article: how soon after "Added" a member can be answered from it. The corpus is a temporary
 * copy of the bundled one, so the bench never writes to corpus/.
 *
 *   npm run bench [-- --rounds N]      (default 10 rounds of every question, and 10 articles added)
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { ApplicationCommandOptionType } from 'discord.js';
import { BUNDLED_CORPUS_DIR } from '../src/core/load-corpus.ts';
import { main } from '../src/index.ts';
import { startDiscordStandIn, type DiscordStandIn, type SentInteraction } from '../test/support/discord-stand-in/index.ts';
import { endProcess } from '../src/end-process.ts';

const QUESTIONS = [
  'Where is the US data backed up?',
  "Where is TikTok's US user data currently stored?",
  'Who is the commerce secretary?',
  'What is USDS?',
  'Did Oracle consider buying a stake in TikTok?',
  'Why did Trump want to ban TikTok?',
  'How many active users does TikTok have?',
  'When was the data storage deal announced?',
  'What did CFIUS require from ByteDance?',
  'Can Chinese engineers access US data?',
  'orcale servers',
  'What will happen to the Singapore backup?',
  'Who ordered ByteDance to sell TikTok?',
  'what did BuzzFeed News report',
  'pizza recipe',
  'Is some TikTok data stored on Google Cloud?',
];
const PARTIALS = ['where is the da', 'who is the comm', 'orac', 'what did cf', 'how many us'];

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '10' } } });
const rounds = Math.max(1, Number(values.rounds) || 10);

type Kind = '/ask' | 'autocomplete' | 'button: More' | 'button: Context' | 'Confirm (add)' | 'Confirm → /ask';
const samples = new Map<Kind, number[]>();
const record = (kind: Kind, ms: number) => samples.set(kind, [...(samples.get(kind) ?? []), ms]);

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function timed(standIn: DiscordStandIn, sent: SentInteraction): Promise<number> {
  const callback = await standIn.waitForCallback(sent, 10_000);
  return callback.receivedAt - sent.sentAt;
}

const MODERATOR_ID = '900000000000000001';
const corpusDir = mkdtempSync(join(tmpdir(), 'verbatim-bench-'));
cpSync(BUNDLED_CORPUS_DIR, corpusDir, { recursive: true });
// The default user owns the guild, so holds Manage Server: a curator there.
const standIn = await startDiscordStandIn({ user: { id: MODERATOR_ID }, guilds: [{ ownerId: MODERATOR_ID }] });
const guildId = standIn.guilds[0]?.id ?? '';
const silent = { write: () => {} };
const startedAt = performance.now();
const running = await main(
  { DISCORD_TOKEN: standIn.token, DISCORD_API_URL: standIn.apiUrl, ASK_COOLDOWN_SECONDS: '0', LOG_LEVEL: 'warn', REGISTER_COMMANDS: 'true', CORPUS_DIR: corpusDir, CURATOR_GUILD_IDS: guildId },
  { logDestination: silent },
);
const startupMs = performance.now() - startedAt;
await running.discord?.registered;

const ask = (question: string) => standIn.sendSlashCommand({ name: 'ask', options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: question }] });

try {
  // Warm-up: the first requests open the HTTP connection and let V8 compile the hot paths.
  for (const question of QUESTIONS.slice(0, 5)) await timed(standIn, ask(question));

  for (let round = 0; round < rounds; round++) {
    for (const question of QUESTIONS) {
      const sent = ask(question);
      record('/ask', await timed(standIn, sent));
      const reply = standIn.originalResponse(sent.id);
      const buttons = (reply?.components ?? []).flatMap((row) => ('components' in row ? (row.components as { custom_id?: string }[]) : []));
      const more = buttons.find((b) => b.custom_id?.startsWith('more:'))?.custom_id;
      const context = buttons.find((b) => b.custom_id?.startsWith('ctx:'))?.custom_id;
      if (reply && more) record('button: More', await timed(standIn, standIn.sendButton({ customId: more, message: reply })));
      if (reply && context) record('button: Context', await timed(standIn, standIn.sendButton({ customId: context, message: reply })));
    }
    for (const partial of PARTIALS) {
      const sent = standIn.sendAutocomplete({ name: 'ask', options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: partial, focused: true }] });
      record('autocomplete', await timed(standIn, sent));
    }
  }
  for (let round = 0; round < rounds; round++) await addThenAsk(round);
} finally {
  await running.stop();
  await standIn.close();
  rmSync(corpusDir, { recursive: true, force: true });
}

/** A made-up town per round, so each added article answers its own question and no other. */
function town(round: number): string {
  const first = ['Kel', 'Dun', 'Ros', 'Bal', 'Tor', 'Ash', 'Mor', 'Gal', 'Lin', 'Pen'];
  const last = ['marby', 'wick', 'haven', 'thorpe', 'stead', 'combe', 'field', 'ness', 'ford', 'holm'];
  return `${first[round % 10]}${last[Math.floor(round / 10) % 10]}${round >= 100 ? round : ''}`;
}

/** Pastes an article, confirms it, and asks the question only it answers; records both figures. */
async function addThenAsk(round: number): Promise<void> {
  const name = town(round);
  const text = `The ${name} ferry pier reopened on Saturday after a storm tore away its landing stage in March, the harbour board said.\n\nRepairs to the ${name} pier cost 340,000 pounds and were paid for by the county.`;
  const form = standIn.sendModalSubmit({ customId: 'form:add', fields: { title: `${name} pier reopens`, text } });
  await standIn.waitForCallback(form, 10_000);
  const preview = standIn.originalResponse(form.id);
  const confirmId = (preview?.components ?? []).flatMap((row) => ('components' in row ? (row.components as { label?: string; custom_id?: string }[]) : [])).find((b) => b.label === 'Confirm')?.custom_id;
  if (!preview || !confirmId) throw new Error(`no preview for ${name}: ${JSON.stringify(standIn.interaction(form.id)?.callbackBody)}`);
  const confirm = standIn.sendButton({ customId: confirmId, message: preview });
  const confirmed = await standIn.waitForCallback(confirm, 10_000);
  const asked = ask(`When did the ${name} pier reopen?`);
  const answered = await standIn.waitForCallback(asked, 10_000);
  const first = (answered.body as { data?: { embeds?: { title?: string }[] } }).data?.embeds?.[0]?.title ?? '';
  if (!first.includes(`${name} pier reopens`)) throw new Error(`the /ask right after adding “${name} pier reopens” did not quote it (got “${first}”)`);
  record('Confirm (add)', confirmed.receivedAt - confirm.sentAt);
  record('Confirm → /ask', answered.receivedAt - confirmed.receivedAt);
}

const line = (cells: (string | number)[]) => cells.map((c, i) => (i === 0 ? String(c).padEnd(18) : String(c).padStart(8))).join('');
process.stdout.write(`Verbatim bench — INTERACTION_CREATE → first callback, through discord.js and a local Discord stand-in\n`);
process.stdout.write(`node ${process.version}, bundled corpus (a temporary copy), ${rounds} rounds, start-up ${Math.round(startupMs)} ms\n`);
process.stdout.write(`Confirm (add): Confirm pressed → its callback (validate again, atomic write, audit, index). Confirm → /ask: that callback → the callback of an /ask answered from the new article.\n\n`);
process.stdout.write(`${line(['', 'n', 'median', 'p95', 'max'])}  (ms)\n`);
for (const [kind, values] of samples) {
  const sorted = [...values].sort((a, b) => a - b);
  process.stdout.write(`${line([kind, sorted.length, percentile(sorted, 50).toFixed(1), percentile(sorted, 95).toFixed(1), (sorted.at(-1) ?? NaN).toFixed(1)])}\n`);
}
endProcess(0);
