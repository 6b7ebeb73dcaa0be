import { Inject, UseGuards } from '@nestjs/common';
import {
  Args,
  ID,
  Mutation,
  ObjectType,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import type { AlertSeverity, AlertStatus, Principal } from '@fenceline/data-access';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, RequireRole } from '../auth/principal';
import { validate } from '../errors/validate';
import { listQuery, type PageArgsShape } from '../pagination/page.args';
import { Connection, toConnection, type ConnectionShape } from '../pagination/connection';
import { pageRequest } from '../pagination/page-query';
import { AlertsService } from './alerts.service';
import {
  acceptConnectivitySchema,
  acknowledgeAlertSchema,
  listAlertsSchema,
} from './dto/alert.dto';
import { AlertFilterInput, AlertPageArgs } from './dto/alert.input';
import {
  AcceptedReferenceModel,
  AlertModel,
  AlertSeverityEnum,
  AlertStatusEnum,
} from './models/alert.model';
import { ReferencesService } from './references.service';

@ObjectType('DriftAlertConnection')
export class AlertConnection extends Connection(AlertModel) {}

/** Drift alerts in GraphQL: the REST operations, through the same services and schemas. */
@Resolver(() => AlertModel)
@UseGuards(ApiKeyGuard)
export class AlertsResolver {
  constructor(
    @Inject(AlertsService) private readonly service: AlertsService,
    @Inject(ReferencesService) private readonly references: ReferencesService,
  ) {}

  @Query(() => [AlertModel], {
    description: 'the first page of alerts, most severe first, then most recently seen',
  })
  @RequireRole('viewer')
  async alerts(
    @CurrentPrincipal() actor: Principal,
    @Args() page: AlertPageArgs,
    @Args('filter', { type: () => AlertFilterInput, nullable: true }) filter?: AlertFilterInput,
  ): Promise<AlertModel[]> {
    return (await this.page(actor, page, { ...filter })).nodes;
  }

  @Query(() => AlertConnection, { description: 'alerts page by page, filtered with enums' })
  @RequireRole('viewer')
  alertConnection(
    @CurrentPrincipal() actor: Principal,
    @Args() page: AlertPageArgs,
    @Args('clusterId', { type: () => ID, nullable: true }) clusterId?: string | null,
    @Args('environment', { type: () => String, nullable: true }) environment?: string | null,
    @Args('severity', { type: () => AlertSeverityEnum, nullable: true })
    severity?: AlertSeverity | null,
    @Args('status', { type: () => AlertStatusEnum, nullable: true }) status?: AlertStatus | null,
    @Args('baselineId', { type: () => ID, nullable: true }) baselineId?: string | null,
  ): Promise<ConnectionShape<AlertModel>> {
    return this.page(actor, page, {
      clusterId,
      environment,
      severity,
      status,
      baselineId,
    });
  }

  @Query(() => AlertModel)
  @RequireRole('viewer')
  alert(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<AlertModel> {
    return this.service.get(actor, id);
  }

  @ResolveField(() => String, { description: 'the evidence (JSON)' })
  evidenceJson(@Parent() alert: AlertModel): string {
    return JSON.stringify(alert.evidence ?? null);
  }

  @Mutation(() => AlertModel)
  @RequireRole('editor')
  acknowledgeAlert(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('comment', { type: () => String }) comment: string,
  ): Promise<AlertModel> {
    return this.service.acknowledge(
      actor,
      id,
      validate(acknowledgeAlertSchema, { comment }, 'arguments'),
    );
  }

  @Mutation(() => String, {
    description:
      'accept the cluster’s current connectivity as its reference under the baseline (JSON of the new reference)',
  })
  @RequireRole('editor')
  async acceptConnectivity(
    @CurrentPrincipal() actor: Principal,
    @Args('clusterId', { type: () => ID }) clusterId: string,
    @Args('baselineId', { type: () => ID }) baselineId: string,
    @Args('comment', { type: () => String }) comment: string,
  ): Promise<string> {
    const input = validate(acceptConnectivitySchema, { comment }, 'arguments');
    return JSON.stringify(
      (await this.references.accept(
        actor,
        clusterId,
        baselineId,
        input.comment,
      )) satisfies AcceptedReferenceModel,
    );
  }

  private async page(
    actor: Principal,
    page: PageArgsShape,
    filters: Record<string, unknown>,
  ): Promise<ConnectionShape<AlertModel>> {
    const { limit, cursor, ...filter } = listQuery(listAlertsSchema, page, filters);
    const found = await this.service.list(actor, filter, pageRequest({ limit, cursor }));
    return toConnection(found, (a) => a);
  }
}
