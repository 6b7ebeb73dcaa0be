import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';

/** JSON-shaped fields (content, preview, evidence, before/after) travel as JSON text. */
@ObjectType('BaselineVersion')
export class BaselineVersionType {
  @Field(() => ID) id!: string;
  @Field(() => Int) number!: number;
  @Field(() => String) contentHash!: string;
  @Field(() => String) author!: string;
  @Field(() => String) message!: string;
  @Field(() => String) createdAt!: string;
}

@ObjectType('Pin')
export class PinType {
  @Field(() => String) environment!: string;
  @Field(() => ID) baselineId!: string;
  @Field(() => String) baselineName!: string;
  @Field(() => Int) version!: number;
  @Field(() => String) pinnedBy!: string;
  @Field(() => String) pinnedAt!: string;
}

@ObjectType('Baseline')
export class BaselineType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => Int, { nullable: true }) latestVersion!: number | null;
}

@ObjectType('Promotion')
export class PromotionType {
  @Field(() => ID) id!: string;
  @Field(() => ID) baselineId!: string;
  @Field(() => String) baselineName!: string;
  @Field(() => Int) version!: number;
  @Field(() => String) environment!: string;
  @Field(() => String) status!: string;
  @Field(() => Boolean) isRollback!: boolean;
  @Field(() => String) requestedBy!: string;
  @Field(() => String) requestedAt!: string;
  @Field(() => String, { nullable: true }) decidedBy!: string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => String, {
    description:
      'per target cluster: connectivity that would change, guardrails that would newly fail (JSON)',
  })
  previewJson!: string;
}

@ObjectType('DriftAlert')
export class DriftAlertType {
  @Field(() => ID) id!: string;
  @Field(() => ID) clusterId!: string;
  @Field(() => String) clusterName!: string;
  @Field(() => String) environment!: string;
  @Field(() => String, { nullable: true }) baselineName!: string | null;
  @Field(() => Int, { nullable: true }) baselineVersion!: number | null;
  @Field(() => String) kind!: string;
  @Field(() => String) severity!: string;
  @Field(() => String) subject!: string;
  @Field(() => String) fingerprint!: string;
  @Field(() => String) status!: string;
  @Field(() => String) firstSeenAt!: string;
  @Field(() => String) lastSeenAt!: string;
  @Field(() => String, { nullable: true }) acknowledgedBy!: string | null;
  @Field(() => String, { nullable: true }) acknowledgeComment!: string | null;
  @Field(() => String, { description: 'JSON' }) evidenceJson!: string;
}

@ObjectType('AuditEvent')
export class AuditEventType {
  @Field(() => ID) id!: string;
  @Field(() => String) actor!: string;
  @Field(() => String) action!: string;
  @Field(() => String) target!: string;
  @Field(() => String, { nullable: true, description: 'JSON' }) beforeJson!: string | null;
  @Field(() => String, { nullable: true, description: 'JSON' }) afterJson!: string | null;
  @Field(() => String) at!: string;
}

@InputType()
export class PromotionInput {
  @Field(() => ID) baselineId!: string;
  @Field(() => Int) version!: number;
  @Field(() => String) environment!: string;
  @Field(() => Boolean, { nullable: true }) rollback?: boolean;
  @Field(() => Boolean, { nullable: true }) immediate?: boolean;
}

@InputType()
export class AlertFilterInput {
  @Field(() => ID, { nullable: true }) clusterId?: string;
  @Field(() => String, { nullable: true }) environment?: string;
  @Field(() => String, { nullable: true }) severity?: string;
  @Field(() => String, { nullable: true }) status?: string;
  @Field(() => ID, { nullable: true }) baselineId?: string;
}
