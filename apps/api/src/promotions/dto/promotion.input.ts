import { Field, ID, InputType, Int } from '@nestjs/graphql';

/** GraphQL `requestPromotion(input)`: validated with the REST body schema. */
@InputType('PromotionInput')
export class PromotionInput {
  @Field(() => ID) baselineId!: string;
  @Field(() => Int) version!: number;
  @Field(() => String) environment!: string;
  @Field(() => Boolean, { nullable: true }) rollback?: boolean | null;
  @Field(() => Boolean, { nullable: true }) immediate?: boolean | null;
}
