import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { PageArgsOf } from '../../pagination/page.args';
import { ALERT_PAGE_SIZES } from './alert.dto';

/** GraphQL `alerts(filter)`: the REST query's filters (strings, as documented), validated alike. */
@InputType('AlertFilterInput')
export class AlertFilterInput {
  @Field(() => ID, { nullable: true }) clusterId?: string | null;
  @Field(() => String, { nullable: true }) environment?: string | null;
  @Field(() => String, { nullable: true }) severity?: string | null;
  @Field(() => String, { nullable: true }) status?: string | null;
  @Field(() => ID, { nullable: true }) baselineId?: string | null;
}

/** The page arguments of `alerts` and `alertConnection` (up to 5,000 per page). */
@ArgsType()
export class AlertPageArgs extends PageArgsOf(ALERT_PAGE_SIZES) {}
