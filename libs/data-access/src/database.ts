import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';

/**
 * A connection to the Fenceline database: Prisma over the pg driver adapter (no query-engine
 * binary). Repositories take it; only this library sees Prisma.
 */
export class Database {
  /** @internal used by the repositories of this library */
  readonly prisma: PrismaClient;

  constructor(databaseUrl: string) {
    this.prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  }

  /** Checks the connection (for readiness probes). */
  async ping(): Promise<void> {
    await this.prisma.$queryRaw`SELECT 1`;
  }

  async close(): Promise<void> {
    await this.prisma.$disconnect();
  }
}
