import {
  type InventoryOptions,
  METADATA_ONLY_ANNOTATION,
  TEMPLATE_ANNOTATION,
  type SourcedObject,
} from '@fenceline/netpol';
import type { InventorySnapshot, SnapshotExposure, SnapshotPod } from './snapshot.schema';

type K8sObject = Record<string, unknown>;

/**
 * Turns a snapshot back into the Kubernetes objects it stands for, so that
 * `buildInventory(snapshotToObjects(createSnapshot(inventory, ...)))` allows exactly what
 * `inventory` allows. Each object's source reads `<origin>:pods[3]` for messages.
 *
 * @example buildInventory(snapshotToObjects(snapshot, 'cluster-a.json')).pods.length
 */
export function snapshotToObjects(
  snapshot: InventorySnapshot,
  origin = 'snapshot',
): SourcedObject[] {
  const objects: SourcedObject[] = [];
  const add = (object: K8sObject, path: string): void => {
    objects.push({ object, source: `${origin}:${path}` });
  };
  snapshot.namespaces.forEach((ns, i) => {
    add(
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: ns.name, labels: { ...ns.labels } },
      },
      `namespaces[${i}]`,
    );
  });
  snapshot.pods.forEach((pod, i) => add(podObject(pod), `pods[${i}]`));
  snapshot.policies.forEach((policy, i) => {
    add(
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: policy.name, namespace: policy.namespace },
        spec: policy.spec,
      },
      `policies[${i}]`,
    );
  });
  snapshot.services.forEach((service, i) => {
    const spec: K8sObject = {
      ports: service.ports.map((p) => ({
        ...(p.name !== undefined ? { name: p.name } : {}),
        port: p.port,
        targetPort: p.targetPort,
        protocol: p.protocol,
      })),
    };
    if (service.selector) spec['selector'] = { ...service.selector };
    add(
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: service.name, namespace: service.namespace },
        spec,
      },
      `services[${i}]`,
    );
  });
  for (const group of groupExposures(snapshot.exposures))
    add(exposureObject(group), `exposures[${group.first}]`);
  if (snapshot.schemaVersion === 2) {
    snapshot.controllers.forEach((c, i) => {
      add(
        {
          apiVersion: c.kind === 'Job' ? 'batch/v1' : 'apps/v1',
          kind: c.kind,
          metadata: {
            name: c.name,
            namespace: c.namespace,
            // The link only: the pods it stands for are in `pods`.
            annotations: { [METADATA_ONLY_ANNOTATION]: 'true' },
            ownerReferences: [{ controller: true, kind: c.owner.kind, name: c.owner.name }],
          },
        },
        `controllers[${i}]`,
      );
    });
    snapshot.clusterPolicies.forEach((p, i) => {
      add(
        { apiVersion: p.apiVersion, kind: p.kind, metadata: { name: p.name }, spec: p.spec },
        `clusterPolicies[${i}]`,
      );
    });
    (snapshot.cniObjects ?? []).forEach((o, i) => {
      add(
        {
          apiVersion: o.apiVersion,
          kind: o.kind,
          metadata: {
            name: o.name,
            ...(o.namespace !== undefined ? { namespace: o.namespace } : {}),
            labels: { ...o.labels },
          },
          spec: o.spec,
        },
        `cniObjects[${i}]`,
      );
    });
    (snapshot.nodes ?? []).forEach((node, i) => {
      add(
        {
          apiVersion: 'v1',
          kind: 'Node',
          metadata: { name: node.name, labels: { ...node.labels } },
          // InternalIP or ExternalIP: a nodes peer matches both alike.
          status: { addresses: node.addresses.map((address) => ({ type: 'InternalIP', address })) },
        },
        `nodes[${i}]`,
      );
    });
  }
  for (const [key, count] of Object.entries(snapshot.ignoredKinds)) {
    const slash = key.lastIndexOf('/');
    const placeholder =
      slash < 0 ? { kind: key } : { apiVersion: key.slice(0, slash), kind: key.slice(slash + 1) };
    for (let n = 0; n < count; n++) add({ ...placeholder }, 'ignoredKinds');
  }
  return objects;
}

function podObject(pod: SnapshotPod): K8sObject {
  const metadata: K8sObject = {
    name: pod.name,
    namespace: pod.namespace,
    labels: { ...pod.labels },
  };
  if (pod.fromTemplate) metadata['annotations'] = { [TEMPLATE_ANNOTATION]: 'true' };
  if (pod.owner)
    metadata['ownerReferences'] = [
      { controller: true, kind: pod.owner.kind, name: pod.owner.name },
    ];
  const ports = pod.ports.map((p) => ({
    ...(p.name !== undefined ? { name: p.name } : {}),
    containerPort: p.port,
    protocol: p.protocol,
  }));
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata,
    spec: {
      ...(pod.hostNetwork ? { hostNetwork: true } : {}),
      ...(pod.serviceAccount !== undefined ? { serviceAccountName: pod.serviceAccount } : {}),
      containers: [{ name: 'main', ports }],
    },
    status: { podIPs: pod.ips.map((ip) => ({ ip })) },
  };
}

interface ExposureGroup {
  readonly kind: SnapshotExposure['kind'];
  readonly namespace: string;
  readonly name: string;
  readonly backends: Pick<SnapshotExposure, 'service' | 'port'>[];
  /** Index of the group's first exposure in the snapshot, for messages. */
  readonly first: number;
}

/**
 * One object per Ingress; one per Route and port (a Route has one `spec.port` for all its
 * backends, so a snapshot naming several gets one Route per port, suffixed `.2`, `.3`...).
 */
function groupExposures(exposures: InventorySnapshot['exposures']): ExposureGroup[] {
  const groups = new Map<string, ExposureGroup>();
  const routePorts = new Map<string, number>();
  exposures.forEach((e, i) => {
    const id = `${e.kind}/${e.namespace}/${e.name}`;
    const key = e.kind === 'Ingress' ? id : `${id}/${JSON.stringify(e.port ?? null)}`;
    const backend = { service: e.service, port: e.port };
    const existing = groups.get(key);
    if (existing) {
      existing.backends.push(backend);
      return;
    }
    const seen = e.kind === 'Route' ? (routePorts.get(id) ?? 0) + 1 : 1;
    routePorts.set(id, seen);
    const name = seen === 1 ? e.name : `${e.name}.${seen}`;
    groups.set(key, { kind: e.kind, namespace: e.namespace, name, backends: [backend], first: i });
  });
  return [...groups.values()];
}

function exposureObject(group: ExposureGroup): K8sObject {
  const metadata = { name: group.name, namespace: group.namespace };
  if (group.kind === 'Route') {
    const [to, ...alternates] = group.backends.map((b) => ({ kind: 'Service', name: b.service }));
    const spec: K8sObject = {
      to,
      ...(alternates.length > 0 ? { alternateBackends: alternates } : {}),
    };
    const port = group.backends[0]?.port;
    if (port) spec['port'] = { targetPort: port.value };
    return { apiVersion: 'route.openshift.io/v1', kind: 'Route', metadata, spec };
  }
  const [first, ...rest] = group.backends.map(ingressBackend);
  const spec: K8sObject = { defaultBackend: first };
  if (rest.length > 0) {
    spec['rules'] = [
      { http: { paths: rest.map((backend) => ({ path: '/', pathType: 'Prefix', backend })) } },
    ];
  }
  return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata, spec };
}

function ingressBackend({ service, port }: Pick<SnapshotExposure, 'service' | 'port'>): K8sObject {
  if (!port) return { service: { name: service } };
  return {
    service: {
      name: service,
      port: typeof port.value === 'number' ? { number: port.value } : { name: port.value },
    },
  };
}

/**
 * How a snapshot's inventory is built: with the cluster's CNI as the agent detected it, so that
 * only that CNI's own policy kinds are enforced (see `InventoryOptions.cni`).
 *
 * @example buildInventory(snapshotToObjects(s), snapshotInventoryOptions(s))
 */
export function snapshotInventoryOptions(snapshot: InventorySnapshot): InventoryOptions {
  const detectedCni = snapshot.source.cni?.name;
  return detectedCni === undefined ? {} : { detectedCni };
}
