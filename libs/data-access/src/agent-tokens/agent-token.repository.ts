import type { Database } from '../database';
import { DataAccessError, isUuid } from '../data-access-error';
import { hashSecret, newSecret } from '../secrets';
import { auditIn } from '../audit/audit-in-transaction';

export interface AgentIdentity {
  readonly organizationId: string;
  readonly clusterId: string;
  readonly tokenId: string;
}

/** Tokens of cluster agents: one cluster each, stored hashed, revocable. */
export class AgentTokenRepository {
  constructor(private readonly db: Database) {}

  /** Issues a token; with `audit`, its `agent-token.created` event is written in the same transaction. */
  async create(
    organizationId: string,
    clusterId: string,
    audit?: { actor: string },
  ): Promise<{ id: string; token: string; prefix: string }> {
    const cluster = isUuid(clusterId)
      ? await this.db.prisma.cluster.findFirst({ where: { id: clusterId, organizationId } })
      : null;
    if (!cluster) throw new DataAccessError('NOT_FOUND', `cluster ${clusterId} not found`);
    const secret = newSecret('fla');
    const row = await this.db.prisma.$transaction(async (tx) => {
      const created = await tx.agentToken.create({
        data: { organizationId, clusterId, prefix: secret.prefix, secretHash: secret.hash },
      });
      if (audit)
        await auditIn(tx, organizationId, {
          actor: audit.actor,
          action: 'agent-token.created',
          target: `cluster/${clusterId}/agent-tokens/${created.id}`,
          before: null,
          after: { id: created.id },
        });
      return created;
    });
    return { id: row.id, token: secret.token, prefix: secret.prefix };
  }

  /** Revokes a token; with `audit`, its `agent-token.revoked` event is written in the same transaction. */
  async revoke(
    organizationId: string,
    clusterId: string,
    tokenId: string,
    audit?: { actor: string },
  ): Promise<void> {
    if (!isUuid(tokenId) || !isUuid(clusterId))
      throw new DataAccessError('NOT_FOUND', `agent token ${tokenId} not found`);
    await this.db.prisma.$transaction(async (tx) => {
      const found = await tx.agentToken.updateMany({
        where: { id: tokenId, clusterId, organizationId },
        data: { revokedAt: new Date() },
      });
      if (found.count === 0)
        throw new DataAccessError('NOT_FOUND', `agent token ${tokenId} not found`);
      if (audit)
        await auditIn(tx, organizationId, {
          actor: audit.actor,
          action: 'agent-token.revoked',
          target: `cluster/${clusterId}/agent-tokens/${tokenId}`,
          before: { id: tokenId },
          after: null,
        });
    });
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
