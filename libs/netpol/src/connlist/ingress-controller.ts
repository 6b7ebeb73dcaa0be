import type {
  ContainerPort,
  Exposure,
  Inventory,
  Pod,
  Service,
  ServicePort,
} from '../inventory/inventory';
import type { Protocol } from '../ports/protocol';
import type { Labels } from '../selector/label-selector';
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
      if (!serviceSelects(selector, pod.labels)) continue;
      const exposed = exposedConnections(exposure, service, pod);
      if (exposed.isEmpty) continue;
      const allowed = allowedConnections(
        inventory,
        { kind: 'pod', pod: INGRESS_CONTROLLER_POD },
        { kind: 'pod', pod },
        options,
      );
      const conn = exposed.intersect(allowed);
      if (!conn.isEmpty)
        rows.push({ src: INGRESS_CONTROLLER_PEER, dst: workloadName(pod.workload), conn });
    }
  }
  return rows;
}

function exposedConnections(exposure: Exposure, service: Service, pod: Pod): ConnectionSet {
  let conn = ConnectionSet.NONE;
  for (const { protocol, port } of exposedTargets(exposure, service, pod.ports)) {
    conn = conn.union(ConnectionSet.of(protocol, PortSet.range(port, port)));
  }
  return conn;
}

/** Whether a Service's (equality-only) selector selects pods with these labels. */
export function serviceSelects(
  selector: Readonly<Record<string, string>>,
  labels: Labels,
): boolean {
  return Object.entries(selector).every(([k, v]) => Object.hasOwn(labels, k) && labels[k] === v);
}

/**
 * The (protocol, target port) pairs an Ingress backend or Route sends to on pods with these
 * container ports: the service ports it names (all when it names none), each targetPort
 * resolved by number or by container port name of the same protocol.
 */
export function exposedTargets(
  exposure: Exposure,
  service: Service,
  ports: readonly ContainerPort[],
): { protocol: Protocol; port: number }[] {
  const targets: { protocol: Protocol; port: number }[] = [];
  for (const sp of service.ports) {
    const target = resolveTargetPort(sp, ports);
    if (target === undefined) continue;
    if (portSelects(exposure.port, sp, target))
      targets.push({ protocol: sp.protocol, port: target });
  }
  return targets;
}

/**
 * Whether an Ingress backend or Route port selects this service port. `target` is the port's
 * targetPort: resolved on a pod (a number), or a container port name not resolved yet, which
 * may resolve to a Route's target port number on some pod.
 */
function portSelects(port: Exposure['port'], sp: ServicePort, target: number | string): boolean {
  if (port === undefined) return true;
  if (port.kind === 'servicePort')
    return typeof port.value === 'number' ? sp.port === port.value : sp.name === port.value;
  return typeof target === 'string' || target === port.value;
}

/**
 * Ingress backends and Routes whose Service exists but exposes no port they name: the route is
 * broken (the ingress controller has no endpoint to send to), so it yields no reachability.
 *
 * @example brokenExposures(inventory).map((b) => b.exposure.ref.name) // ['web']
 */
export function brokenExposures(
  inventory: Pick<Inventory, 'services' | 'exposures'>,
): { exposure: Exposure; service: Service }[] {
  const services = new Map(inventory.services.map((s) => [`${s.namespace}/${s.name}`, s]));
  const broken: { exposure: Exposure; service: Service }[] = [];
  for (const exposure of inventory.exposures) {
    const service = services.get(`${exposure.namespace}/${exposure.service}`);
    if (!service || exposure.port === undefined) continue;
    if (!service.ports.some((sp) => portSelects(exposure.port, sp, sp.targetPort)))
      broken.push({ exposure, service });
  }
  return broken;
}

/** A service's targetPort on one pod: a number, or a container port name of the same protocol. */
function resolveTargetPort(sp: ServicePort, ports: readonly ContainerPort[]): number | undefined {
  if (typeof sp.targetPort === 'number') return sp.targetPort;
  return ports.find((cp) => cp.name === sp.targetPort && cp.protocol === sp.protocol)?.port;
}
