import { Inject, Injectable } from '@nestjs/common';
import {
  AgentTokenRepository,
  AuditEventRepository,
  ClusterRepository,
  DataAccessError,
  SnapshotRepository,
  type Cluster,
  type Principal,
} from '@fenceline/data-access';
import type { CreateClusterDto } from './dto/create-cluster.dto';
import type { ClusterModel } from './models/cluster.model';

/** Clusters and their agent tokens, for one organization at a time (the caller's). */
@Injectable()
export class ClustersService {
  constructor(
    @Inject(ClusterRepository) private readonly clusters: ClusterRepository,
    @Inject(SnapshotRepository) private readonly snapshots: SnapshotRepository,
    @Inject(AgentTokenRepository) private readonly tokens: AgentTokenRepository,
    @Inject(AuditEventRepository) private readonly audit: AuditEventRepository,
  ) {}

  async create(actor: Principal, input: CreateClusterDto): Promise<ClusterModel> {
    const cluster = await this.clusters.create(actor.organizationId, input);
    await this.audit.record(actor.organizationId, {
      actor: `api-key/${actor.apiKeyId}`,
      action: 'cluster.create',
      target: `cluster/${cluster.id}`,
      before: null,
      after: input,
    });
    return (await this.toModels(actor, [cluster]))[0] as ClusterModel;
  }

  async list(actor: Principal): Promise<ClusterModel[]> {
    return this.toModels(actor, await this.clusters.list(actor.organizationId));
  }

  async get(actor: Principal, clusterId: string): Promise<ClusterModel> {
    const cluster = await this.clusters.get(actor.organizationId, clusterId);
    if (!cluster) throw new DataAccessError('NOT_FOUND', `cluster ${clusterId} not found`);
    return (await this.toModels(actor, [cluster]))[0] as ClusterModel;
  }

  /** The newest analysed connectivity of a cluster, in the connectivity-list notation. */
  async connectivity(
    actor: Principal,
    clusterId: string,
  ): Promise<readonly { src: string; dst: string; conn: string }[]> {
    // Stored as JSONB, which reorders keys: give them back in the notation's order.
    return (await this.analysis(actor, clusterId)).connectivity.map(({ src, dst, conn }) => ({
      src,
      dst,
      conn,
    }));
  }

  /** Pods isolated for ingress / egress, in total and per namespace, from the newest analysis. */
  async coverage(actor: Principal, clusterId: string): Promise<unknown> {
    return (await this.analysis(actor, clusterId)).coverage;
  }

  private async analysis(actor: Principal, clusterId: string) {
    if (!(await this.clusters.get(actor.organizationId, clusterId)))
      throw new DataAccessError('NOT_FOUND', `cluster ${clusterId} not found`);
    const analysis = await this.snapshots.latestAnalysis(actor.organizationId, clusterId);
    if (!analysis)
      throw new DataAccessError('NOT_FOUND', `cluster ${clusterId} has no analysed snapshot yet`);
    return analysis;
  }

  async createAgentToken(
    actor: Principal,
    clusterId: string,
  ): Promise<{ id: string; token: string }> {
    const { id, token } = await this.tokens.create(actor.organizationId, clusterId);
    await this.audit.record(actor.organizationId, {
      actor: `api-key/${actor.apiKeyId}`,
      action: 'agent-token.create',
      target: `cluster/${clusterId}/agent-tokens/${id}`,
      before: null,
      after: { id },
    });
    return { id, token };
  }

  async revokeAgentToken(actor: Principal, clusterId: string, tokenId: string): Promise<void> {
    await this.tokens.revoke(actor.organizationId, clusterId, tokenId);
    await this.audit.record(actor.organizationId, {
      actor: `api-key/${actor.apiKeyId}`,
      action: 'agent-token.revoke',
      target: `cluster/${clusterId}/agent-tokens/${tokenId}`,
      before: { id: tokenId },
      after: null,
    });
  }

  /** API models for clusters, with their snapshot summaries fetched in one batch. */
  private async toModels(actor: Principal, clusters: readonly Cluster[]): Promise<ClusterModel[]> {
    const summaries = await this.snapshots.summaries(
      actor.organizationId,
      clusters.map((c) => c.id),
    );
    return clusters.map((cluster) => {
      const summary = summaries.get(cluster.id);
      const analysis = summary?.analysis;
      return {
        id: cluster.id,
        name: cluster.name,
        environment: cluster.environment,
        labels: cluster.labels,
        createdAt: cluster.createdAt.toISOString(),
        lastSeenAt: cluster.lastSeenAt?.toISOString() ?? null,
        lastSnapshotAt: summary?.lastSnapshotAt?.toISOString() ?? null,
        analysis: analysis
          ? {
              snapshotId: analysis.snapshotId,
              analysedAt: analysis.analysedAt.toISOString(),
              classCount: analysis.classCount,
              connections: analysis.connections,
            }
          : null,
      };
    });
  }
}
