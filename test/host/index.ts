// Extension-host tests: run inside VS Code (code-server) by VS Code's test runner, started by
// scripts/e2e/run.mjs with the `payload` URL parameter. They check what the browser cannot see well:
// the diagnostics' exact ranges and codes, hovers, code actions and command results, through the API.
// Bundled by the runner with esbuild; `vscode` is the host's module. Output lines start with [factdesk-host].
import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';

const EXT_ID = 'factdesk.factdesk';
const TIMEOUT = 30_000;

interface Expect { draft: string; code: string; text: string; expected: string }
const EXPECTED: Expect[] = [
  { draft: 'drafts/london.md', code: 'title-mismatch', text: 'Prime Minister', expected: 'Foreign Secretary' },
  { draft: 'drafts/london.md', code: 'date-mismatch', text: 'Nov. 12', expected: 'Nov. 11' },
  { draft: 'drafts/london.md', code: 'figure-mismatch', text: '6,800', expected: '5,800' },
  { draft: 'drafts/tour.md', code: 'name-spelling', text: 'Hakan Fiden', expected: 'Hakan Fidan' },
];

function say(msg: string) {
  console.log(`[factdesk-host] ${msg}`);
}

async function poll<T>(what: string, fn: () => T | undefined | false | Promise<T | undefined | false>, timeout = TIMEOUT): Promise<T> {
  const until = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, 100)); // polling interval
  }
}

function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error('the tests need a workspace folder');
  return f.uri;
}
const uriOf = (rel: string) => vscode.Uri.joinPath(folder(), ...rel.split('/'));

function rangeOf(doc: vscode.TextDocument, text: string): vscode.Range {
  const at = doc.getText().indexOf(text);
  assert.ok(at >= 0, `"${text}" is not in ${doc.uri.path}`);
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + text.length));
}

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'factdesk');
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' && d.code ? String(d.code.value) : String(d.code));
const show = (ds: vscode.Diagnostic[]) => ds.map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`).join('; ');

/** The command id the extension contributes under a title ("Check All Drafts in Workspace"). */
function commandTitled(title: string): string {
  const ext = vscode.extensions.getExtension(EXT_ID);
  const cmds = (ext?.packageJSON?.contributes?.commands ?? []) as Array<{ command: string; title: string }>;
  const c = cmds.find((x) => x.title === title);
  assert.ok(c, `the extension contributes no command titled "${title}" (it has: ${cmds.map((x) => x.title).join(', ')})`);
  return c.command;
}

async function open(rel: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uriOf(rel));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** Diagnostics equal to the expected findings of a draft: exact ranges and codes, messages naming the seed's value. */
async function expectFindings(doc: vscode.TextDocument, expected: Expect[]) {
  const want = expected.map((e) => ({ e, range: rangeOf(doc, e.text) }));
  const got = await poll(`the diagnostics of ${doc.uri.path}`, () => {
    const ds = ours(doc.uri);
    const ok = ds.length === want.length && want.every((w) => ds.some((d) => codeOf(d) === w.e.code && d.range.isEqual(w.range)));
    return ok && ds;
  }).catch((err) => {
    throw new Error(`${err.message}\n  want: ${want.map((w) => `${w.e.code}@${w.range.start.line}:${w.range.start.character}-${w.range.end.line}:${w.range.end.character}`).join('; ')}\n  got:  ${show(ours(doc.uri))}`);
  });
  for (const w of want) {
    const d = got.find((x) => codeOf(x) === w.e.code)!;
    assert.ok(d.message.includes(w.e.expected), `${w.e.code}: the message "${d.message}" does not give the seed's value ${w.e.expected}`);
    assert.ok(d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning, `${w.e.code}: severity ${d.severity}`);
    const rel = d.relatedInformation ?? [];
    assert.ok(rel.length > 0, `${w.e.code}: no seed evidence in relatedInformation`);
    const seedDoc = await vscode.workspace.openTextDocument(rel[0].location.uri);
    assert.ok(rel[0].location.uri.path.includes('/seeds/'), `${w.e.code}: evidence points outside seeds/: ${rel[0].location.uri}`);
    assert.ok(seedDoc.getText(rel[0].location.range).includes(w.e.expected), `${w.e.code}: the evidence range does not hold ${w.e.expected}: "${seedDoc.getText(rel[0].location.range)}"`);
  }
  return got;
}

const tests: Array<[string, () => Promise<void>]> = [];
const test = (name: string, fn: () => Promise<void>) => tests.push([name, fn]);

test('the installed extension activates on a Markdown draft', async () => {
  const ext = vscode.extensions.getExtension(EXT_ID);
  assert.ok(ext, `${EXT_ID} is not installed`);
  await open('drafts/london.md');
  await poll('the extension to activate', () => ext.isActive);
});

test('london.md: diagnostics with exact ranges, codes, messages and seed evidence', async () => {
  const doc = await open('drafts/london.md');
  await expectFindings(doc, EXPECTED.filter((e) => e.draft === 'drafts/london.md'));
});

test('clean.md: checked, nothing flagged', async () => {
  const doc = await open('drafts/clean.md');
  const r = await vscode.commands.executeCommand<unknown>(commandTitled('Check Current Document'));
  say(`  Check Current Document on clean.md returned ${JSON.stringify(r)}`);
  if (r && typeof r === 'object' && 'findings' in r) assert.equal((r as { findings: number }).findings, 0);
  assert.deepEqual(ours(doc.uri), []);
  // checked, not skipped: a claim the seed states is hovered as confirmed
  const at = rangeOf(doc, 'Foreign Secretary').start.translate(0, 2);
  const text = await poll('a "confirmed" hover on clean.md', async () => {
    const hs = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at)) ?? [];
    const t = hs.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    return /confirmed/i.test(t) && t;
  });
  assert.ok(text.includes('Foreign Secretary'), text);
});

test('hover on a flagged span quotes the seed sentence', async () => {
  const doc = await open('drafts/london.md');
  const r = rangeOf(doc, 'Prime Minister');
  const hovers = await poll('a FactDesk hover', async () => {
    const hs = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, r.start.translate(0, 2))) ?? [];
    return hs.length > 0 && hs;
  });
  const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
  assert.ok(text.includes('Foreign Secretary'), `the hover does not give the seed's value:\n${text}`);
  assert.ok(text.includes('British Foreign Secretary David Cameron'), `the hover does not quote the seed:\n${text}`);
});

test('quick fix replaces exactly the flagged span with the seed value; the diagnostic goes', async () => {
  const doc = await open('drafts/london.md');
  const r = rangeOf(doc, 'Prime Minister');
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, r, vscode.CodeActionKind.QuickFix.value)) ?? [];
  const fix = actions.find((a) => a.edit && a.title.includes('Foreign Secretary'));
  assert.ok(fix?.edit, `no quick fix offering "Foreign Secretary": ${actions.map((a) => a.title).join(' | ')}`);
  const edits = fix.edit.get(doc.uri);
  assert.equal(edits.length, 1);
  assert.ok(edits[0].range.isEqual(r), `the fix edits ${JSON.stringify(edits[0].range)}, not the flagged span`);
  assert.equal(edits[0].newText, 'Foreign Secretary');
  assert.ok(await vscode.workspace.applyEdit(fix.edit));
  assert.ok(doc.getText().includes('British Foreign Secretary David Cameron'));
  await poll('the title-mismatch diagnostic to go', () => {
    const ds = ours(doc.uri);
    return ds.length === 2 && !ds.some((d) => codeOf(d) === 'title-mismatch');
  });
  await doc.save();
});

test('"Check All Drafts in Workspace" publishes the findings of drafts that are not open', async () => {
  const tour = uriOf('drafts/tour.md');
  assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === tour.toString()), 'tour.md is open already');
  assert.deepEqual(ours(tour), [], 'tour.md has diagnostics before the workspace check');
  const r = await vscode.commands.executeCommand<unknown>(commandTitled('Check All Drafts in Workspace'));
  say(`  Check All Drafts returned ${JSON.stringify(r)}`);
  const ds = await poll('diagnostics for tour.md', () => ours(tour).length > 0 && ours(tour));
  const doc = await vscode.workspace.openTextDocument(tour);
  const want = rangeOf(doc, 'Hakan Fiden');
  assert.equal(ds.length, 1, show(ds));
  assert.equal(codeOf(ds[0]), 'name-spelling');
  assert.ok(ds[0].range.isEqual(want), `name-spelling at ${show(ds)}`);
  assert.ok(ds[0].message.includes('Hakan Fidan'));
  assert.deepEqual(ours(uriOf('drafts/clean.md')), []);
  if (r && typeof r === 'object' && 'findings' in r) {
    const total = ['drafts/london.md', 'drafts/tour.md', 'drafts/clean.md'].reduce((n, p) => n + ours(uriOf(p)).length, 0);
    assert.equal((r as { findings: number }).findings, total, 'the command reports a different number of findings than it published');
  }
});

test('"Show Fact Base" shows the seed people, titles and the seed file', async () => {
  const r = await vscode.commands.executeCommand<unknown>(commandTitled('Show Fact Base'));
  const want = ['Hakan Fidan', 'David Cameron', 'Foreign Secretary', 'Emmanuel Macron'];
  const fromResult = typeof r === 'string' ? r : r && typeof r === 'object' && 'markdown' in r ? String((r as { markdown: unknown }).markdown) : '';
  const shown = await poll('a document showing the fact base', () => {
    const texts = [fromResult, ...vscode.workspace.textDocuments.map((d) => d.getText())];
    return texts.find((t) => t.includes('fact base') && want.every((w) => t.includes(w)));
  });
  const seeds = await vscode.workspace.findFiles('seeds/*.txt');
  assert.ok(seeds.length > 0);
  for (const s of seeds) assert.ok(shown.includes(s.path.split('/').pop()!), `the fact base does not name ${s.path}`);
});

export async function run(): Promise<void> {
  let failed = 0;
  for (const [name, fn] of tests) {
    const started = Date.now();
    try {
      await fn();
      say(`✔ ${name} (${Date.now() - started} ms)`);
    } catch (err) {
      failed++;
      say(`✖ ${name}\n${(err as Error).stack ?? err}`);
    }
  }
  say(`${tests.length - failed} passed, ${failed} failed`);
  if (failed) throw new Error(`${failed} extension-host test(s) failed`);
}
