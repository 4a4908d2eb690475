/**
 * Every command Verbatim has. Add a command: write `commands/<name>.ts` exporting `data` and
 * `execute` (and `autocomplete`, `ephemeral`, `scope` when needed), then list it here. Discord's
 * router, the registration and the local console all read this list.
 */
import { messageCommand, slashCommand, type Command } from '../src/discord/command.ts';
import * as ask from './ask.ts';
import * as corpus from './corpus.ts';
import * as findSources from './find-sources.ts';
import * as help from './help.ts';
import * as source from './source.ts';
import * as sources from './sources.ts';

export const COMMANDS: readonly Command[] = [slashCommand(ask), slashCommand(sources), slashCommand(source), slashCommand(help), messageCommand(findSources), slashCommand(corpus)];
