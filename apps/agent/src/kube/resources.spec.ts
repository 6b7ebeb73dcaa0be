import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { RESOURCES, served } from './resources';

const MANIFESTS = join(__dirname, '../../../../deploy/agent/manifests/fenceline-agent.yaml');

describe('RESOURCES', () => {
  it('is exactly what the install grants (get, list, watch), so the agent never meets a 403 of its own making', () => {
    const role = parseAllDocuments(readFileSync(MANIFESTS, 'utf8'))
      .map(
        (d) =>
          d.toJS() as {
            kind?: string;
            rules?: { apiGroups: string[]; resources: string[]; verbs: string[] }[];
          },
      )
      .find((o) => o?.kind === 'ClusterRole');
    const granted = (role?.rules ?? []).flatMap((rule) => {
      expect([...rule.verbs].sort()).toEqual(['get', 'list', 'watch']);
      return rule.apiGroups.flatMap((group) =>
        rule.resources.map((resource) => `${group || 'core'}/${resource}`),
      );
    });
    expect([...granted].sort()).toEqual(RESOURCES.map((r) => r.id).sort());
  });

  it('builds collection paths for core and named groups', () => {
    const pods = RESOURCES.find((r) => r.id === 'core/pods')!;
    const anp = RESOURCES.find((r) => r.id === 'policy.networking.k8s.io/adminnetworkpolicies')!;
    expect(served(pods, 'v1')).toMatchObject({ apiVersion: 'v1', path: '/api/v1/pods' });
    expect(served(anp, 'v1alpha1')).toMatchObject({
      apiVersion: 'policy.networking.k8s.io/v1alpha1',
      path: '/apis/policy.networking.k8s.io/v1alpha1/adminnetworkpolicies',
    });
  });
});
