import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@fenceline/contracts';
import {
  actorOf,
  BaselineRepository,
  ClusterRepository,
  DataAccessError,
  PromotionRepository,
  SnapshotRepository,
  type Baseline,
  type BaselineVersion,
  type Pin,
  type Principal,
} from '@fenceline/data-access';
import {
  baselineContentHash,
  diffBaselineContents,
  parseBaselineContent,
  type BaselineContent,
  type VersionDiff,
} from '@fenceline/drift';
import { AuditEventRepository } from '@fenceline/data-access';
import { DriftTrigger } from '../promotions/drift-trigger';
import { latestInventory } from './cluster-inventory';

/** A stored version's content, parsed; a stored version that no longer parses is a server bug. */
export function contentOf(version: BaselineVersion): BaselineContent {
  const parsed = parseBaselineContent(version.content);
  if (!parsed.ok)
    throw new Error(
      `stored baseline version ${version.id} does not parse: ${parsed.issues[0]?.path} ${parsed.issues[0]?.message}`,
    );
  return parsed.content;
}

/** Baselines, their immutable versions, version diffs, and pins to the first environment. */
@Injectable()
export class BaselinesService {
  constructor(
    @Inject(BaselineRepository) private readonly baselines: BaselineRepository,
    @Inject(PromotionRepository) private readonly promotions: PromotionRepository,
    @Inject(ClusterRepository) private readonly clusters: ClusterRepository,
    @Inject(SnapshotRepository) private readonly snapshots: SnapshotRepository,
    @Inject(AuditEventRepository) private readonly audit: AuditEventRepository,
    @Inject(DriftTrigger) private readonly drift: DriftTrigger,
  ) {}

  async create(actor: Principal, name: string): Promise<Baseline> {
    const baseline = await this.baselines.create(actor.organizationId, name);
    await this.audit.record(actor.organizationId, {
      actor: actorOf(actor),
      action: 'baseline.created',
      target: `baseline/${baseline.id}`,
      before: null,
      after: { name },
    });
    return baseline;
  }

  list(actor: Principal, name?: string): Promise<Baseline[]> {
    return this.baselines.list(actor.organizationId, name !== undefined ? { name } : {});
  }

  get(actor: Principal, id: string): Promise<Baseline> {
    return this.baselines.require(actor.organizationId, id);
  }

  /** Validates the content (400 naming every bad field), then stores it as a new version unless unchanged. */
  async addVersion(
    actor: Principal,
    baselineId: string,
    input: { content: unknown; message: string },
  ): Promise<{ version: BaselineVersion; unchanged: boolean }> {
    const parsed = parseBaselineContent(input.content);
    if (!parsed.ok) {
      throw new DomainError(
        'INVALID',
        'invalid baseline content',
        parsed.issues
          .slice(0, 100)
          .map((i) => ({ path: `content.${i.path}`.replace(/\.$/, ''), message: i.message })),
      );
    }
    const result = await this.baselines.addVersion(actor.organizationId, baselineId, {
      content: parsed.content,
      contentHash: baselineContentHash(parsed.content),
      author: actorOf(actor),
      message: input.message,
    });
    if (!result.unchanged) {
      await this.audit.record(actor.organizationId, {
        actor: actorOf(actor),
        action: 'baseline.version.created',
        target: `baseline/${baselineId}/version/${result.version.number}`,
        before: null,
        after: {
          number: result.version.number,
          contentHash: result.version.contentHash,
          message: input.message,
          policies: parsed.content.policies.length,
          guardrails: parsed.content.guardrails.length,
        },
      });
    }
    return result;
  }

  versions(actor: Principal, baselineId: string): Promise<BaselineVersion[]> {
    return this.baselines.versions(actor.organizationId, baselineId);
  }

  version(actor: Principal, baselineId: string, number: number): Promise<BaselineVersion> {
    return this.baselines.requireVersion(actor.organizationId, baselineId, number);
  }

  /** Policies and guardrails changed between two versions; with a cluster, the connectivity that changes on its newest inventory. */
  async diff(
    actor: Principal,
    baselineId: string,
    from: number,
    to: number,
    clusterId?: string,
  ): Promise<VersionDiff> {
    const [a, b] = await Promise.all([
      this.version(actor, baselineId, from),
      this.version(actor, baselineId, to),
    ]);
    let reference;
    if (clusterId !== undefined) {
      const cluster = await this.clusters.get(actor.organizationId, clusterId);
      if (!cluster) throw new DataAccessError('NOT_FOUND', `cluster ${clusterId} not found`);
      reference = (await latestInventory(this.snapshots, actor.organizationId, clusterId))
        ?.inventory;
      if (!reference)
        throw new DataAccessError('NOT_FOUND', `cluster ${clusterId} has no snapshot yet`);
    }
    return diffBaselineContents(contentOf(a), contentOf(b), reference);
  }

  /**
   * Pins a version to the FIRST environment (dev). Every later environment only moves by an
   * approved promotion from the one before.
   */
  async pin(
    actor: Principal,
    baselineId: string,
    input: { environment: string; version: number },
  ): Promise<Pin> {
    const [first] = await this.promotions.environments(actor.organizationId);
    const environment = await this.promotions.environment(actor.organizationId, input.environment);
    if (!first || environment.id !== first.id) {
      throw new DataAccessError(
        'INVALID',
        `a version is pinned directly only to the first environment (${first?.name}); ${environment.name} moves by promotion`,
      );
    }
    const version = await this.version(actor, baselineId, input.version);
    const pin = await this.promotions.pin(actor.organizationId, {
      environmentId: environment.id,
      baselineId,
      version,
      actor: { id: actor.apiKeyId, display: actorOf(actor) },
    });
    await this.drift.environment(
      actor.organizationId,
      environment.name,
      `pin-${baselineId}-${version.number}`,
    );
    return pin;
  }

  pins(actor: Principal, baselineId?: string): Promise<Pin[]> {
    return this.promotions.pins(actor.organizationId, baselineId ? { baselineId } : {});
  }
}
