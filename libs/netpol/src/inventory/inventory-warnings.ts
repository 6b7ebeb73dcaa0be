import { cniWarnings } from '../chain/cni-choice';
import { clusterPolicyFindings } from '../cluster/cluster-findings';
import { brokenExposures } from '../connlist/ingress-controller';
import { formatObjectRef } from '../errors/object-ref';
import { DEFAULT_OPTIONS, type EvaluationOptions } from '../reference/traffic';
import type { Inventory } from './inventory';

/**
 * What a reader of any result must know about its input: kinds that were not evaluated,
 * objects left out, pods whose enforcement depends on the CNI, and broken routes (an Ingress or
 * Route naming a port its Service does not expose).
 *
 * @example inventoryWarnings(inventory) // ['2 object(s) of kind crd.projectcalico.org/v1/NetworkPolicy were not evaluated']
 */
export function inventoryWarnings(
  inventory: Inventory,
  options: EvaluationOptions = DEFAULT_OPTIONS,
): string[] {
  const warnings: string[] = [];
  for (const [kind, count] of Object.entries(inventory.ignoredKinds).sort()) {
    warnings.push(`${count} object(s) of kind ${kind} were not evaluated`);
  }
  for (const { object, reason } of inventory.skipped)
    warnings.push(`${formatObjectRef(object)} left out: ${reason}`);
  warnings.push(...cniWarnings(inventory));
  for (const { object, message } of [
    ...(inventory.calico?.notes ?? []),
    ...(inventory.antrea?.notes ?? []),
  ])
    warnings.push(`${formatObjectRef(object)}: ${message}`);
  const hostNetwork = inventory.pods.filter((p) => p.hostNetwork);
  const example = hostNetwork[0] ? `${hostNetwork[0].namespace}/${hostNetwork[0].name}` : '';
  if (hostNetwork.length > 0 && options.hostNetwork === 'as-pods') {
    warnings.push(
      `${hostNetwork.length} pod(s) use hostNetwork (e.g. ${example}): they are evaluated like other pods, but most CNIs do not enforce NetworkPolicy on them (--host-network unrestricted shows the widest view)`,
    );
  } else if (hostNetwork.length > 0) {
    warnings.push(
      `${hostNetwork.length} pod(s) use hostNetwork (e.g. ${example}): treated as never isolated`,
    );
  }
  warnings.push(...brokenRouteWarnings(inventory));
  for (const finding of clusterPolicyFindings(inventory))
    warnings.push(`${finding.message} [${finding.code}]`);
  return warnings;
}

/**
 * One warning per Ingress or Route backend that names a port its Service does not expose. Such
 * a route yields no reachability row: the ingress controller has no endpoint for it (tools that
 * fall back to matching the Service's target ports would report traffic that never flows).
 */
function brokenRouteWarnings(inventory: Inventory): string[] {
  const warnings = new Set<string>();
  for (const { exposure, service } of brokenExposures(inventory)) {
    const port = exposure.port;
    if (!port) continue;
    const what = port.kind === 'targetPort' ? `target port ${port.value}` : `port ${port.value}`;
    const why =
      port.kind === 'targetPort'
        ? 'no port of the Service targets it'
        : 'the Service exposes no such port';
    warnings.add(
      `${exposure.ref.kind} ${exposure.namespace}/${exposure.ref.name} backend service ${service.name} ${what}: ${why} (a broken route); it yields no reachability`,
    );
  }
  return [...warnings];
}
