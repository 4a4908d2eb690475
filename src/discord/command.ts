/**
 * What a command is, independent of the transport. A file in `commands/` exports `data` (the
 * definition Discord registers, plain JSON) and `execute` (options → one core call → a `Reply`);
 * the option types are worked out from `data`, and the options are validated against it with zod,
 * so they are written in one place only. Discord's router and the local console both run commands
 * through `Command.invoke`. (Pure: Discord's types and enums only, no discord.js.)
 */
import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import { z } from 'zod';
import type { PassageIndex } from '../core/search-index.ts';
import type { Curation } from './curation/context.ts';
import { notice } from './messages.ts';
import type { Form, Reply } from './reply.ts';

/**
 * Who sent an interaction or typed a console line: what the curation guard checks (guild, member
 * permissions, roles) and what the audit log records (user id and name).
 */
export type Invoker = {
  /** `console`: someone at the local console (the operator's own machine). */
  readonly via: 'discord' | 'console';
  /** Absent in a DM. */
  readonly guildId?: string | undefined;
  readonly userId?: string | undefined;
  readonly userName: string;
  /** The member's permissions in the channel as Discord computed them (a decimal bitfield); absent outside a guild. */
  readonly permissions?: string | undefined;
  readonly roleIds: readonly string[];
};

/** What a handler may use. */
export type CommandContext = {
  readonly index: PassageIndex;
  /** Milliseconds since the interaction (or console line) arrived, for "time taken". */
  readonly elapsedMs: () => number;
  /** Who asked (absent in tests of the members' commands, which do not care). */
  readonly invoker?: Invoker | undefined;
  /** Corpus curation, when this deployment has it (the /corpus command, its buttons and forms). */
  readonly curation?: Curation | undefined;
};

type ValueOptionType =
  | ApplicationCommandOptionType.String
  | ApplicationCommandOptionType.Integer
  | ApplicationCommandOptionType.Number
  | ApplicationCommandOptionType.Boolean;

/** One option of a slash command that carries a value, as Discord's JSON has it. */
export type ValueOptionData = {
  readonly type: ValueOptionType;
  readonly name: string;
  readonly description: string;
  readonly required?: boolean;
  readonly autocomplete?: boolean;
  readonly min_length?: number;
  readonly max_length?: number;
  readonly min_value?: number;
  readonly max_value?: number;
};

/** A file the member attaches (option type 11); Discord sends it in `resolved.attachments`. */
export type AttachmentOptionData = {
  readonly type: ApplicationCommandOptionType.Attachment;
  readonly name: string;
  readonly description: string;
  readonly required?: boolean;
};

/** An option that holds a value: what a command, or one of its subcommands, takes. */
export type LeafOptionData = ValueOptionData | AttachmentOptionData;

/** A subcommand (`/corpus add`) and its options. */
export type SubcommandData = {
  readonly type: ApplicationCommandOptionType.Subcommand;
  readonly name: string;
  readonly description: string;
  readonly options?: readonly LeafOptionData[];
};

/** A group of subcommands (`/corpus synonym add`). */
export type SubcommandGroupData = {
  readonly type: ApplicationCommandOptionType.SubcommandGroup;
  readonly name: string;
  readonly description: string;
  readonly options: readonly SubcommandData[];
};

/** Any option of a slash command. A command takes either leaf options or subcommands, never both. */
export type OptionData = LeafOptionData | SubcommandData | SubcommandGroupData;

/** An attachment as a handler sees it: what Discord resolved for the interaction, nothing more. */
export const AttachmentRefSchema = z.object({
  id: z.string(),
  /** The URL the interaction resolved (Discord's CDN); the only place the file is downloaded from. */
  url: z.string(),
  filename: z.string(),
  size: z.number().int().nonnegative(),
  contentType: z.string().optional(),
});
export type AttachmentRef = z.infer<typeof AttachmentRefSchema>;

/** Fields both kinds of command may set; `default_member_permissions` suits moderator commands. */
type CommonData = {
  readonly name: string;
  readonly default_member_permissions?: string | null;
  readonly contexts?: readonly number[];
  readonly integration_types?: readonly number[];
};

export type SlashCommandData = CommonData & {
  readonly type?: ApplicationCommandType.ChatInput;
  readonly description: string;
  readonly options?: readonly LeafOptionData[] | readonly (SubcommandData | SubcommandGroupData)[];
};

export type MessageCommandData = CommonData & { readonly type: ApplicationCommandType.Message };

export type CommandData = SlashCommandData | MessageCommandData;

type ValueOf<T extends LeafOptionData['type']> = T extends ApplicationCommandOptionType.String
  ? string
  : T extends ApplicationCommandOptionType.Boolean
    ? boolean
    : T extends ApplicationCommandOptionType.Attachment
      ? AttachmentRef
      : number;

/** Values of leaf options by name: required ones present, the rest maybe. */
type LeafValues<Options> = Options extends readonly LeafOptionData[]
  ? { readonly [O in Options[number] as O['name']]: O['required'] extends true ? ValueOf<O['type']> : ValueOf<O['type']> | undefined }
  : Record<never, never>;

/** One subcommand's values, named by its path (`add`, `synonym add`) in `subcommand`. */
type SubcommandValues<S, Prefix extends string> = S extends SubcommandData ? { readonly subcommand: `${Prefix}${S['name']}` } & LeafValues<S['options']> : never;

type BranchValues<B> = B extends SubcommandGroupData ? SubcommandValues<B['options'][number], `${B['name']} `> : B extends SubcommandData ? SubcommandValues<B, ''> : never;

/**
 * The typed options of a slash command, from its definition: required ones present, the rest
 * maybe. A command with subcommands gets a union discriminated by `subcommand` (`'synonym add'`).
 */
export type OptionsOf<D extends SlashCommandData> = D['options'] extends readonly (SubcommandData | SubcommandGroupData)[]
  ? BranchValues<D['options'][number]>
  : LeafValues<D['options']>;

/** Raw option values by name, as Discord sends them (or the console parsed them). */
export type RawOptions = Readonly<Record<string, unknown>>;

/** An autocomplete suggestion. */
export type Choice = { readonly name: string; readonly value: string | number };

/** The option being typed, for autocomplete. */
export type Focused = { readonly name: string; readonly value: string };

/**
 * Where a command is registered: everywhere, or only in the guilds the config names (moderator
 * commands, issue 5). See registration.ts.
 */
export type CommandScope = 'global' | 'configured-guilds';

/**
 * Checked before anything else on every use (options, autocomplete): a refusal to send instead of
 * running, or undefined to go on. The moderators' command refuses everyone but curators here.
 */
export type Guard = (ctx: CommandContext, raw: RawOptions) => Reply | undefined;

/** What a handler may return: a message, or (for a slash command or a button) a form to fill in. */
export type Outcome = Reply | Form;

/** A `commands/*.ts` module for a slash command. */
export type SlashCommandModule<D extends SlashCommandData> = {
  readonly data: D;
  readonly execute: (ctx: CommandContext, options: OptionsOf<D>) => Outcome | Promise<Outcome>;
  readonly autocomplete?: (ctx: CommandContext, focused: Focused) => readonly Choice[];
  /** Whether only the asker sees the reply; default public. Known before the work, to defer with the right flag. */
  readonly ephemeral?: boolean | ((options: OptionsOf<D>) => boolean);
  readonly scope?: CommandScope;
  readonly guard?: Guard;
};

/** A `commands/*.ts` module for a message context-menu command. */
export type MessageCommandModule = {
  readonly data: MessageCommandData;
  readonly execute: (ctx: CommandContext, target: { readonly content: string }) => Reply | Promise<Reply>;
  readonly ephemeral?: boolean;
  readonly scope?: CommandScope;
};

/** A command ready to run: how the reply is shown, and the work. */
export type Invocation = { readonly ephemeral: boolean; readonly run: (ctx: CommandContext) => Outcome | Promise<Outcome> };

/** A command with its types erased, for the registry, the router and the console. */
export type Command =
  | {
      readonly kind: 'slash';
      readonly name: string;
      readonly data: SlashCommandData;
      readonly scope: CommandScope;
      readonly invoke: (options: RawOptions) => Invocation;
      readonly autocomplete?: ((ctx: CommandContext, focused: Focused) => readonly Choice[]) | undefined;
    }
  | {
      readonly kind: 'message';
      readonly name: string;
      readonly data: MessageCommandData;
      readonly scope: CommandScope;
      readonly invoke: (target: { readonly content: string }) => Invocation;
    };

const schemas = new WeakMap<SlashCommandData, z.ZodType>();

function optionSchema(option: LeafOptionData): z.ZodType {
  switch (option.type) {
    case ApplicationCommandOptionType.String: {
      let schema = z.string({ error: 'must be text' }).trim();
      const min = option.min_length ?? (option.required ? 1 : 0);
      if (min > 0) schema = schema.min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`);
      if (option.max_length !== undefined) schema = schema.max(option.max_length, `must be at most ${option.max_length} characters`);
      return schema;
    }
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      let schema = z.number({ error: 'must be a number' });
      if (option.type === ApplicationCommandOptionType.Integer) schema = schema.int('must be a whole number');
      if (option.min_value !== undefined) schema = schema.min(option.min_value, `must be at least ${option.min_value}`);
      if (option.max_value !== undefined) schema = schema.max(option.max_value, `must be at most ${option.max_value}`);
      return schema;
    }
    case ApplicationCommandOptionType.Boolean:
      return z.boolean({ error: 'must be true or false' });
    case ApplicationCommandOptionType.Attachment:
      return AttachmentRefSchema;
  }
}

const leafShape = (options: readonly LeafOptionData[] | undefined) =>
  Object.fromEntries((options ?? []).map((o) => [o.name, o.required ? optionSchema(o) : optionSchema(o).optional()]));

const isBranch = (option: OptionData): option is SubcommandData | SubcommandGroupData =>
  option.type === ApplicationCommandOptionType.Subcommand || option.type === ApplicationCommandOptionType.SubcommandGroup;

/** Every subcommand of a definition with its path (`add`, `synonym add`); empty for a command without. */
export function subcommandsOf(data: SlashCommandData): { path: string; data: SubcommandData }[] {
  return (data.options ?? []).filter(isBranch).flatMap((branch) =>
    branch.type === ApplicationCommandOptionType.SubcommandGroup ? branch.options.map((sub) => ({ path: `${branch.name} ${sub.name}`, data: sub })) : [{ path: branch.name, data: branch }],
  );
}

/** The zod schema of a command's options, made from its definition (and cached). */
export function optionsSchema(data: SlashCommandData): z.ZodType {
  let schema = schemas.get(data);
  if (!schema) {
    const subcommands = subcommandsOf(data);
    const [first, ...rest] = subcommands.map((s) => z.object({ subcommand: z.literal(s.path), ...leafShape(s.data.options) }));
    schema = first
      ? z.discriminatedUnion('subcommand', [first, ...rest], { error: `must be one of ${subcommands.map((s) => s.path).join(', ')}` })
      : z.object(leafShape((data.options ?? []) as readonly LeafOptionData[]));
    schemas.set(data, schema);
  }
  return schema;
}

/** Validates raw options against the definition; the problems are worded per option. */
export function parseOptions<D extends SlashCommandData>(data: D, raw: RawOptions): { ok: true; value: OptionsOf<D> } | { ok: false; problems: string[] } {
  const parsed = optionsSchema(data).safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data as OptionsOf<D> };
  return {
    ok: false,
    problems: parsed.error.issues.map((i) => {
      const name = String(i.path[0] ?? '');
      return name ? `${name}: ${i.code === 'invalid_type' && raw[name] === undefined ? 'is required' : i.message}` : i.message;
    }),
  };
}

/** Wraps a slash command module for the registry: guarded, options validated, types erased. */
export function slashCommand<D extends SlashCommandData>(module: SlashCommandModule<D>): Command {
  const guard: Guard = module.guard ?? (() => undefined);
  return {
    kind: 'slash',
    name: module.data.name,
    data: module.data,
    scope: module.scope ?? 'global',
    autocomplete: module.autocomplete && ((ctx, focused) => (guard(ctx, {}) ? [] : (module.autocomplete?.(ctx, focused) ?? []))),
    invoke: (raw) => {
      const parsed = parseOptions(module.data, raw);
      if (!parsed.ok) {
        const problems = parsed.problems;
        return { ephemeral: true, run: (ctx) => guard(ctx, raw) ?? notice('invalid-options', { problems }) };
      }
      const options = parsed.value;
      const ephemeral = typeof module.ephemeral === 'function' ? module.ephemeral(options) : (module.ephemeral ?? false);
      return { ephemeral, run: (ctx) => guard(ctx, raw) ?? module.execute(ctx, options) };
    },
  };
}

/** Wraps a message context-menu command module for the registry. */
export function messageCommand(module: MessageCommandModule): Command {
  return {
    kind: 'message',
    name: module.data.name,
    data: module.data,
    scope: module.scope ?? 'global',
    invoke: (target) => ({ ephemeral: module.ephemeral ?? false, run: (ctx) => module.execute(ctx, target) }),
  };
}
