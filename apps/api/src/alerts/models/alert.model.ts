import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { AlertSeverity, AlertStatus, DriftAlert } from '@fenceline/data-access';
import { ALERT_SEVERITIES, ALERT_STATUSES } from '../dto/alert.dto';

/** GraphQL enums of the alert vocabulary (values as in REST). */
export const AlertSeverityEnum = Object.fromEntries(ALERT_SEVERITIES.map((s) => [s, s])) as {
  [K in AlertSeverity]: K;
};
export const AlertStatusEnum = Object.fromEntries(ALERT_STATUSES.map((s) => [s, s])) as {
  [K in AlertStatus]: K;
};
registerEnumType(AlertSeverityEnum, { name: 'AlertSeverity' });
registerEnumType(AlertStatusEnum, { name: 'AlertStatus' });

/**
 * A drift alert as both transports show it. REST carries `evidence` as JSON; GraphQL as the
 * `evidenceJson` text (resolved from it).
 */
@ObjectType('DriftAlert')
export class AlertModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) clusterId!: string;
  @Field(() => String) clusterName!: string;
  @Field(() => String) environment!: string;
  @Field(() => ID, { nullable: true }) baselineId!: string | null;
  @Field(() => String, { nullable: true }) baselineName!: string | null;
  @Field(() => Int, { nullable: true }) baselineVersion!: number | null;
  @Field(() => String) kind!: string;
  @Field(() => AlertSeverityEnum) severity!: AlertSeverity;
  @Field(() => String) subject!: string;
  @Field(() => String) fingerprint!: string;
  @Field(() => AlertStatusEnum) status!: AlertStatus;
  evidence!: unknown;
  @Field(() => String) firstSeenAt!: string;
  @Field(() => String) lastSeenAt!: string;
  @Field(() => ID, { nullable: true }) lastSnapshotId!: string | null;
  @Field(() => String, { nullable: true }) acknowledgedBy!: string | null;
  @Field(() => String, { nullable: true }) acknowledgedAt!: string | null;
  @Field(() => String, { nullable: true }) acknowledgeComment!: string | null;
  @Field(() => String, { nullable: true }) resolvedAt!: string | null;
  @Field(() => Int) reopenCount!: number;
}

/** The one mapper of a drift alert. */
export function toAlertModel(a: DriftAlert): AlertModel {
  return {
    ...a,
    firstSeenAt: a.firstSeenAt.toISOString(),
    lastSeenAt: a.lastSeenAt.toISOString(),
    acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
    resolvedAt: a.resolvedAt?.toISOString() ?? null,
  };
}

/** A connectivity accepted as a cluster's reference under a baseline. */
@ObjectType('AcceptedReference')
export class AcceptedReferenceModel {
  @Field(() => ID) clusterId!: string;
  @Field(() => ID) baselineId!: string;
  @Field(() => ID) snapshotId!: string;
  @Field(() => Int) rows!: number;
  @Field(() => String) acceptedBy!: string;
  @Field(() => String) acceptedAt!: string;
}
