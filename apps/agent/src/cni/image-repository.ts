/**
 * The repository path of an image reference, lower-cased, without registry host, tag or digest.
 * See https://kubernetes.io/docs/concepts/containers/images/#image-names
 *
 * @example imageRepository('docker.io/calico/node:v3.28.0@sha256:abc') // 'calico/node'
 */
export function imageRepository(image: string): string {
  let reference = image.trim().toLowerCase();
  const at = reference.indexOf('@');
  if (at >= 0) reference = reference.slice(0, at);
  const colon = reference.lastIndexOf(':');
  if (colon > reference.lastIndexOf('/')) reference = reference.slice(0, colon);
  const segments = reference.split('/').filter((segment) => segment !== '');
  // A first segment with a dot or a port, or `localhost`, is a registry host, not a namespace.
  const first = segments[0];
  if (segments.length > 1 && first !== undefined && /[.:]|^localhost$/.test(first))
    segments.shift();
  if (segments.length > 1 && segments[0] === 'library') segments.shift();
  return segments.join('/');
}

/**
 * Whether an image comes from `repository`: the same path, a path ending in `/repository`
 * (mirrors that keep the original path under their own prefix), or Rancher's flattened
 * mirror name (`rancher/mirrored-calico-node` for `calico/node`).
 *
 * @example imageMatches('mcr.microsoft.com/oss/calico/node:v3.26.1', 'calico/node') // true
 */
export function imageMatches(image: string, repository: string): boolean {
  const path = imageRepository(image);
  if (path === '') return false;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return (
    path === repository ||
    path.endsWith(`/${repository}`) ||
    last === `mirrored-${repository.replaceAll('/', '-')}`
  );
}
