import { Inject, Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { LatestAnalysisReader, type LatestAnalysis, type Principal } from '@fenceline/data-access';
import type { ConnectionModel, CoverageModel } from './models/connectivity.model';

type AnalysisLoader = DataLoader<string, LatestAnalysis | null>;

/**
 * The current analysis of each cluster a GraphQL request shows, loaded in one batch: a list of
 * N clusters with `coverage` and `connectivity` costs the reader's two queries, not 2 × N.
 * Loaders live per request (keyed by the GraphQL context object, so they go with it) and per
 * organization, so nothing cached crosses requests or tenants; this provider stays a singleton.
 */
@Injectable()
export class ClusterAnalysisLoader {
  private readonly perRequest = new WeakMap<object, Map<string, AnalysisLoader>>();

  constructor(@Inject(LatestAnalysisReader) private readonly reader: LatestAnalysisReader) {}

  /** The cluster's coverage from its current analysis; null until one exists. */
  async coverage(
    request: object,
    actor: Principal,
    clusterId: string,
  ): Promise<CoverageModel | null> {
    const analysis = await this.loader(request, actor.organizationId).load(clusterId);
    return analysis ? (analysis.coverage as CoverageModel) : null;
  }

  /** Every connectivity row of the cluster's current analysis; null until one exists. */
  async connectivity(
    request: object,
    actor: Principal,
    clusterId: string,
  ): Promise<ConnectionModel[] | null> {
    const analysis = await this.loader(request, actor.organizationId).load(clusterId);
    // Stored as JSONB, which reorders keys: give them back in the notation's order.
    return analysis
      ? analysis.connectivity.map(({ src, dst, conn }) => ({ src, dst, conn }))
      : null;
  }

  private loader(request: object, organizationId: string): AnalysisLoader {
    let byOrganization = this.perRequest.get(request);
    if (!byOrganization) {
      byOrganization = new Map();
      this.perRequest.set(request, byOrganization);
    }
    let loader = byOrganization.get(organizationId);
    if (!loader) {
      loader = new DataLoader<string, LatestAnalysis | null>(async (ids) => {
        const found = await this.reader.forClusters(organizationId, ids);
        return ids.map((id) => found.get(id) ?? null);
      });
      byOrganization.set(organizationId, loader);
    }
    return loader;
  }
}
