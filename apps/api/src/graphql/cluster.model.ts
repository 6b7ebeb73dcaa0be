import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('NamespaceCoverage')
export class NamespaceCoverageType {
  @Field(() => String) namespace!: string;
  @Field(() => Int) totalPods!: number;
  @Field(() => Int) ingressIsolatedPods!: number;
  @Field(() => Int) egressIsolatedPods!: number;
}

@ObjectType('Coverage')
export class CoverageType {
  @Field(() => Int) totalPods!: number;
  @Field(() => Int) ingressIsolatedPods!: number;
  @Field(() => Int) egressIsolatedPods!: number;
  @Field(() => [NamespaceCoverageType]) namespaces!: NamespaceCoverageType[];
}

@ObjectType('Connection')
export class ConnectionType {
  @Field(() => String) src!: string;
  @Field(() => String) dst!: string;
  @Field(() => String) conn!: string;
}

@ObjectType('Label')
export class LabelType {
  @Field(() => String) key!: string;
  @Field(() => String) value!: string;
}

/** A cluster in GraphQL; `coverage` and `connectivity` resolve from its newest analysis. */
@ObjectType('Cluster')
export class ClusterType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) environment!: string;
  @Field(() => [LabelType]) labels!: LabelType[];
  @Field(() => String, { nullable: true }) lastSnapshotAt!: string | null;
}

@ObjectType('AgentToken')
export class AgentTokenType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'shown once' }) token!: string;
}
