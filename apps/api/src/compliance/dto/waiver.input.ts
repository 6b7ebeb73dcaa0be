import { Field, InputType } from '@nestjs/graphql';

/** GraphQL `requestWaiver(input)`: flattened scope, validated with the REST body schema. */
@InputType('WaiverInput')
export class WaiverInput {
  @Field(() => String) controlId!: string;
  @Field(() => String, { nullable: true }) cluster?: string | null;
  @Field(() => String, { nullable: true }) namespace?: string | null;
  @Field(() => String, { nullable: true, description: 'JSON object of labels' })
  workloadLabelsJson?: string | null;
  @Field(() => String) justification!: string;
  @Field(() => String) ticketUrl!: string;
  @Field(() => String) expiresAt!: string;
}
