import type { Database } from '../database';
import { DataAccessError, isUniqueViolation } from '../data-access-error';
import { DEFAULT_ENVIRONMENTS } from '../organizations/organization.repository';
import { newSecret } from '../secrets';

export interface Bootstrapped {
  readonly organizationId: string;
  /** An admin API key, shown this once. */
  readonly apiKey: string;
}

/**
 * Creates an organization with its environments (dev → staging → prod) and a first admin API
 * key, and records it in the audit log — all in one transaction, so a failure leaves nothing
 * half-made and the command can simply be run again.
 */
export async function bootstrapOrganization(db: Database, name: string): Promise<Bootstrapped> {
  const secret = newSecret('flk');
  try {
    return await db.prisma.$transaction(async (tx) => {
      const org = await tx.organization.create({
        data: {
          name,
          environments: {
            create: DEFAULT_ENVIRONMENTS.map((env, position) => ({ name: env, position })),
          },
        },
      });
      const key = await tx.apiKey.create({
        data: {
          organizationId: org.id,
          name: 'bootstrap admin',
          role: 'admin',
          prefix: secret.prefix,
          secretHash: secret.hash,
        },
      });
      await tx.auditEvent.create({
        data: {
          organizationId: org.id,
          actor: 'system:bootstrap',
          action: 'organization.bootstrapped',
          target: `organization/${org.id}`,
          after: {
            name,
            environments: [...DEFAULT_ENVIRONMENTS],
            adminKey: { id: key.id, prefix: key.prefix },
          },
        },
      });
      return { organizationId: org.id, apiKey: secret.token };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DataAccessError('CONFLICT', `organization ${JSON.stringify(name)} already exists`);
    throw error;
  }
}
