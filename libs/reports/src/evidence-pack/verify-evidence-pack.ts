import { canonicalJson } from '@fenceline/contracts';
import { unzipSync } from 'fflate';
import {
  MANIFEST_PATH,
  REQUIRED_PACK_FILES,
  evidencePackManifestSchema,
  sha256Hex,
} from './manifest';

/** Options of {@link verifyEvidencePack}. */
export interface VerifyEvidencePackOptions {
  /** The SHA-256 of the previous pack; the manifest must link to it. */
  readonly previousPackSha256?: string;
  /** The SHA-256 recorded for this pack; the zip bytes must hash to it. */
  readonly sha256?: string;
  /** Refuse to inflate more than this many bytes in all (default 512 MiB). */
  readonly maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;

/**
 * Checks an evidence pack: every file's SHA-256 and size against the manifest, the manifest
 * listing exactly the files present (no duplicate, unsafe or unexpected entry), the manifest
 * subject matching `report.json`, and when given the chain link and the pack's own hash.
 * Problems are returned, never thrown.
 *
 * @example verifyEvidencePack(zip, { previousPackSha256 }) // { ok: true, problems: [] }
 */
export function verifyEvidencePack(
  zip: Buffer,
  options: VerifyEvidencePackOptions = {},
): { ok: boolean; problems: string[] } {
  const problems: string[] = [];
  const result = () => ({ ok: problems.length === 0, problems });
  if (options.sha256 !== undefined && sha256Hex(zip) !== options.sha256.toLowerCase())
    problems.push(`pack: SHA-256 is ${sha256Hex(zip)}, expected ${options.sha256}`);

  const seen = new Set<string>();
  let declared = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip, {
      filter: (file) => {
        // unzipSync keys entries by name, so a second entry of a name would silently replace the first.
        if (seen.has(file.name)) problems.push(`${file.name}: appears more than once in the zip`);
        seen.add(file.name);
        if (file.name.endsWith('/')) return false;
        if (file.name.startsWith('/') || file.name.split(/[\\/]/).includes('..'))
          problems.push(`${file.name}: unsafe path`);
        declared += file.originalSize;
        return declared <= (options.maxBytes ?? DEFAULT_MAX_BYTES);
      },
    });
  } catch (error) {
    problems.push(
      `pack: not a readable zip (${error instanceof Error ? error.message : String(error)})`,
    );
    return result();
  }
  if (declared > (options.maxBytes ?? DEFAULT_MAX_BYTES)) {
    problems.push(`pack: inflates to more than ${options.maxBytes ?? DEFAULT_MAX_BYTES} bytes`);
    return result();
  }

  const manifestBytes = entries[MANIFEST_PATH];
  if (!manifestBytes) {
    problems.push(`${MANIFEST_PATH}: missing`);
    return result();
  }
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(manifestBytes).toString('utf8'));
  } catch {
    problems.push(`${MANIFEST_PATH}: not JSON`);
    return result();
  }
  const parsed = evidencePackManifestSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push(`${MANIFEST_PATH}: ${issue.path.join('.')}: ${issue.message}`);
    return result();
  }
  const manifest = parsed.data;

  const listed = new Set<string>();
  for (const file of manifest.files) {
    if (listed.has(file.path)) problems.push(`${file.path}: listed more than once in the manifest`);
    listed.add(file.path);
    if (file.path === MANIFEST_PATH) {
      problems.push(`${MANIFEST_PATH}: lists itself`);
      continue;
    }
    const data = entries[file.path];
    if (!data) {
      problems.push(`${file.path}: listed in the manifest but missing from the pack`);
      continue;
    }
    const actual = sha256Hex(data);
    if (actual !== file.sha256)
      problems.push(`${file.path}: SHA-256 is ${actual}, the manifest says ${file.sha256}`);
    if (data.byteLength !== file.bytes)
      problems.push(`${file.path}: ${data.byteLength} bytes, the manifest says ${file.bytes}`);
  }
  for (const path of Object.keys(entries))
    if (path !== MANIFEST_PATH && !listed.has(path))
      problems.push(`${path}: in the pack but not in the manifest`);
  for (const path of REQUIRED_PACK_FILES)
    if (!listed.has(path) && entries[path] === undefined)
      problems.push(`${path}: missing from the pack`);

  if (manifest.generatedAt !== manifest.subject.generatedAt)
    problems.push(`${MANIFEST_PATH}: generatedAt differs from subject.generatedAt`);
  const report = entries['report.json'];
  if (report) {
    try {
      const document = JSON.parse(Buffer.from(report).toString('utf8')) as { subject?: unknown };
      if (canonicalJson(document.subject) !== canonicalJson(manifest.subject))
        problems.push(`${MANIFEST_PATH}: subject differs from the subject of report.json`);
    } catch {
      problems.push('report.json: not JSON');
    }
  }

  if (
    options.previousPackSha256 !== undefined &&
    manifest.previousPackSha256 !== options.previousPackSha256.toLowerCase()
  )
    problems.push(
      `${MANIFEST_PATH}: previousPackSha256 is ${manifest.previousPackSha256 ?? 'null'}, expected ${options.previousPackSha256}`,
    );
  return result();
}
