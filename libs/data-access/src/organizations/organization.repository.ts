import type { Database } from '../database';
import { jsonObjectSchema, parseColumn } from '../stored-json';
import { DataAccessError, isUniqueViolation } from '../data-access-error';
import { auditIn, type Transaction } from '../audit/audit-in-transaction';

export interface Organization {
  readonly id: string;
  readonly name: string;
  readonly createdAt: Date;
  readonly environments: readonly string[];
}

/** An organization's compliance settings as stored (PCI CDE and flows) and the history retention. */
export interface ComplianceSettingsRecord {
  readonly settings: Readonly<Record<string, unknown>>;
  readonly retentionDays: number;
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

  /** The organization's compliance settings and history retention. */
  async complianceSettings(organizationId: string): Promise<ComplianceSettingsRecord> {
    return readSettings(this.db.prisma, organizationId);
  }

  /**
   * Replaces the compliance settings (and the retention, when given); the change and its
   * `compliance.settings.updated` event (before and after) are one transaction.
   */
  async updateComplianceSettings(
    organizationId: string,
    input: { settings: Readonly<Record<string, unknown>>; retentionDays?: number },
    audit: { actor: string },
  ): Promise<ComplianceSettingsRecord> {
    return this.db.prisma.$transaction(async (tx) => {
      const before = await readSettings(tx, organizationId);
      await tx.organization.update({
        where: { id: organizationId },
        data: {
          complianceSettings: { ...input.settings } as object,
          ...(input.retentionDays !== undefined
            ? { complianceRetentionDays: input.retentionDays }
            : {}),
        },
      });
      const after = await readSettings(tx, organizationId);
      await auditIn(tx, organizationId, {
        actor: audit.actor,
        action: 'compliance.settings.updated',
        target: `organization/${organizationId}/compliance`,
        before: { ...before.settings, retentionDays: before.retentionDays },
        after: { ...after.settings, retentionDays: after.retentionDays },
      });
      return after;
    });
  }
}

async function readSettings(
  tx: Pick<Transaction, 'organization'>,
  organizationId: string,
): Promise<ComplianceSettingsRecord> {
  const row = await tx.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { complianceSettings: true, complianceRetentionDays: true },
  });
  // The API validates the settings' shape when they are written; stored, they are an object.
  return {
    settings: parseColumn(jsonObjectSchema, row.complianceSettings, {
      table: 'Organization',
      id: organizationId,
      field: 'complianceSettings',
    }),
    retentionDays: row.complianceRetentionDays,
  };
}
