import { Field, InputType } from '@nestjs/graphql';

@InputType('LabelInput')
export class LabelInput {
  @Field(() => String) key!: string;
  @Field(() => String) value!: string;
}

/** GraphQL `createCluster(input)`: validated with the REST body schema. */
@InputType('CreateClusterInput')
export class CreateClusterInput {
  @Field(() => String) name!: string;
  @Field(() => String) environment!: string;
  @Field(() => [LabelInput], { nullable: true }) labels?: LabelInput[] | null;
}
