// Bad inputs through the language server (node dist/server.js --stdio), as robust-seeds and
// robust-drafts do for the CLI: bad seed files are skipped with a one-line reason in the log and in the
// status notification, bad draft files with one in the log and in Check All Drafts' result, requests for closed documents or positions past the end get an empty answer or
// a clear error, a burst of edits ends on the last version, malformed settings fall back with a message
// — and after each, the server is still running and still checking.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ResponseError } from 'vscode-languageserver-protocol/node';
import { BUNDLED_SEED, DRAFT, MISMATCHES, SEED_NAME, TestClient, clientStarter, makeWorkspace, rangeOfText, uriOf } from './lspClient';
import { isRoot, utf16le } from './robust-helpers';

const started = clientStarter();
const clients: TestClient[] = []; // clients these tests start themselves
after(async () => {
  await Promise.all(clients.map((c) => c.stop()));
});

const SEED_TEXT = readFileSync(BUNDLED_SEED, 'utf8');
const RANGE = (line: number, character: number) => ({ start: { line, character }, end: { line, character } });

/** Opens DRAFT in the workspace and waits for its four findings (the good seed works). */
async function fourFindings(c: TestClient, ws: string, name = 'draft.md') {
  const uri = await c.open(join(ws, name), DRAFT);
  const diags = await c.diagnostics(uri, (d) => d.length === MISMATCHES.length);
  return { uri, diags };
}

/** The server still answers and still checks: a status request, and an edit that fixes one finding. */
async function stillServing(c: TestClient, uri: string) {
  assert.equal(c.proc.exitCode, null, `the server exited; stderr: ${c.stderr}`);
  const status = await c.command('factdesk.server.status');
  assert.ok(status.seeds >= 1);
  const before = c.published.length;
  const v = await c.change(uri, DRAFT.replace('Hakan Fiden', 'Hakan Fidan'));
  await c.diagnostics(uri, (d, p) => p.version === v && d.length === MISMATCHES.length - 1, before);
}

/** The log lines "folder0: skipped seed PATH: reason" for one file. */
const skipLogs = (c: TestClient, file: string) => c.logs.filter((l) => l.message.includes(': skipped seed ') && l.message.includes(`${file}: `)).map((l) => l.message);

async function lastStatus(c: TestClient) {
  return c.command('factdesk.server.status');
}

describe('server: bad seed files in the workspace', () => {
  test('each bad seed is skipped with one log line and one status line; the good seed still flags the draft', async () => {
    const ws = makeWorkspace();
    const seeds = join(ws, 'seeds');
    const bad: Array<{ file: string; reason: RegExp }> = [
      { file: 'photo.txt', reason: /binary file \(contains NUL bytes\)/ },
      { file: 'latin1.txt', reason: /not valid UTF-8/ },
      { file: 'empty.md', reason: /empty file/ },
      { file: 'huge.txt', reason: /too large \(50\.0 MB; the limit is 2\.0 MB\)/ },
      { file: 'oneline.txt', reason: /too large \(4\.8 MB; the limit is 2\.0 MB\)/ },
      { file: 'pipe.txt', reason: /not a regular file/ },
      { file: 'dangling.txt', reason: /no such file or folder/ },
      { file: 'loop-a.txt', reason: /symbolic link loop/ },
      { file: 'loop-b.txt', reason: /symbolic link loop/ },
      { file: 'back', reason: /symbolic link loop \(folder already read\)/ },
    ];
    writeFileSync(join(seeds, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    writeFileSync(join(seeds, 'latin1.txt'), Buffer.from('Caf\xe9 au lait in M\xfcnchen on Nov. 12.', 'latin1'));
    writeFileSync(join(seeds, 'empty.md'), '');
    writeFileSync(join(seeds, 'huge.txt'), Buffer.alloc(50 * 1024 * 1024, 'Filler words in a very long seed. '));
    writeFileSync(join(seeds, 'oneline.txt'), Buffer.alloc(5_000_000, 'word '));
    execFileSync('mkfifo', [join(seeds, 'pipe.txt')]);
    symlinkSync(join(seeds, 'gone.txt'), join(seeds, 'dangling.txt'));
    symlinkSync(join(seeds, 'loop-b.txt'), join(seeds, 'loop-a.txt'));
    symlinkSync(join(seeds, 'loop-a.txt'), join(seeds, 'loop-b.txt'));
    mkdirSync(join(seeds, 'sub'));
    symlinkSync(seeds, join(seeds, 'sub', 'back'));

    const c = await started({ folders: [ws] });
    const { uri } = await fourFindings(c, ws);
    const status = await lastStatus(c);
    assert.equal(status.seeds, 1, 'only the good seed is loaded');
    assert.equal(status.folders[0].skippedSeeds, bad.length);
    for (const b of bad) {
      const lines = skipLogs(c, b.file);
      assert.equal(lines.length, 1, `one log line for ${b.file}: ${lines.join(' | ')}`);
      assert.match(lines[0], b.reason);
      assert.doesNotMatch(lines[0], /\n/);
      const inStatus = status.problems.filter((p: string) => p.startsWith('skipped seed ') && p.includes(`${b.file}: `));
      assert.equal(inStatus.length, 1, `one status line for ${b.file}: ${status.problems.join(' | ')}`);
      assert.match(inStatus[0], b.reason);
    }
    // the notification carries the same lines as the status command
    const notified = await c.until(() => [...c.statuses].reverse().find((s) => s.lastCheck), 'a status notification after the check');
    assert.deepEqual(notified.problems, status.problems);
    assert.ok(status.problems.includes('skipped seed seeds/photo.txt: binary file (contains NUL bytes); text must be UTF-8, or UTF-16 with a byte-order mark'), status.problems);
    await stillServing(c, uri);
  });

  test('a UTF-16 seed with a byte-order mark and CRLF line ends is read: same findings, evidence on the same lines', async () => {
    const ws = makeWorkspace({}, false);
    mkdirSync(join(ws, 'seeds'));
    writeFileSync(join(ws, 'seeds', 'utf16-crlf.txt'), utf16le(SEED_TEXT.replace(/\n/g, '\r\n')));
    const c = await started({ folders: [ws] });
    const { diags } = await fourFindings(c, ws);
    for (const m of MISMATCHES) {
      const d = diags.find((x) => (x.data as { expected: string }).expected === m.expected);
      assert.ok(d, m.expected);
      const rel = d.relatedInformation![0].location;
      assert.equal(rel.uri, uriOf(join(ws, 'seeds', 'utf16-crlf.txt')));
      assert.deepEqual(rel.range.start, rangeOfText(SEED_TEXT, m.seedSentence).start);
    }
    assert.deepEqual((await lastStatus(c)).problems, []);
  });

  test('a seed file the server may not read is skipped with "permission denied" (the server runs as "nobody" when the tests run as root)', async (t) => {
    const ws = makeWorkspace();
    const locked = join(ws, 'seeds', 'locked.txt');
    writeFileSync(locked, SEED_TEXT);
    chmodSync(locked, 0o000);
    if (isRoot) for (const p of [ws, join(ws, 'seeds')]) chmodSync(p, 0o755);
    const c = new TestClient({ folders: [ws], user: isRoot ? { uid: 65534, gid: 65534 } : undefined });
    clients.push(c);
    try {
      await Promise.race([c.start(), new Promise((_, reject) => setTimeout(() => reject(new Error('no answer')), 10_000))]);
    } catch (err) {
      return t.skip(`cannot run the server as an unprivileged user here: ${(err as Error).message} ${c.stderr.split('\n')[0]}`);
    }
    const { uri } = await fourFindings(c, ws);
    assert.match(skipLogs(c, 'locked.txt').join('\n'), /skipped seed .*locked\.txt: permission denied$/);
    assert.ok((await lastStatus(c)).problems.includes('skipped seed seeds/locked.txt: permission denied'));
    await stillServing(c, uri);
  });

  test('a missing seed path and a seed path that is a file (relative paths are resolved against the workspace folder)', async () => {
    const ws = makeWorkspace({}, false);
    mkdirSync(join(ws, 'archive'));
    copyFileSync(BUNDLED_SEED, join(ws, 'archive', 'gaza.txt'));
    const c = await started({ folders: [ws], settings: { seedPaths: ['no-such-folder', 'archive/gaza.txt'] } });
    const { uri, diags } = await fourFindings(c, ws);
    assert.ok(diags.every((d) => d.relatedInformation![0].location.uri === uriOf(join(ws, 'archive', 'gaza.txt'))));
    const missing = `seed path not found: no-such-folder (resolved to ${join(ws, 'no-such-folder')})`;
    assert.ok(c.logs.some((l) => l.message.endsWith(`folder0: ${missing}`)), 'one log line names the missing path');
    const status = await lastStatus(c);
    assert.equal(status.seeds, 1);
    assert.ok(status.problems.includes(missing), status.problems);
    await stillServing(c, uri);
  });

  test('more seed files than the limit (10,000): the first are read, the rest reported in one line; skipped lines in the status are capped', async () => {
    const ws = makeWorkspace();
    const seeds = join(ws, 'seeds');
    for (let k = 0; k < 11; k++) writeFileSync(join(seeds, `bad-${String(k).padStart(2, '0')}.txt`), Buffer.from([0, 1, 2, 3]));
    // 10,100 one-sentence stories in nested folders, listed after the good seed and the bad files
    for (let a = 0; a < 101; a++) {
      const d = join(seeds, `d${String(a).padStart(3, '0')}`, 'x', 'y');
      mkdirSync(d, { recursive: true });
      for (let k = 0; k < 100; k++) writeFileSync(join(d, `s${k}.txt`), `Story ${a}-${k}: the council of Lyon met on Monday about parking.`);
    }
    const c = await started({ folders: [ws] });
    const { uri } = await fourFindings(c, ws);
    const status = await lastStatus(c);
    assert.equal(status.seeds, 10_000 - 11, 'the good seed and 9,989 stories (the bad files count towards the limit)');
    assert.equal(status.folders[0].skippedSeeds, 12);
    const limit = `seeds: file limit reached: read 10000 files, left 112 more unread`;
    assert.ok(status.problems.includes(`skipped seed ${limit}`), status.problems);
    assert.equal(status.problems.length, 11, 'ten skipped seeds named, then how many more');
    assert.equal(status.problems[10], '2 more seeds skipped (the FactDesk log names them)');
    assert.equal(c.logs.filter((l) => l.message.includes(': skipped seed ')).length, 12, 'the log names every one');
    await stillServing(c, uri);
  });

  test('a seed that changes into a bad file is skipped with its reason, and back again', async () => {
    const ws = makeWorkspace();
    const c = await started({ folders: [ws] });
    const { uri } = await fourFindings(c, ws);
    const seed = join(ws, 'seeds', SEED_NAME);
    let before = c.published.length;
    writeFileSync(seed, Buffer.concat([Buffer.from([0]), Buffer.from(SEED_TEXT)]));
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(seed), type: 2 }] });
    await c.diagnostics(uri, (d) => d.length === 0, before);
    assert.equal(skipLogs(c, SEED_NAME).length, 1);
    let status = await lastStatus(c);
    assert.deepEqual(status.problems.filter((p: string) => p.startsWith('skipped seed')), [`skipped seed seeds/${SEED_NAME}: binary file (contains NUL bytes); text must be UTF-8, or UTF-16 with a byte-order mark`]);
    before = c.published.length;
    writeFileSync(seed, SEED_TEXT);
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(seed), type: 2 }] });
    await c.diagnostics(uri, (d) => d.length === MISMATCHES.length, before);
    status = await lastStatus(c);
    assert.equal(status.folders[0].skippedSeeds, 0);
    assert.ok(!status.problems.some((p: string) => p.startsWith('skipped seed')), status.problems);
  });
});

describe('server: bad draft files on disk', () => {
  test('Check All Drafts: each draft it cannot read is one log line and one entry in the result; the others are checked', async () => {
    const ws = makeWorkspace();
    const d = join(ws, 'drafts');
    mkdirSync(d);
    writeFileSync(join(d, 'good.md'), DRAFT);
    writeFileSync(join(d, 'utf16.md'), utf16le(DRAFT));
    writeFileSync(join(d, 'crlf.txt'), DRAFT.replace(/\n/g, '\r\n'));
    writeFileSync(join(d, 'empty.md'), '');
    writeFileSync(join(d, 'oneline.txt'), Buffer.alloc(5_000_000, 'word '));
    writeFileSync(join(d, 'binary.md'), Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 8, 0]));
    writeFileSync(join(d, 'latin1.md'), Buffer.from([0x48, 0x69, 0xff, 0xfe, 0x21, 0x0a]));
    writeFileSync(join(d, 'huge.md'), Buffer.alloc(60 * 1024 * 1024, 'All work and no play. '));
    execFileSync('mkfifo', [join(d, 'pipe.md')]);
    symlinkSync(join(d, 'gone.md'), join(d, 'dangling.md'));
    symlinkSync(join(d, 'loop-y.md'), join(d, 'loop-x.md'));
    symlinkSync(join(d, 'loop-x.md'), join(d, 'loop-y.md'));
    const unreadable: Record<string, RegExp> = {
      'binary.md': /^binary file/,
      'latin1.md': /^not valid UTF-8/,
      'huge.md': /^too large \(60\.0 MB; the limit is 50\.0 MB\)$/,
      'pipe.md': /^not a regular file/,
      'dangling.md': /^no such file or folder$/,
      'loop-x.md': /^symbolic link loop$/,
      'loop-y.md': /^symbolic link loop$/,
    };
    const c = await started({ folders: [ws] });
    const r = await c.command('factdesk.server.checkWorkspace');
    assert.equal(r.checked, 5, 'good, UTF-16, CRLF, empty and the 5 MB line (a note: over factdesk.maxFileSize)');
    assert.equal(r.total, 8);
    assert.equal(r.findings, 3 * MISMATCHES.length);
    assert.deepEqual(r.skipped.map((s: { uri: string }) => s.uri).sort(), Object.keys(unreadable).map((f) => uriOf(join(d, f))).sort());
    for (const [file, reason] of Object.entries(unreadable)) {
      assert.match(r.skipped.find((s: { uri: string }) => s.uri === uriOf(join(d, file))).reason, reason, file);
      const lines = c.logs.filter((l) => l.message.includes(`cannot read draft ${join(d, file)}: `));
      assert.equal(lines.length, 1, file);
    }
    const good = c.latest(uriOf(join(d, 'good.md')))!.diagnostics;
    for (const f of ['utf16.md', 'crlf.txt']) assert.deepEqual(c.latest(uriOf(join(d, f)))!.diagnostics.map((x) => x.range), good.map((x) => x.range), f);
    assert.deepEqual(c.latest(uriOf(join(d, 'oneline.txt')))!.diagnostics.map((x) => x.code), ['file-too-large']);
    assert.deepEqual(c.latest(uriOf(join(d, 'empty.md')))!.diagnostics, []);
    // Check Current Document on a closed draft it cannot read: an error naming the file and the reason
    await assert.rejects(c.command('factdesk.server.checkDocument', uriOf(join(d, 'binary.md'))), /^Error: cannot read .*binary\.md: binary file/);
    await assert.rejects(c.command('factdesk.server.checkDocument', uriOf(join(d, 'huge.md'))), /too large \(60\.0 MB; the limit is 1\.0 MB\)/);
    const { uri } = await fourFindings(c, ws);
    await stillServing(c, uri);
  });
});

describe('server: requests for closed or unknown documents, positions past the end', () => {
  test('hover and code actions: an empty answer, never an error; commands: a clear error; the server keeps serving', async () => {
    const ws = makeWorkspace();
    const c = await started({ folders: [ws] });
    const { uri } = await fourFindings(c, ws);
    const missing = uriOf(join(ws, 'nope.md'));
    const closedPath = join(ws, 'closed.md');
    writeFileSync(closedPath, DRAFT);
    const closed = await c.open(closedPath, DRAFT);
    await c.diagnostics(closed, (d) => d.length > 0);
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: closed } });
    const ctx = { diagnostics: [] };

    // positions beyond the end of the open document (and negative ones) are clamped to it
    for (const p of [{ line: 9999, character: 9999 }, { line: 2, character: 9999 }, { line: -1, character: -1 }]) {
      const hover = await c.request('textDocument/hover', { textDocument: { uri }, position: p });
      assert.ok(hover === null || typeof hover.contents.value === 'string');
      const actions = await c.request('textDocument/codeAction', { textDocument: { uri }, range: { start: p, end: { line: 99_999, character: 0 } }, context: ctx });
      assert.ok(Array.isArray(actions));
    }
    // a range from the first flagged span to far past the end offers that span's quick fix
    const fiden = rangeOfText(DRAFT, 'Hakan Fiden');
    const fixes = await c.request('textDocument/codeAction', { textDocument: { uri }, range: { start: fiden.start, end: { line: 9999, character: 9999 } }, context: { ...ctx, only: ['quickfix'] } });
    assert.ok(fixes.some((a: { title: string }) => a.title.startsWith('Replace with “Hakan Fidan”')));

    // documents that are not open: closed, missing on disk, not a file
    for (const u of [closed, missing, 'untitled:Untitled-1']) {
      assert.equal(await c.request('textDocument/hover', { textDocument: { uri: u }, position: { line: 5, character: 30 } }), null, u);
      assert.deepEqual(await c.request('textDocument/codeAction', { textDocument: { uri: u }, range: RANGE(5, 30), context: ctx }), [], u);
    }

    // commands name the problem in a ResponseError (invalid params)
    const fails = async (command: string, args: unknown[], message: RegExp) => {
      const err = await c.command(command, ...args).then(
        () => assert.fail(`${command} ${JSON.stringify(args)} should fail`),
        (e: ResponseError<unknown>) => e,
      );
      assert.equal(err.code, -32602, `${command}: ${err.message}`);
      assert.match(err.message, message);
    };
    await fails('factdesk.server.checkDocument', [missing], /^cannot read .*nope\.md: no such file or folder$/);
    await fails('factdesk.server.exportReport', [missing], /^cannot read .*nope\.md: no such file or folder$/);
    await fails('factdesk.server.checkDocument', ['untitled:Untitled-1'], /^not a file FactDesk can check: untitled:Untitled-1$/);
    await fails('factdesk.server.exportReport', ['untitled:Untitled-1'], /^FactDesk did not check untitled:Untitled-1: /);
    await fails('factdesk.server.exportReport', [42], /^this command needs a document URI as its first argument, not 42$/);
    await fails('factdesk.server.checkDocument', [{ uri: 5 }], /^this command needs a document URI as its first argument, not \{"uri":5\}$/);
    await fails('factdesk.server.acceptClaim', [{ uri: missing }], /acceptClaim needs/);
    // a closed file that exists on disk is read from there by the commands
    const report = await c.command('factdesk.server.exportReport', closed);
    assert.match(report.markdown, /^# Fact-check report: closed\.md/);

    // malformed requests get an error answer, unknown commands a method-not-found
    for (const params of [{ textDocument: { uri }, position: null }, { textDocument: null }, {}]) {
      await assert.rejects(c.request('textDocument/hover', params), ResponseError);
    }
    await assert.rejects(c.command('factdesk.server.nonsense'), (e: ResponseError<unknown>) => e.code === -32601);

    // and the server is still there: a hover on a finding, a new check
    const hover = await c.request('textDocument/hover', { textDocument: { uri }, position: fiden.start });
    assert.match(hover.contents.value, /Hakan Fidan/);
    await stillServing(c, uri);
    assert.equal(c.stderr, '');
  });

  test('a client that refuses dynamic registration and configuration requests: defaults, a logged reason, and service', async () => {
    const ws = makeWorkspace();
    const c = new TestClient({ folders: [ws] });
    clients.push(c);
    c.conn.onRequest('client/registerCapability', () => new ResponseError(-32601, 'no dynamic registration here'));
    c.conn.onRequest('workspace/configuration', () => new ResponseError(-32603, 'configuration broken'));
    await c.start();
    const { uri } = await fourFindings(c, ws);
    await c.until(() => c.logs.find((l) => /the client refused to watch the seed files \(no dynamic registration here\)/.test(l.message)), 'a log line about watching');
    assert.ok(c.logs.some((l) => /the client refused to send configuration changes/.test(l.message)));
    assert.ok(c.logs.some((l) => /could not read the settings from the client \(configuration broken\); using the defaults/.test(l.message)));
    await stillServing(c, uri);
  });
});

describe('server: 1,000 changes in about a second', () => {
  /** Sends 1,000 full-text changes in bursts of ten; the last one fixes the misspelt name. */
  async function typeFast(c: TestClient, uri: string) {
    const started = Date.now();
    for (let i = 1; i <= 1000; i++) {
      const text = i === 1000 ? DRAFT.replace('Hakan Fiden', 'Hakan Fidan') : DRAFT.replace('in London', `in London${' and'.repeat(i % 50)}`);
      await c.change(uri, text);
      if (i % 10 === 0) await new Promise((r) => setTimeout(r, 1));
    }
    return Date.now() - started;
  }
  const checksOf = (c: TestClient, name: string) =>
    c.logs.map((l) => new RegExp(`checked ${name} v(\\d+):`).exec(l.message)).filter((m) => m !== null).map((m) => Number(m[1]));

  for (const debounceMs of [300, 0]) {
    test(`debounce ${debounceMs} ms: the final diagnostics are those of the last version; far fewer than 1,000 checks, each of a newer version`, async () => {
      const ws = makeWorkspace();
      const c = await started({ folders: [ws], settings: debounceMs === 300 ? {} : { debounceMs } });
      const name = `burst-${debounceMs}.md`;
      const { uri } = await fourFindings(c, ws, name);
      const before = c.published.length;
      const checksBefore = checksOf(c, name).length;
      const took = await typeFast(c, uri);
      const last = c.version(uri);
      assert.equal(last, 1001);
      const diags = await c.diagnostics(uri, (_d, p) => p.version === last, before);
      assert.equal(diags.length, MISMATCHES.length - 1, 'the last version fixed the name');
      assert.ok(!diags.some((d) => String(d.code).startsWith('name')));
      const published = c.published.slice(before).filter((p) => p.uri === uri).map((p) => p.version!);
      assert.equal(published.at(-1), last, 'the last publication is for the last version');
      assert.deepEqual(published, [...published].sort((a, b) => a - b), `published versions only go up: ${published}`);
      assert.equal(new Set(published).size, published.length, 'no version published twice');
      // let a stray late check show up, if there were one
      await new Promise((r) => setTimeout(r, debounceMs + 300));
      assert.equal(c.latest(uri)!.version, last);
      const checks = checksOf(c, name).slice(checksBefore);
      assert.equal(new Set(checks).size, checks.length, `no version checked twice: ${checks}`);
      assert.deepEqual(checks, [...checks].sort((a, b) => a - b), `checks go up in version: ${checks}`);
      assert.equal(checks.at(-1), last);
      // With the default debounce only pauses in the typing (this machine's scheduling) start a check.
      const bound = debounceMs ? 10 : 250;
      assert.ok(checks.length <= bound, `${checks.length} checks for 1,000 changes sent in ${took} ms (at most ${bound})`);
      await stillServing(c, uri);
    });
  }
});

describe('server: malformed settings', () => {
  test('the settings section is not an object: the defaults, one message, and service', async () => {
    const ws = makeWorkspace();
    const c = await started({ folders: [ws], settings: ['seeds'] as unknown as Record<string, unknown> });
    const { uri } = await fourFindings(c, ws);
    const status = await lastStatus(c);
    assert.deepEqual(status.problems, ['the factdesk settings should be an object, not ["seeds"]; using the defaults']);
    assert.ok(c.logs.some((l) => l.message.endsWith(`settings (folder0): ${status.problems[0]}`)), 'logged');
    c.settings = 42 as unknown as Record<string, unknown>;
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const st = await c.until(() => [...c.statuses].reverse().find((s) => s.problems[0]?.includes('not 42')), 'a status about the new settings');
    assert.deepEqual(st.problems, ['the factdesk settings should be an object, not 42; using the defaults']);
    await stillServing(c, uri);
  });

  test('values of the wrong type: each named with the default used instead; the draft is still checked with the defaults', async () => {
    const ws = makeWorkspace();
    const settings = { enable: 'yes', maxFileSize: 'big', draftGlobs: '**/*.md', severity: { name: 'loud' }, seedPaths: [1, 2], checks: { dates: 0 }, debounceMs: -5 };
    const c = await started({ folders: [ws], settings });
    const { uri, diags } = await fourFindings(c, ws);
    const name = diags.find((d) => String(d.code).startsWith('name'))!;
    assert.equal(name.severity, 1, 'the engine’s own severity for the name');
    const status = await lastStatus(c);
    for (const want of [
      'factdesk.enable should be true or false, not "yes"; using true',
      'factdesk.maxFileSize should be a positive number of bytes, not "big"; using 1000000',
      'factdesk.draftGlobs should be a list of glob patterns, not "**/*.md"; using ["**/*.md","**/*.markdown","**/*.txt"]',
      'factdesk.severity.name should be one of default, error, warning, information, hint, not "loud"; using "default"',
      'factdesk.seedPaths should be a list of paths, not [1,2]; using []',
      'factdesk.checks.dates should be true or false, not 0; using true',
      'factdesk.debounceMs should be a number of milliseconds from 0 to 60000, not -5; using 300',
    ]) {
      assert.ok(status.problems.includes(want), `${want}\nin ${status.problems.join('\n')}`);
      assert.ok(c.logs.some((l) => l.message.endsWith(`settings (folder0): ${want}`)), `logged: ${want}`);
    }
    await stillServing(c, uri);
  });

  test('relative seed paths are resolved against the workspace folder; paths outside it are used as given', async () => {
    const ws = makeWorkspace({}, false);
    const elsewhere = makeWorkspace({}, false);
    mkdirSync(join(elsewhere, 'shared-seeds'));
    copyFileSync(BUNDLED_SEED, join(elsewhere, 'shared-seeds', 'gaza.txt'));
    const shared = join(elsewhere, 'shared-seeds', 'gaza.txt');
    const relativeOut = relative(ws, dirname(shared));
    assert.ok(relativeOut.startsWith('../'));
    for (const seedPaths of [[join(elsewhere, 'shared-seeds')], [relativeOut]]) {
      const c = await started({ folders: [ws], settings: { seedPaths } });
      const { uri, diags } = await fourFindings(c, ws);
      assert.ok(diags.every((d) => d.relatedInformation![0].location.uri === uriOf(shared)), JSON.stringify(seedPaths));
      const status = await lastStatus(c);
      assert.deepEqual(status.folders[0].seedRoots, [join(elsewhere, 'shared-seeds')]);
      assert.deepEqual(status.problems, []);
      assert.ok(c.logs.some((l) => l.message.includes(`folder0: 1 seed, `) && l.message.includes(`from ${join(elsewhere, 'shared-seeds')} in`)), 'the log says where the seeds came from');
      await stillServing(c, uri);
    }
  });
});
