import { parseIp, type IpAddress } from '../cidr/ip-address';
import type { IssueSink } from '../errors/issue-sink';
import type { ObjectRef } from '../errors/object-ref';
import { parsePortNumber, parseProtocol, portNameError } from '../policy/parse-port';
import {
  isRawObject,
  readArray,
  readBoolean,
  readObject,
  readString,
  readStringMap,
  type RawObject,
} from '../raw/read-field';
import { checkLabels } from './check-labels';
import type { ContainerPort, Pod, WorkloadRef } from './inventory';

/** Annotation `fenceline snapshot` puts on pods built from workload templates. */
export const TEMPLATE_ANNOTATION = 'fenceline.dev/from-template';

/** Where each workload kind keeps the template of the pods it creates. */
export const TEMPLATE_PATHS: Readonly<Record<string, readonly string[]>> = {
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

/**
 * Controller owners that are not workloads: the kubelet makes a Node the controller of the mirror
 * pod of each static pod (`kube-system/etcd-node1`), so every such pod is its own workload.
 * A cluster-scoped owner cannot be named `namespace/name` anyway.
 */
export const NON_WORKLOAD_OWNER_KINDS: ReadonlySet<string> = new Set(['Node']);

/**
 * A Pod object as the engine sees it: reported as its controlling owner when it has one
 * (a ReplicaSet stays a ReplicaSet; the owner chain is followed later), else as itself.
 */
export function parsePodObject(
  sink: IssueSink,
  obj: RawObject,
  ref: ObjectRef,
  namespace: string,
): Pod {
  const metadata = readObject(sink, obj['metadata'], 'metadata') ?? {};
  const labels = readStringMap(sink, metadata['labels'], 'metadata.labels');
  checkLabels(sink, labels, 'metadata.labels');
  const annotations = readStringMap(sink, metadata['annotations'], 'metadata.annotations');
  const spec = readObject(sink, obj['spec'], 'spec') ?? {};
  const fromTemplate = annotations[TEMPLATE_ANNOTATION] === 'true';
  const owner = controllerOf(sink, metadata, namespace);
  const workload: WorkloadRef = owner ?? { kind: 'Pod', namespace, name: ref.name };
  return {
    id: fromTemplate ? `${workload.kind}:${namespace}/${ref.name}` : `${namespace}/${ref.name}`,
    namespace,
    name: ref.name,
    labels,
    ips: readPodIps(sink, readObject(sink, obj['status'], 'status') ?? {}),
    hostNetwork: readBoolean(sink, spec['hostNetwork'], 'spec.hostNetwork') ?? false,
    ports: readContainerPorts(sink, spec, 'spec'),
    workload,
    fromTemplate,
    ref,
    ...serviceAccountOf(sink, spec, 'spec'),
  };
}

/** The pod a workload's template would create; it has no IP and reports as the workload. */
export function parseWorkloadTemplate(
  sink: IssueSink,
  obj: RawObject,
  ref: ObjectRef,
  namespace: string,
): Pod | undefined {
  if (!Object.hasOwn(TEMPLATE_PATHS, ref.kind)) return undefined;
  const path = TEMPLATE_PATHS[ref.kind] as readonly string[];
  let node: unknown = obj;
  for (const key of path) node = isRawObject(node) ? node[key] : undefined;
  const fieldPath = path.join('.');
  const template = readObject(sink, node, fieldPath);
  if (!template) {
    sink.add('MISSING_FIELD', fieldPath, 'a pod template is required');
    return undefined;
  }
  const metadata = readObject(sink, template['metadata'], `${fieldPath}.metadata`) ?? {};
  const labels = readStringMap(sink, metadata['labels'], `${fieldPath}.metadata.labels`);
  checkLabels(sink, labels, `${fieldPath}.metadata.labels`);
  const spec = readObject(sink, template['spec'], `${fieldPath}.spec`) ?? {};
  return {
    id: `${ref.kind}:${namespace}/${ref.name}`,
    namespace,
    name: ref.name,
    labels,
    ips: [],
    hostNetwork: readBoolean(sink, spec['hostNetwork'], `${fieldPath}.spec.hostNetwork`) ?? false,
    ports: readContainerPorts(sink, spec, `${fieldPath}.spec`),
    workload: { kind: ref.kind, namespace, name: ref.name },
    fromTemplate: true,
    ref,
    ...serviceAccountOf(sink, spec, `${fieldPath}.spec`),
  };
}

/**
 * The controller owner in `metadata.ownerReferences` (the first entry with `controller: true`),
 * unless its kind is not a workload (a Node).
 */
export function controllerOf(
  sink: IssueSink,
  metadata: RawObject,
  namespace: string,
): WorkloadRef | undefined {
  const owners = readArray(sink, metadata['ownerReferences'], 'metadata.ownerReferences') ?? [];
  for (const [i, raw] of owners.entries()) {
    const owner = readObject(sink, raw, `metadata.ownerReferences[${i}]`);
    if (!owner || owner['controller'] !== true) continue;
    const kind = readString(sink, owner['kind'], `metadata.ownerReferences[${i}].kind`);
    const name = readString(sink, owner['name'], `metadata.ownerReferences[${i}].name`);
    if (kind && name)
      return NON_WORKLOAD_OWNER_KINDS.has(kind) ? undefined : { kind, namespace, name };
  }
  return undefined;
}

/** `spec.serviceAccountName` (or the deprecated `serviceAccount`), when set. */
function serviceAccountOf(
  sink: IssueSink,
  spec: RawObject,
  path: string,
): { serviceAccount?: string } {
  const name =
    readString(sink, spec['serviceAccountName'], `${path}.serviceAccountName`) ??
    readString(sink, spec['serviceAccount'], `${path}.serviceAccount`);
  return name ? { serviceAccount: name } : {};
}

function readPodIps(sink: IssueSink, status: RawObject): IpAddress[] {
  const texts: { text: string; path: string }[] = [];
  const podIps = readArray(sink, status['podIPs'], 'status.podIPs');
  podIps?.forEach((entry, i) => {
    const ip = readString(
      sink,
      readObject(sink, entry, `status.podIPs[${i}]`)?.['ip'],
      `status.podIPs[${i}].ip`,
    );
    if (ip) texts.push({ text: ip, path: `status.podIPs[${i}].ip` });
  });
  const podIp = readString(sink, status['podIP'], 'status.podIP');
  if (podIp && !texts.some((t) => t.text === podIp))
    texts.unshift({ text: podIp, path: 'status.podIP' });
  const ips: IpAddress[] = [];
  for (const { text, path } of texts) {
    const ip = parseIp(text);
    if (ip) ips.push(ip);
    else sink.add('INVALID_IP', path, `${JSON.stringify(text)} is not a valid IP address`);
  }
  return ips;
}

function readContainerPorts(sink: IssueSink, spec: RawObject, path: string): ContainerPort[] {
  const ports: ContainerPort[] = [];
  const names = new Set<string>();
  (readArray(sink, spec['containers'], `${path}.containers`) ?? []).forEach((rawContainer, c) => {
    const containerPath = `${path}.containers[${c}]`;
    const container = readObject(sink, rawContainer, containerPath) ?? {};
    (readArray(sink, container['ports'], `${containerPath}.ports`) ?? []).forEach((rawPort, p) => {
      const portPath = `${containerPath}.ports[${p}]`;
      const port = readObject(sink, rawPort, portPath);
      if (!port) return;
      const number = parsePortNumber(sink, port['containerPort'], `${portPath}.containerPort`);
      const protocol = parseProtocol(sink, port['protocol'], `${portPath}.protocol`);
      const name = readString(sink, port['name'], `${portPath}.name`);
      if (name !== undefined) {
        const err = portNameError(name);
        if (err)
          sink.add('INVALID_PORT_NAME', `${portPath}.name`, `${JSON.stringify(name)}: ${err}`);
        else if (names.has(name))
          sink.add(
            'DUPLICATE_PORT_NAME',
            `${portPath}.name`,
            `port name ${JSON.stringify(name)} is used twice in the pod`,
          );
        names.add(name);
      }
      if (number !== undefined) ports.push({ name, port: number, protocol });
    });
  });
  return ports;
}
