import { Inject, UseGuards } from '@nestjs/common';
import { Args, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import {
  DataAccessError,
  WaiverRepository,
  type Principal,
  type Waiver,
} from '@fenceline/data-access';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, RequireRole } from '../auth/principal';
import { ComplianceService } from '../compliance/compliance.service';
import { waiverSchema } from '../compliance/waivers.controller';
import { WaiversService } from '../compliance/waivers.service';
import { ZodBody } from '../errors/zod-body.pipe';

@ObjectType('Waiver')
export class WaiverType {
  @Field(() => ID) id!: string;
  @Field(() => String) controlId!: string;
  @Field(() => String, { description: 'JSON: { cluster?, namespace?, workloadLabels? }' })
  scopeJson!: string;
  @Field(() => String) justification!: string;
  @Field(() => String) ticketUrl!: string;
  @Field(() => String) expiresAt!: string;
  @Field(() => String, { nullable: true }) approvedBy!: string | null;
  @Field(() => String, { nullable: true }) lastUsedAt!: string | null;
}

@InputType()
export class WaiverInput {
  @Field(() => String) controlId!: string;
  @Field(() => String, { nullable: true }) cluster?: string;
  @Field(() => String, { nullable: true }) namespace?: string;
  @Field(() => String, { nullable: true, description: 'JSON object of labels' })
  workloadLabelsJson?: string;
  @Field(() => String) justification!: string;
  @Field(() => String) ticketUrl!: string;
  @Field(() => String) expiresAt!: string;
}

const toWaiver = (w: Waiver): WaiverType => ({
  id: w.id,
  controlId: w.controlId,
  scopeJson: JSON.stringify(w.scope),
  justification: w.justification,
  ticketUrl: w.ticketUrl,
  expiresAt: w.expiresAt.toISOString(),
  approvedBy: w.approvedBy,
  lastUsedAt: w.lastUsedAt?.toISOString() ?? null,
});

const asOfDate = (asOf?: string | null): Date | undefined => {
  if (!asOf) return undefined;
  const date = new Date(asOf);
  if (Number.isNaN(date.getTime()))
    throw new DataAccessError('INVALID', `asOf: ${JSON.stringify(asOf)} is not a date`);
  return date;
};

/** Compliance reports (as JSON text: evidence is free-form) and waivers, through the same services as REST. */
@Resolver()
@UseGuards(ApiKeyGuard)
export class ComplianceResolver {
  constructor(
    @Inject(ComplianceService) private readonly service: ComplianceService,
    @Inject(WaiverRepository) private readonly waiverRepository: WaiverRepository,
    @Inject(WaiversService) private readonly waiverService: WaiversService,
  ) {}

  @Query(() => String, { description: 'fleet, environment and cluster summaries (JSON)' })
  @RequireRole('viewer')
  async complianceSummary(
    @CurrentPrincipal() actor: Principal,
    @Args('framework', { type: () => String }) framework: string,
    @Args('environment', { type: () => String, nullable: true }) environment?: string,
    @Args('asOf', { type: () => String, nullable: true }) asOf?: string,
  ): Promise<string> {
    const at = asOfDate(asOf);
    return JSON.stringify(
      await this.service.summary(actor, framework, {
        ...(environment ? { environment } : {}),
        ...(at ? { asOf: at } : {}),
      }),
    );
  }

  @Query(() => String, { description: 'a cluster’s results per control with evidence (JSON)' })
  @RequireRole('viewer')
  async clusterCompliance(
    @CurrentPrincipal() actor: Principal,
    @Args('clusterId', { type: () => ID }) clusterId: string,
    @Args('framework', { type: () => String }) framework: string,
    @Args('asOf', { type: () => String, nullable: true }) asOf?: string,
  ): Promise<string> {
    return JSON.stringify(
      await this.service.clusterReport(actor, clusterId, framework, asOfDate(asOf)),
    );
  }

  @Query(() => [WaiverType])
  @RequireRole('viewer')
  async waivers(@CurrentPrincipal() actor: Principal): Promise<WaiverType[]> {
    return (await this.waiverRepository.list(actor.organizationId)).map(toWaiver);
  }

  @Mutation(() => WaiverType)
  @RequireRole('editor')
  async requestWaiver(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { type: () => WaiverInput }) input: WaiverInput,
  ): Promise<WaiverType> {
    let workloadLabels: unknown;
    try {
      workloadLabels = input.workloadLabelsJson ? JSON.parse(input.workloadLabelsJson) : undefined;
    } catch {
      throw new DataAccessError('INVALID', 'workloadLabelsJson: not JSON');
    }
    const body = new ZodBody(waiverSchema).transform({
      controlId: input.controlId,
      scope: {
        ...(input.cluster ? { cluster: input.cluster } : {}),
        ...(input.namespace ? { namespace: input.namespace } : {}),
        ...(workloadLabels !== undefined ? { workloadLabels } : {}),
      },
      justification: input.justification,
      ticketUrl: input.ticketUrl,
      expiresAt: input.expiresAt,
    });
    return toWaiver(await this.waiverService.request(actor, body));
  }

  @Mutation(() => WaiverType)
  @RequireRole('approver')
  async approveWaiver(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<WaiverType> {
    return toWaiver(await this.waiverService.approve(actor, id));
  }
}
