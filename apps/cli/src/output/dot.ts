/** What a node of the connectivity graph stands for; it decides the node's shape. */
export type GraphNodeKind = 'workload' | 'external' | 'ingress-controller';

export interface GraphEdge {
  readonly src: string;
  readonly dst: string;
  readonly label: string;
}

const NODE_STYLE: Readonly<Record<GraphNodeKind, string>> = {
  workload: 'shape=box',
  external: 'shape=ellipse, style=dashed',
  'ingress-controller': 'shape=diamond',
};

/**
 * A Graphviz digraph: one node per peer (workloads as boxes, external ranges as dashed ellipses,
 * the ingress controller as a diamond) and one labelled edge per allowed connection.
 *
 * @example toDot(new Map([['a', 'workload']]), []) // 'digraph connlist {\n  "a" [shape=box];\n}\n'
 */
export function toDot(
  nodes: ReadonlyMap<string, GraphNodeKind>,
  edges: readonly GraphEdge[],
): string {
  const lines = ['digraph connlist {'];
  for (const [id, kind] of nodes) lines.push(`  ${quote(id)} [${NODE_STYLE[kind]}];`);
  for (const edge of edges)
    lines.push(`  ${quote(edge.src)} -> ${quote(edge.dst)} [label=${quote(edge.label)}];`);
  lines.push('}');
  return lines.join('\n') + '\n';
}

function quote(id: string): string {
  return `"${id.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
