import { strToU8, unzipSync, Zip, ZipPassThrough, zipSync, type Unzipped } from 'fflate';
import { parseCsv } from '../../test/csv-parse';
import { ReportInputError } from '../model/report-input-error';
import { validateOscalAssessmentResults } from '../oscal/assessment-results.schema';
import { validatePolicyReport } from '../policy-report/policy-report.schema';
import { fixtureReports, fixtureSubject } from '../../test/fixtures';
import { buildEvidencePack } from './build-evidence-pack';
import { sha256Hex } from './manifest';
import { verifyEvidencePack } from './verify-evidence-pack';

type Pack = Awaited<ReturnType<typeof buildEvidencePack>>;

const rezip = (zip: Buffer, mutate: (entries: Unzipped) => void): Buffer => {
  const entries = unzipSync(zip);
  mutate(entries);
  return Buffer.from(zipSync(entries));
};
const text = (data: Uint8Array | undefined): string => Buffer.from(data!).toString('utf8');

describe('buildEvidencePack', () => {
  let pack: Pack;
  beforeAll(async () => {
    pack = await buildEvidencePack({ subject: fixtureSubject, reports: fixtureReports });
  });

  it('holds every export and a manifest of their hashes', () => {
    const entries = unzipSync(pack.zip);
    expect(Object.keys(entries)).toEqual([
      'manifest.json',
      'report.json',
      'report.csv',
      'report.pdf',
      'policyreport/prod-eu.json',
      'policyreport/staging-us.json',
      'oscal/assessment-results.json',
    ]);
    expect(JSON.parse(text(entries['manifest.json']))).toEqual(pack.manifest);
    expect(pack.manifest).toMatchObject({
      apiVersion: 'fenceline.dev/v1alpha1',
      kind: 'EvidencePack',
      subject: fixtureSubject,
      generatedAt: '2025-03-01T12:00:00Z',
      previousPackSha256: null,
    });
    for (const file of pack.manifest.files) {
      expect(file.sha256).toBe(sha256Hex(entries[file.path]!));
      expect(file.bytes).toBe(entries[file.path]!.byteLength);
    }
    expect(pack.sha256).toBe(sha256Hex(pack.zip));
  });

  it('packs valid exports', () => {
    const entries = unzipSync(pack.zip);
    expect(JSON.parse(text(entries['report.json'])).kind).toBe('ComplianceReport');
    expect(parseCsv(text(entries['report.csv']))).toHaveLength(11);
    expect(text(entries['report.pdf']).startsWith('%PDF-')).toBe(true);
    expect(
      validateOscalAssessmentResults(JSON.parse(text(entries['oscal/assessment-results.json']))),
    ).toEqual([]);
    const prod = JSON.parse(text(entries['policyreport/prod-eu.json']));
    expect(prod).toMatchObject({ apiVersion: 'v1', kind: 'List' });
    expect(prod.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual([
      'fenceline-zero-trust',
      'fenceline-pci-dss',
    ]);
    for (const item of prod.items) expect(validatePolicyReport(item)).toEqual([]);
  });

  it('is reproducible, whatever the machine time zone', async () => {
    const zone = process.env['TZ'];
    try {
      process.env['TZ'] = 'Asia/Kolkata';
      expect(
        (await buildEvidencePack({ subject: fixtureSubject, reports: fixtureReports })).sha256,
      ).toBe(pack.sha256);
    } finally {
      if (zone === undefined) delete process.env['TZ'];
      else process.env['TZ'] = zone;
    }
  });

  it('writes one policy report file per cluster, with safe and distinct names', async () => {
    const twin = {
      ...fixtureReports[2]!,
      cluster: { id: 'c/3', name: 'prod eu', environment: 'x' },
    };
    const subject = {
      ...fixtureSubject,
      clusters: [
        ...fixtureSubject.clusters,
        { ...fixtureSubject.clusters[0]!, id: 'c-4', name: '../../etc' },
      ],
    };
    const { manifest } = await buildEvidencePack({
      subject,
      reports: [
        ...fixtureReports,
        twin,
        { ...twin, cluster: { ...twin.cluster, id: 'c-5', name: 'prod-eu' } },
      ],
    });
    expect(manifest.files.map((f) => f.path).filter((p) => p.startsWith('policyreport/'))).toEqual([
      'policyreport/prod-eu-c-prod.json',
      'policyreport/staging-us.json',
      'policyreport/etc.json',
      'policyreport/prod-eu-c-3.json',
      'policyreport/prod-eu-c-5.json',
    ]);
  });

  it('refuses a malformed previous hash', async () => {
    await expect(
      buildEvidencePack({ subject: fixtureSubject, reports: [], previousPackSha256: 'abc' }),
    ).rejects.toThrow(ReportInputError);
  });
});

describe('verifyEvidencePack', () => {
  let pack: Pack;
  beforeAll(async () => {
    pack = await buildEvidencePack({ subject: fixtureSubject, reports: fixtureReports });
  });

  it('accepts an untouched pack, and its recorded hash', () => {
    expect(verifyEvidencePack(pack.zip)).toEqual({ ok: true, problems: [] });
    expect(verifyEvidencePack(pack.zip, { sha256: pack.sha256 })).toEqual({
      ok: true,
      problems: [],
    });
    expect(verifyEvidencePack(pack.zip, { sha256: sha256Hex('other') }).problems).toEqual([
      expect.stringMatching(/^pack: SHA-256 is /),
    ]);
  });

  it('detects one flipped byte in a file', () => {
    const zip = rezip(pack.zip, (e) => {
      const csv = e['report.csv']!;
      csv[40] = csv[40]! ^ 1;
    });
    expect(verifyEvidencePack(zip)).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^report\.csv: SHA-256 is [0-9a-f]{64}, the manifest says/)],
    });
  });

  it('detects one flipped byte in the zip itself', () => {
    const zip = Buffer.from(pack.zip);
    const offset = zip.indexOf('report.json') + 'report.json'.length + 100;
    zip[offset] = zip[offset]! ^ 0xff;
    expect(verifyEvidencePack(zip).ok).toBe(false);
  });

  it.each<
    [
      string,
      (m: {
        files: { path: string; sha256: string; bytes: number }[];
        subject: { organization: string };
        generatedAt: string;
      }) => void,
      RegExp,
    ]
  >([
    [
      'a file hash',
      (m) => {
        m.files[0]!.sha256 = '0'.repeat(64);
      },
      /^report\.json: SHA-256 is .* the manifest says 0{64}$/,
    ],
    [
      'a file size',
      (m) => {
        m.files[1]!.bytes += 1;
      },
      /^report\.csv: \d+ bytes, the manifest says \d+$/,
    ],
    [
      'the subject',
      (m) => {
        m.subject.organization = 'Someone else';
      },
      /^manifest\.json: subject differs from the subject of report\.json$/,
    ],
    [
      'generatedAt',
      (m) => {
        m.generatedAt = '2030-01-01T00:00:00Z';
      },
      /^manifest\.json: generatedAt differs/,
    ],
    [
      'a dropped entry',
      (m) => {
        m.files.pop();
      },
      /^oscal\/assessment-results\.json: in the pack but not in the manifest$/,
    ],
    [
      'a duplicated entry',
      (m) => {
        m.files.push(m.files[0]!);
      },
      /^report\.json: listed more than once/,
    ],
    [
      'a self-listing',
      (m) => {
        m.files.push({ path: 'manifest.json', sha256: '0'.repeat(64), bytes: 1 });
      },
      /^manifest\.json: lists itself$/,
    ],
  ])('detects an edited manifest: %s', (_, edit, expected) => {
    const zip = rezip(pack.zip, (e) => {
      const manifest = JSON.parse(text(e['manifest.json']));
      edit(manifest);
      e['manifest.json'] = strToU8(JSON.stringify(manifest));
    });
    const result = verifyEvidencePack(zip);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
  });

  it('detects a manifest that is not JSON or not a manifest', () => {
    const notJson = rezip(pack.zip, (e) => {
      e['manifest.json'] = strToU8('{');
    });
    expect(verifyEvidencePack(notJson).problems).toEqual(['manifest.json: not JSON']);
    const wrong = rezip(pack.zip, (e) => {
      e['manifest.json'] = strToU8('{"kind":"Pack"}');
    });
    expect(verifyEvidencePack(wrong).problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^manifest\.json: kind: /)]),
    );
  });

  it('detects a missing file and a missing manifest', () => {
    const missing = rezip(pack.zip, (e) => {
      delete e['report.pdf'];
    });
    expect(verifyEvidencePack(missing).problems).toEqual([
      'report.pdf: listed in the manifest but missing from the pack',
    ]);
    const noManifest = rezip(pack.zip, (e) => {
      delete e['manifest.json'];
    });
    expect(verifyEvidencePack(noManifest).problems).toEqual(['manifest.json: missing']);
  });

  it('detects extra, unsafe and duplicated entries', () => {
    const extra = rezip(pack.zip, (e) => {
      e['notes.txt'] = strToU8('hi');
    });
    expect(verifyEvidencePack(extra).problems).toEqual([
      'notes.txt: in the pack but not in the manifest',
    ]);
    const unsafe = rezip(pack.zip, (e) => {
      e['../evil.sh'] = strToU8('rm -rf /');
    });
    expect(verifyEvidencePack(unsafe).problems).toEqual([
      '../evil.sh: unsafe path',
      '../evil.sh: in the pack but not in the manifest',
    ]);

    const chunks: Uint8Array[] = [];
    const writer = new Zip((error, chunk) => {
      if (error) throw error;
      chunks.push(chunk);
    });
    const entries = unzipSync(pack.zip);
    for (const [name, data] of [
      ...Object.entries(entries),
      ['report.csv', strToU8('forged')] as const,
    ]) {
      const file = new ZipPassThrough(name);
      writer.add(file);
      file.push(data, true);
    }
    writer.end();
    expect(verifyEvidencePack(Buffer.concat(chunks)).problems).toEqual(
      expect.arrayContaining(['report.csv: appears more than once in the zip']),
    );
  });

  it('reports what is not a zip, and a zip bomb', () => {
    expect(verifyEvidencePack(Buffer.from('not a zip')).problems).toEqual([
      expect.stringMatching(/^pack: not a readable zip/),
    ]);
    expect(verifyEvidencePack(pack.zip, { maxBytes: 1000 }).problems).toEqual([
      'pack: inflates to more than 1000 bytes',
    ]);
  });

  it('links a chain of two packs', async () => {
    const next = await buildEvidencePack({
      subject: { ...fixtureSubject, generatedAt: '2025-04-01T12:00:00Z' },
      reports: fixtureReports,
      previousPackSha256: pack.sha256,
    });
    expect(next.manifest.previousPackSha256).toBe(pack.sha256);
    expect(
      verifyEvidencePack(next.zip, { previousPackSha256: pack.sha256, sha256: next.sha256 }),
    ).toEqual({ ok: true, problems: [] });
    expect(
      verifyEvidencePack(next.zip, { previousPackSha256: sha256Hex('forged') }).problems,
    ).toEqual([
      expect.stringMatching(/^manifest\.json: previousPackSha256 is [0-9a-f]{64}, expected /),
    ]);
    expect(verifyEvidencePack(pack.zip, { previousPackSha256: next.sha256 }).problems).toEqual([
      expect.stringMatching(/^manifest\.json: previousPackSha256 is null, expected /),
    ]);
  });
});
