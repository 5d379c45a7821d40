import { ShardClientUtil, type Client } from 'discord.js';
import { articleDigest } from '../answers/summary.ts';
import { notFound } from '../answers/answer.ts';
import type { Engine } from '../engine/engine.ts';
import type { Logger } from '../app/log.ts';
import { msg } from '../messages/message.ts';
import { resolveLocale } from '../messages/words.ts';
import { postToChannel } from './respond.ts';

/** Figures a new article's digest shows, its first (main) ones. */
const FIGURES = 5;
/** Past this many new articles in one reload (a bulk import), the rest are counted in one message, not posted. */
const POSTED = 5;

/**
 * When a reload adds articles, posts a short digest of each (title, outlet, date,
 * its main figures, each cited) to the announcement channel. Under sharding every
 * shard reloads, but only the one that serves the channel's server posts: the shard
 * is computed from the server id, so shards need not talk to each other. A channel
 * outside any server (a DM) is shard 0's.
 */
export async function announceNewArticles(
  client: Client,
  channelId: string,
  before: Engine,
  after: Engine,
  log: Logger,
): Promise<void> {
  const added = after.corpus.articles.filter((a) => !before.corpus.articleById.has(a.id));
  if (added.length === 0) return;
  try {
    const channel = await client.channels.fetch(channelId);
    if (!channel?.isSendable()) {
      log.warn({ channel: channelId }, 'the announcement channel is not one the bot can post in');
      return;
    }
    const guild = 'guild' in channel ? channel.guild : undefined;
    if (client.shard) {
      const owner = guild ? ShardClientUtil.shardIdForGuildId(guild.id, client.shard.count) : 0;
      if (!client.shard.ids.includes(owner)) return;
    }
    const locale = resolveLocale(guild?.preferredLocale);
    for (const article of added.slice(0, POSTED)) {
      const digest = articleDigest(after, article, { figures: FIGURES });
      await postToChannel(channel, { ...digest, title: msg('newArticleTitle', { title: article.title }) }, locale);
    }
    if (added.length > POSTED) {
      const rest = { ...notFound(msg('moreNewArticles', { count: added.length - POSTED }), []), found: true };
      await postToChannel(channel, rest, locale);
    }
    log.info({ channel: channelId, articles: added.map((a) => a.id) }, 'announced new articles');
  } catch (error) {
    log.error({ err: error, channel: channelId }, 'could not announce the new articles');
  }
}
