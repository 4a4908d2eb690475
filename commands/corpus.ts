/**
 * `/corpus` — moderators add, update and remove the articles Verbatim quotes, undo a change, reload
 * the corpus directory, list the articles and the history, and edit the synonyms. Registered only
 * in the guilds named in CURATOR_GUILD_IDS, shown only to members with Manage Server (Discord's
 * `default_member_permissions`), and guarded again on every use (curation/access.ts). Every reply is
 * private. The work is in src/discord/curation/actions.ts.
 */
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { findArticle } from '../src/core/lookup.ts';
import { articleChoices } from '../src/discord/choices.ts';
import type { CommandContext, Focused, OptionsOf, SlashCommandData } from '../src/discord/command.ts';
import { CURATOR_PERMISSION } from '../src/discord/curation/access.ts';
import {
  addArticle,
  addSynonyms,
  curationGuard,
  listCorpus,
  listSynonyms,
  reloadCorpus,
  removeArticle,
  removeSynonyms,
  showHistory,
  undoChange,
  updateArticle,
} from '../src/discord/curation/actions.ts';
import { CURATION_VIEW } from '../src/discord/curation/render.ts';
import { articleNotice } from '../src/discord/messages.ts';

const { String: Text, Integer, Boolean: Flag, Attachment, Subcommand, SubcommandGroup } = ApplicationCommandOptionType;

const article = { type: Text, name: 'article', description: 'The article (start typing its title)', required: true, autocomplete: true } as const;
const file = { type: Attachment, name: 'file', description: 'The article as a .txt, .md, .html or .eml (saved e-mail) file' } as const;
const title = { type: Text, name: 'title', description: 'Title (instead of the one found)', max_length: 300 } as const;
const publisher = { type: Text, name: 'publisher', description: 'Publisher (instead of the one found)', max_length: 120 } as const;
const published = { type: Text, name: 'published', description: 'Publication date, YYYY-MM-DD (instead of the one found)', max_length: 32 } as const;

export const data = {
  name: 'corpus',
  description: 'Moderators: add, update and remove the articles Verbatim quotes',
  default_member_permissions: CURATOR_PERMISSION.toString(),
  options: [
    {
      type: Subcommand,
      name: 'add',
      description: 'Add an article from a link, a file, or text pasted into a form (with neither)',
      options: [{ type: Text, name: 'url', description: 'Link to the article: its page is fetched (with a file: only its link)', max_length: 1000 }, file, title, publisher, published],
    },
    {
      type: Subcommand,
      name: 'update',
      description: 'New text (file, link or form) or new metadata for an article',
      options: [
        article,
        file,
        { type: Flag, name: 'refetch', description: 'Fetch the text again from the article’s link (or from url)' },
        title,
        publisher,
        { type: Text, name: 'url', description: 'Link to the article', max_length: 1000 },
        published,
      ],
    },
    { type: Subcommand, name: 'remove', description: 'Remove an article (asks first)', options: [article] },
    { type: Subcommand, name: 'list', description: 'The articles with their ids', options: [{ type: Integer, name: 'page', description: 'Page (default 1)', min_value: 1 }] },
    {
      type: Subcommand,
      name: 'history',
      description: 'Who changed what, when',
      options: [{ type: Integer, name: 'count', description: `How many changes (default ${CURATION_VIEW.historyDefault})`, min_value: 1, max_value: CURATION_VIEW.historyMax }],
    },
    { type: Subcommand, name: 'undo', description: 'Revert the latest change' },
    { type: Subcommand, name: 'reload', description: 'Re-read the corpus directory after edits by hand or git' },
    {
      type: SubcommandGroup,
      name: 'synonym',
      description: 'Synonym and acronym groups: every spelling in a group finds the others',
      options: [
        {
          type: Subcommand,
          name: 'add',
          description: 'Add a group of spellings',
          options: [{ type: Text, name: 'spellings', description: 'Two or more spellings separated by |, e.g. CFIUS | Committee on Foreign Investment', required: true, max_length: 500 }],
        },
        { type: Subcommand, name: 'remove', description: 'Remove a group by its number', options: [{ type: Integer, name: 'number', description: 'Its number in /corpus synonym list', required: true, min_value: 1 }] },
        { type: Subcommand, name: 'list', description: 'The synonym groups, numbered' },
      ],
    },
  ],
} as const satisfies SlashCommandData;

export const scope = 'configured-guilds';
export const ephemeral = true;
export const guard = curationGuard;

export async function execute(ctx: CommandContext, options: OptionsOf<typeof data>) {
  switch (options.subcommand) {
    case 'add':
      return addArticle(ctx, options);
    case 'update': {
      const found = findArticle(ctx.index, options.article);
      return found.ok ? updateArticle(ctx, found.value, options) : articleNotice(found.error);
    }
    case 'remove': {
      const found = findArticle(ctx.index, options.article);
      return found.ok ? removeArticle(ctx, found.value) : articleNotice(found.error);
    }
    case 'list':
      return listCorpus(ctx, options.page);
    case 'history':
      return showHistory(ctx, options.count);
    case 'undo':
      return undoChange(ctx);
    case 'reload':
      return reloadCorpus(ctx);
    case 'synonym add':
      return addSynonyms(ctx, options.spellings);
    case 'synonym remove':
      return removeSynonyms(ctx, options.number);
    case 'synonym list':
      return listSynonyms(ctx);
  }
}

export function autocomplete(ctx: CommandContext, focused: Focused) {
  return focused.name === 'article' ? articleChoices(ctx.index, focused.value) : [];
}
