/**
 * BullMQ's `exportPrometheusMetrics()` answers one text block per queue, each with its own
 * `# HELP`/`# TYPE` lines; a scrape must name each family once. This merges the blocks family by
 * family and leaves out the families in `drop`.
 */
export function mergeExpositions(texts: readonly string[], drop: ReadonlySet<string>): string {
  const families = new Map<string, { meta: string[]; samples: string[] }>();
  for (const text of texts) {
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      const meta = /^# (HELP|TYPE) (\S+)/.exec(line);
      const name = meta ? meta[2] : /^[A-Za-z_:][\w:]*/.exec(line)?.[0];
      if (!name || drop.has(name)) continue;
      let family = families.get(name);
      if (!family) families.set(name, (family = { meta: [], samples: [] }));
      if (!meta) family.samples.push(line.replace(/(?<!\\)", /g, '",'));
      else if (!family.meta.some((m) => m.startsWith(`# ${meta[1]} `))) family.meta.push(line);
    }
  }
  return [...families.values()].flatMap((f) => [...f.meta, ...f.samples]).join('\n') + '\n';
}
