import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

/** Control results counted by outcome. */
@ObjectType('ComplianceCounts')
export class ComplianceCountsModel {
  @Field(() => Int) pass!: number;
  @Field(() => Int) fail!: number;
  @Field(() => Int) notApplicable!: number;
  @Field(() => Int) waived!: number;
}

/** The fleet's (or an environment's) aggregate for a framework. */
@ObjectType('ComplianceAggregate')
export class ComplianceAggregateModel {
  @Field(() => Int) clusters!: number;
  @Field(() => Float, { description: 'mean cluster score, 0–1 (1 without clusters)' })
  score!: number;
  @Field(() => ComplianceCountsModel) summary!: ComplianceCountsModel;
  @Field(() => [String]) failingControls!: string[];
}

@ObjectType('EnvironmentCompliance')
export class EnvironmentComplianceModel extends ComplianceAggregateModel {
  @Field(() => String) environment!: string;
}

@ObjectType('ClusterComplianceSummary')
export class ClusterComplianceSummaryModel {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) environment!: string;
  @Field(() => ID) snapshotId!: string;
  @Field(() => String) evaluatedAt!: string;
  @Field(() => Float) score!: number;
  @Field(() => ComplianceCountsModel) summary!: ComplianceCountsModel;
}

/** `GET /v1/compliance/summary` as a typed GraphQL object (the JSON text stays as `complianceSummary`). */
@ObjectType('ComplianceSummary')
export class ComplianceSummaryModel {
  @Field(() => String) framework!: string;
  @Field(() => String) version!: string;
  @Field(() => String) title!: string;
  @Field(() => String) asOf!: string;
  @Field(() => ComplianceAggregateModel) fleet!: ComplianceAggregateModel;
  @Field(() => [EnvironmentComplianceModel]) environments!: EnvironmentComplianceModel[];
  @Field(() => [ClusterComplianceSummaryModel]) clusters!: ClusterComplianceSummaryModel[];
}
