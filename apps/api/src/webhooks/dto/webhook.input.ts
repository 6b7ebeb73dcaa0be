import { Field, InputType } from '@nestjs/graphql';

/** GraphQL `createWebhook` input: validated with the REST body schema. */
@InputType()
export class CreateWebhookInput {
  @Field(() => String) url!: string;
  @Field(() => [String], {
    description:
      'event types: alert.opened, alert.resolved, promotion.requested, promotion.approved, promotion.rejected',
  })
  events!: string[];
  @Field(() => String, { nullable: true, description: 'json (default) or slack' }) format?:
    string | null;
}
