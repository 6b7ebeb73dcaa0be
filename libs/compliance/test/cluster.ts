import { buildInventory, parseDocuments, type Inventory } from '@fenceline/netpol';
import type { ComplianceContext, ControlResult, FrameworkReport } from '../src/index';
import { evaluateFramework } from '../src/index';

/** Small hand-written clusters for golden control tests. */
export const ns = (name: string, labels = ''): string =>
  `apiVersion: v1\nkind: Namespace\nmetadata: { name: ${name}${labels ? `, labels: { ${labels} }` : ''} }\n`;

export const deploy = (namespace: string, name: string, labels: string, ports = '[]'): string =>
  `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: ${namespace} }
spec:
  template:
    metadata: { labels: { ${labels} } }
    spec: { containers: [{ name: main, ports: ${ports} }] }
`;

export const netpol = (namespace: string, name: string, spec: string): string =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: ${name}, namespace: ${namespace} }\nspec: ${spec}\n`;

/** A ClusterNetworkPolicy (policy.networking.k8s.io/v1alpha2); `spec` as flow YAML. */
export const cnp = (name: string, spec: string): string =>
  `apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata: { name: ${name} }\nspec: ${spec}\n`;

/** An AdminNetworkPolicy (v1alpha1). */
export const anp = (name: string, spec: string): string =>
  `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: { name: ${name} }\nspec: ${spec}\n`;

/** The BaselineAdminNetworkPolicy singleton `default` (v1alpha1). */
export const banp = (spec: string): string =>
  `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata: { name: default }\nspec: ${spec}\n`;

/** The inventory of the documents; fails the test on any validation issue. */
export function inventoryOf(...docs: string[]): Inventory {
  const parsed = parseDocuments(docs.join('---\n'), 'cluster.yaml');
  const inventory = buildInventory(parsed.objects);
  expect([...parsed.issues, ...inventory.issues]).toEqual([]);
  return inventory;
}

/** One control's result from evaluating its framework. */
export function control(
  framework: Parameters<typeof evaluateFramework>[0],
  id: string,
  context: ComplianceContext,
): ControlResult {
  const report: FrameworkReport = evaluateFramework(framework, context);
  const found = report.controls.find((c) => c.id === id);
  if (!found) throw new Error(`no control ${id}`);
  return found;
}

export const WEB = 'shop/web[Deployment]';
export const DB = 'shop/db[Deployment]';
