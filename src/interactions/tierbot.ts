/** Tierbot's interaction core as every way in uses it: all commands, charts, downloads, the store. */

import { chartRenderer } from '../charts';
import { COMMANDS } from '../commands';
import type { Command } from '../commands/types';
import type { Logger } from '../config/logger';
import type { TeamStore } from '../store/types';
import { createInteractionCore, type InteractionCore } from './core';
import { downloadAttachment } from './download';
import type { Metrics } from './metrics';

export interface TierbotCoreOptions {
  store: TeamStore;
  logger: Logger;
  metrics?: Metrics;
  /** Default true; the CLI draws charts only where they go somewhere. */
  charts?: boolean;
  commands?: readonly Command[];
  download?: typeof downloadAttachment;
}

export function tierbotCore({ store, logger, metrics, charts = true, commands = COMMANDS, download = downloadAttachment }: TierbotCoreOptions): InteractionCore {
  return createInteractionCore({
    commands,
    store,
    logger,
    ...(metrics ? { metrics } : {}),
    ...(charts ? { charts: chartRenderer } : {}),
    download,
  });
}
