import { z } from 'zod';
import type { Database } from '../database';
import { parseColumn } from '../stored-json';
import { pageArgs, pageOf, type Page, type PageRequest } from '../pagination/page';
import { DataAccessError, isUuid } from '../data-access-error';

export type EvidencePackStatus = 'building' | 'ready' | 'failed';

export interface StoredEvidencePack {
  readonly id: string;
  readonly scope: string;
  readonly framework: string;
  readonly status: EvidencePackStatus;
  readonly asOf: Date | null;
  readonly error: string | null;
  readonly sha256: string | null;
  readonly previousSha256: string | null;
  /** The pack's `manifest.json` (libs/reports' `EvidencePackManifest`); null until it is ready. */
  readonly manifest: Readonly<Record<string, unknown>> | null;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly readyAt: Date | null;
}

const fields = {
  id: true,
  scope: true,
  framework: true,
  status: true,
  asOf: true,
  error: true,
  sha256: true,
  previousSha256: true,
  manifest: true,
  createdBy: true,
  createdAt: true,
  readyAt: true,
} as const;
/**
 * `EvidencePack.manifest`: what the reads rely on (the files and the chain link); libs/reports'
 * `evidencePackManifestSchema` checks a manifest read back from a zip in full.
 */
const manifestSchema = z
  .looseObject({
    kind: z.literal('EvidencePack'),
    files: z.array(z.looseObject({ path: z.string(), sha256: z.string() })),
    previousPackSha256: z.string().nullable(),
  })
  .nullable();

const toPack = (
  row: Omit<StoredEvidencePack, 'status' | 'manifest'> & { status: string; manifest: unknown },
): StoredEvidencePack => ({
  ...row,
  status: row.status as EvidencePackStatus,
  manifest: parseColumn(manifestSchema, row.manifest, {
    table: 'EvidencePack',
    id: row.id,
    field: 'manifest',
  }),
});

/**
 * Evidence packs: requested by the API (`building`), built by the worker (`ready` with the zip,
 * or `failed`), chained per scope — each ready pack names the SHA-256 of the ready pack before it.
 */
export class EvidencePackRepository {
  constructor(private readonly db: Database) {}

  async request(
    organizationId: string,
    input: { scope: string; framework: string; asOf?: Date; createdBy: string },
  ): Promise<StoredEvidencePack> {
    const row = await this.db.prisma.$transaction(async (tx) => {
      const created = await tx.evidencePack.create({
        data: {
          organizationId,
          scope: input.scope,
          framework: input.framework,
          status: 'building',
          ...(input.asOf ? { asOf: input.asOf } : {}),
          createdBy: input.createdBy,
        },
        select: fields,
      });
      await tx.auditEvent.create({
        data: {
          organizationId,
          actor: input.createdBy,
          action: 'evidence-pack.requested',
          target: `evidence-pack/${created.id}`,
          after: { scope: input.scope, asOf: input.asOf?.toISOString() ?? null },
        },
      });
      return created;
    });
    return toPack(row);
  }

  async get(organizationId: string, id: string): Promise<StoredEvidencePack | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await this.db.prisma.evidencePack.findFirst({
      where: { organizationId, id },
      select: fields,
    });
    return row ? toPack(row) : undefined;
  }

  /** The newest ready pack of a scope: the link the next pack records. */
  async latestReady(
    organizationId: string,
    scope: string,
  ): Promise<StoredEvidencePack | undefined> {
    const row = await this.db.prisma.evidencePack.findFirst({
      where: { organizationId, scope, status: 'ready' },
      orderBy: { readyAt: 'desc' },
      select: fields,
    });
    return row ? toPack(row) : undefined;
  }

  async complete(
    organizationId: string,
    id: string,
    input: {
      sha256: string;
      previousSha256: string | null;
      manifest: object;
      zip: Buffer;
    },
  ): Promise<StoredEvidencePack> {
    const updated = await this.db.prisma.evidencePack.updateMany({
      where: { organizationId, id, status: 'building' },
      data: {
        status: 'ready',
        sha256: input.sha256,
        previousSha256: input.previousSha256,
        manifest: input.manifest,
        zip: new Uint8Array(input.zip),
        readyAt: new Date(),
      },
    });
    if (updated.count === 0)
      throw new DataAccessError('CONFLICT', `evidence pack ${id} is not building`);
    return (await this.get(organizationId, id)) as StoredEvidencePack;
  }

  async fail(organizationId: string, id: string, error: string): Promise<void> {
    await this.db.prisma.evidencePack.updateMany({
      where: { organizationId, id, status: 'building' },
      data: { status: 'failed', error: error.slice(0, 2000) },
    });
  }

  /** One page of the packs, oldest first, optionally of one scope (`<framework>/<scope>`). */
  async page(
    organizationId: string,
    filter: { scope?: string },
    page: PageRequest,
  ): Promise<Page<StoredEvidencePack>> {
    const rows = await this.db.prisma.evidencePack.findMany({
      where: { organizationId, ...(filter.scope ? { scope: filter.scope } : {}) },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: fields,
      ...pageArgs(page),
    });
    return pageOf(rows, page, toPack);
  }

  async list(organizationId: string, scope?: string): Promise<StoredEvidencePack[]> {
    const rows = await this.db.prisma.evidencePack.findMany({
      where: { organizationId, ...(scope ? { scope } : {}) },
      orderBy: { createdAt: 'asc' },
      select: fields,
    });
    return rows.map(toPack);
  }

  async zip(organizationId: string, id: string): Promise<Buffer | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await this.db.prisma.evidencePack.findFirst({
      where: { organizationId, id },
      select: { zip: true },
    });
    return row?.zip ? Buffer.from(row.zip) : undefined;
  }
}
