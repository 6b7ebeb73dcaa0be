import { z } from 'zod';
import { ROLES, type StoreResult } from '@fenceline/data-access';
import type { ClusterModel } from '../../clusters/models/cluster.model';
import type {
  AgentTokenModel,
  ConnectionModel,
  CoverageModel,
} from '../../clusters/models/connectivity.model';
import type { ApiKeyModel } from '../../api-keys/models/api-key.model';
import { json, maybeTimestamp, page, timestamp, type ResponseDoc } from './common';

// Each schema is typed with the model it documents: a field the model has and the schema lacks
// fails the typecheck.

export const clusterSchema: z.ZodType<ClusterModel> = z.object({
  id: z.string(),
  name: z.string(),
  environment: z.string(),
  labels: z.record(z.string(), z.string()),
  createdAt: timestamp,
  lastSeenAt: maybeTimestamp,
  lastSnapshotAt: maybeTimestamp,
  analysis: z
    .object({
      snapshotId: z.string(),
      analysedAt: timestamp,
      classCount: z.int(),
      connections: z.int(),
    })
    .nullable(),
});

export const connectionSchema: z.ZodType<ConnectionModel> = z.object({
  src: z.string(),
  dst: z.string(),
  conn: z.string(),
});

const podCounts = {
  totalPods: z.int(),
  ingressIsolatedPods: z.int(),
  egressIsolatedPods: z.int(),
};

export const coverageSchema: z.ZodType<CoverageModel> = z.object({
  ...podCounts,
  namespaces: z.array(z.object({ namespace: z.string(), ...podCounts })),
});

export const agentTokenSchema: z.ZodType<AgentTokenModel> = z.object({
  id: z.string(),
  token: z.string().describe('shown once'),
});

const apiKeyFields = {
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  prefix: z.string(),
  createdAt: timestamp,
  lastUsedAt: maybeTimestamp,
  revokedAt: maybeTimestamp,
};

export const apiKeySchema: z.ZodType<ApiKeyModel> = z.object(apiKeyFields);

const createdApiKeySchema: z.ZodType<ApiKeyModel & { key: string }> = z.object({
  ...apiKeyFields,
  key: z.string().describe('the secret; shown once'),
});

export const storeResultSchema: z.ZodType<StoreResult> = z.object({
  snapshotId: z.string(),
  status: z.enum(['accepted', 'duplicate']),
  revived: z.literal(true).optional(),
});

/** Clusters, API keys and agent ingest. */
export const clusterResponses: Readonly<Record<string, ResponseDoc>> = {
  ClustersController_create: json(201, clusterSchema),
  ClustersController_list: page(clusterSchema),
  ClustersController_get: json(200, clusterSchema),
  ClustersController_connectivity: page(connectionSchema),
  ClustersController_coverage: json(200, coverageSchema),
  ClustersController_createAgentToken: json(201, agentTokenSchema),
  ApiKeysController_create: json(201, createdApiKeySchema),
  ApiKeysController_list: page(apiKeySchema),
  IngestController_push: json(202, storeResultSchema),
};
