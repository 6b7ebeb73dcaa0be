import type { INestApplication } from '@nestjs/common';
import { json } from 'express';
import type { ApiConfig } from './config';

/** The one JSON body route that may be large: agents push whole snapshots (gzip welcome). */
export const INGEST_PATH = '/v1/agent/snapshots';

/**
 * Payload limits per route: snapshots up to `ingestMaxBytes` (inflated from gzip or deflate,
 * the limit applying after inflation), everything else 1 MiB. Too large → 413; an encoding other
 * than gzip/deflate/identity → 415; corrupt gzip or JSON → 400.
 */
export function configureHttp(app: INestApplication, config: ApiConfig): void {
  app.use(INGEST_PATH, json({ limit: config.ingestMaxBytes, inflate: true, type: () => true }));
  app.use(json({ limit: '1mb' }));
}
