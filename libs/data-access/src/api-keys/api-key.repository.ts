import type { Database } from '../database';
import { DataAccessError, isUuid } from '../data-access-error';
import { hashSecret, newSecret } from '../secrets';
import { auditIn } from '../audit/audit-in-transaction';
import { pageArgs, pageOf, type Page, type PageRequest } from '../pagination/page';

export const ROLES = ['viewer', 'editor', 'approver', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Whether `role` grants at least `required` (viewer < editor < approver < admin). */
export function roleAtLeast(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

export interface ApiKey {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly prefix: string;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
}

export interface Principal {
  readonly organizationId: string;
  readonly apiKeyId: string;
  /** The key's name (a person or a dashboard), for audit events and approvals. */
  readonly name: string;
  readonly role: Role;
}

/**
 * How audit events, authors and decisions name a caller: `api-key:<key id> (<key name>)`, e.g.
 * `api-key:1f2e3d4c-… (alice)` — the id is what identifies, the name is for people.
 */
export function actorOf(principal: Pick<Principal, 'apiKeyId' | 'name'>): string {
  return `api-key:${principal.apiKeyId} (${principal.name})`;
}

/** How audit events name Fenceline itself acting: `system:<component>`, e.g. `system:bootstrap`. */
export function systemActor(component: string): string {
  return `system:${component}`;
}

const fields = {
  id: true,
  name: true,
  role: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

/** API keys of people and dashboards: stored hashed, shown once, revocable. */
export class ApiKeyRepository {
  constructor(private readonly db: Database) {}

  /** Creates a key; the returned `key` is the only time the secret is visible. */
  /** Creates a key; with `audit`, its `api-key.created` event is written in the same transaction. */
  async create(
    organizationId: string,
    input: { name: string; role: Role },
    audit?: { actor: string },
  ): Promise<ApiKey & { key: string }> {
    const secret = newSecret('flk');
    const row = await this.db.prisma.$transaction(async (tx) => {
      const created = await tx.apiKey.create({
        data: {
          organizationId,
          name: input.name,
          role: input.role,
          prefix: secret.prefix,
          secretHash: secret.hash,
        },
        select: fields,
      });
      if (audit)
        await auditIn(tx, organizationId, {
          actor: audit.actor,
          action: 'api-key.created',
          target: `api-key/${created.id}`,
          before: null,
          after: { name: input.name, role: input.role, prefix: created.prefix },
        });
      return created;
    });
    return { ...row, key: secret.token };
  }

  /** One page of the keys, oldest first. */
  async page(organizationId: string, page: PageRequest): Promise<Page<ApiKey>> {
    const rows = await this.db.prisma.apiKey.findMany({
      where: { organizationId },
      select: fields,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      ...pageArgs(page),
    });
    return pageOf(rows, page, (r) => r);
  }

  async list(organizationId: string): Promise<ApiKey[]> {
    return this.db.prisma.apiKey.findMany({
      where: { organizationId },
      select: fields,
      orderBy: { createdAt: 'asc' },
    });
  }

  /** Revokes a key; with `audit`, its `api-key.revoked` event is written in the same transaction. */
  async revoke(organizationId: string, apiKeyId: string, audit?: { actor: string }): Promise<void> {
    if (!(await this.exists(organizationId, apiKeyId)))
      throw new DataAccessError('NOT_FOUND', `API key ${apiKeyId} not found`);
    await this.db.prisma.$transaction(async (tx) => {
      await tx.apiKey.updateMany({
        where: { id: apiKeyId, organizationId, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      if (audit)
        await auditIn(tx, organizationId, {
          actor: audit.actor,
          action: 'api-key.revoked',
          target: `api-key/${apiKeyId}`,
          before: { id: apiKeyId },
          after: null,
        });
    });
  }

  private async exists(organizationId: string, apiKeyId: string): Promise<boolean> {
    return (
      isUuid(apiKeyId) &&
      (await this.db.prisma.apiKey.count({ where: { id: apiKeyId, organizationId } })) > 0
    );
  }

  /**
   * The principal a bearer key stands for, or `undefined` for an unknown or revoked key. The one
   * lookup not scoped by organization: the key is what tells the organization.
   */
  async authenticate(key: string): Promise<Principal | undefined> {
    const row = await this.db.prisma.apiKey.findUnique({ where: { secretHash: hashSecret(key) } });
    if (!row || row.revokedAt) return undefined;
    await this.db.prisma.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
    return { organizationId: row.organizationId, apiKeyId: row.id, name: row.name, role: row.role };
  }
}
