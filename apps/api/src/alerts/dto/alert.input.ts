import { Field, ID, InputType } from '@nestjs/graphql';

/** GraphQL `alerts(filter)`: the REST query's filters (strings, as documented), validated alike. */
@InputType('AlertFilterInput')
export class AlertFilterInput {
  @Field(() => ID, { nullable: true }) clusterId?: string | null;
  @Field(() => String, { nullable: true }) environment?: string | null;
  @Field(() => String, { nullable: true }) severity?: string | null;
  @Field(() => String, { nullable: true }) status?: string | null;
  @Field(() => ID, { nullable: true }) baselineId?: string | null;
}
