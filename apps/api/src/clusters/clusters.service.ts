import { Inject, Injectable } from '@nestjs/common';
import {
  actorOf,
  AgentTokenRepository,
  ClusterRepository,
  DataAccessError,
  pageOfArray,
  SnapshotRepository,
  type Cluster,
  type Page,
  type PageRequest,
  type Principal,
} from '@fenceline/data-access';
import type { CreateClusterDto } from './dto/create-cluster.dto';
import { toClusterModel, type ClusterModel } from './models/cluster.model';
import type { AgentTokenModel, ConnectionModel, CoverageModel } from './models/connectivity.model';

/** Clusters and their agent tokens, for one organization at a time (the caller's). */
@Injectable()
export class ClustersService {
  constructor(
    @Inject(ClusterRepository) private readonly clusters: ClusterRepository,
    @Inject(SnapshotRepository) private readonly snapshots: SnapshotRepository,
    @Inject(AgentTokenRepository) private readonly tokens: AgentTokenRepository,
  ) {}

  /** Creates a cluster; it and its `cluster.created` audit event are one transaction. */
  async create(actor: Principal, input: CreateClusterDto): Promise<ClusterModel> {
    const cluster = await this.clusters.create(actor.organizationId, input, {
      actor: actorOf(actor),
    });
    return (await this.toModels(actor, [cluster]))[0] as ClusterModel;
  }

  /** One page of the clusters, by name, optionally of one environment. */
  async list(
    actor: Principal,
    filter: { environment?: string | undefined },
    page: PageRequest,
  ): Promise<Page<ClusterModel>> {
    const found = await this.clusters.page(
      actor.organizationId,
      filter.environment ? { environment: filter.environment } : {},
      page,
    );
    return { items: await this.toModels(actor, found.items), nextCursor: found.nextCursor };
  }

  async get(actor: Principal, clusterId: string): Promise<ClusterModel> {
    return (await this.toModels(actor, [await this.require(actor, clusterId)]))[0] as ClusterModel;
  }

  /**
   * The newest analysed connectivity of a cluster, in the connectivity-list notation: every row,
   * or one page of rows (the cursor names a row's position).
   */
  async connectivity(
    actor: Principal,
    clusterId: string,
    page?: PageRequest,
  ): Promise<Page<ConnectionModel>> {
    // Stored as JSONB, which reorders keys: give them back in the notation's order.
    const rows = (await this.analysis(actor, clusterId)).connectivity.map(({ src, dst, conn }) => ({
      src,
      dst,
      conn,
    }));
    if (!page) return { items: rows, nextCursor: null };
    return pageOfArray(rows, page, (_row, index) => String(index));
  }

  /** Pods isolated for ingress / egress, in total and per namespace, from the newest analysis. */
  async coverage(actor: Principal, clusterId: string): Promise<CoverageModel> {
    return (await this.analysis(actor, clusterId)).coverage as CoverageModel;
  }

  /** Issues an agent token (shown once); it and its `agent-token.created` event are one transaction. */
  async createAgentToken(actor: Principal, clusterId: string): Promise<AgentTokenModel> {
    const { id, token } = await this.tokens.create(actor.organizationId, clusterId, {
      actor: actorOf(actor),
    });
    return { id, token };
  }

  async revokeAgentToken(actor: Principal, clusterId: string, tokenId: string): Promise<void> {
    await this.tokens.revoke(actor.organizationId, clusterId, tokenId, { actor: actorOf(actor) });
  }

  private async require(actor: Principal, clusterId: string): Promise<Cluster> {
    const cluster = await this.clusters.get(actor.organizationId, clusterId);
    if (!cluster) throw new DataAccessError('NOT_FOUND', `cluster ${clusterId} not found`);
    return cluster;
  }

  private async analysis(actor: Principal, clusterId: string) {
    await this.require(actor, clusterId);
    const analysis = await this.snapshots.latestAnalysis(actor.organizationId, clusterId);
    if (!analysis)
      throw new DataAccessError('NOT_FOUND', `cluster ${clusterId} has no analysed snapshot yet`);
    return analysis;
  }

  /** API models for clusters, with their snapshot summaries fetched in one batch. */
  private async toModels(actor: Principal, clusters: readonly Cluster[]): Promise<ClusterModel[]> {
    const summaries = await this.snapshots.summaries(
      actor.organizationId,
      clusters.map((c) => c.id),
    );
    return clusters.map((cluster) => toClusterModel(cluster, summaries.get(cluster.id)));
  }
}
