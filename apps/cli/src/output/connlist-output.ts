import type { ConnlistRow } from '@fenceline/netpol';
import { toCsv } from './csv';
import { toDot, type GraphNodeKind } from './dot';
import { toMarkdownTable } from './markdown';

export const CONNLIST_FORMATS = ['txt', 'json', 'csv', 'md', 'dot'] as const;
export type ConnlistFormat = (typeof CONNLIST_FORMATS)[number];

const INGRESS_CONTROLLER = '{ingress-controller}';

/**
 * Renders a connectivity list. `workloads` are every workload of the inventory, so that the
 * graph also shows those with no allowed connection.
 *
 * @example formatConnlist(rows, 'txt', []) // 'shop/web[Deployment] => shop/db[StatefulSet] : TCP 5432\n'
 */
export function formatConnlist(
  rows: readonly ConnlistRow[],
  format: ConnlistFormat,
  workloads: readonly string[],
): string {
  const table = rows.map((r) => [r.src, r.dst, r.conn.toString()] as const);
  switch (format) {
    case 'txt':
      return table.map(([src, dst, conn]) => `${src} => ${dst} : ${conn}\n`).join('');
    case 'json':
      return `${JSON.stringify(
        table.map(([src, dst, conn]) => ({ src, dst, conn })),
        null,
        2,
      )}\n`;
    case 'csv':
      return toCsv(['src', 'dst', 'conn'], table);
    case 'md':
      return toMarkdownTable(['src', 'dst', 'conn'], table);
    case 'dot': {
      const nodes = new Map<string, GraphNodeKind>();
      for (const w of [...workloads].sort()) nodes.set(w, 'workload');
      for (const [src, dst] of table) {
        for (const peer of [src, dst]) if (!nodes.has(peer)) nodes.set(peer, nodeKind(peer));
      }
      return toDot(
        nodes,
        table.map(([src, dst, label]) => ({ src, dst, label })),
      );
    }
  }
}

function nodeKind(peer: string): GraphNodeKind {
  if (peer === INGRESS_CONTROLLER) return 'ingress-controller';
  return peer.endsWith('[External]') ? 'external' : 'workload';
}
