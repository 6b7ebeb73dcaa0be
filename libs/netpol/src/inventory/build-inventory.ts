import {
  CLUSTER_POLICY_KINDS,
  type ClusterPolicy,
  type ClusterPolicyKind,
} from '../cluster/cluster-policy';
import { parseClusterPolicy } from '../cluster/parse-cluster-policy';
import { CniCollectors } from '../cni/cni-collectors';
import { resolveNodePeers } from '../cluster/resolve-nodes';
import { IssueSink } from '../errors/issue-sink';
import type { ObjectRef } from '../errors/object-ref';
import type { ValidationIssue } from '../errors/validation-issue';
import type { NetworkPolicy } from '../policy/network-policy';
import { parseNetworkPolicy } from '../policy/parse-network-policy';
import {
  isRawObject,
  readObject,
  readString,
  readStringMap,
  type RawObject,
} from '../raw/read-field';
import { isDns1123Label } from '../selector/label-syntax';
import { checkLabels } from './check-labels';
import {
  NAMESPACE_NAME_LABEL,
  type ControllerLink,
  type Exposure,
  type Inventory,
  type InventoryNode,
  type InventoryOptions,
  type Namespace,
  type Pod,
  type Service,
} from './inventory';
import {
  parsePodObject,
  parseWorkloadTemplate,
  TEMPLATE_ANNOTATION,
  TEMPLATE_PATHS,
} from './parse-pod';
import { parseNode } from './parse-node';
import { parseIngress, parseRoute, parseService } from './parse-service';
import { CHAIN_KINDS, isMetadataOnly, parseControllerLink, resolveWorkloads } from './owner-chain';

/** A decoded Kubernetes object and where it came from (file and document), for messages. */
export interface SourcedObject {
  readonly object: unknown;
  readonly source?: string;
}

/** API groups accepted per kind; others with the same kind name (e.g. Calico's) are not these. */
const KNOWN_KINDS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    Namespace: ['v1'],
    Node: ['v1'],
    Pod: ['v1'],
    Service: ['v1'],
    ReplicationController: ['v1'],
    Deployment: ['apps/v1', 'apps/v1beta1', 'apps/v1beta2', 'extensions/v1beta1'],
    StatefulSet: ['apps/v1', 'apps/v1beta1', 'apps/v1beta2'],
    DaemonSet: ['apps/v1', 'apps/v1beta2', 'extensions/v1beta1'],
    ReplicaSet: ['apps/v1', 'apps/v1beta2', 'extensions/v1beta1'],
    Job: ['batch/v1'],
    CronJob: ['batch/v1', 'batch/v1beta1'],
    NetworkPolicy: ['networking.k8s.io/v1'],
    Ingress: ['networking.k8s.io/v1', 'networking.k8s.io/v1beta1', 'extensions/v1beta1'],
    Route: ['route.openshift.io/v1', 'v1'],
    ...Object.fromEntries(Object.entries(CLUSTER_POLICY_KINDS).map(([k, v]) => [k, [v]])),
  }),
);

/** Pod phases whose pods no longer take part in networking. */
const FINISHED_PHASES = new Set(['Succeeded', 'Failed']);

/**
 * Builds the engine's inventory from decoded objects. Never stops at the first bad object: every
 * issue is collected. An invalid NetworkPolicy, Service or Ingress is left out (it cannot be
 * evaluated safely); a pod or workload with an invalid part is kept without that part (a bad
 * container port is dropped), so the rest of the analysis stays useful. Objects of other kinds
 * are counted in `ignoredKinds`. ReplicaSet and Job objects also link their pods to the controller
 * above them; with `workloadName: 'top'` (the default) pods are named by the top of that chain.
 *
 * @example buildInventory([{ object: { kind: 'Namespace', apiVersion: 'v1', metadata: { name: 'a' } } }]).namespaces.get('a')
 */
export function buildInventory(
  objects: readonly SourcedObject[],
  options: InventoryOptions = {},
): Inventory {
  const issues: ValidationIssue[] = [];
  const namespaces = new Map<string, Namespace>();
  const pods: Pod[] = [];
  const policies: NetworkPolicy[] = [];
  const clusterPolicies: ClusterPolicy[] = [];
  const services: Service[] = [];
  const exposures: Exposure[] = [];
  const controllers: ControllerLink[] = [];
  const nodes: InventoryNode[] = [];
  let nodesSeen = false;
  const ignoredKinds = new Map<string, number>();
  const skipped: { object: ObjectRef; reason: string }[] = [];
  const seen = new Map<string, ObjectRef>();
  const cni = new CniCollectors();

  objects.forEach(({ object, source }, index) => {
    const where = source ?? `object #${index + 1}`;
    if (!isRawObject(object)) {
      issues.push({
        code: 'INVALID_TYPE',
        object: { kind: 'Unknown', name: '?', source: where },
        path: '',
        message: 'a Kubernetes object must be a mapping',
      });
      return;
    }
    const kind = typeof object['kind'] === 'string' ? object['kind'] : undefined;
    const apiVersion = typeof object['apiVersion'] === 'string' ? object['apiVersion'] : undefined;
    const cniIssues = kind ? cni.add(object, kind, apiVersion, where) : undefined;
    if (cniIssues) {
      issues.push(...cniIssues);
      return;
    }
    const groups = kind ? KNOWN_KINDS.get(kind) : undefined;
    if (!kind || !groups || (apiVersion !== undefined && !groups.includes(apiVersion))) {
      const key = `${apiVersion ?? '?'}/${kind ?? '?'}`;
      ignoredKinds.set(key, (ignoredKinds.get(key) ?? 0) + 1);
      return;
    }
    const ref = objectRef(object, kind, where);
    const sink = new IssueSink(ref);
    if (!validateMetadata(sink, object, ref)) {
      issues.push(...sink.issues);
      return;
    }
    const namespace = ref.namespace ?? 'default';
    // A template pod stands for its workload: a Deployment and a StatefulSet may share a name.
    const keyKind =
      kind === 'Pod' && hasTemplateAnnotation(object)
        ? `TemplatePod:${controllerKind(object)}`
        : kind;
    const key = `${keyKind}/${ref.namespace === undefined ? '' : namespace}/${ref.name}`;
    const first = seen.get(key);
    if (first) {
      issues.push({
        code: 'DUPLICATE_NAME',
        object: ref,
        path: 'metadata.name',
        message: `${kind} ${JSON.stringify(ref.name)} is defined twice (first in ${first.source ?? 'an earlier object'})`,
      });
      return;
    }
    seen.set(key, ref);

    if (kind === 'Namespace') {
      const labels = readStringMap(
        sink,
        readObject(sink, object['metadata'], 'metadata')?.['labels'],
        'metadata.labels',
      );
      checkLabels(sink, labels, 'metadata.labels');
      if (!isDns1123Label(ref.name))
        sink.add(
          'INVALID_NAME',
          'metadata.name',
          `${JSON.stringify(ref.name)} is not a valid namespace name (RFC 1123 label)`,
        );
      if (sink.count === 0)
        namespaces.set(ref.name, {
          name: ref.name,
          labels: { ...labels, [NAMESPACE_NAME_LABEL]: ref.name },
          defined: true,
        });
    } else if (kind === 'Node') {
      // Even an invalid Node says the input lists nodes: nodes peers are then evaluated.
      nodesSeen = true;
      const node = parseNode(sink, object, ref);
      if (sink.count === 0) nodes.push(node);
    } else if (isClusterPolicyKind(kind)) {
      const parsed = parseClusterPolicy(object, ref, kind);
      sink.issues.push(...parsed.issues);
      if (parsed.value) clusterPolicies.push(parsed.value);
    } else if (kind === 'NetworkPolicy') {
      const parsed = parseNetworkPolicy(object, { ...ref, namespace });
      sink.issues.push(...parsed.issues);
      if (parsed.value) policies.push(parsed.value);
    } else if (kind === 'Pod') {
      const phase = readString(
        sink,
        readObject(sink, object['status'], 'status')?.['phase'],
        'status.phase',
      );
      const pod = parsePodObject(sink, object, ref, namespace);
      if (phase && FINISHED_PHASES.has(phase))
        skipped.push({ object: ref, reason: `pod phase ${phase}: it takes no traffic` });
      else pods.push(pod);
    } else if (Object.hasOwn(TEMPLATE_PATHS, kind)) {
      const chain = CHAIN_KINDS.has(kind);
      const link = chain ? parseControllerLink(sink, object, ref, namespace) : undefined;
      if (link) controllers.push(link);
      // A metadata-only ReplicaSet or Job (from the agent or a snapshot) is a link, not a template.
      const pod =
        chain && isMetadataOnly(object)
          ? undefined
          : parseWorkloadTemplate(sink, object, ref, namespace);
      if (pod) pods.push(pod);
    } else if (kind === 'Service') {
      const service = parseService(sink, object, ref, namespace);
      if (sink.count === 0) services.push(service);
    } else if (kind === 'Ingress' || kind === 'Route') {
      const found =
        kind === 'Ingress'
          ? parseIngress(sink, object, ref, namespace)
          : parseRoute(sink, object, ref, namespace);
      if (sink.count === 0) exposures.push(...found);
    }
    issues.push(...sink.issues);
  });

  const ensureNamespace = (name: string): void => {
    if (!namespaces.has(name))
      namespaces.set(name, { name, labels: { [NAMESPACE_NAME_LABEL]: name }, defined: false });
  };
  pods.forEach((p) => ensureNamespace(p.namespace));
  policies.forEach((p) => ensureNamespace(p.namespace));
  const cniResult = cni.result();
  issues.push(...cniResult.issues);

  return {
    namespaces,
    pods: resolveWorkloads(pods, controllers, options.workloadName ?? 'top'),
    policies,
    clusterPolicies: nodesSeen ? resolveNodePeers(clusterPolicies, nodes) : clusterPolicies,
    services,
    exposures,
    controllers,
    nodes,
    nodesKnown: nodesSeen,
    // fromEntries defines own properties, so even a kind named `__proto__` is counted safely.
    ignoredKinds: Object.fromEntries(ignoredKinds),
    skipped,
    issues,
    ...cniResult.fields,
    ...(options.cni !== undefined ? { cni: options.cni } : {}),
    ...(options.detectedCni !== undefined ? { detectedCni: options.detectedCni } : {}),
  };
}

function isClusterPolicyKind(kind: string): kind is ClusterPolicyKind {
  return Object.hasOwn(CLUSTER_POLICY_KINDS, kind);
}

function objectRef(object: RawObject, kind: string, source: string): ObjectRef {
  const metadata = isRawObject(object['metadata']) ? object['metadata'] : {};
  const name = typeof metadata['name'] === 'string' ? metadata['name'] : '?';
  const namespace =
    typeof metadata['namespace'] === 'string' && metadata['namespace'] !== ''
      ? metadata['namespace']
      : undefined;
  // Cluster-scoped kinds: the API server ignores a namespace given in their metadata.
  if (kind === 'Namespace' || kind === 'Node' || isClusterPolicyKind(kind))
    return { kind, name, source };
  return { kind, namespace: namespace ?? 'default', name, source };
}

function validateMetadata(sink: IssueSink, object: RawObject, ref: ObjectRef): boolean {
  const metadata = readObject(sink, object['metadata'], 'metadata');
  if (!metadata) {
    sink.add('MISSING_FIELD', 'metadata', 'metadata is required');
    return false;
  }
  const name = readString(sink, metadata['name'], 'metadata.name');
  if (!name) {
    sink.add('MISSING_FIELD', 'metadata.name', 'name is required');
    return false;
  }
  const namespace = readString(sink, metadata['namespace'], 'metadata.namespace');
  if (namespace && !isDns1123Label(namespace)) {
    sink.add(
      'INVALID_NAME',
      'metadata.namespace',
      `${JSON.stringify(namespace)} is not a valid namespace name (RFC 1123 label)`,
    );
    return false;
  }
  return ref.name === name;
}

function controllerKind(object: RawObject): string {
  const metadata = object['metadata'];
  const owners =
    isRawObject(metadata) && Array.isArray(metadata['ownerReferences'])
      ? metadata['ownerReferences']
      : [];
  const controller: unknown = owners.find(
    (o: unknown) => isRawObject(o) && o['controller'] === true,
  );
  return isRawObject(controller) && typeof controller['kind'] === 'string'
    ? controller['kind']
    : 'Pod';
}

function hasTemplateAnnotation(object: RawObject): boolean {
  const metadata = object['metadata'];
  const annotations = isRawObject(metadata) ? metadata['annotations'] : undefined;
  return isRawObject(annotations) && annotations[TEMPLATE_ANNOTATION] === 'true';
}
