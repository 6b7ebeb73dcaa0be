import { Inject, UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DomainError } from '@fenceline/contracts';
import type { Principal } from '@fenceline/data-access';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, RequireRole } from '../auth/principal';
import { presentArgs, validate } from '../errors/validate';
import { listQuery, PageArgs } from '../pagination/page.args';
import { pageOnlySchema, pageRequest } from '../pagination/page-query';
import { ComplianceService } from './compliance.service';
import { asOfQuerySchema, summaryQuerySchema } from './dto/compliance.dto';
import { requestWaiverSchema } from './dto/waiver.dto';
import { WaiverInput } from './dto/waiver.input';
import { ComplianceSummaryModel } from './models/compliance-summary.model';
import { WaiverModel } from './models/waiver.model';
import { WaiversService } from './waivers.service';

/** Compliance reports and waivers in GraphQL, through the same services and schemas as REST. */
@Resolver(() => WaiverModel)
@UseGuards(ApiKeyGuard)
export class ComplianceResolver {
  constructor(
    @Inject(ComplianceService) private readonly service: ComplianceService,
    @Inject(WaiversService) private readonly waiverService: WaiversService,
  ) {}

  @Query(() => ComplianceSummaryModel, {
    description: 'fleet, environment and cluster summaries of a framework, typed',
  })
  @RequireRole('viewer')
  complianceReport(
    @CurrentPrincipal() actor: Principal,
    @Args('framework', { type: () => String }) framework: string,
    @Args('environment', { type: () => String, nullable: true }) environment?: string | null,
    @Args('asOf', { type: () => String, nullable: true }) asOf?: string | null,
  ): Promise<ComplianceSummaryModel> {
    const q = validate(
      summaryQuerySchema,
      presentArgs({ framework, environment, asOf }),
      'arguments',
    );
    return this.service.summary(actor, q.framework, {
      ...(q.environment ? { environment: q.environment } : {}),
      ...(q.asOf ? { asOf: new Date(q.asOf) } : {}),
    });
  }

  @Query(() => String, {
    description: 'fleet, environment and cluster summaries (JSON text; typed: complianceReport)',
  })
  @RequireRole('viewer')
  async complianceSummary(
    @CurrentPrincipal() actor: Principal,
    @Args('framework', { type: () => String }) framework: string,
    @Args('environment', { type: () => String, nullable: true }) environment?: string | null,
    @Args('asOf', { type: () => String, nullable: true }) asOf?: string | null,
  ): Promise<string> {
    return JSON.stringify(await this.complianceReport(actor, framework, environment, asOf));
  }

  @Query(() => String, { description: 'a cluster’s results per control with evidence (JSON)' })
  @RequireRole('viewer')
  async clusterCompliance(
    @CurrentPrincipal() actor: Principal,
    @Args('clusterId', { type: () => ID }) clusterId: string,
    @Args('framework', { type: () => String }) framework: string,
    @Args('asOf', { type: () => String, nullable: true }) asOf?: string | null,
  ): Promise<string> {
    const q = validate(asOfQuerySchema, presentArgs({ asOf }), 'arguments');
    return JSON.stringify(
      await this.service.clusterReport(
        actor,
        clusterId,
        framework,
        q.asOf ? new Date(q.asOf) : undefined,
      ),
    );
  }

  @Query(() => [WaiverModel], { description: 'the first page of waivers, oldest first' })
  @RequireRole('viewer')
  async waivers(
    @CurrentPrincipal() actor: Principal,
    @Args() page: PageArgs,
  ): Promise<WaiverModel[]> {
    const q = listQuery(pageOnlySchema, page);
    return (await this.waiverService.list(actor, pageRequest(q))).items;
  }

  @ResolveField(() => String, { description: 'JSON: { cluster?, namespace?, workloadLabels? }' })
  scopeJson(@Parent() waiver: WaiverModel): string {
    return JSON.stringify(waiver.scope);
  }

  @Mutation(() => WaiverModel)
  @RequireRole('editor')
  requestWaiver(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { type: () => WaiverInput }) input: WaiverInput,
  ): Promise<WaiverModel> {
    let workloadLabels: unknown;
    try {
      workloadLabels = input.workloadLabelsJson ? JSON.parse(input.workloadLabelsJson) : undefined;
    } catch {
      throw new DomainError('INVALID', 'invalid request arguments', [
        { path: 'workloadLabelsJson', message: 'not JSON' },
      ]);
    }
    const body = validate(
      requestWaiverSchema,
      {
        controlId: input.controlId,
        scope: {
          ...(input.cluster ? { cluster: input.cluster } : {}),
          ...(input.namespace ? { namespace: input.namespace } : {}),
          ...(workloadLabels !== undefined ? { workloadLabels } : {}),
        },
        justification: input.justification,
        ticketUrl: input.ticketUrl,
        expiresAt: input.expiresAt,
      },
      'arguments',
    );
    return this.waiverService.request(actor, body);
  }

  @Mutation(() => WaiverModel)
  @RequireRole('approver')
  approveWaiver(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<WaiverModel> {
    return this.waiverService.approve(actor, id);
  }
}
