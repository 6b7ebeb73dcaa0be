import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { Promotion, PromotionStatus } from '@fenceline/data-access';
import { PROMOTION_STATUSES } from '../dto/promotion.dto';

/** The GraphQL enum of promotion statuses (values as in REST). */
export const PromotionStatusEnum = Object.fromEntries(PROMOTION_STATUSES.map((s) => [s, s])) as {
  [K in PromotionStatus]: K;
};
registerEnumType(PromotionStatusEnum, { name: 'PromotionStatus' });

/**
 * A promotion as both transports show it. REST carries the `preview` as JSON; GraphQL as the
 * `previewJson` text (resolved from it).
 */
@ObjectType('Promotion')
export class PromotionModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) baselineId!: string;
  @Field(() => String) baselineName!: string;
  @Field(() => Int) version!: number;
  @Field(() => ID) baselineVersionId!: string;
  @Field(() => String) environment!: string;
  @Field(() => ID) environmentId!: string;
  @Field(() => PromotionStatusEnum) status!: PromotionStatus;
  @Field(() => Boolean) isRollback!: boolean;
  @Field(() => String) requestedBy!: string;
  @Field(() => String) requestedAt!: string;
  @Field(() => String, { nullable: true }) decidedBy!: string | null;
  @Field(() => String, { nullable: true }) decidedAt!: string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => String, { nullable: true }) appliedAt!: string | null;
  preview!: unknown;
}

/** The one mapper of a promotion. */
export function toPromotionModel(p: Promotion): PromotionModel {
  return {
    ...p,
    requestedAt: p.requestedAt.toISOString(),
    decidedAt: p.decidedAt?.toISOString() ?? null,
    appliedAt: p.appliedAt?.toISOString() ?? null,
  };
}
