import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@fenceline/contracts';
import {
  actorOf,
  BaselineRepository,
  ClusterRepository,
  DataAccessError,
  PromotionRepository,
  SnapshotRepository,
  type BaselineVersion,
  type Page,
  type PageRequest,
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
import { DriftTrigger } from '../promotions/drift-trigger';
import { latestInventory } from './cluster-inventory';
import type { CreateVersionDto, PinBaselineDto } from './dto/baseline.dto';
import { toBaselineModel, type BaselineModel } from './models/baseline.model';

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
    @Inject(DriftTrigger) private readonly drift: DriftTrigger,
  ) {}

  /** Creates a baseline; it and its `baseline.created` event are one transaction. */
  async create(actor: Principal, name: string): Promise<BaselineModel> {
    return toBaselineModel(
      await this.baselines.create(actor.organizationId, name, { actor: actorOf(actor) }),
    );
  }

  /** One page of the baselines by name, optionally only the one of an exact name. */
  async list(
    actor: Principal,
    filter: { name?: string | undefined },
    page: PageRequest,
  ): Promise<Page<BaselineModel>> {
    const found = await this.baselines.page(
      actor.organizationId,
      filter.name !== undefined ? { name: filter.name } : {},
      page,
    );
    return { items: found.items.map(toBaselineModel), nextCursor: found.nextCursor };
  }

  async get(actor: Principal, id: string): Promise<BaselineModel> {
    return toBaselineModel(await this.baselines.require(actor.organizationId, id));
  }

  /**
   * Validates the content (400 naming every bad field), then stores it as a new version unless
   * unchanged; a new version and its `baseline.version.created` event are one transaction.
   */
  async addVersion(
    actor: Principal,
    baselineId: string,
    input: CreateVersionDto,
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
    return this.baselines.addVersion(
      actor.organizationId,
      baselineId,
      {
        content: parsed.content,
        contentHash: baselineContentHash(parsed.content),
        author: actorOf(actor),
        message: input.message,
      },
      {
        actor: actorOf(actor),
        after: {
          policies: parsed.content.policies.length,
          guardrails: parsed.content.guardrails.length,
        },
      },
    );
  }

  /** One page of a baseline's versions, oldest first (without content). */
  versions(
    actor: Principal,
    baselineId: string,
    page: PageRequest,
  ): Promise<Page<BaselineVersion>> {
    return this.baselines.versionsPage(actor.organizationId, baselineId, page);
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
  async pin(actor: Principal, baselineId: string, input: PinBaselineDto): Promise<Pin> {
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

  /** Every pin of a baseline (or of all), by environment order then baseline name. */
  pins(actor: Principal, baselineId?: string): Promise<Pin[]> {
    return this.promotions.pins(actor.organizationId, baselineId ? { baselineId } : {});
  }

  /** One page of every pin, by environment order then baseline name. */
  pinsPage(actor: Principal, page: PageRequest): Promise<Page<Pin>> {
    return this.promotions.pinsPage(actor.organizationId, {}, page);
  }
}
