import { METADATA_ONLY_ANNOTATION, NODE_ADDRESS_TYPES } from '@fenceline/netpol';
import type { ServedResource } from './resources';

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** List items come without `kind` and `apiVersion` (typed lists leave them out); the engine needs both. */
export function withKind(resource: ServedResource, object: Raw): Raw {
  return { ...object, apiVersion: resource.apiVersion, kind: resource.kind };
}

/**
 * What CNI detection reads of a DaemonSet: name, namespace, labels, and its pod template's
 * container names, images, commands, args and env, and how many nodes it should run on. The
 * rest (kilobytes of status and managedFields) is not kept.
 */
export function daemonSetView(resource: ServedResource, object: Raw): Raw {
  const metadata = isObject(object['metadata']) ? object['metadata'] : {};
  const spec = isObject(object['spec']) ? object['spec'] : {};
  const template = isObject(spec['template']) ? spec['template'] : {};
  const podSpec = isObject(template['spec']) ? template['spec'] : {};
  const containers = (key: string): Raw =>
    Array.isArray(podSpec[key])
      ? {
          [key]: podSpec[key].map((c: unknown) =>
            isObject(c) ? pick(c, ['name', 'image', 'command', 'args', 'env']) : c,
          ),
        }
      : {};
  const status = isObject(object['status']) ? object['status'] : {};
  return {
    apiVersion: resource.apiVersion,
    kind: resource.kind,
    metadata: pick(metadata, ['name', 'namespace', 'labels']),
    spec: { template: { spec: { ...containers('containers'), ...containers('initContainers') } } },
    ...(Object.hasOwn(status, 'desiredNumberScheduled')
      ? { status: pick(status, ['desiredNumberScheduled']) }
      : {}),
  };
}

/**
 * What the owner chain needs of a ReplicaSet or Job: name, namespace and its controller owner,
 * marked metadata-only so the engine reads it as a link, not as a template. The template, status
 * and managedFields (most of the object) are not kept.
 */
export function controllerView(resource: ServedResource, object: Raw): Raw {
  const metadata = isObject(object['metadata']) ? object['metadata'] : {};
  const owners = Array.isArray(metadata['ownerReferences']) ? metadata['ownerReferences'] : [];
  const controller: unknown = owners.find((o: unknown) => isObject(o) && o['controller'] === true);
  return {
    apiVersion: resource.apiVersion,
    kind: resource.kind,
    metadata: {
      ...pick(metadata, ['name', 'namespace']),
      annotations: { [METADATA_ONLY_ANNOTATION]: 'true' },
      ...(isObject(controller)
        ? { ownerReferences: [{ ...pick(controller, ['kind', 'name']), controller: true }] }
        : {}),
    },
  };
}

/**
 * What `nodes` peers need of a Node: name, labels and the InternalIP/ExternalIP entries of
 * `status.addresses`. The kubelet rewrites the rest of the status (heartbeats, conditions,
 * images) every few seconds; none of it is kept, so those writes change nothing downstream.
 */
export function nodeView(resource: ServedResource, object: Raw): Raw {
  const metadata = isObject(object['metadata']) ? object['metadata'] : {};
  const status = isObject(object['status']) ? object['status'] : {};
  const addresses = Array.isArray(status['addresses'])
    ? status['addresses'].filter(
        (a: unknown) =>
          isObject(a) && typeof a['type'] === 'string' && NODE_ADDRESS_TYPES.has(a['type']),
      )
    : [];
  return {
    apiVersion: resource.apiVersion,
    kind: resource.kind,
    metadata: pick(metadata, ['name', 'labels']),
    status: { addresses: addresses.map((a: Raw) => pick(a, ['type', 'address'])) },
  };
}

function pick(source: Raw, keys: readonly string[]): Raw {
  const out: Raw = {};
  for (const key of keys) if (Object.hasOwn(source, key)) out[key] = source[key];
  return out;
}
