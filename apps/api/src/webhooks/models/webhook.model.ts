import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

/** A webhook subscription as the API shows it (REST and GraphQL): never its secret. */
@ObjectType('Webhook')
export class WebhookModel {
  @Field(() => ID) id!: string;
  @Field(() => String) url!: string;
  @Field(() => [String]) events!: string[];
  @Field(() => String, { description: 'json or slack' }) format!: string;
  @Field(() => Boolean) active!: boolean;
  @Field(() => Int, { description: 'failed deliveries since the last successful one' })
  consecutiveFailures!: number;
  @Field(() => String, { nullable: true }) disabledAt!: string | null;
  @Field(() => String, { nullable: true }) disabledReason!: string | null;
  @Field(() => String) createdAt!: string;
}

/** The answer to a creation: the only time the signing secret is shown. */
@ObjectType('CreatedWebhook')
export class CreatedWebhookModel {
  @Field(() => ID) id!: string;
  @Field(() => String) url!: string;
  @Field(() => [String]) events!: string[];
  @Field(() => String) format!: string;
  @Field(() => Boolean) active!: boolean;
  @Field(() => String) createdAt!: string;
  @Field(() => String, { description: 'HMAC-SHA256 signing secret; shown once' }) secret!: string;
}

/** One event sent (or being sent) to one subscription. */
@ObjectType('WebhookDelivery')
export class WebhookDeliveryModel {
  @Field(() => ID) id!: string;
  @Field(() => String) eventId!: string;
  @Field(() => String) event!: string;
  @Field(() => String, { description: 'pending, delivered or failed' }) status!: string;
  @Field(() => Int) attempts!: number;
  @Field(() => Int, { nullable: true }) lastStatusCode!: number | null;
  @Field(() => String, { nullable: true, description: 'the latest failed attempt’s error' })
  lastError!: string | null;
  @Field(() => String, { nullable: true }) lastAttemptAt!: string | null;
  @Field(() => String) createdAt!: string;
  @Field(() => String, { nullable: true }) deliveredAt!: string | null;
}
