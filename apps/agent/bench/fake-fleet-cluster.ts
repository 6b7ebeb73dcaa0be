/**
 * A deterministic fake cluster for the footprint benchmark, objects shaped and sized as a real
 * API server returns them (managedFields, status, env, resources: ~3-4 KB per pod): `pods` pods
 * in namespaces of 100 (10 Deployments of 10 replicas each) and 10 NetworkPolicies per namespace.
 */
type Raw = Record<string, unknown>;

export interface FleetShape {
  readonly pods: number;
  readonly policies: number;
}

const TEAMS = ['payments', 'shop', 'search', 'identity', 'ledger', 'risk', 'mobile', 'data'];
const TIERS = ['frontend', 'backend', 'worker', 'cache', 'db'];

function managedFields(manager: string): Raw[] {
  return [
    {
      manager,
      operation: 'Update',
      apiVersion: 'v1',
      time: '2026-11-20T10:00:00Z',
      fieldsType: 'FieldsV1',
      fieldsV1: {
        'f:metadata': {
          'f:labels': { '.': {}, 'f:app': {}, 'f:pod-template-hash': {} },
          'f:ownerReferences': { '.': {} },
        },
        'f:spec': {
          'f:containers': {
            'k:{"name":"main"}': {
              '.': {},
              'f:env': {},
              'f:image': {},
              'f:ports': {},
              'f:resources': {},
            },
          },
        },
      },
    },
    {
      manager: 'kubelet',
      operation: 'Update',
      apiVersion: 'v1',
      time: '2026-11-20T10:00:05Z',
      fieldsType: 'FieldsV1',
      subresource: 'status',
      fieldsV1: {
        'f:status': {
          'f:conditions': {},
          'f:containerStatuses': {},
          'f:hostIP': {},
          'f:phase': {},
          'f:podIP': {},
          'f:podIPs': {},
          'f:startTime': {},
        },
      },
    },
  ];
}

export function* fleetObjects(shape: FleetShape): Generator<Raw> {
  const namespaces = Math.ceil(shape.pods / 100);
  const policiesPerNamespace = Math.ceil(shape.policies / namespaces);
  let podCount = 0;
  let policyCount = 0;
  for (let n = 0; n < namespaces; n++) {
    const team = TEAMS[n % TEAMS.length] as string;
    const ns = `${team}-${n}`;
    yield {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: ns,
        labels: { 'kubernetes.io/metadata.name': ns, team, env: n % 3 === 0 ? 'prod' : 'staging' },
      },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    };
    for (let d = 0; d < 10 && podCount < shape.pods; d++) {
      const app = `${team}-${TIERS[d % TIERS.length]}-${d}`;
      const hash = (n * 31 + d).toString(36).padStart(6, 'x');
      for (let r = 0; r < 10 && podCount < shape.pods; r++, podCount++) {
        const ip = `10.${(podCount >> 16) & 255}.${(podCount >> 8) & 255}.${podCount & 255}`;
        yield {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: {
            name: `${app}-${hash}-${r.toString(36).padStart(5, 'q')}`,
            namespace: ns,
            uid: `6b0e6e4c-${n}-${d}-${r}-0000`,
            labels: {
              app,
              tier: TIERS[d % TIERS.length] as string,
              team,
              'pod-template-hash': hash,
              version: `v${d % 3}`,
            },
            annotations: {
              'kubectl.kubernetes.io/restartedAt': '2026-11-20T10:00:00Z',
              'prometheus.io/scrape': 'true',
              'prometheus.io/port': '9090',
            },
            ownerReferences: [
              {
                apiVersion: 'apps/v1',
                kind: 'ReplicaSet',
                name: `${app}-${hash}`,
                uid: `rs-${n}-${d}`,
                controller: true,
                blockOwnerDeletion: true,
              },
            ],
            managedFields: managedFields('kube-controller-manager'),
          },
          spec: {
            containers: [
              {
                name: 'main',
                image: `registry.example.com/${team}/${app}:1.${d}.0`,
                ports: [
                  { name: 'http', containerPort: 8080, protocol: 'TCP' },
                  { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
                ],
                env: [
                  { name: 'LOG_LEVEL', value: 'info' },
                  {
                    name: 'OTEL_EXPORTER_OTLP_ENDPOINT',
                    value: 'http://otel-collector.monitoring:4317',
                  },
                  {
                    name: 'POD_NAME',
                    valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } },
                  },
                ],
                resources: {
                  requests: { cpu: '100m', memory: '128Mi' },
                  limits: { memory: '256Mi' },
                },
                volumeMounts: [
                  {
                    name: 'kube-api-access',
                    mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
                    readOnly: true,
                  },
                ],
                terminationMessagePath: '/dev/termination-log',
                terminationMessagePolicy: 'File',
                imagePullPolicy: 'IfNotPresent',
                securityContext: {
                  runAsNonRoot: true,
                  readOnlyRootFilesystem: true,
                  allowPrivilegeEscalation: false,
                },
              },
            ],
            volumes: [
              {
                name: 'kube-api-access',
                projected: {
                  defaultMode: 420,
                  sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: 'token' } }],
                },
              },
            ],
            restartPolicy: 'Always',
            terminationGracePeriodSeconds: 30,
            dnsPolicy: 'ClusterFirst',
            serviceAccountName: 'default',
            nodeName: `node-${podCount % 50}`,
            schedulerName: 'default-scheduler',
            tolerations: [
              {
                key: 'node.kubernetes.io/not-ready',
                operator: 'Exists',
                effect: 'NoExecute',
                tolerationSeconds: 300,
              },
            ],
          },
          status: {
            phase: 'Running',
            conditions: [
              { type: 'Initialized', status: 'True', lastTransitionTime: '2026-11-20T10:00:01Z' },
              { type: 'Ready', status: 'True', lastTransitionTime: '2026-11-20T10:00:05Z' },
              {
                type: 'ContainersReady',
                status: 'True',
                lastTransitionTime: '2026-11-20T10:00:05Z',
              },
              { type: 'PodScheduled', status: 'True', lastTransitionTime: '2026-11-20T10:00:00Z' },
            ],
            hostIP: `192.168.${podCount % 50}.10`,
            podIP: ip,
            podIPs: [{ ip }],
            startTime: '2026-11-20T10:00:00Z',
            containerStatuses: [
              {
                name: 'main',
                ready: true,
                restartCount: 0,
                image: `registry.example.com/${team}/${app}:1.${d}.0`,
                imageID: `registry.example.com/${team}/${app}@sha256:${'ab'.repeat(32)}`,
                containerID: `containerd://${'cd'.repeat(32)}`,
                started: true,
                state: { running: { startedAt: '2026-11-20T10:00:04Z' } },
              },
            ],
            qosClass: 'Burstable',
          },
        };
      }
      // The Deployment's ReplicaSets: the current one and two old ones kept as revision history.
      for (const [revision, rsHash] of [hash, `${hash}o1`, `${hash}o2`].entries())
        yield replicaSet(ns, app, rsHash, revision === 0 ? 10 : 0, `rs-${n}-${d}-${revision}`);
    }
    for (let p = 0; p < policiesPerNamespace && policyCount < shape.policies; p++, policyCount++) {
      yield {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: {
          name: `policy-${p}`,
          namespace: ns,
          generation: 1,
          managedFields: managedFields('kubectl'),
        },
        spec: policySpec(p, team),
      };
    }
  }
}

/** A ReplicaSet as the API server serves it (template, status, managedFields): ~2 KB of JSON. */
function replicaSet(ns: string, app: string, hash: string, replicas: number, uid: string): Raw {
  const labels = { app, 'pod-template-hash': hash };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${app}-${hash}`,
      namespace: ns,
      uid,
      labels,
      annotations: {
        'deployment.kubernetes.io/revision': '3',
        'deployment.kubernetes.io/max-replicas': '13',
      },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: app,
          uid: `deploy-${uid}`,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
      managedFields: managedFields('kube-controller-manager'),
    },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name: 'main',
              image: `registry.example.com/${app}:1.0.0`,
              ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
              env: [{ name: 'LOG_LEVEL', value: 'info' }],
              resources: { requests: { cpu: '50m', memory: '64Mi' } },
            },
          ],
        },
      },
    },
    status: {
      replicas,
      readyReplicas: replicas,
      availableReplicas: replicas,
      observedGeneration: 3,
    },
  };
}

function policySpec(p: number, team: string): Raw {
  const app = `${team}-${TIERS[p % TIERS.length]}-${p}`;
  switch (p % 5) {
    case 0:
      return { podSelector: {}, policyTypes: ['Ingress', 'Egress'] };
    case 1:
      return {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [
          {
            to: [
              {
                namespaceSelector: {
                  matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' },
                },
                podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
              },
            ],
            ports: [
              { port: 53, protocol: 'UDP' },
              { port: 53, protocol: 'TCP' },
            ],
          },
        ],
      };
    case 2:
      return {
        podSelector: { matchLabels: { app } },
        ingress: [{ from: [{ podSelector: {} }], ports: [{ port: 'http' }] }],
      };
    case 3:
      return {
        podSelector: { matchLabels: { app } },
        ingress: [
          {
            from: [
              { namespaceSelector: { matchLabels: { team } } },
              {
                namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } },
              },
            ],
            ports: [{ port: 'metrics' }],
          },
        ],
      };
    default:
      return {
        podSelector: {
          matchExpressions: [{ key: 'tier', operator: 'In', values: ['backend', 'db'] }],
        },
        egress: [
          {
            to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.255.0.0/16'] } }],
            ports: [{ port: 5432 }],
          },
        ],
        policyTypes: ['Egress'],
      };
  }
}
