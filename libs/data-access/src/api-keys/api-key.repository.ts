import type { Database } from '../database';
import { DataAccessError, isUuid } from '../data-access-error';
import { hashSecret, newSecret } from '../secrets';

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

/** How audit events and decisions name a caller: `alice (key 1f2e3d4c)`. */
export function actorOf(principal: Pick<Principal, 'apiKeyId' | 'name'>): string {
  return `${principal.name} (key ${principal.apiKeyId.slice(0, 8)})`;
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
  async create(
    organizationId: string,
    input: { name: string; role: Role },
  ): Promise<ApiKey & { key: string }> {
    const secret = newSecret('flk');
    const row = await this.db.prisma.apiKey.create({
      data: {
        organizationId,
        name: input.name,
        role: input.role,
        prefix: secret.prefix,
        secretHash: secret.hash,
      },
      select: fields,
    });
    return { ...row, key: secret.token };
  }

  async list(organizationId: string): Promise<ApiKey[]> {
    return this.db.prisma.apiKey.findMany({
      where: { organizationId },
      select: fields,
      orderBy: { createdAt: 'asc' },
    });
  }

  async revoke(organizationId: string, apiKeyId: string): Promise<void> {
    const result = isUuid(apiKeyId)
      ? await this.db.prisma.apiKey.updateMany({
          where: { id: apiKeyId, organizationId, revokedAt: null },
          data: { revokedAt: new Date() },
        })
      : { count: 0 };
    if (result.count === 0 && !(await this.exists(organizationId, apiKeyId))) {
      throw new DataAccessError('NOT_FOUND', `API key ${apiKeyId} not found`);
    }
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
