// SARIF 2.1.0 output for the CLI (`factdesk check --format sarif`).
import { isFlag } from './engine/types';
import type { JsonDiagnostic } from './report';

const LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

export interface SarifFile {
  /** path relative to the base (forward slashes) or absolute file URI */
  uri: string;
  diagnostics: JsonDiagnostic[];
}

function region(r: JsonDiagnostic['range']) {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

function encodeRel(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

export function renderSarif(files: SarifFile[], opts: { version: string; baseUri: string; seedUri: (seed: string) => string }): object {
  const rules = new Map<string, { id: string; name: string; shortDescription: { text: string }; properties: { kind: string } }>();
  const results: object[] = [];
  for (const file of files) {
    for (const d of file.diagnostics) {
      if (!rules.has(d.code))
        rules.set(d.code, {
          id: d.code,
          name: d.code.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
          shortDescription: { text: `A ${d.kind} in the draft contradicts the seeds (${d.code}).` },
          properties: { kind: d.kind },
        });
      const loc = { artifactLocation: { uri: encodeRel(file.uri), uriBaseId: 'SRCROOT' }, region: region(d.range) };
      results.push({
        ruleId: d.code,
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [{ physicalLocation: loc }],
        relatedLocations: d.evidence.map((e, i) => ({
          id: i + 1,
          message: { text: `The seed says: “${e.quote}”${e.date ? ` (${e.date})` : ''}` },
          physicalLocation: { artifactLocation: { uri: opts.seedUri(e.seed) }, region: region(e.range) },
        })),
        // (Only a flag offers the seed's value: a note is no contradiction.)
        fixes: isFlag(d.severity) && d.expected
          ? [
              {
                description: { text: `Replace with “${d.expected}”` },
                artifactChanges: [{ artifactLocation: loc.artifactLocation, replacements: [{ deletedRegion: region(d.range), insertedContent: { text: d.expected } }] }],
              },
            ]
          : [],
        properties: { kind: d.kind, expected: d.expected },
      });
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'FactDesk', version: opts.version, informationUri: 'https://example.invalid/factdesk', rules: [...rules.values()] } },
        originalUriBaseIds: { SRCROOT: { uri: opts.baseUri.endsWith('/') ? opts.baseUri : opts.baseUri + '/' } },
        artifacts: files.map((f) => ({ location: { uri: encodeRel(f.uri), uriBaseId: 'SRCROOT' } })),
        results,
      },
    ],
  };
}
