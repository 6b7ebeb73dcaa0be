import type { Database } from '../database';
import { DataAccessError, isUuid } from '../data-access-error';
import { hashSecret, newSecret } from '../secrets';

export interface AgentIdentity {
  readonly organizationId: string;
  readonly clusterId: string;
  readonly tokenId: string;
}

/** Tokens of cluster agents: one cluster each, stored hashed, revocable. */
export class AgentTokenRepository {
  constructor(private readonly db: Database) {}

  async create(
    organizationId: string,
    clusterId: string,
  ): Promise<{ id: string; token: string; prefix: string }> {
    const cluster = isUuid(clusterId)
      ? await this.db.prisma.cluster.findFirst({ where: { id: clusterId, organizationId } })
      : null;
    if (!cluster) throw new DataAccessError('NOT_FOUND', `cluster ${clusterId} not found`);
    const secret = newSecret('fla');
    const row = await this.db.prisma.agentToken.create({
      data: { organizationId, clusterId, prefix: secret.prefix, secretHash: secret.hash },
    });
    return { id: row.id, token: secret.token, prefix: secret.prefix };
  }

  async revoke(organizationId: string, clusterId: string, tokenId: string): Promise<void> {
    const found =
      isUuid(tokenId) && isUuid(clusterId)
        ? await this.db.prisma.agentToken.updateMany({
            where: { id: tokenId, clusterId, organizationId },
            data: { revokedAt: new Date() },
          })
        : { count: 0 };
    if (found.count === 0)
      throw new DataAccessError('NOT_FOUND', `agent token ${tokenId} not found`);
  }

  /** The cluster a token may push for, or `undefined` for an unknown or revoked token. */
  async authenticate(token: string): Promise<AgentIdentity | undefined> {
    const row = await this.db.prisma.agentToken.findUnique({
      where: { secretHash: hashSecret(token) },
    });
    if (!row || row.revokedAt) return undefined;
    await this.db.prisma.agentToken.update({
      where: { id: row.id },
      data: { lastUsedAt: new Date() },
    });
    return { organizationId: row.organizationId, clusterId: row.clusterId, tokenId: row.id };
  }
}
