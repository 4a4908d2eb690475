/**
 * Everything corpus curation needs, made once at start-up from the config: the corpus service
 * (whose index every command answers from, so a change is seen by the next /ask at once), who may
 * curate, the limits, where attachments and links may be fetched from, and the pending previews.
 */
import type { Config } from '../../config.ts';
import type { CorpusService } from '../../core/corpus-service.ts';
import type { FetchPageOptions } from '../../core/ingest/fetch-page.ts';
import { DEFAULT_ARTICLE_LIMITS, type ArticleLimits } from '../../core/new-article.ts';
import type { AccessPolicy } from './access.ts';
import type { DownloadOptions } from './attachment.ts';
import { PendingChanges } from './pending.ts';

export type Curation = {
  readonly service: CorpusService;
  readonly access: AccessPolicy;
  readonly limits: ArticleLimits;
  /** How links are fetched (`articleInputFromUrl`). */
  readonly fetch: FetchPageOptions;
  /** How attachments are downloaded. */
  readonly download: DownloadOptions;
  readonly pending: PendingChanges;
};

/** The article limits from the config (`MAX_ARTICLE_KB`). */
export const articleLimitsFrom = (config: Pick<Config, 'MAX_ARTICLE_KB'>): ArticleLimits => ({ ...DEFAULT_ARTICLE_LIMITS, maxBytes: config.MAX_ARTICLE_KB * 1024 });

export function createCuration(
  service: CorpusService,
  config: Pick<Config, 'CURATOR_GUILD_IDS' | 'MODERATOR_ROLE_IDS' | 'MAX_ARTICLE_KB' | 'FETCH_ALLOW_PRIVATE_ADDRESSES' | 'DISCORD_CDN_HOSTS'>,
  pending: PendingChanges = new PendingChanges(),
): Curation {
  const allowed = config.FETCH_ALLOW_PRIVATE_ADDRESSES;
  const allowPrivateAddress = (address: string): boolean => allowed.includes(address);
  const limits = articleLimitsFrom(config);
  return {
    service,
    access: { curatorGuildIds: config.CURATOR_GUILD_IDS, moderatorRoleIds: config.MODERATOR_ROLE_IDS },
    limits,
    fetch: { allowPrivateAddresses: allowed.length > 0 ? allowPrivateAddress : false },
    download: { cdnHosts: config.DISCORD_CDN_HOSTS, maxBytes: limits.maxBytes, allowPrivateAddress },
    pending,
  };
}
