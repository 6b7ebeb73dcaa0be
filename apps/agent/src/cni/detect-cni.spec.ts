import * as raw from '../../test/cni-fixtures';
import { cniWorkloadOf, detectCni, type CniDetection, type CniWorkload } from './detect-cni';

/** List items carry no kind; the fixtures' Deployments do and keep it. */
function ds(object: unknown): CniWorkload {
  const workload = cniWorkloadOf(object, 'DaemonSet');
  if (!workload) throw new Error('fixture did not parse');
  return workload;
}

const detect = (...objects: unknown[]): CniDetection => detectCni(objects.map(ds));

const FLANNEL_EVIDENCE =
  'DaemonSet kube-flannel/kube-flannel-ds (image docker.io/flannel/flannel:v0.25.5)';
const CILIUM_IMAGE =
  'quay.io/cilium/cilium:v1.15.6@sha256:6aa840986a3a9722cd967ef63248d675a87add7e1704740902d5d3162f0c0def';
const ECR = '602401143452.dkr.ecr.us-west-2.amazonaws.com';
const OCP_IMAGE =
  'quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:3b4f5c3d1e0f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b';
const KUBE_ROUTER_IMAGE = 'docker.io/cloudnativelabs/kube-router:v2.2.0';

describe('detectCni', () => {
  it('says unknown, null, no evidence when nothing is recognised', () => {
    expect(detect(raw.kubeProxy, raw.coreDns)).toEqual({
      name: 'unknown',
      enforcesNetworkPolicy: null,
      evidence: [],
    });
    expect(detectCni([])).toEqual({ name: 'unknown', enforcesNetworkPolicy: null, evidence: [] });
  });

  describe('Calico', () => {
    it('recognises the tigera operator install in calico-system, with its companions as evidence', () => {
      expect(
        detect(
          raw.tigeraCalicoNode,
          raw.calicoKubeControllers,
          raw.calicoTypha,
          raw.tigeraOperator,
          raw.kubeProxy,
        ),
      ).toEqual({
        name: 'calico',
        enforcesNetworkPolicy: true,
        evidence: [
          'DaemonSet calico-system/calico-node (image docker.io/calico/node:v3.28.0)',
          'Deployment calico-system/calico-kube-controllers (image docker.io/calico/kube-controllers:v3.28.0)',
          'Deployment calico-system/calico-typha (image docker.io/calico/typha:v3.28.0)',
          'Deployment tigera-operator/tigera-operator (image quay.io/tigera/operator:v1.34.0)',
        ],
      });
    });

    it('cannot tell from the operator alone (calico-node not rolled out)', () => {
      expect(detect(raw.tigeraOperator)).toEqual({
        name: 'calico',
        enforcesNetworkPolicy: null,
        evidence: [
          'Deployment tigera-operator/tigera-operator (image quay.io/tigera/operator:v1.34.0)',
        ],
      });
    });
  });

  describe('Canal', () => {
    it('recognises the canal DaemonSet', () => {
      expect(detect(raw.canal)).toEqual({
        name: 'canal',
        enforcesNetworkPolicy: true,
        evidence: ['DaemonSet kube-system/canal (image docker.io/calico/node:v3.28.0)'],
      });
    });

    it("recognises RKE2's renamed canal with hardened images", () => {
      expect(detect(raw.rke2Canal)).toEqual({
        name: 'canal',
        enforcesNetworkPolicy: true,
        evidence: [
          'DaemonSet kube-system/rke2-canal (image rancher/hardened-calico:v3.28.1-build20240806)',
        ],
      });
    });

    it('recognises calico-node running a flannel container as canal', () => {
      const object = raw.rawDaemonSet({
        namespace: 'kube-system',
        name: 'calico-node',
        containers: [
          { name: 'calico-node', image: 'quay.io/calico/node:v3.27.3' },
          { name: 'flannel', image: 'quay.io/coreos/flannel:v0.15.1' },
        ],
      });
      expect(detect(object)).toEqual({
        name: 'canal',
        enforcesNetworkPolicy: true,
        evidence: ['DaemonSet kube-system/calico-node (image quay.io/calico/node:v3.27.3)'],
      });
    });
  });

  describe('Cilium', () => {
    it('recognises the Helm install with its operator', () => {
      expect(detectCni([ds(raw.cilium()), cniWorkloadOf(raw.ciliumOperator)!])).toEqual({
        name: 'cilium',
        enforcesNetworkPolicy: true,
        evidence: [
          `DaemonSet kube-system/cilium (image ${CILIUM_IMAGE})`,
          'Deployment kube-system/cilium-operator (image quay.io/cilium/operator-generic:v1.15.6)',
        ],
      });
    });

    it('recognises GKE Dataplane V2 (anetd)', () => {
      expect(detect(raw.gkeAnetd)).toEqual({
        name: 'cilium',
        enforcesNetworkPolicy: true,
        evidence: ['DaemonSet kube-system/anetd (image gke.gcr.io/cilium/cilium:v1.14.12-gke3700)'],
      });
    });

    it.each<[string, Parameters<typeof raw.cilium>[0], string]>([
      [
        '--enable-policy=never',
        { args: ['--config-dir=/tmp/cilium/config-map', '--enable-policy=never'] },
        'cilium-agent --enable-policy=never',
      ],
      [
        '--enable-policy never',
        { args: ['--enable-policy', 'never'] },
        'cilium-agent --enable-policy=never',
      ],
      [
        'CILIUM_ENABLE_POLICY=never',
        { env: [{ name: 'CILIUM_ENABLE_POLICY', value: 'never' }] },
        'cilium-agent --enable-policy=never',
      ],
      [
        '--enable-k8s-networkpolicy=false',
        { args: ['--enable-k8s-networkpolicy=false'] },
        'cilium-agent --enable-k8s-networkpolicy=false',
      ],
    ])('does not enforce with %s', (_, agent, note) => {
      expect(detect(raw.cilium(agent))).toEqual({
        name: 'cilium',
        enforcesNetworkPolicy: false,
        evidence: [`DaemonSet kube-system/cilium (image ${CILIUM_IMAGE}; ${note})`],
      });
    });

    it('still enforces with --enable-policy=always', () => {
      expect(detect(raw.cilium({ args: ['--enable-policy=always'] })).enforcesNetworkPolicy).toBe(
        true,
      );
    });
  });

  it('recognises Antrea with its controller', () => {
    expect(detectCni([ds(raw.antreaAgent), cniWorkloadOf(raw.antreaController)!])).toEqual({
      name: 'antrea',
      enforcesNetworkPolicy: true,
      evidence: [
        'DaemonSet kube-system/antrea-agent (image antrea/antrea-agent-ubuntu:v2.1.0)',
        'Deployment kube-system/antrea-controller (image antrea/antrea-controller-ubuntu:v2.1.0)',
      ],
    });
  });

  describe('Weave Net', () => {
    it('enforces with weave-npc', () => {
      expect(detect(raw.weaveNet)).toEqual({
        name: 'weave',
        enforcesNetworkPolicy: true,
        evidence: [
          'DaemonSet kube-system/weave-net (image weaveworks/weave-kube:latest; weave-npc container)',
        ],
      });
    });

    it('does not enforce without weave-npc', () => {
      expect(detect(raw.weaveNetWithoutNpc)).toEqual({
        name: 'weave',
        enforcesNetworkPolicy: false,
        evidence: [
          'DaemonSet kube-system/weave-net (image weaveworks/weave-kube:latest; no weave-npc container)',
        ],
      });
    });
  });

  describe('kube-router', () => {
    it('enforces as the full CNI', () => {
      const args = [
        '--run-router=true',
        '--run-firewall=true',
        '--run-service-proxy=true',
        '--bgp-graceful-restart=true',
      ];
      expect(detect(raw.kubeRouter(args))).toEqual({
        name: 'kube-router',
        enforcesNetworkPolicy: true,
        evidence: [`DaemonSet kube-system/kube-router (image ${KUBE_ROUTER_IMAGE})`],
      });
    });

    it('does not enforce with --run-firewall=false', () => {
      expect(
        detect(
          raw.kubeRouter([
            '--run-router=true',
            '--run-firewall=false',
            '--run-service-proxy=false',
          ]),
        ),
      ).toEqual({
        name: 'kube-router',
        enforcesNetworkPolicy: false,
        evidence: [
          `DaemonSet kube-system/kube-router (image ${KUBE_ROUTER_IMAGE}; kube-router --run-firewall=false)`,
        ],
      });
    });

    it('combines with flannel when it runs only the firewall beside it', () => {
      const firewallOnly = raw.kubeRouter([
        '--run-router=false',
        '--run-firewall=true',
        '--run-service-proxy=false',
      ]);
      expect(detect(raw.kubeFlannelDs, firewallOnly)).toEqual({
        name: 'flannel+kube-router',
        enforcesNetworkPolicy: true,
        evidence: [
          FLANNEL_EVIDENCE,
          `DaemonSet kube-system/kube-router (image ${KUBE_ROUTER_IMAGE})`,
        ],
      });
    });
  });

  describe('Flannel', () => {
    it('does not enforce alone (kube-flannel.yml)', () => {
      expect(detect(raw.kubeFlannelDs, raw.kubeProxy, raw.coreDns)).toEqual({
        name: 'flannel',
        enforcesNetworkPolicy: false,
        evidence: [FLANNEL_EVIDENCE],
      });
    });

    it('recognises the old per-architecture CoreOS DaemonSet', () => {
      expect(detect(raw.kubeFlannelDsAmd64)).toEqual({
        name: 'flannel',
        enforcesNetworkPolicy: false,
        evidence: [
          'DaemonSet kube-system/kube-flannel-ds-amd64 (image quay.io/coreos/flannel:v0.12.0-amd64)',
        ],
      });
    });

    it('enforces beside kube-network-policies', () => {
      expect(detect(raw.kubeNetworkPolicies, raw.kubeFlannelDs)).toEqual({
        name: 'flannel+kube-network-policies',
        enforcesNetworkPolicy: true,
        evidence: [
          FLANNEL_EVIDENCE,
          'DaemonSet kube-system/kube-network-policies (image registry.k8s.io/networking/kube-network-policies:v0.6.0)',
        ],
      });
    });

    it('enforces beside Antrea in policy-only mode', () => {
      expect(detect(raw.kubeFlannelDs, raw.antreaAgent)).toEqual({
        name: 'antrea+flannel',
        enforcesNetworkPolicy: true,
        evidence: [
          FLANNEL_EVIDENCE,
          'DaemonSet kube-system/antrea-agent (image antrea/antrea-agent-ubuntu:v2.1.0)',
        ],
      });
    });

    it('enforces beside a separate calico-node (felix)', () => {
      expect(detect(raw.kubeFlannelDs, raw.tigeraCalicoNode)).toMatchObject({
        name: 'calico+flannel',
        enforcesNetworkPolicy: true,
      });
    });
  });

  it('enforces with kube-network-policies beside an unrecognised CNI', () => {
    const homegrown = raw.rawDaemonSet({
      namespace: 'net',
      name: 'acme-cni',
      containers: [{ name: 'agent', image: 'registry.acme.io/net/agent:4.2' }],
    });
    expect(detect(homegrown, raw.kubeNetworkPolicies)).toEqual({
      name: 'kube-network-policies',
      enforcesNetworkPolicy: true,
      evidence: [
        'DaemonSet kube-system/kube-network-policies (image registry.k8s.io/networking/kube-network-policies:v0.6.0)',
      ],
    });
  });

  describe('AWS VPC CNI', () => {
    const awsEvidence = (note: string): string =>
      `DaemonSet kube-system/aws-node (image ${ECR}/amazon-k8s-cni:v1.18.3-eksbuild.1; ${note})`;

    it('enforces when the node agent runs with --enable-network-policy=true', () => {
      expect(detect(raw.awsNode(true))).toEqual({
        name: 'aws-vpc-cni',
        enforcesNetworkPolicy: true,
        evidence: [awsEvidence('aws-eks-nodeagent --enable-network-policy=true')],
      });
    });

    it('does not enforce when the node agent has network policy disabled (the add-on default)', () => {
      expect(detect(raw.awsNode(false))).toEqual({
        name: 'aws-vpc-cni',
        enforcesNetworkPolicy: false,
        evidence: [awsEvidence('aws-eks-nodeagent without --enable-network-policy=true')],
      });
    });

    it('does not enforce without a node agent (VPC CNI before 1.14)', () => {
      expect(detect(raw.awsNodeWithoutAgent)).toEqual({
        name: 'aws-vpc-cni',
        enforcesNetworkPolicy: false,
        evidence: [
          `DaemonSet kube-system/aws-node (image ${ECR}/amazon-k8s-cni:v1.12.6-eksbuild.2; no aws-eks-nodeagent container)`,
        ],
      });
    });

    it('enforces through Calico running beside it', () => {
      expect(detect(raw.awsNode(false), raw.tigeraCalicoNode)).toEqual({
        name: 'aws-vpc-cni+calico',
        enforcesNetworkPolicy: true,
        evidence: [
          'DaemonSet calico-system/calico-node (image docker.io/calico/node:v3.28.0)',
          awsEvidence('aws-eks-nodeagent without --enable-network-policy=true'),
        ],
      });
    });
  });

  describe('Azure', () => {
    const CNS =
      'DaemonSet kube-system/azure-cns (image mcr.microsoft.com/containernetworking/azure-cns:v1.5.32)';

    it('does not enforce with Azure CNI alone', () => {
      expect(detect(raw.azureCns)).toEqual({
        name: 'azure-cni',
        enforcesNetworkPolicy: false,
        evidence: [CNS],
      });
    });

    it('enforces with Azure NPM', () => {
      expect(detect(raw.azureNpm, raw.azureCns)).toEqual({
        name: 'azure-cni+azure-npm',
        enforcesNetworkPolicy: true,
        evidence: [
          CNS,
          'DaemonSet kube-system/azure-npm (image mcr.microsoft.com/containernetworking/azure-npm:v1.5.34)',
        ],
      });
    });

    it('enforces as Azure CNI powered by Cilium', () => {
      expect(detect(raw.azureCns, raw.aksCilium)).toEqual({
        name: 'azure-cni+cilium',
        enforcesNetworkPolicy: true,
        evidence: [
          CNS,
          'DaemonSet kube-system/cilium (image mcr.microsoft.com/oss/cilium/cilium:1.14.10-1)',
        ],
      });
    });
  });

  it('recognises OVN-Kubernetes on OpenShift by its object and container names', () => {
    expect(detectCni([ds(raw.ovnkubeNode), cniWorkloadOf(raw.ovnkubeControlPlane)!])).toEqual({
      name: 'ovn-kubernetes',
      enforcesNetworkPolicy: true,
      evidence: [
        `DaemonSet openshift-ovn-kubernetes/ovnkube-node (image ${OCP_IMAGE})`,
        `Deployment openshift-ovn-kubernetes/ovnkube-control-plane (image ${OCP_IMAGE})`,
      ],
    });
  });

  it('recognises OpenShift SDN by its namespace and name', () => {
    expect(detect(raw.openshiftSdn, raw.openshiftSdnController)).toEqual({
      name: 'openshift-sdn',
      enforcesNetworkPolicy: true,
      evidence: [
        `DaemonSet openshift-sdn/sdn (image ${OCP_IMAGE}; default NetworkPolicy mode assumed)`,
        `DaemonSet openshift-sdn/sdn-controller (image ${OCP_IMAGE})`,
      ],
    });
  });

  it('does not take a DaemonSet named sdn elsewhere for OpenShift SDN', () => {
    const elsewhere = raw.rawDaemonSet({
      namespace: 'lab',
      name: 'sdn',
      containers: [{ name: 'sdn', image: 'lab/sdn:1' }],
    });
    expect(detect(elsewhere).name).toBe('unknown');
  });

  describe('kindnet', () => {
    it('cannot tell: only recent kindnetd releases enforce', () => {
      expect(detect(raw.kindnet())).toEqual({
        name: 'kindnet',
        enforcesNetworkPolicy: null,
        evidence: [
          'DaemonSet kube-system/kindnet (image docker.io/kindest/kindnetd:v20240813-c6f155d6; NetworkPolicy support depends on the kindnetd release)',
        ],
      });
    });

    it('does not enforce when network policies are switched off', () => {
      expect(detect(raw.kindnet(['--network-policy=false'])).enforcesNetworkPolicy).toBe(false);
    });

    it('stays unknown beside flannel, which does not enforce either', () => {
      expect(detect(raw.kindnet(), raw.kubeFlannelDs)).toMatchObject({
        name: 'flannel+kindnet',
        enforcesNetworkPolicy: null,
      });
    });
  });

  describe('several CNIs at once', () => {
    const migration = [raw.kubeFlannelDs, raw.cilium(), raw.ciliumOperator, raw.kubeProxy];
    const expected: CniDetection = {
      name: 'cilium+flannel',
      enforcesNetworkPolicy: true,
      evidence: [
        FLANNEL_EVIDENCE,
        `DaemonSet kube-system/cilium (image ${CILIUM_IMAGE})`,
        'Deployment kube-system/cilium-operator (image quay.io/cilium/operator-generic:v1.15.6)',
      ],
    };

    it('reports every CNI and every object during a migration', () => {
      expect(detect(...migration)).toEqual(expected);
    });

    it('gives the same result for every input order', () => {
      for (const order of permutations(migration)) expect(detect(...order)).toEqual(expected);
    });

    it('lists an object given twice once', () => {
      expect(detect(...migration, ...migration)).toEqual(expected);
    });

    it('does not enforce when none of them does', () => {
      expect(detect(raw.weaveNetWithoutNpc, raw.kubeFlannelDs)).toMatchObject({
        name: 'flannel+weave',
        enforcesNetworkPolicy: false,
      });
    });
  });

  it('does not let a Deployment running a node-agent image decide enforcement', () => {
    const misplaced = raw.rawDeployment({
      namespace: 'default',
      name: 'debug',
      containers: [{ name: 'c', image: 'docker.io/calico/node:v3.28.0' }],
    });
    expect(detectCni([cniWorkloadOf(misplaced)!])).toEqual({
      name: 'calico',
      enforcesNetworkPolicy: null,
      evidence: ['Deployment default/debug (image docker.io/calico/node:v3.28.0)'],
    });
  });

  it('survives workloads parsed from malformed objects', () => {
    const malformed = [
      { metadata: { name: 'calico-node', namespace: 'kube-system' } },
      {
        metadata: { name: 'cilium', namespace: 'kube-system' },
        spec: { template: { spec: { containers: 'cilium' } } },
      },
      {
        metadata: { name: 'aws-node' },
        spec: {
          template: {
            spec: {
              containers: [
                null,
                7,
                { name: 'aws-eks-nodeagent', args: [1, '--enable-network-policy'] },
              ],
            },
          },
        },
      },
    ].map(ds);
    expect(detectCni(malformed)).toEqual({
      name: 'aws-vpc-cni+calico+cilium',
      enforcesNetworkPolicy: true,
      evidence: [
        'DaemonSet aws-node (aws-eks-nodeagent --enable-network-policy=true)',
        'DaemonSet kube-system/calico-node',
        'DaemonSet kube-system/cilium',
      ],
    });
  });
});

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}
