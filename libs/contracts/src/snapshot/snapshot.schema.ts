import { CLUSTER_POLICY_KINDS, isCniObjectKind, parseIp } from '@fenceline/netpol';
import { z } from 'zod';

/** Limits that keep one snapshot bounded; a cluster beyond them needs a newer schema version. */
export const SNAPSHOT_LIMITS = Object.freeze({
  namespaces: 100_000,
  pods: 500_000,
  policies: 100_000,
  services: 200_000,
  exposures: 200_000,
  /** Owner-chain links: at most one per pod and level (Pod → ReplicaSet → Deployment). */
  controllers: 500_000,
  clusterPolicies: 10_000,
  /** Calico/Cilium/Antrea policies, tiers, groups and network sets together. */
  cniObjects: 100_000,
  nodes: 50_000,
  /** InternalIP and ExternalIP addresses of one node (dual-stack, a few interfaces). */
  addressesPerNode: 16,
  portsPerObject: 1_000,
  ipsPerPod: 8,
  labelsPerObject: 256,
  ignoredKinds: 1_000,
  ignoredObjects: 1_000_000,
});

const name = z.string().min(1).max(253);
const namespaceName = z.string().min(1).max(63);
const labels = z
  .record(z.string().min(1).max(317), z.string().max(63))
  .refine((value) => Object.keys(value).length <= SNAPSHOT_LIMITS.labelsPerObject, {
    message: `at most ${SNAPSHOT_LIMITS.labelsPerObject} labels`,
  });
const port = z.int().min(1).max(65535);
const protocol = z.enum(['TCP', 'UDP', 'SCTP']);
const portName = z.string().min(1).max(63);

const namespaceSchema = z.strictObject({ name: namespaceName, labels });

const ipAddress = z
  .string()
  .max(45)
  .refine((ip) => parseIp(ip) !== undefined, 'not an IP address');

const podSchema = z.strictObject({
  namespace: namespaceName,
  name,
  labels,
  /** Primary address first, as in `status.podIPs`. */
  ips: z.array(ipAddress).max(SNAPSHOT_LIMITS.ipsPerPod),
  hostNetwork: z.boolean().optional(),
  ports: z
    .array(z.strictObject({ name: portName.optional(), port, protocol }))
    .max(SNAPSHOT_LIMITS.portsPerObject),
  /** The controlling owner the pod is reported as; absent for a bare pod. */
  owner: z.strictObject({ kind: z.string().min(1).max(63), name }).optional(),
  /** A pod a workload's template would create, rather than a running pod. */
  fromTemplate: z.boolean().optional(),
  /** `spec.serviceAccountName`, when set (CNI policies can select by it). */
  serviceAccount: name.optional(),
});

const policySchema = z.strictObject({
  namespace: namespaceName,
  name,
  /** The NetworkPolicy `spec` as written; the engine validates it when it rebuilds the inventory. */
  spec: z.record(z.string(), z.unknown()),
});

const serviceSchema = z.strictObject({
  namespace: namespaceName,
  name,
  selector: labels.optional(),
  ports: z
    .array(
      z.strictObject({
        name: portName.optional(),
        port,
        targetPort: z.union([port, portName]),
        protocol,
      }),
    )
    .max(SNAPSHOT_LIMITS.portsPerObject),
});

/**
 * An Ingress backend names a service port (number or name). A Route's `targetPort` is a target
 * port number, or a service port name: the shapes each kind can express.
 */
const exposureSchema = z
  .strictObject({
    kind: z.enum(['Ingress', 'Route']),
    namespace: namespaceName,
    name,
    service: name,
    port: z
      .strictObject({
        kind: z.enum(['servicePort', 'targetPort']),
        value: z.union([port, portName]),
      })
      .optional(),
  })
  .superRefine((exposure, ctx) => {
    const p = exposure.port;
    if (!p) return;
    const expressible =
      exposure.kind === 'Ingress'
        ? p.kind === 'servicePort'
        : (p.kind === 'servicePort') === (typeof p.value === 'string');
    if (!expressible) {
      ctx.addIssue({
        code: 'custom',
        path: ['port'],
        message:
          exposure.kind === 'Ingress'
            ? 'an Ingress backend names a servicePort'
            : 'a Route names a servicePort by name or a targetPort by number',
      });
    }
  });

/** One owner-chain link: a ReplicaSet or Job and its controller (metadata only). */
const controllerSchema = z.strictObject({
  kind: z.enum(['ReplicaSet', 'Job']),
  namespace: namespaceName,
  name,
  owner: z.strictObject({ kind: z.string().min(1).max(63), name }),
});

/** A cluster-scoped policy, its `spec` as written; the engine validates it when it rebuilds the inventory. */
const clusterPolicySchema = z
  .strictObject({
    apiVersion: z.string().min(1).max(317),
    kind: z.enum(
      Object.keys(CLUSTER_POLICY_KINDS) as [
        keyof typeof CLUSTER_POLICY_KINDS,
        ...(keyof typeof CLUSTER_POLICY_KINDS)[],
      ],
    ),
    name,
    spec: z.record(z.string(), z.unknown()),
  })
  .superRefine((policy, ctx) => {
    const expected = CLUSTER_POLICY_KINDS[policy.kind];
    if (policy.apiVersion !== expected)
      ctx.addIssue({
        code: 'custom',
        path: ['apiVersion'],
        message: `a ${policy.kind} is ${expected}`,
      });
  });

/**
 * A CNI-native object (Calico, Cilium, Antrea) as written: kind, identity, labels and `spec`.
 * Its content is validated when the inventory is built, like a policy's.
 */
const cniObjectSchema = z
  .strictObject({
    apiVersion: z.string().min(1).max(253),
    kind: z.string().min(1).max(63),
    namespace: namespaceName.optional(),
    name,
    labels,
    spec: z.record(z.string(), z.unknown()),
  })
  .superRefine((object, ctx) => {
    if (!isCniObjectKind(object.kind, object.apiVersion))
      ctx.addIssue({
        code: 'custom',
        path: ['kind'],
        message: `${object.apiVersion}/${object.kind} is not a CNI policy kind the engine evaluates`,
      });
  });

/** A node: its labels (what `nodes` peers select) and its InternalIP/ExternalIP addresses, sorted. */
const nodeSchema = z.strictObject({
  name,
  labels,
  addresses: z.array(ipAddress).max(SNAPSHOT_LIMITS.addressesPerNode),
});

const ignoredKindsSchema = z
  .record(z.string().min(1).max(317), z.int().min(0).max(SNAPSHOT_LIMITS.ignoredObjects))
  .superRefine((value, ctx) => {
    const counts = Object.values(value);
    if (counts.length > SNAPSHOT_LIMITS.ignoredKinds) {
      ctx.addIssue({ code: 'custom', message: `at most ${SNAPSHOT_LIMITS.ignoredKinds} kinds` });
    }
    if (counts.reduce((a, b) => a + b, 0) > SNAPSHOT_LIMITS.ignoredObjects) {
      ctx.addIssue({
        code: 'custom',
        message: `at most ${SNAPSHOT_LIMITS.ignoredObjects} objects in total`,
      });
    }
  });

const snapshotFields = {
  apiVersion: z.literal('fenceline.dev/v1alpha1'),
  kind: z.literal('InventorySnapshot'),
  cluster: z.strictObject({ name: z.string().min(1).max(253).optional() }).optional(),
  collectedAt: z.iso.datetime({ offset: true }),
  source: z.strictObject({
    type: z.enum(['manifests', 'cluster']),
    agentVersion: z.string().min(1).max(64).optional(),
    cni: z
      .strictObject({
        name: z.string().min(1).max(64),
        /** `null` when the agent cannot tell. */
        enforcesNetworkPolicy: z.boolean().nullable(),
      })
      .optional(),
  }),
  namespaces: z.array(namespaceSchema).max(SNAPSHOT_LIMITS.namespaces),
  pods: z.array(podSchema).max(SNAPSHOT_LIMITS.pods),
  policies: z.array(policySchema).max(SNAPSHOT_LIMITS.policies),
  services: z.array(serviceSchema).max(SNAPSHOT_LIMITS.services),
  exposures: z.array(exposureSchema).max(SNAPSHOT_LIMITS.exposures),
  /** Objects the engine did not evaluate, counted per `apiVersion/kind`. */
  ignoredKinds: ignoredKindsSchema,
};

/** Version 1: NetworkPolicy only, pods named by their own controller. Still accepted. */
const snapshotV1Schema = z.strictObject({ ...snapshotFields, schemaVersion: z.literal(1) });

/** Version 2 adds the owner chain of the pods, the cluster-scoped policies and the nodes. */
const snapshotV2Schema = z.strictObject({
  ...snapshotFields,
  schemaVersion: z.literal(2),
  /** The ReplicaSet/Job links on the pods' owner chains, so pods are named by the top controller. */
  controllers: z.array(controllerSchema).max(SNAPSHOT_LIMITS.controllers),
  /** ClusterNetworkPolicy, AdminNetworkPolicy and BaselineAdminNetworkPolicy objects. */
  clusterPolicies: z.array(clusterPolicySchema).max(SNAPSHOT_LIMITS.clusterPolicies),
  /**
   * The cluster's nodes, when the agent could read them. Absent (or empty): nodes unknown, and
   * `nodes` peers of cluster policies are reported as not evaluated.
   */
  nodes: z.array(nodeSchema).max(SNAPSHOT_LIMITS.nodes).optional(),
  /**
   * The CNI's own policies, tiers, groups and network sets (Calico today). Absent when there are
   * none, so snapshots without them keep their content hash.
   */
  cniObjects: z.array(cniObjectSchema).max(SNAPSHOT_LIMITS.cniObjects).optional(),
});

/**
 * The versioned, slim inventory an agent pushes (or `fenceline snapshot` prints): what the
 * engine needs of namespaces, pods, policies (namespaced and cluster-scoped), services, their
 * exposures and the pods' owner chains, nothing more. Schema versions 1 and 2 are accepted;
 * this build writes 2.
 *
 * @example inventorySnapshotSchema.safeParse(JSON.parse(body)).success
 */
export const inventorySnapshotSchema = z.discriminatedUnion('schemaVersion', [
  snapshotV1Schema,
  snapshotV2Schema,
]);

export type InventorySnapshot = z.infer<typeof inventorySnapshotSchema>;
/** The snapshot this build writes. */
export type InventorySnapshotV2 = z.infer<typeof snapshotV2Schema>;
export type SnapshotPod = InventorySnapshot['pods'][number];
export type SnapshotExposure = InventorySnapshot['exposures'][number];
export type SnapshotSource = InventorySnapshot['source'];
export type SnapshotController = InventorySnapshotV2['controllers'][number];
export type SnapshotClusterPolicy = InventorySnapshotV2['clusterPolicies'][number];
export type SnapshotNode = NonNullable<InventorySnapshotV2['nodes']>[number];
export type SnapshotCniObject = NonNullable<InventorySnapshotV2['cniObjects']>[number];

/** The `apiVersion` and `schemaVersion` this build writes. */
export const SNAPSHOT_API_VERSION = 'fenceline.dev/v1alpha1';
export const SNAPSHOT_KIND = 'InventorySnapshot';
export const SNAPSHOT_SCHEMA_VERSION = 2;
