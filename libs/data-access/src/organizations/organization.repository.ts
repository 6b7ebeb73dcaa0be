import type { Database } from '../database';
import { DataAccessError, isUniqueViolation } from '../data-access-error';

export interface Organization {
  readonly id: string;
  readonly name: string;
  readonly createdAt: Date;
  readonly environments: readonly string[];
}

/** The promotion stages every organization starts with, in order. */
export const DEFAULT_ENVIRONMENTS = ['dev', 'staging', 'prod'] as const;

/** Organizations (tenants) and their ordered environments. */
export class OrganizationRepository {
  constructor(private readonly db: Database) {}

  /** Creates an organization with the environments dev → staging → prod, atomically. */
  async create(name: string): Promise<Organization> {
    try {
      const row = await this.db.prisma.organization.create({
        data: {
          name,
          environments: {
            create: DEFAULT_ENVIRONMENTS.map((env, position) => ({ name: env, position })),
          },
        },
        include: { environments: { orderBy: { position: 'asc' } } },
      });
      return {
        id: row.id,
        name: row.name,
        createdAt: row.createdAt,
        environments: row.environments.map((e) => e.name),
      };
    } catch (error) {
      if (isUniqueViolation(error))
        throw new DataAccessError(
          'CONFLICT',
          `organization ${JSON.stringify(name)} already exists`,
        );
      throw error;
    }
  }

  async get(organizationId: string): Promise<Organization | undefined> {
    const row = await this.db.prisma.organization.findUnique({
      where: { id: organizationId },
      include: { environments: { orderBy: { position: 'asc' } } },
    });
    return row
      ? {
          id: row.id,
          name: row.name,
          createdAt: row.createdAt,
          environments: row.environments.map((e) => e.name),
        }
      : undefined;
  }
}
