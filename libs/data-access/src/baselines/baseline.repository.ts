import { z } from 'zod';
import type { Database } from '../database';
import { jsonObjectSchema, parseColumn } from '../stored-json';
import { DataAccessError, isUniqueViolation, isUuid } from '../data-access-error';
import { auditIn } from '../audit/audit-in-transaction';
import { pageArgs, pageOf, type Page, type PageRequest } from '../pagination/page';

export interface Baseline {
  readonly id: string;
  readonly name: string;
  readonly createdAt: Date;
  readonly latestVersion: number | null;
}

/**
 * A version's content as stored, one column per key: JSON objects, checked for their shape only;
 * what they mean (selectors, policies, guardrails) is libs/drift's `parseBaselineContent`'s.
 */
export interface StoredBaselineContent {
  readonly scope: Readonly<Record<string, unknown>>;
  readonly sensitive?: Readonly<Record<string, unknown>>;
  readonly policies: readonly Readonly<Record<string, unknown>>[];
  readonly guardrails: readonly Readonly<Record<string, unknown>>[];
}

export interface BaselineVersion {
  readonly id: string;
  readonly baselineId: string;
  readonly number: number;
  /** The version's content (policies, guardrails, scope) as libs/drift parses it. */
  readonly content: StoredBaselineContent;
  readonly contentHash: string;
  readonly author: string;
  readonly message: string;
  readonly createdAt: Date;
}

export interface NewVersion {
  readonly content: unknown;
  readonly contentHash: string;
  readonly author: string;
  readonly message: string;
}

type VersionRow = {
  id: string;
  baselineId: string;
  number: number;
  policies: unknown;
  guardrails: unknown;
  scope: unknown;
  sensitive: unknown;
  contentHash: string;
  author: string;
  message: string;
  createdAt: Date;
};

const objectListSchema = z.array(jsonObjectSchema);

/** A version's content, from its columns (scope, sensitive, policies, guardrails), parsed. */
export function toVersion(row: VersionRow): BaselineVersion {
  const at = (field: string) => ({ table: 'BaselineVersion', id: row.id, field });
  const sensitive = parseColumn(
    jsonObjectSchema.nullable(),
    row.sensitive ?? null,
    at('sensitive'),
  );
  return {
    id: row.id,
    baselineId: row.baselineId,
    number: row.number,
    content: {
      scope: parseColumn(jsonObjectSchema, row.scope, at('scope')),
      ...(sensitive !== null ? { sensitive } : {}),
      policies: parseColumn(objectListSchema, row.policies, at('policies')),
      guardrails: parseColumn(objectListSchema, row.guardrails, at('guardrails')),
    },
    contentHash: row.contentHash,
    author: row.author,
    message: row.message,
    createdAt: row.createdAt,
  };
}

/**
 * Baselines and their immutable versions. A version is never updated: a change is a new
 * version, numbered 1, 2, 3… per baseline; pushing the content of the latest version again
 * creates nothing (GitOps pipelines push on every commit).
 */
export class BaselineRepository {
  constructor(private readonly db: Database) {}

  /** Creates a baseline; with `audit`, its `baseline.created` event is written in the same transaction. */
  async create(organizationId: string, name: string, audit?: { actor: string }): Promise<Baseline> {
    try {
      const row = await this.db.prisma.$transaction(async (tx) => {
        const created = await tx.baseline.create({ data: { organizationId, name } });
        if (audit)
          await auditIn(tx, organizationId, {
            actor: audit.actor,
            action: 'baseline.created',
            target: `baseline/${created.id}`,
            before: null,
            after: { name },
          });
        return created;
      });
      return { id: row.id, name: row.name, createdAt: row.createdAt, latestVersion: null };
    } catch (error) {
      if (isUniqueViolation(error))
        throw new DataAccessError('CONFLICT', `baseline ${JSON.stringify(name)} already exists`);
      throw error;
    }
  }

  async list(organizationId: string, filter: { name?: string } = {}): Promise<Baseline[]> {
    const rows = await this.db.prisma.baseline.findMany({
      where: { organizationId, ...(filter.name !== undefined ? { name: filter.name } : {}) },
      orderBy: { name: 'asc' },
      include: { versions: { select: { number: true }, orderBy: { number: 'desc' }, take: 1 } },
    });
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      createdAt: r.createdAt,
      latestVersion: r.versions[0]?.number ?? null,
    }));
  }

  /** One page of the baselines, by name (optionally only the one of an exact name). */
  async page(
    organizationId: string,
    filter: { name?: string },
    page: PageRequest,
  ): Promise<Page<Baseline>> {
    const rows = await this.db.prisma.baseline.findMany({
      where: { organizationId, ...(filter.name !== undefined ? { name: filter.name } : {}) },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      include: { versions: { select: { number: true }, orderBy: { number: 'desc' }, take: 1 } },
      ...pageArgs(page),
    });
    return pageOf(rows, page, (r) => ({
      id: r.id,
      name: r.name,
      createdAt: r.createdAt,
      latestVersion: r.versions[0]?.number ?? null,
    }));
  }

  async get(organizationId: string, id: string): Promise<Baseline | undefined> {
    if (!isUuid(id)) return undefined;
    return (await this.list(organizationId)).find((b) => b.id === id);
  }

  async require(organizationId: string, id: string): Promise<Baseline> {
    const baseline = await this.get(organizationId, id);
    if (!baseline) throw new DataAccessError('NOT_FOUND', `baseline ${id} not found`);
    return baseline;
  }

  /**
   * A new version, or the latest one unchanged when its content hash is the same. With `audit`,
   * a new version's `baseline.version.created` event (its `after` extended by `audit.after`) is
   * written in the same transaction.
   */
  async addVersion(
    organizationId: string,
    baselineId: string,
    input: NewVersion,
    audit?: { actor: string; after?: Readonly<Record<string, unknown>> },
  ): Promise<{ version: BaselineVersion; unchanged: boolean }> {
    await this.require(organizationId, baselineId);
    const { policies, guardrails, scope, sensitive } = input.content as {
      policies?: unknown;
      guardrails?: unknown;
      scope?: unknown;
      sensitive?: unknown;
    };
    for (let attempt = 0; ; attempt++) {
      const latest = await this.db.prisma.baselineVersion.findFirst({
        where: { baselineId },
        orderBy: { number: 'desc' },
      });
      if (latest && latest.contentHash === input.contentHash)
        return { version: toVersion(latest), unchanged: true };
      try {
        const row = await this.db.prisma.$transaction(async (tx) => {
          const created = await tx.baselineVersion.create({
            data: {
              organizationId,
              baselineId,
              number: (latest?.number ?? 0) + 1,
              policies: (policies ?? []) as object,
              guardrails: (guardrails ?? []) as object,
              scope: (scope ?? {}) as object,
              ...(sensitive !== undefined ? { sensitive: sensitive as object } : {}),
              contentHash: input.contentHash,
              author: input.author,
              message: input.message,
            },
          });
          if (audit)
            await auditIn(tx, organizationId, {
              actor: audit.actor,
              action: 'baseline.version.created',
              target: `baseline/${baselineId}/version/${created.number}`,
              before: null,
              after: {
                number: created.number,
                contentHash: created.contentHash,
                message: input.message,
                ...audit.after,
              },
            });
          return created;
        });
        return { version: toVersion(row), unchanged: false };
      } catch (error) {
        // Two pushes raced for the same number: take the next one.
        if (isUniqueViolation(error) && attempt < 3) continue;
        throw error;
      }
    }
  }

  /** One page of a baseline's versions, oldest first. */
  async versionsPage(
    organizationId: string,
    baselineId: string,
    page: PageRequest,
  ): Promise<Page<BaselineVersion>> {
    await this.require(organizationId, baselineId);
    const rows = await this.db.prisma.baselineVersion.findMany({
      where: { organizationId, baselineId },
      orderBy: [{ number: 'asc' }, { id: 'asc' }],
      ...pageArgs(page),
    });
    return pageOf(rows, page, toVersion);
  }

  async versions(organizationId: string, baselineId: string): Promise<BaselineVersion[]> {
    await this.require(organizationId, baselineId);
    const rows = await this.db.prisma.baselineVersion.findMany({
      where: { organizationId, baselineId },
      orderBy: { number: 'asc' },
    });
    return rows.map(toVersion);
  }

  async version(
    organizationId: string,
    baselineId: string,
    number: number,
  ): Promise<BaselineVersion | undefined> {
    if (!isUuid(baselineId) || !Number.isInteger(number)) return undefined;
    const row = await this.db.prisma.baselineVersion.findFirst({
      where: { organizationId, baselineId, number },
    });
    return row ? toVersion(row) : undefined;
  }

  async requireVersion(
    organizationId: string,
    baselineId: string,
    number: number,
  ): Promise<BaselineVersion> {
    const version = await this.version(organizationId, baselineId, number);
    if (!version)
      throw new DataAccessError('NOT_FOUND', `baseline ${baselineId} has no version ${number}`);
    return version;
  }

  async versionById(organizationId: string, id: string): Promise<BaselineVersion | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await this.db.prisma.baselineVersion.findFirst({ where: { organizationId, id } });
    return row ? toVersion(row) : undefined;
  }
}
