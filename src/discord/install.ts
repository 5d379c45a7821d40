import { ApplicationIntegrationType, InteractionContextType, PermissionFlagsBits, type Interaction } from 'discord.js';
import { msg } from '../messages/message.ts';
import type { Answer } from '../answers/answer.ts';

/**
 * True where Discord will show the reply to its asker alone: the app was installed by a
 * member, not by this server, and the server does not let members' apps post
 * (USE_EXTERNAL_APPS). The reply is then private from the start and says why.
 */
export function publicRepliesBlocked(interaction: Interaction): boolean {
  if (interaction.context !== InteractionContextType.Guild) return false;
  if (interaction.authorizingIntegrationOwners?.[ApplicationIntegrationType.GuildInstall] !== undefined) return false;
  return !(interaction.memberPermissions?.has(PermissionFlagsBits.UseExternalApps) ?? false);
}

/** The answer made private, saying why: Discord would hide a public reply from everyone but the asker anyway. */
export function privateBecauseBlocked(answer: Answer): Answer {
  return { ...answer, lead: [...answer.lead, msg('externalAppsPrivate')], private: true };
}
