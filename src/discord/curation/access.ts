/**
 * Who may change the corpus. The corpus is one per deployment, so curation is confined to the
 * guilds the config names (CURATOR_GUILD_IDS) and, there, to members with Manage Server (or
 * Administrator, which implies it) or one of the configured moderator roles. Discord hides /corpus
 * from others through `default_member_permissions`, but a server's admins can change that, so this
 * is checked again on every interaction — command, button and form alike. The local console may
 * read (list, history) but not write: its operator has `npm run corpus` for that. (Pure.)
 */
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { err, ok, type Result } from '../../core/result.ts';
import type { Actor } from '../../core/store/corpus-store.ts';
import type { Invoker } from '../command.ts';

/** Where curation is allowed and to whom. */
export type AccessPolicy = {
  readonly curatorGuildIds: readonly string[];
  readonly moderatorRoleIds: readonly string[];
};

export type AccessRefusal =
  | { readonly code: 'curation-wrong-guild' }
  | { readonly code: 'curation-no-permission' }
  | { readonly code: 'curation-console-read-only' };

/** The permission a curator needs, as the command's `default_member_permissions` (a decimal string). */
export const CURATOR_PERMISSION = PermissionFlagsBits.ManageGuild;

const hasPermission = (permissions: string | undefined, flag: bigint): boolean => {
  if (permissions === undefined || !/^\d+$/.test(permissions)) return false;
  const bits = BigInt(permissions);
  return (bits & flag) === flag || (bits & PermissionFlagsBits.Administrator) === PermissionFlagsBits.Administrator;
};

/**
 * Whether `invoker` may curate here, and if so who the audit log records. `readOnly`: the use only
 * reads the corpus (list, history), which the console may do too.
 */
export function curatorAccess(invoker: Invoker | undefined, policy: AccessPolicy, options: { readOnly: boolean }): Result<Actor, AccessRefusal> {
  if (!invoker) return err({ code: 'curation-no-permission' });
  if (invoker.via === 'console') return options.readOnly ? ok({ userName: invoker.userName }) : err({ code: 'curation-console-read-only' });
  if (invoker.guildId === undefined || !policy.curatorGuildIds.includes(invoker.guildId)) return err({ code: 'curation-wrong-guild' });
  const byRole = invoker.roleIds.some((role) => policy.moderatorRoleIds.includes(role));
  if (!byRole && !hasPermission(invoker.permissions, CURATOR_PERMISSION)) return err({ code: 'curation-no-permission' });
  return ok({ guildId: invoker.guildId, ...(invoker.userId !== undefined ? { userId: invoker.userId } : {}), userName: invoker.userName });
}
