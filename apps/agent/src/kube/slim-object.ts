import { TEMPLATE_ANNOTATION } from '@fenceline/netpol';
import type { ServedResource } from './resources';

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The part of an object the engine reads, copied as is (invalid values included, so the engine
 * reports the same issues it would on the full object): a live pod carries kilobytes of
 * managedFields, status conditions and container specs the snapshot never needs, and the agent
 * keeps tens of thousands of them in memory.
 *
 * Invariant (tested): `buildInventory([slim(o)])` equals `buildInventory([o])` for every object.
 * List items come without `kind`/`apiVersion` (typed lists leave them out), so both are set here.
 */
export function slimObject(resource: ServedResource, object: Raw): Raw {
  const head: Raw = { apiVersion: resource.apiVersion, kind: resource.kind };
  // Never from an API server; kept whole so the engine reports it as it would.
  if (!isObject(object['metadata'])) return { ...object, ...head };
  const metadata = object['metadata'];
  const meta: Raw = pick(metadata, ['name', 'namespace']);
  if (resource.role === 'counted') return { ...head, metadata: meta };
  if (resource.role === 'cni') return { ...head, metadata: { ...meta, ...pick(metadata, ['labels']) }, spec: { template: { spec: podSpecForCni(object) } } };

  if (resource.kind === 'Namespace') return { ...head, metadata: { ...meta, ...pick(metadata, ['labels']) } };
  if (resource.kind !== 'Pod') return { ...head, metadata: meta, ...pick(object, ['spec']) };

  const annotations = metadata['annotations'];
  const owners = metadata['ownerReferences'];
  const spec = isObject(object['spec']) ? object['spec'] : undefined;
  const status = isObject(object['status']) ? object['status'] : undefined;
  return {
    ...head,
    metadata: {
      ...meta,
      ...pick(metadata, ['labels']),
      ...slimAnnotations(metadata, annotations),
      ...(Array.isArray(owners) ? { ownerReferences: owners.map((o: unknown) => (isObject(o) ? pick(o, ['kind', 'name', 'controller']) : o)) } : pick(metadata, ['ownerReferences'])),
    },
    ...(spec === undefined
      ? pick(object, ['spec'])
      : {
          spec: {
            ...pick(spec, ['hostNetwork']),
            ...(Array.isArray(spec['containers'])
              ? { containers: spec['containers'].map((c: unknown) => (isObject(c) ? pick(c, ['ports']) : c)) }
              : pick(spec, ['containers'])),
          },
        }),
    ...(status === undefined ? pick(object, ['status']) : { status: pick(status, ['phase', 'podIP', 'podIPs']) }),
  };
}

/** What CNI detection reads of a DaemonSet's pod template: container names, images, args, literal env. */
function podSpecForCni(object: Raw): Raw {
  const spec = isObject(object['spec']) ? object['spec'] : {};
  const template = isObject(spec['template']) ? spec['template'] : {};
  const podSpec = isObject(template['spec']) ? template['spec'] : {};
  const containers = (key: string): Raw =>
    Array.isArray(podSpec[key]) ? { [key]: podSpec[key].map((c: unknown) => (isObject(c) ? pick(c, ['name', 'image', 'command', 'args', 'env']) : c)) } : {};
  return { ...containers('containers'), ...containers('initContainers') };
}

/** Only the annotation the engine reads, unless the map is malformed (then all of it, for the same issues). */
function slimAnnotations(metadata: Raw, annotations: unknown): Raw {
  if (!Object.hasOwn(metadata, 'annotations')) return {};
  if (!isObject(annotations) || Object.values(annotations).some((v) => typeof v !== 'string')) return { annotations };
  return Object.hasOwn(annotations, TEMPLATE_ANNOTATION) ? { annotations: { [TEMPLATE_ANNOTATION]: annotations[TEMPLATE_ANNOTATION] } } : {};
}

function pick(source: Raw, keys: readonly string[]): Raw {
  const out: Raw = {};
  for (const key of keys) if (Object.hasOwn(source, key)) out[key] = source[key];
  return out;
}
