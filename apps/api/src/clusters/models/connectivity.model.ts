import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

/** One row of a connectivity list, as `fenceline connlist --output json` prints it. */
@ObjectType('Connection')
export class ConnectionModel {
  @Field(() => String) src!: string;
  @Field(() => String) dst!: string;
  @Field(() => String) conn!: string;
}

@ObjectType('NamespaceCoverage')
export class NamespaceCoverageModel {
  @Field(() => String) namespace!: string;
  @Field(() => Int) totalPods!: number;
  @Field(() => Int) ingressIsolatedPods!: number;
  @Field(() => Int) egressIsolatedPods!: number;
}

/** Pods isolated for ingress / egress, in total and per namespace. */
@ObjectType('Coverage')
export class CoverageModel {
  @Field(() => Int) totalPods!: number;
  @Field(() => Int) ingressIsolatedPods!: number;
  @Field(() => Int) egressIsolatedPods!: number;
  @Field(() => [NamespaceCoverageModel]) namespaces!: NamespaceCoverageModel[];
}

@ObjectType('Label')
export class LabelModel {
  @Field(() => String) key!: string;
  @Field(() => String) value!: string;
}

/** A new agent token: the secret is in this answer only. */
@ObjectType('AgentToken')
export class AgentTokenModel {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'shown once' }) token!: string;
}
