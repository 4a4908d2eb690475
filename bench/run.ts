/**
 * `npm run bench` — how fast Verbatim answers on Discord: the time from INTERACTION_CREATE (the
 * stand-in dispatching it on the gateway) to the first callback reaching the stand-in's REST API,
 * through the real discord.js client and Verbatim's own start-up, on the bundled (seed) corpus.
 * The bot and the stand-in share this process and its clock; interactions are sent one at a time,
 * so each figure is a latency, not a throughput. Prints figures; asserts nothing.
 *
 *   npm run bench [-- --rounds N]      (default 10 rounds of every question)
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { ApplicationCommandOptionType } from 'discord.js';
import { main } from '../src/index.ts';
import { startDiscordStandIn, type DiscordStandIn, type SentInteraction } from '../test/support/discord-stand-in/index.ts';

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

type Kind = '/ask' | 'autocomplete' | 'button: More' | 'button: Context';
const samples = new Map<Kind, number[]>();
const record = (kind: Kind, ms: number) => samples.set(kind, [...(samples.get(kind) ?? []), ms]);

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function timed(standIn: DiscordStandIn, sent: SentInteraction): Promise<number> {
  const callback = await standIn.waitForCallback(sent, 10_000);
  return callback.receivedAt - sent.sentAt;
}

const standIn = await startDiscordStandIn();
const silent = { write: () => {} };
const startedAt = performance.now();
const running = await main(
  { DISCORD_TOKEN: standIn.token, DISCORD_API_URL: standIn.apiUrl, ASK_COOLDOWN_SECONDS: '0', LOG_LEVEL: 'warn', REGISTER_COMMANDS: 'true' },
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
} finally {
  await running.stop();
  await standIn.close();
}

const line = (cells: (string | number)[]) => cells.map((c, i) => (i === 0 ? String(c).padEnd(18) : String(c).padStart(8))).join('');
process.stdout.write(`Verbatim bench — INTERACTION_CREATE → first callback, through discord.js and a local Discord stand-in\n`);
process.stdout.write(`node ${process.version}, bundled corpus, ${rounds} rounds, start-up ${Math.round(startupMs)} ms\n\n`);
process.stdout.write(`${line(['', 'n', 'median', 'p95', 'max'])}  (ms)\n`);
for (const [kind, values] of samples) {
  const sorted = [...values].sort((a, b) => a - b);
  process.stdout.write(`${line([kind, sorted.length, percentile(sorted, 50).toFixed(1), percentile(sorted, 95).toFixed(1), (sorted.at(-1) ?? NaN).toFixed(1)])}\n`);
}
process.exit(0);
