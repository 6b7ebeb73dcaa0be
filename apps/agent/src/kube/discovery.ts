import type { Logger } from '../log/logger';
import { KubeApiError, type KubeClient } from './kube-client';
import { served, type ResourceDef, type ServedResource } from './resources';

interface ApiResourceList {
  resources?: { name?: unknown; verbs?: unknown }[];
}

/**
 * Which of the resources the server serves, at the first preferred version it offers (API
 * discovery: `/apis` for groups and versions, `/api/v1` and `/apis/<group>/<version>` for
 * resources). A resource counts only with `list` and `watch` verbs. Optional resources whose
 * group is absent are left out; a required one missing is an error.
 *
 * @see https://kubernetes.io/docs/concepts/overview/kubernetes-api/#discovery-api
 */
export async function discoverResources(
  client: KubeClient,
  resources: readonly ResourceDef[],
  log: Logger,
): Promise<ServedResource[]> {
  const groups = await servedGroupVersions(client);
  const lists = new Map<string, Promise<ApiResourceList | undefined>>();
  const resourceList = (groupVersion: string): Promise<ApiResourceList | undefined> => {
    let list = lists.get(groupVersion);
    if (!list) {
      const path = groupVersion.includes('/') ? `/apis/${groupVersion}` : `/api/${groupVersion}`;
      list = client.getJson(path).then(
        (body) => body as ApiResourceList,
        (error: unknown) => {
          if (
            error instanceof KubeApiError &&
            (error.statusCode === 404 || error.statusCode === 403)
          )
            return undefined;
          throw error;
        },
      );
      lists.set(groupVersion, list);
    }
    return list;
  };

  const found: ServedResource[] = [];
  for (const resource of resources) {
    const versions = resource.group === '' ? ['v1'] : (groups.get(resource.group) ?? []);
    let match: ServedResource | undefined;
    for (const version of resource.versions) {
      if (!versions.includes(version)) continue;
      const candidate = served(resource, version);
      const list = await resourceList(candidate.apiVersion);
      const entry = list?.resources?.find((r) => r.name === resource.resource);
      const verbs = Array.isArray(entry?.verbs) ? entry.verbs : [];
      if (entry && verbs.includes('list') && verbs.includes('watch')) {
        match = candidate;
        break;
      }
    }
    if (match) found.push(match);
    else if (resource.required)
      throw new Error(
        `the Kubernetes API does not serve ${resource.resource}${resource.group ? `.${resource.group}` : ''} (${resource.versions.join(', ')}) with list and watch`,
      );
    else log.debug({ resource: resource.id }, `${resource.id} is not served here`);
  }
  return found;
}

async function servedGroupVersions(client: KubeClient): Promise<Map<string, string[]>> {
  const body = (await client.getJson('/apis')) as {
    groups?: { name?: unknown; versions?: { version?: unknown }[] }[];
  };
  const groups = new Map<string, string[]>();
  for (const group of body.groups ?? []) {
    if (typeof group.name !== 'string') continue;
    groups.set(
      group.name,
      (group.versions ?? [])
        .map((v) => v.version)
        .filter((v): v is string => typeof v === 'string'),
    );
  }
  return groups;
}
