import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { StoredEvidencePack, Waiver, WaiverScope } from '@fenceline/data-access';

/**
 * A waiver as both transports show it: REST carries the `scope` as JSON, GraphQL as the
 * `scopeJson` text (resolved from it).
 */
@ObjectType('Waiver')
export class WaiverModel {
  @Field(() => ID) id!: string;
  @Field(() => String) controlId!: string;
  scope!: WaiverScope;
  @Field(() => String) justification!: string;
  @Field(() => String) ticketUrl!: string;
  @Field(() => String) requestedBy!: string;
  @Field(() => String, { nullable: true }) approvedBy!: string | null;
  @Field(() => String, { nullable: true }) approvedAt!: string | null;
  @Field(() => String) expiresAt!: string;
  @Field(() => String) createdAt!: string;
  @Field(() => String, { nullable: true }) lastUsedAt!: string | null;
}

export function toWaiverModel(w: Waiver): WaiverModel {
  return {
    ...w,
    approvedAt: w.approvedAt?.toISOString() ?? null,
    expiresAt: w.expiresAt.toISOString(),
    createdAt: w.createdAt.toISOString(),
    lastUsedAt: w.lastUsedAt?.toISOString() ?? null,
  };
}

/** An evidence pack's record (REST only): status, hashes, manifest. */
export interface EvidencePackModel {
  readonly id: string;
  readonly scope: string;
  readonly framework: string;
  readonly status: string;
  readonly asOf: string | null;
  readonly error: string | null;
  readonly sha256: string | null;
  readonly previousSha256: string | null;
  readonly manifest: unknown;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly readyAt: string | null;
}

export function toPackModel(p: StoredEvidencePack): EvidencePackModel {
  return {
    ...p,
    asOf: p.asOf?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
    readyAt: p.readyAt?.toISOString() ?? null,
  };
}
