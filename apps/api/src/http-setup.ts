import type { INestApplication } from '@nestjs/common';
import compression from 'compression';
import { json } from 'express';
import type { Logger } from 'pino';
import type { ApiConfig } from './config';
import { API_LOGGER } from './logging/logging.module';
import { requestLog } from './logging/request-log';

/** The one JSON body route that may be large: agents push whole snapshots (gzip welcome). */
export const INGEST_PATH = '/v1/agent/snapshots';

/**
 * The request log first (so that a refused body is logged with its request id too), then the
 * payload limits per route: snapshots up to `ingestMaxBytes` (inflated from gzip or deflate,
 * the limit applying after inflation), everything else 1 MiB. Too large → 413; an encoding other
 * than gzip/deflate/identity → 415; corrupt gzip or JSON → 400.
 */
export function configureHttp(app: INestApplication, config: ApiConfig): void {
  app.use(requestLog(app.get<Logger>(API_LOGGER)));
  // gzip or br as the client accepts: a connectivity list of a large cluster is tens of MB.
  app.use(compression());
  app.use(INGEST_PATH, json({ limit: config.ingestMaxBytes, inflate: true, type: () => true }));
  app.use(json({ limit: '1mb' }));
}
