// FactDesk's language server: a thin adapter between the LSP and the engine. Any LSP client can run it
// as `node dist/server.js --stdio`; the VS Code client uses IPC. Everything a user can do is here
// (diagnostics, hover, code actions, commands through workspace/executeCommand), so every editor gets it.
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type CodeAction,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { checkDraft, formatOf, LineMap, SeedIndex, type CheckResult, type FactKind, type Finding } from './engine';
import { DEFAULT_MAX_SEED_BYTES, DEFAULT_MAX_SEED_FILES, loadSeeds, readSeedFile, readTextFile, SEED_EXTENSIONS, type Skipped, type VerifiedSeeds } from './seedLoader';
import { SeedLines } from './report';
import { defaultSettings, mergeRaw, parseSettings, type Settings } from './settings';
import { enabledKinds, review, type Reviewed } from './policy';
import { claimHover, findingHover, fixEdits, offersFix, rangeOf, toLspDiagnostic, type SeedRef } from './lspDiagnostics';
import { IGNORE_NEXT_LINE } from './suppress';
import { acceptClaim, emptyConfig, isSeedIgnored, loadWorkspaceConfig, WORKSPACE_FILE, type WorkspaceConfig } from './workspaceConfig';
import { isDraft, isInside, listDrafts, matchGlob, pathToUri, relPath, uriToPath } from './workspaceFiles';
import { renderFactBase } from './factBase';
import { renderReport } from './claimReport';

declare const FACTDESK_VERSION: string;
const VERSION = typeof FACTDESK_VERSION === 'string' ? FACTDESK_VERSION : '0.0.0-dev';

/** Commands the server executes (workspace/executeCommand). The VS Code palette commands call these. */
export const COMMANDS = {
  checkDocument: 'factdesk.server.checkDocument',
  checkWorkspace: 'factdesk.server.checkWorkspace',
  showFactBase: 'factdesk.server.showFactBase',
  reloadSeeds: 'factdesk.server.reloadSeeds',
  exportReport: 'factdesk.server.exportReport',
  acceptClaim: 'factdesk.server.acceptClaim',
  status: 'factdesk.server.status',
} as const;

const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.factdesk`;
const BUNDLED_SEEDS = resolve(__dirname, '..', 'seeds');

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

interface Folder {
  /** undefined for the scope of files outside every workspace folder */
  uri?: string;
  path?: string;
  name: string;
  settings: Settings;
  seedRoots: string[];
  index: SeedIndex;
  /** Texts of seeds read since the load (a seed's text otherwise comes from the index, when quoted). */
  seedTexts: Map<string, string>;
  seedLines: SeedLines;
  /** Bumped at every change of the seeds: a persisted index written later must be of the loaded seeds. */
  seedChanges: number;
  skipped: Skipped[];
  seedProblems: string[];
  config: WorkspaceConfig;
  configProblems: string[];
  settingsProblems: string[];
  loadedAt?: string;
}

interface DocState {
  version: number;
  text: string;
  lines: LineMap;
  folder: Folder;
  result?: CheckResult;
  reviewed?: Reviewed;
  kinds: Record<FactKind, boolean>;
  /** why the document was not checked, if it was not */
  skipped?: string;
  /** the draft is over factdesk.maxFileSize: publish one note saying so */
  tooLarge?: boolean;
}

let initParams: InitializeParams | undefined;
let hasConfiguration = false;
let folders: Folder[] = [];
let outside: Folder;
let ready: Promise<void> = Promise.resolve();
let lastCheck: string | undefined;
let lastCheckFile: string | undefined;
const states = new Map<string, DocState>();
const timers = new Map<string, NodeJS.Timeout>();
const runs = new Map<string, { cancelled: boolean }>();
const seen = new Set<string>();

const log = {
  info: (m: string) => connection.console.info(`[${new Date().toISOString().slice(11, 23)}] ${m}`),
  warn: (m: string) => connection.console.warn(`[${new Date().toISOString().slice(11, 23)}] ${m}`),
  error: (m: string) => connection.console.error(`[${new Date().toISOString().slice(11, 23)}] ${m}`),
};

function newFolder(name: string, uri?: string): Folder {
  const path = uri ? uriToPath(uri) : undefined;
  return {
    uri,
    path,
    name,
    settings: defaultSettings(),
    seedRoots: [],
    index: new SeedIndex(),
    seedTexts: new Map(),
    seedLines: new SeedLines(() => undefined),
    seedChanges: 0,
    skipped: [],
    seedProblems: [],
    config: emptyConfig(),
    configProblems: [],
    settingsProblems: [],
  };
}

function seedRef(folder: Folder): SeedRef {
  return {
    uri: pathToUri,
    name: (p) => (folder.path && isInside(folder.path, p) ? relPath(folder.path, p) : `${basename(dirname(p))}/${basename(p)}`),
    lines: folder.seedLines,
  };
}

function folderOf(uri: string): Folder {
  const path = uriToPath(uri);
  let best: Folder | undefined;
  if (path)
    for (const f of folders) if (f.path && isInside(f.path, path) && (!best || (best.path?.length ?? 0) < f.path.length)) best = f;
  return best ?? outside;
}

// ---- Settings and seeds --------------------------------------------------------------------------

function initOptionsSettings(): unknown {
  const o = initParams?.initializationOptions as Record<string, unknown> | undefined;
  if (!o || typeof o !== 'object') return undefined;
  const { cacheDir: _cacheDir, ...rest } = o;
  return (o.factdesk as unknown) ?? (o.settings as Record<string, unknown> | undefined)?.factdesk ?? rest;
}

/**
 * The folder for the persisted index (`initializationOptions.cacheDir`: the VS Code client passes its
 * storage folder), or undefined: seeds are then extracted at every start.
 */
function cacheDirOption(): string | undefined {
  const o = initParams?.initializationOptions as Record<string, unknown> | undefined;
  const dir = o && typeof o === 'object' ? o.cacheDir : undefined;
  return typeof dir === 'string' && dir.trim() !== '' ? resolve(dir) : undefined;
}

let pushedSettings: unknown;

async function fetchSettings(folder: Folder): Promise<void> {
  let fromClient: unknown;
  if (hasConfiguration) {
    try {
      fromClient = await connection.workspace.getConfiguration({ scopeUri: folder.uri, section: 'factdesk' });
    } catch (err) {
      log.warn(`could not read the settings from the client (${(err as Error).message}); using the defaults`);
    }
  } else fromClient = pushedSettings;
  if (fromClient !== undefined && fromClient !== null && (typeof fromClient !== 'object' || Array.isArray(fromClient))) {
    folder.settings = defaultSettings();
    folder.settingsProblems = [`the factdesk settings should be an object, not ${JSON.stringify(fromClient)}; using the defaults`];
  } else {
    const { settings, problems } = parseSettings(mergeRaw(initOptionsSettings(), fromClient));
    folder.settings = settings;
    folder.settingsProblems = problems;
  }
  for (const p of folder.settingsProblems) log.warn(`settings (${folder.name}): ${p}`);
}

function resolveSeedRoots(folder: Folder): { roots: string[]; problems: string[] } {
  const base = folder.path ?? process.cwd();
  const problems: string[] = [];
  if (folder.settings.seedPaths.length) {
    const roots: string[] = [];
    for (const p of folder.settings.seedPaths) {
      const abs = resolve(base, p.replace(/^~(?=\/|$)/, process.env.HOME ?? '~'));
      if (existsSync(abs)) roots.push(abs);
      else problems.push(`seed path not found: ${p} (resolved to ${abs})`);
    }
    return { roots, problems };
  }
  if (folder.path) {
    const own = resolve(folder.path, 'seeds');
    try {
      if (statSync(own).isDirectory()) return { roots: [own], problems };
    } catch {
      /* no seeds/ in this folder: fall back to the bundled seeds */
    }
  }
  return { roots: [BUNDLED_SEEDS], problems };
}

function loadConfig(folder: Folder): void {
  if (!folder.path) {
    folder.config = emptyConfig();
    folder.configProblems = [];
    return;
  }
  const { config, problems } = loadWorkspaceConfig(folder.path);
  folder.config = config;
  folder.configProblems = problems;
  for (const p of problems) log.warn(`${folder.name}: ${p}`);
}

/** A seed's text for evidence ranges: read since the load, or the one its index entry was read from. */
function seedTextOf(folder: Folder, path: string): string | undefined {
  const known = folder.seedTexts.get(path);
  if (known !== undefined) return known;
  try {
    return folder.index.seed(path)?.facts.parsed.raw;
  } catch (err) {
    log.warn(`${folder.name}: could not read seed ${path} again: ${(err as Error).message}`);
    return undefined;
  }
}

/**
 * Loads a folder's seeds: from the persisted index when there is one (opened without listing the seed
 * files; they are compared with it right after, in the background for a large archive), else from the
 * seed files (then the index is written for the next start).
 */
async function loadSeedsOf(folder: Folder, openAtOnce = true): Promise<void> {
  const started = Date.now();
  const { roots, problems } = resolveSeedRoots(folder);
  const cacheDir = cacheDirOption();
  const changes = ++folder.seedChanges;
  let write: (() => boolean) | undefined;
  let verify: (() => Promise<VerifiedSeeds>) | undefined;
  // The CLI's limits: seed files up to 2 MB, at most 10,000 of them from all the seed paths together.
  const loaded = loadSeeds(roots, {
    maxBytes: DEFAULT_MAX_SEED_BYTES,
    maxFiles: DEFAULT_MAX_SEED_FILES,
    accept: (file) => !(folder.path && isSeedIgnored(folder.config, folder.path, file, matchGlob)),
    acceptKey: JSON.stringify([folder.path ?? '', folder.config.ignoredSeeds]),
    cacheDir,
    saveLater: (w) => (write = w),
    ...(openAtOnce ? { verifyLater: (v: () => Promise<VerifiedSeeds>) => (verify = v) } : {}),
  });
  folder.seedRoots = roots;
  folder.index = loaded.index;
  folder.seedTexts = new Map();
  folder.skipped = loaded.skipped;
  folder.seedProblems = [...problems];
  folder.seedLines = new SeedLines((p) => seedTextOf(folder, p));
  folder.loadedAt = new Date().toISOString();
  const st = folder.index.stats;
  for (const p of folder.seedProblems) log.error(`${folder.name}: ${p}`);
  for (const s of folder.skipped) log.warn(`${folder.name}: skipped seed ${s.path}: ${s.reason}`);
  const cache = loaded.cache;
  for (const m of cache?.messages ?? []) log.warn(`${folder.name}: ${m}`);
  if (st.files === 0) folder.seedProblems.push(`no seeds loaded from ${roots.join(', ') || 'the configured paths'}`);
  const how = !cache ? '' : cache.opened ? `, opened from the persisted index in ${cache.dir}${cache.changed ? ` (${cache.changed} seed file${cache.changed === 1 ? '' : 's'} changed since: read again)` : ''}` : `, ${cache.hits} from the cache, ${cache.misses} extracted`;
  log.info(`${folder.name}: ${st.files} seed${st.files === 1 ? '' : 's'}, ${st.facts} facts from ${roots.join(', ')} in ${Date.now() - started} ms${how}`);
  // The built index is written once the first checks are done (a check never waits for it), unless the
  // seeds changed since.
  if (write && cache) {
    const save = write;
    setTimeout(() => {
      if (folder.seedChanges !== changes) return;
      const t = Date.now();
      const before = cache.messages.length;
      if (save()) log.info(`${folder.name}: wrote the persisted index of ${st.files} seeds to ${cache.dir} in ${Date.now() - t} ms`);
      for (const m of cache.messages.slice(before)) log.warn(`${folder.name}: ${m}`);
    }, SAVE_DELAY_MS);
  }
  if (verify) {
    const check = verify;
    const index = folder.index;
    const run = async () => {
      const t = Date.now();
      let r: VerifiedSeeds;
      try {
        r = await check();
      } catch (err) {
        log.error(`${folder.name}: could not compare the seed files with the persisted index: ${(err as Error)?.stack ?? String(err)}`);
        return;
      }
      if (folder.index !== index) return; // loaded again meanwhile
      for (const m of r.messages) log.warn(`${folder.name}: ${m}`);
      if (r.reload) {
        log.info(`${folder.name}: many seed files changed since the persisted index was written: loading the seeds again`);
        await loadSeedsOf(folder, false);
      } else {
        const known = new Set(folder.skipped.map((x) => `${x.path}\0${x.reason}`));
        folder.skipped = r.skipped;
        for (const x of r.skipped) if (!known.has(`${x.path}\0${x.reason}`)) log.warn(`${folder.name}: skipped seed ${x.path}: ${x.reason}`);
        log.info(`${folder.name}: compared ${r.files.length + r.skipped.length} seed files with the persisted index in ${Date.now() - t} ms: ${r.changed} changed, added or removed since (read again)`);
        if (r.changed === 0) return;
        folder.seedChanges++;
        folder.seedLines = new SeedLines((p) => seedTextOf(folder, p));
        folder.loadedAt = new Date().toISOString();
      }
      sendStatus();
      recheckOpen((f) => f === folder);
    };
    // A small archive is compared before the first check; a large one while drafts are checked.
    if (st.files <= COMPARE_FIRST_MAX) await run();
    else void run();
  }
}

/** Archives of at most this many seeds are compared with their persisted index before the first check. */
const COMPARE_FIRST_MAX = 2000;

/** How long after a load the persisted index is written (the first checks go first). */
const SAVE_DELAY_MS = 500;

/** Reads (again) one seed file that changed on disk; what cannot be read is skipped and logged with its reason. */
function indexSeedFile(folder: Folder, file: string): boolean {
  folder.seedChanges++;
  folder.skipped = folder.skipped.filter((s) => s.path !== file);
  const full = !folder.index.has(file) && folder.index.stats.files >= DEFAULT_MAX_SEED_FILES;
  const r = full ? { reason: `file limit reached: ${DEFAULT_MAX_SEED_FILES} seed files are read at most` } : readSeedFile(file, DEFAULT_MAX_SEED_BYTES);
  let reason = r.reason ?? 'unreadable';
  if (r.text !== undefined) {
    try {
      folder.index.addSeed(file, r.text);
      folder.seedTexts.set(file, r.text);
      return true;
    } catch (err) {
      reason = `could not be indexed: ${String((err as Error)?.message ?? err).split('\n')[0]}`;
    }
  }
  folder.skipped.push({ path: file, reason });
  folder.index.removeSeed(file);
  folder.seedTexts.delete(file);
  log.warn(`${folder.name}: skipped seed ${file}: ${reason}`);
  return false;
}

async function loadFolder(folder: Folder): Promise<void> {
  await fetchSettings(folder);
  loadConfig(folder);
  await loadSeedsOf(folder);
}

/** The workspace folders, and the scope for files outside them once such a file was opened (or there is no folder). */
function active(): Folder[] {
  return outside.loadedAt || folders.length === 0 ? [...folders, outside] : folders;
}

/** Loads the outside-every-folder scope the first time a file there is checked. */
async function ensureLoaded(folder: Folder): Promise<void> {
  if (folder.loadedAt) return;
  ready = ready.then(() => (folder.loadedAt ? undefined : loadFolder(folder).then(() => sendStatus())));
  await ready;
}

async function loadAll(): Promise<void> {
  await Promise.all(active().map(loadFolder));
  sendStatus();
}

// ---- Checking -------------------------------------------------------------------------------------

function checkText(uri: string, text: string, languageId: string | undefined, version: number): DocState {
  const folder = folderOf(uri);
  const s = folder.settings;
  const kinds = enabledKinds(s, folder.config);
  const state: DocState = { version, text, lines: new LineMap(text), folder, kinds };
  const path = uriToPath(uri);
  if (!s.enable) state.skipped = 'FactDesk is disabled (factdesk.enable)';
  else if (path && !isDraft(path, folder.path, s.draftGlobs, folder.seedRoots)) state.skipped = 'not a draft (a seed, or outside factdesk.draftGlobs)';
  else {
    const size = Buffer.byteLength(text, 'utf8');
    if (size > s.maxFileSize) {
      state.skipped = `FactDesk did not check this draft: it is ${formatBytes(size)}, over factdesk.maxFileSize (${formatBytes(s.maxFileSize)}).`;
      state.tooLarge = true;
      log.warn(`${path ?? uri}: ${state.skipped}`);
      return state;
    }
    const started = Date.now();
    try {
      state.result = checkDraft(text, folder.index, { format: formatOf(path ?? uri, languageId), kinds });
      state.reviewed = review(text, state.result, folder.config, s);
    } catch (err) {
      // An engine failure on one text must not take the server down: say so in the log, publish nothing.
      log.error(`could not check ${path ?? uri}: ${(err as Error)?.stack ?? String(err)}`);
      state.result = undefined;
      state.skipped = 'internal error while checking (see the FactDesk log)';
      return state;
    }
    lastCheck = new Date().toISOString();
    lastCheckFile = path ? basename(path) : uri;
    log.info(`checked ${lastCheckFile} v${version}: ${state.reviewed.visible.length} finding(s), ${state.reviewed.hidden.length} hidden, in ${Date.now() - started} ms`);
  }
  return state;
}

function formatBytes(n: number): string {
  return n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

function diagnosticsOf(state: DocState): Diagnostic[] {
  if (state.tooLarge && state.skipped)
    return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 3, source: 'factdesk', code: 'file-too-large', message: state.skipped }];
  if (!state.reviewed) return [];
  const ref = seedRef(state.folder);
  return state.reviewed.visible.map((f) => toLspDiagnostic(f, state.lines, ref) as Diagnostic);
}

function publish(uri: string, state: DocState, version?: number): void {
  void connection.sendDiagnostics({ uri, version, diagnostics: diagnosticsOf(state) });
}

function schedule(uri: string, delay: number): void {
  const t = timers.get(uri);
  if (t) clearTimeout(t);
  const run = runs.get(uri);
  if (run) run.cancelled = true; // a check waiting for its turn is superseded
  timers.set(
    uri,
    setTimeout(() => {
      timers.delete(uri);
      runCheck(uri).catch((err) => log.error(`could not check ${uri}: ${(err as Error)?.stack ?? String(err)}`));
    }, delay),
  );
}

async function runCheck(uri: string): Promise<void> {
  const doc = documents.get(uri);
  if (!doc) return;
  const version = doc.version;
  const token = { cancelled: false };
  const previous = runs.get(uri);
  if (previous) previous.cancelled = true;
  runs.set(uri, token);
  await ready;
  await ensureLoaded(folderOf(uri));
  await new Promise((r) => setImmediate(r)); // let newer edits that already arrived be read first
  if (token.cancelled || documents.get(uri)?.version !== version) return;
  const state = checkText(uri, doc.getText(), doc.languageId, version);
  if (token.cancelled || documents.get(uri)?.version !== version) {
    log.info(`dropped the result for ${basename(uriToPath(uri) ?? uri)} v${version}: a newer version arrived`);
    return;
  }
  if (runs.get(uri) === token) runs.delete(uri);
  states.set(uri, state);
  publish(uri, state, version);
  sendStatus();
}

/**
 * The state for the document's current text, checking it now if the last check is stale. A document
 * that is not open is read from disk if `readIfClosed` (commands), else there is no state (hover, code actions).
 */
async function freshState(uri: string, readIfClosed: boolean): Promise<DocState | undefined> {
  await ready;
  await ensureLoaded(folderOf(uri));
  const doc = documents.get(uri);
  const st = states.get(uri);
  if (doc && st && st.version === doc.version && st.folder === folderOf(uri)) return st;
  if (doc) {
    const state = checkText(uri, doc.getText(), doc.languageId, doc.version);
    states.set(uri, state);
    return state;
  }
  const path = uriToPath(uri);
  if (!path || !readIfClosed) return undefined;
  const r = readTextFile(path, folderOf(uri).settings.maxFileSize);
  if (r.text === undefined) throw new ResponseError(-32602, `cannot read ${path}: ${r.reason}`);
  return checkText(uri, r.text, undefined, 0);
}

function recheckOpen(filter: (f: Folder) => boolean = () => true): void {
  for (const doc of documents.all()) if (filter(folderOf(doc.uri))) schedule(doc.uri, 0);
}

// ---- Status -------------------------------------------------------------------------------------

/** Skipped seeds named one by one in the status; the log names them all. */
const SKIPPED_SEEDS_LISTED = 10;

function skippedSeedLines(f: Folder): string[] {
  const name = seedRef(f).name;
  const lines = f.skipped.slice(0, SKIPPED_SEEDS_LISTED).map((s) => `skipped seed ${name(s.path)}: ${s.reason}`);
  const more = f.skipped.length - lines.length;
  if (more > 0) lines.push(`${more} more seed${more === 1 ? '' : 's'} skipped (the FactDesk log names them)`);
  return lines;
}

function statusInfo() {
  const all = active();
  const list = all.map((f) => ({
    name: f.name,
    uri: f.uri,
    seeds: f.index.stats.files,
    facts: f.index.stats.facts,
    skippedSeeds: f.skipped.length,
    seedRoots: f.seedRoots,
    problems: [...f.seedProblems, ...f.settingsProblems, ...f.configProblems, ...skippedSeedLines(f)],
    loadedAt: f.loadedAt,
  }));
  const problems = list.flatMap((f) => f.problems.map((p) => (list.length > 1 ? `${f.name}: ${p}` : p)));
  return {
    version: VERSION,
    ok: all.every((f) => f.index.stats.files > 0 && f.seedProblems.length === 0),
    seeds: list.reduce((n, f) => n + f.seeds, 0),
    facts: list.reduce((n, f) => n + f.facts, 0),
    folders: list,
    problems,
    lastCheck,
    lastCheckFile,
  };
}

function sendStatus(): void {
  void connection.sendNotification('factdesk/status', statusInfo());
}

// ---- Lifecycle ------------------------------------------------------------------------------------

connection.onInitialize((params): InitializeResult => {
  initParams = params;
  hasConfiguration = !!params.capabilities.workspace?.configuration;
  const wf: WorkspaceFolder[] = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: basename(uriToPath(params.rootUri) ?? 'workspace') }] : []);
  folders = wf.map((f) => newFolder(f.name, f.uri));
  outside = newFolder('(no folder)');
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Full },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      executeCommandProvider: { commands: Object.values(COMMANDS) },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'factdesk', version: VERSION },
  };
});

connection.onInitialized(() => {
  const caps = initParams?.capabilities;
  if (caps?.workspace?.didChangeConfiguration?.dynamicRegistration)
    connection.client.register(DidChangeConfigurationNotification.type, { section: 'factdesk' }).catch((err) =>
      log.warn(`the client refused to send configuration changes (${(err as Error)?.message}); settings apply after Reload Seeds or a restart`),
    );
  if (caps?.workspace?.workspaceFolders)
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      folders = folders.filter((f) => !e.removed.some((r) => r.uri === f.uri));
      const added = e.added.map((f) => newFolder(f.name, f.uri));
      folders.push(...added);
      ready = Promise.all(added.map(loadFolder)).then(() => {
        registerWatchers();
        recheckOpen();
        sendStatus();
      });
    });
  ready = loadAll().then(registerWatchers);
});

let watcherRegistration: { dispose(): void } | undefined;

async function registerWatchers(): Promise<void> {
  const caps = initParams?.capabilities.workspace?.didChangeWatchedFiles;
  if (!caps?.dynamicRegistration) return;
  const watchers: Array<{ globPattern: string | { baseUri: string; pattern: string } }> = [
    { globPattern: '**/*.{txt,md,markdown}' },
    { globPattern: `**/${WORKSPACE_FILE}` },
  ];
  if (caps.relativePatternSupport)
    for (const f of active())
      for (const root of f.seedRoots)
        if (!folders.some((w) => w.path && isInside(w.path, root))) watchers.push({ globPattern: { baseUri: pathToUri(root), pattern: '**/*.{txt,md,markdown}' } });
  const old = watcherRegistration;
  try {
    watcherRegistration = await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
  } catch (err) {
    log.warn(`the client refused to watch the seed files (${(err as Error)?.message}); a changed seed is read after Reload Seeds`);
    return;
  }
  old?.dispose();
}

documents.onDidChangeContent((e) => {
  const first = !seen.has(e.document.uri);
  seen.add(e.document.uri);
  schedule(e.document.uri, first ? 0 : folderOf(e.document.uri).settings.debounceMs);
});

documents.onDidClose((e) => {
  const t = timers.get(e.document.uri);
  if (t) clearTimeout(t);
  timers.delete(e.document.uri);
  const run = runs.get(e.document.uri);
  if (run) run.cancelled = true;
  states.delete(e.document.uri);
  seen.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onDidChangeConfiguration(async (change) => {
  if (!hasConfiguration) {
    const s = (change.settings as Record<string, unknown> | null | undefined)?.factdesk;
    if (s !== undefined) pushedSettings = s;
  }
  ready = (async () => {
    await ready;
    for (const f of active()) {
      const before = JSON.stringify(f.settings.seedPaths);
      await fetchSettings(f);
      if (JSON.stringify(f.settings.seedPaths) !== before) await loadSeedsOf(f);
    }
    log.info('settings changed: re-checking the open drafts');
    await registerWatchers();
    sendStatus();
  })();
  await ready;
  recheckOpen();
});

connection.onDidChangeWatchedFiles(async ({ changes }) => {
  await ready;
  const touched = new Set<Folder>();
  for (const c of changes) {
    const path = uriToPath(c.uri);
    if (!path) continue;
    if (basename(path) === WORKSPACE_FILE) {
      const folder = folders.find((f) => f.path && resolve(f.path) === dirname(path));
      if (folder) {
        const ignoredBefore = JSON.stringify(folder.config.ignoredSeeds);
        loadConfig(folder);
        log.info(`${folder.name}: ${WORKSPACE_FILE} ${c.type === FileChangeType.Deleted ? 'deleted' : 'changed'}`);
        if (JSON.stringify(folder.config.ignoredSeeds) !== ignoredBefore) await loadSeedsOf(folder);
        touched.add(folder);
      }
      continue;
    }
    if (!SEED_EXTENSIONS.has(path.slice(path.lastIndexOf('.')).toLowerCase())) continue;
    for (const f of active()) {
      if (!f.seedRoots.some((r) => isInside(r, path))) continue;
      if (f.path && isSeedIgnored(f.config, f.path, path, matchGlob)) continue;
      const started = Date.now();
      if (c.type === FileChangeType.Deleted) {
        f.seedChanges++;
        f.index.removeSeed(path);
        f.seedTexts.delete(path);
        f.skipped = f.skipped.filter((s) => s.path !== path);
        log.info(`${f.name}: seed removed: ${path}`);
      } else if (indexSeedFile(f, path)) log.info(`${f.name}: re-indexed seed ${path} in ${Date.now() - started} ms`);
      f.seedLines = new SeedLines((p) => seedTextOf(f, p));
      f.loadedAt = new Date().toISOString();
      touched.add(f);
    }
  }
  if (touched.size) {
    sendStatus();
    recheckOpen((f) => touched.has(f));
  }
});

// ---- Hover --------------------------------------------------------------------------------------

connection.onHover(async ({ textDocument, position }) => {
  const state = await freshState(textDocument.uri, false);
  if (!state?.result || !state.reviewed) return null;
  const offset = state.lines.offset(position);
  const within = (r: { start: number; end: number }) => r.start <= offset && offset <= r.end;
  const ref = seedRef(state.folder);
  const f = state.reviewed.visible.find((x) => within(x.range));
  if (f) return { contents: { kind: 'markdown', value: findingHover(f, ref) }, range: rangeOf(state.lines, f.range) };
  const h = state.reviewed.hidden.find((x) => within(x.finding.range));
  if (h)
    return {
      contents: { kind: 'markdown', value: findingHover(h.finding, ref, h.reason === 'accepted' ? `accepted in ${WORKSPACE_FILE}` : 'ignored by an inline comment') },
      range: rangeOf(state.lines, h.finding.range),
    };
  const c = state.result.claims.find((x) => state.kinds[x.kind] && within(x.range));
  if (c) return { contents: { kind: 'markdown', value: claimHover(c, ref) }, range: rangeOf(state.lines, c.range) };
  return null;
});

// ---- Code actions -------------------------------------------------------------------------------

connection.onCodeAction(async ({ textDocument, range, context }) => {
  const uri = textDocument.uri;
  const state = await freshState(uri, false);
  if (!state?.reviewed) return [];
  const start = state.lines.offset(range.start);
  const end = state.lines.offset(range.end);
  const wants = (kind: string) => !context.only || context.only.some((k) => kind === k || kind.startsWith(k + '.'));
  const actions: CodeAction[] = [];
  const doc = documents.get(uri);
  const markdown = formatOf(uriToPath(uri) ?? uri, doc?.languageId) === 'markdown';
  const diagFor = (f: Finding): Diagnostic => {
    const r = rangeOf(state.lines, f.range);
    const given = context.diagnostics.find((d) => d.source === 'factdesk' && d.code === f.code && d.range.start.line === r.start.line && d.range.start.character === r.start.character);
    return given ?? (toLspDiagnostic(f, state.lines, seedRef(state.folder)) as Diagnostic);
  };
  if (wants(CodeActionKind.QuickFix)) {
    const hits = state.reviewed.visible.filter((f) => f.range.start <= end && start <= f.range.end);
    for (const f of hits) {
      const diag = diagFor(f);
      const r = rangeOf(state.lines, f.range);
      if (offersFix(f))
        actions.push({
          title: `Replace with “${f.expected}” (as the seeds say)`,
          kind: CodeActionKind.QuickFix,
          isPreferred: true,
          diagnostics: [diag],
          edit: { changes: { [uri]: [{ range: r, newText: f.expected }] } },
        });
      if (markdown) {
        const lineText = state.text.slice(state.lines.offset({ line: r.start.line, character: 0 })).split('\n')[0];
        const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
        actions.push({
          title: 'Ignore this finding here',
          kind: CodeActionKind.QuickFix,
          diagnostics: [diag],
          edit: { changes: { [uri]: [{ range: { start: { line: r.start.line, character: 0 }, end: { line: r.start.line, character: 0 } }, newText: `${indent}${IGNORE_NEXT_LINE}\n` }] } },
        });
      }
      if (state.folder.path)
        actions.push({
          title: `Accept this claim in the workspace (“${f.text}”, recorded in ${WORKSPACE_FILE})`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diag],
          command: { title: 'Accept this claim in the workspace', command: COMMANDS.acceptClaim, arguments: [{ uri, kind: f.kind, text: f.text, expected: f.expected }] },
        });
    }
  }
  if (wants(FIX_ALL_KIND)) {
    const edits = fixEdits(state.reviewed.visible, state.lines);
    if (edits.length)
      actions.push({ title: `Fix all FactDesk findings (${edits.length})`, kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } });
  }
  return actions;
});

// ---- Commands -----------------------------------------------------------------------------------

/** The document a command is for: its first argument (a URI, or an object with one), else the only open document. */
function argUri(args: unknown[] | undefined): string {
  const a = args?.[0];
  if (a === undefined || a === null) {
    const open = documents.all();
    if (open.length === 1) return open[0].uri;
    throw new ResponseError(-32602, 'this command needs a document URI as its first argument');
  }
  const uri = typeof a === 'string' ? a : typeof a === 'object' ? (a as { uri?: unknown }).uri : undefined;
  if (typeof uri === 'string' && uri !== '') return uri;
  throw new ResponseError(-32602, `this command needs a document URI as its first argument, not ${String(JSON.stringify(a)).slice(0, 80)}`);
}

async function checkWorkspace(token: CancellationToken) {
  await ready;
  const progress = await connection.window.createWorkDoneProgress();
  const cancelled = () => token.isCancellationRequested || progress.token.isCancellationRequested;
  const jobs: Array<{ folder: Folder; path: string }> = [];
  const unreadable: Skipped[] = [];
  const cannotRead = (s: Skipped) => {
    unreadable.push(s);
    log.warn(`cannot read draft ${s.path}: ${s.reason}`);
  };
  for (const f of folders) {
    if (!f.path || !f.settings.enable) continue;
    const { files, skipped } = listDrafts(f.path, f.settings.draftGlobs, f.seedRoots);
    for (const p of files) jobs.push({ folder: f, path: p });
    skipped.forEach(cannotRead);
  }
  progress.begin('FactDesk: checking drafts', 0, `${jobs.length} drafts`, true);
  let findings = 0;
  let checked = 0;
  const files: Array<{ uri: string; findings: number }> = [];
  for (const job of jobs) {
    if (cancelled()) break;
    const uri = pathToUri(job.path);
    const open = documents.all().find((d) => uriToPath(d.uri) === job.path);
    let state: DocState;
    if (open) state = checkText(open.uri, open.getText(), open.languageId, open.version);
    else {
      const r = readTextFile(job.path, 50 * 1024 * 1024); // checkText applies factdesk.maxFileSize with a clear note
      if (r.text === undefined) {
        cannotRead({ path: job.path, reason: r.reason ?? 'unreadable' });
        continue;
      }
      state = checkText(uri, r.text, undefined, 0);
    }
    if (open) states.set(open.uri, state);
    publish(open?.uri ?? uri, state, open?.version);
    const n = state.reviewed?.visible.length ?? 0;
    findings += n;
    checked++;
    files.push({ uri: open?.uri ?? uri, findings: n });
    progress.report(Math.round((checked / jobs.length) * 100), `${checked}/${jobs.length}: ${basename(job.path)}`);
    await new Promise((r) => setImmediate(r)); // lets a cancellation in
  }
  const wasCancelled = checked < jobs.length && cancelled();
  progress.done();
  log.info(`checked ${checked} of ${jobs.length} drafts in the workspace: ${findings} finding(s)${unreadable.length ? `, ${unreadable.length} could not be read` : ''}${wasCancelled ? ' (cancelled)' : ''}`);
  sendStatus();
  const skipped = unreadable.map((s) => ({ uri: pathToUri(s.path), reason: s.reason }));
  return { total: jobs.length, checked, findings, cancelled: wasCancelled, files, skipped };
}

connection.onExecuteCommand(async ({ command, arguments: args }, token) => {
  switch (command) {
    case COMMANDS.checkDocument: {
      const uri = argUri(args);
      await ready;
      const t = timers.get(uri);
      if (t) clearTimeout(t);
      timers.delete(uri);
      const doc = documents.get(uri);
      const state = await freshState(uri, true);
      if (!state) throw new ResponseError(-32602, `not a file FactDesk can check: ${uri}`);
      if (doc) states.set(uri, state);
      publish(uri, state, doc?.version);
      sendStatus();
      return { uri, findings: state.reviewed?.visible.length ?? 0, hidden: state.reviewed?.hidden.length ?? 0, claims: state.result?.claims.length ?? 0, skipped: state.skipped };
    }
    case COMMANDS.checkWorkspace:
      return checkWorkspace(token);
    case COMMANDS.showFactBase: {
      await ready;
      const a = args?.[0];
      const uri = typeof a === 'string' ? a : (a as { uri?: string } | undefined)?.uri;
      const list = uri ? [folderOf(uri)] : folders.length ? folders : [outside];
      for (const f of list) await ensureLoaded(f);
      const markdown = list.map((f) => renderFactBase(f.index, seedRef(f), list.length > 1 || folders.length > 1 ? `FactDesk fact base — ${f.name}` : 'FactDesk fact base')).join('\n');
      return { title: 'FactDesk fact base', markdown };
    }
    case COMMANDS.reloadSeeds: {
      await ready;
      ready = Promise.all(active().map(loadFolder)).then(registerWatchers);
      await ready;
      sendStatus();
      recheckOpen();
      return statusInfo();
    }
    case COMMANDS.exportReport: {
      const uri = argUri(args);
      const state = await freshState(uri, true);
      if (!state?.result || !state.reviewed) throw new ResponseError(-32602, `FactDesk did not check ${uri}: ${state?.skipped ?? 'unknown document'}`);
      const path = uriToPath(uri);
      const folder = state.folder;
      const ref = seedRef(folder);
      const markdown = renderReport(
        { draft: path ? (folder.path && isInside(folder.path, path) ? relPath(folder.path, path) : basename(path)) : uri, text: state.text, result: state.result, hidden: state.reviewed.hidden, kinds: state.kinds, seedStats: folder.index.stats },
        { lines: folder.seedLines, name: ref.name, link: (seed, line) => `${pathToUri(seed)}#L${line}` },
      );
      const suggested = path ? path.replace(/\.(md|markdown|txt)$/i, '') + '.factcheck.md' : undefined;
      return { markdown, suggestedPath: suggested, suggestedUri: suggested ? pathToUri(suggested) : undefined };
    }
    case COMMANDS.acceptClaim: {
      const a = (args?.[0] ?? {}) as { uri?: string; kind?: FactKind; text?: string; expected?: string };
      if (!a.uri || !a.kind || typeof a.text !== 'string') throw new ResponseError(-32602, 'acceptClaim needs { uri, kind, text, expected? }');
      await ready;
      const folder = folderOf(a.uri);
      if (!folder.path) throw new ResponseError(-32602, 'claims can be accepted only in a workspace folder');
      let result;
      try {
        result = acceptClaim(folder.path, { kind: a.kind, text: a.text, expected: a.expected });
      } catch (err) {
        log.error(`could not update ${WORKSPACE_FILE}: ${(err as Error).message}`);
        throw new ResponseError(-32603, `could not update ${WORKSPACE_FILE}: ${(err as Error).message}`);
      }
      log.info(`${folder.name}: accepted ${a.kind} “${a.text}” in ${result.path}`);
      loadConfig(folder);
      for (const st of states.values()) if (st.folder === folder) st.version = -1; // stale
      recheckOpen((f) => f === folder);
      return result;
    }
    case COMMANDS.status:
      await ready;
      return statusInfo();
    default:
      throw new ResponseError(-32601, `unknown command ${command}`);
  }
});

// A promise nobody waits for that fails must not end the server (Node's default): say so in the log instead.
process.on('unhandledRejection', (err) => log.error(`internal error (the server keeps running): ${(err as Error)?.stack ?? String(err)}`));

documents.listen(connection);
connection.listen();
