import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { AuditEvent } from '@fenceline/data-access';

/**
 * An audit event as both transports show it: REST carries `before` / `after` as JSON, GraphQL
 * as `beforeJson` / `afterJson` text (resolved from them).
 */
@ObjectType('AuditEvent')
export class AuditEventModel {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'api-key:<id> (<name>) or system:<component>' })
  actor!: string;
  @Field(() => String, { description: '<noun>.<past participle>, e.g. cluster.created' })
  action!: string;
  @Field(() => String) target!: string;
  before!: unknown;
  after!: unknown;
  @Field(() => String) at!: string;
}

export function toAuditEventModel(e: AuditEvent): AuditEventModel {
  return { ...e, at: e.at.toISOString() };
}
