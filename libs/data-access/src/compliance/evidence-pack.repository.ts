import type { Database } from '../database';
import { isUuid } from '../data-access-error';

export interface StoredEvidencePack {
  readonly id: string;
  readonly scope: string;
  readonly sha256: string;
  readonly previousSha256: string | null;
  readonly manifest: unknown;
  readonly createdBy: string;
  readonly createdAt: Date;
}

const fields = { id: true, scope: true, sha256: true, previousSha256: true, manifest: true, createdBy: true, createdAt: true } as const;

/** Exported evidence packs, kept with their bytes and chained per scope (each names the previous one's SHA-256). */
export class EvidencePackRepository {
  constructor(private readonly db: Database) {}

  async latest(organizationId: string, scope: string): Promise<StoredEvidencePack | undefined> {
    return (await this.db.prisma.evidencePack.findFirst({ where: { organizationId, scope }, orderBy: { createdAt: 'desc' }, select: fields })) ?? undefined;
  }

  async store(organizationId: string, input: { scope: string; sha256: string; previousSha256: string | null; manifest: unknown; zip: Buffer; createdBy: string }): Promise<StoredEvidencePack> {
    return this.db.prisma.evidencePack.create({
      data: { organizationId, scope: input.scope, sha256: input.sha256, previousSha256: input.previousSha256, manifest: input.manifest as object, zip: new Uint8Array(input.zip), createdBy: input.createdBy },
      select: fields,
    });
  }

  async list(organizationId: string, scope?: string): Promise<StoredEvidencePack[]> {
    return this.db.prisma.evidencePack.findMany({ where: { organizationId, ...(scope ? { scope } : {}) }, orderBy: { createdAt: 'asc' }, select: fields });
  }

  async zip(organizationId: string, id: string): Promise<Buffer | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await this.db.prisma.evidencePack.findFirst({ where: { organizationId, id }, select: { zip: true } });
    return row ? Buffer.from(row.zip) : undefined;
  }
}
