import type { Exposure, Inventory, Pod, Service, ServicePort } from '../inventory/inventory';
import { ConnectionSet } from '../ports/connection-set';
import { PortSet } from '../ports/port-set';
import { allowedConnections } from '../reference/allowed-connections';
import { INGRESS_CONTROLLER_POD, type EvaluationOptions } from '../reference/traffic';
import { INGRESS_CONTROLLER_PEER, workloadName } from './peer-names';

/**
 * What the ingress controller can reach through Ingress and Route objects: for each exposed
 * service, its selected pods on the exposed target ports, intersected with what the pods'
 * ingress policies admit from the controller (a pod in its own namespace, without labels).
 */
export function ingressControllerConnections(
  inventory: Inventory,
  options: EvaluationOptions,
): { src: string; dst: string; conn: ConnectionSet }[] {
  const rows: { src: string; dst: string; conn: ConnectionSet }[] = [];
  const services = new Map(inventory.services.map((s) => [`${s.namespace}/${s.name}`, s]));
  for (const exposure of inventory.exposures) {
    const service = services.get(`${exposure.namespace}/${exposure.service}`);
    if (!service?.selector) continue;
    const selector = service.selector;
    for (const pod of inventory.pods) {
      if (pod.namespace !== service.namespace) continue;
      if (!Object.entries(selector).every(([k, v]) => pod.labels[k] === v)) continue;
      const exposed = exposedConnections(exposure, service, pod);
      if (exposed.isEmpty) continue;
      const allowed = allowedConnections(inventory, { kind: 'pod', pod: INGRESS_CONTROLLER_POD }, { kind: 'pod', pod }, options);
      const conn = exposed.intersect(allowed);
      if (!conn.isEmpty) rows.push({ src: INGRESS_CONTROLLER_PEER, dst: workloadName(pod.workload), conn });
    }
  }
  return rows;
}

function exposedConnections(exposure: Exposure, service: Service, pod: Pod): ConnectionSet {
  let conn = ConnectionSet.NONE;
  for (const sp of service.ports) {
    const target = resolveTargetPort(sp, pod);
    if (target === undefined) continue;
    const port = exposure.port;
    const selected =
      port === undefined ||
      (port.kind === 'servicePort' && (typeof port.value === 'number' ? sp.port === port.value : sp.name === port.value)) ||
      (port.kind === 'targetPort' && target === port.value);
    if (selected) conn = conn.union(ConnectionSet.of(sp.protocol, PortSet.range(target, target)));
  }
  return conn;
}

/** A service's targetPort on one pod: a number, or a container port name of the same protocol. */
function resolveTargetPort(sp: ServicePort, pod: Pod): number | undefined {
  if (typeof sp.targetPort === 'number') return sp.targetPort;
  return pod.ports.find((cp) => cp.name === sp.targetPort && cp.protocol === sp.protocol)?.port;
}
