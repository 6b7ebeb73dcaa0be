import { randomUUID } from 'node:crypto';
import { Database } from '../src/database';
import {
  OrganizationRepository,
  type Organization,
} from '../src/organizations/organization.repository';

/** The migrated test database (see test/global-setup.js). */
export function testDatabase(): Database {
  return new Database(
    process.env['FENCELINE_TEST_DATABASE_URL'] ??
      'postgresql://postgres@127.0.0.1:5432/fenceline_test',
  );
}

/** A fresh organization per test: tests never see each other's rows. */
export function newOrganization(db: Database): Promise<Organization> {
  return new OrganizationRepository(db).create(`test-${randomUUID()}`);
}
