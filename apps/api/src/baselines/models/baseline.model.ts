import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Baseline, BaselineVersion, Pin } from '@fenceline/data-access';

/** A baseline and its latest version number. */
@ObjectType('Baseline')
export class BaselineModel {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) createdAt!: string;
  @Field(() => Int, { nullable: true }) latestVersion!: number | null;
}

/** An immutable version of a baseline (REST adds its `content` where one version is asked for). */
@ObjectType('BaselineVersion')
export class BaselineVersionModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) baselineId!: string;
  @Field(() => Int) number!: number;
  @Field(() => String) contentHash!: string;
  @Field(() => String) author!: string;
  @Field(() => String) message!: string;
  @Field(() => String) createdAt!: string;
}

/** The version an environment runs of a baseline. */
@ObjectType('Pin')
export class PinModel {
  @Field(() => String) environment!: string;
  @Field(() => ID) baselineId!: string;
  @Field(() => String) baselineName!: string;
  @Field(() => Int) version!: number;
  @Field(() => String) contentHash!: string;
  @Field(() => String) pinnedBy!: string;
  @Field(() => String) pinnedAt!: string;
  @Field(() => ID, { nullable: true }) promotionId!: string | null;
}

export function toBaselineModel(b: Baseline): BaselineModel {
  return {
    id: b.id,
    name: b.name,
    createdAt: b.createdAt.toISOString(),
    latestVersion: b.latestVersion,
  };
}

export function toVersionModel(v: BaselineVersion): BaselineVersionModel {
  return {
    id: v.id,
    baselineId: v.baselineId,
    number: v.number,
    contentHash: v.contentHash,
    author: v.author,
    message: v.message,
    createdAt: v.createdAt.toISOString(),
  };
}

export function toPinModel(p: Pin): PinModel {
  return {
    environment: p.environment,
    baselineId: p.baselineId,
    baselineName: p.baselineName,
    version: p.version.number,
    contentHash: p.version.contentHash,
    pinnedBy: p.pinnedBy,
    pinnedAt: p.pinnedAt.toISOString(),
    promotionId: p.promotionId,
  };
}
