import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type SelectionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

/** Refuses queries nested deeper than `maxDepth` fields. */
export function depthLimit(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const depth = selectionDepth(context, node.selectionSet, new Set());
      if (depth > maxDepth)
        context.reportError(
          new GraphQLError(`query depth ${depth} exceeds the limit of ${maxDepth}`, {
            extensions: { code: 'QUERY_TOO_DEEP' },
          }),
        );
    },
  });
}

/** Refuses queries that select more than `maxFields` fields in all (a simple complexity bound). */
export function complexityLimit(maxFields: number) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const fields = countFields(context, node.selectionSet, new Set());
      if (fields > maxFields)
        context.reportError(
          new GraphQLError(`query selects ${fields} fields, more than ${maxFields}`, {
            extensions: { code: 'QUERY_TOO_COMPLEX' },
          }),
        );
    },
  });
}

/**
 * The selection set a selection stands for, and the fragments on the way to it. A named fragment
 * counts every time it is spread (that is what the server executes); only a cycle stops, and a
 * cycle is invalid GraphQL anyway.
 */
function inner(
  context: ValidationContext,
  s: SelectionNode,
  path: ReadonlySet<string>,
): [SelectionSetNode | undefined, ReadonlySet<string>] {
  if (s.kind === Kind.FIELD || s.kind === Kind.INLINE_FRAGMENT) return [s.selectionSet, path];
  if (path.has(s.name.value)) return [undefined, path];
  return [context.getFragment(s.name.value)?.selectionSet, new Set([...path, s.name.value])];
}

function selectionDepth(
  context: ValidationContext,
  set: SelectionSetNode | undefined,
  path: ReadonlySet<string>,
): number {
  if (!set) return 0;
  let max = 0;
  for (const s of set.selections) {
    const [below, next] = inner(context, s, path);
    const depth = (s.kind === Kind.FIELD ? 1 : 0) + selectionDepth(context, below, next);
    if (depth > max) max = depth;
  }
  return max;
}

function countFields(
  context: ValidationContext,
  set: SelectionSetNode | undefined,
  path: ReadonlySet<string>,
): number {
  if (!set) return 0;
  let n = 0;
  for (const s of set.selections) {
    const [below, next] = inner(context, s, path);
    n += (s.kind === Kind.FIELD ? 1 : 0) + countFields(context, below, next);
  }
  return n;
}
