import { imageMatches, imageRepository } from './image-repository';

describe('imageRepository', () => {
  it.each<[string, string]>([
    ['docker.io/calico/node:v3.28.0', 'calico/node'],
    ['calico/node', 'calico/node'],
    ['quay.io/cilium/cilium:v1.15.6@sha256:6aa8409', 'cilium/cilium'],
    [
      '602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.18.3-eksbuild.1',
      'amazon-k8s-cni',
    ],
    ['localhost:5000/flannel/flannel:v0.25.5', 'flannel/flannel'],
    ['localhost/kindest/kindnetd', 'kindest/kindnetd'],
    ['docker.io/library/busybox:1.36', 'busybox'],
    ['mcr.microsoft.com/oss/calico/node:v3.26.1', 'oss/calico/node'],
    ['  Docker.IO/Calico/Node:V3  ', 'calico/node'],
    ['', ''],
  ])('%s → %s', (image, repository) => {
    expect(imageRepository(image)).toBe(repository);
  });
});

describe('imageMatches', () => {
  it.each<[string, string, boolean]>([
    ['docker.io/calico/node:v3.28.0', 'calico/node', true],
    ['mcr.microsoft.com/oss/calico/node:v3.26.1', 'calico/node', true],
    ['rancher/mirrored-calico-node:v3.28.0', 'calico/node', true],
    ['rancher/mirrored-flannelcni-flannel:v0.19.2', 'flannelcni/flannel', true],
    ['registry.k8s.io/networking/kube-network-policies:v0.6.0', 'kube-network-policies', true],
    ['docker.io/calico/node-driver-registrar:v3.28.0', 'calico/node', false],
    ['docker.io/acme/calico-node:1', 'calico/node', false],
    ['quay.io/cilium/cilium-envoy:v1.29', 'cilium/cilium', false],
    ['docker.io/mycalico/node:1', 'calico/node', false],
    ['', 'calico/node', false],
  ])('%s from %s: %s', (image, repository, expected) => {
    expect(imageMatches(image, repository)).toBe(expected);
  });
});
