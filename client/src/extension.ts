// FactDesk's VS Code client: starts the language server over IPC and adds only UI — palette commands
// that call the server's commands, a language status item and the output channel. Everything else
// (diagnostics, hover, quick fixes, settings) comes from the server, as for any other LSP client.
// If the server stops without being asked to, the client restarts it and says so (RestartPolicy: up to
// 5 restarts in 3 minutes, then it says that the server stays stopped).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { RestartPolicy } from './restartPolicy';

let client: LanguageClient | undefined;

interface Status {
  ok: boolean;
  seeds: number;
  facts: number;
  problems: string[];
  lastCheck?: string;
  lastCheckFile?: string;
  folders: Array<{ name: string; seeds: number; facts: number; problems: string[] }>;
}

const SERVER_COMMANDS = {
  checkDocument: 'factdesk.server.checkDocument',
  checkWorkspace: 'factdesk.server.checkWorkspace',
  showFactBase: 'factdesk.server.showFactBase',
  reloadSeeds: 'factdesk.server.reloadSeeds',
  exportReport: 'factdesk.server.exportReport',
};

const SELECTOR: vscode.DocumentSelector = [
  { scheme: 'file', language: 'markdown' },
  { scheme: 'file', language: 'plaintext' },
];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('FactDesk');
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const status = vscode.languages.createLanguageStatusItem('factdesk.status', SELECTOR);
  status.name = 'FactDesk';
  status.text = '$(sync~spin) FactDesk: loading seeds';
  status.command = { title: 'Show log', command: 'factdesk.showLog' };
  context.subscriptions.push(status, output);

  const tell = (show: typeof vscode.window.showWarningMessage, message: string) =>
    void show(message, 'Show Log').then((choice) => choice && output.show(true));
  const restarts = new RestartPolicy();
  // The persisted index (seeds' facts and the built index) lives in the extension's storage folder for
  // this workspace (the global one without a workspace), never among the seeds.
  const cacheDir = (context.storageUri ?? context.globalStorageUri)?.fsPath;
  const clientOptions: LanguageClientOptions = {
    documentSelector: SELECTOR as LanguageClientOptions['documentSelector'],
    initializationOptions: cacheDir ? { cacheDir } : undefined,
    outputChannel: output,
    errorHandler: {
      // A message that could not be read or written: the connection goes on (a crash ends in closed()).
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => {
        const decision = restarts.serverStopped(Date.now());
        if (decision.restart) {
          status.text = '$(sync~spin) FactDesk: restarting';
          tell(vscode.window.showWarningMessage, decision.message);
        } else {
          status.text = '$(error) FactDesk: stopped';
          status.detail = decision.message;
          status.severity = vscode.LanguageStatusSeverity.Error;
          tell(vscode.window.showErrorMessage, decision.message);
        }
        // handled: the client writes the message to the output channel and shows no second notification
        return { action: decision.restart ? CloseAction.Restart : CloseAction.DoNotRestart, message: decision.message, handled: true };
      },
    },
  };
  client = new LanguageClient('factdesk', 'FactDesk', serverOptions, clientOptions);

  const render = (s: Status) => {
    status.text = `FactDesk: ${s.seeds} seed${s.seeds === 1 ? '' : 's'}, ${s.facts} facts`;
    const last = s.lastCheck ? `last check ${new Date(s.lastCheck).toLocaleTimeString()}${s.lastCheckFile ? ` (${s.lastCheckFile})` : ''}` : 'no check yet';
    status.detail = s.problems.length ? `${s.problems[0]}${s.problems.length > 1 ? ` (+${s.problems.length - 1} more)` : ''} · ${last}` : last;
    status.severity = !s.ok ? vscode.LanguageStatusSeverity.Error : s.problems.length ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  };

  const run = async <T>(command: string, ...args: unknown[]): Promise<T | undefined> => {
    if (!client) return undefined;
    try {
      return (await client.sendRequest('workspace/executeCommand', { command, arguments: args })) as T;
    } catch (err) {
      void vscode.window.showErrorMessage(`FactDesk: ${(err as Error).message}`);
      return undefined;
    }
  };
  const activeUri = (): string | undefined => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc) void vscode.window.showInformationMessage('FactDesk: open a draft first.');
    return doc?.uri.toString();
  };
  // The Markdown preview renders no file:// link (it shows the raw syntax); links into a workspace folder
  // written from the workspace root ("/seeds/x.txt#L3") render and open there.
  const workspaceLinks = (markdown: string) =>
    markdown.replace(/\]\((file:\/\/[^)\s]+)\)/g, (link, href: string) => {
      const uri = vscode.Uri.parse(href);
      const folder = vscode.workspace.getWorkspaceFolder(uri.with({ fragment: '' }));
      if (!folder) return link;
      const rel = path.posix.relative(folder.uri.path, uri.path);
      return `](/${rel.split('/').map(encodeURIComponent).join('/')}${uri.fragment ? `#${uri.fragment}` : ''})`;
    });
  const showMarkdown = async (markdown: string) => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: workspaceLinks(markdown) });
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('factdesk.showLog', () => output.show(true)),
    vscode.commands.registerCommand('factdesk.checkDocument', async () => {
      const uri = activeUri();
      if (!uri) return;
      const r = await run<{ findings: number; skipped?: string }>(SERVER_COMMANDS.checkDocument, uri);
      if (r?.skipped) void vscode.window.showInformationMessage(`FactDesk: ${r.skipped}`);
    }),
    vscode.commands.registerCommand('factdesk.checkWorkspace', async () => {
      // The server reports progress (cancellable) through $/progress; the client shows it.
      const r = await run<{ checked: number; total: number; findings: number; cancelled: boolean; skipped: unknown[] }>(SERVER_COMMANDS.checkWorkspace);
      const unreadable = r?.skipped.length ? `; ${r.skipped.length} could not be read (FactDesk: Show Log says why)` : '';
      if (r) void vscode.window.showInformationMessage(`FactDesk: ${r.checked} of ${r.total} drafts checked, ${r.findings} finding${r.findings === 1 ? '' : 's'}${unreadable}${r.cancelled ? ' (cancelled)' : ''}.`);
    }),
    vscode.commands.registerCommand('factdesk.showFactBase', async () => {
      const r = await run<{ markdown: string }>(SERVER_COMMANDS.showFactBase, vscode.window.activeTextEditor?.document.uri.toString());
      if (r) await showMarkdown(r.markdown);
    }),
    vscode.commands.registerCommand('factdesk.reloadSeeds', async () => {
      const s = await run<Status>(SERVER_COMMANDS.reloadSeeds);
      if (s) {
        render(s);
        void vscode.window.showInformationMessage(`FactDesk: ${s.seeds} seeds, ${s.facts} facts loaded${s.problems.length ? ` — ${s.problems[0]}` : ''}.`);
      }
    }),
    vscode.commands.registerCommand('factdesk.exportReport', async () => {
      const uri = activeUri();
      if (!uri) return;
      const r = await run<{ markdown: string; suggestedUri?: string }>(SERVER_COMMANDS.exportReport, uri);
      if (!r) return;
      const target = await vscode.window.showSaveDialog({
        defaultUri: r.suggestedUri ? vscode.Uri.parse(r.suggestedUri) : undefined,
        filters: { Markdown: ['md'] },
        title: 'Save the fact-check report',
      });
      if (!target) return showMarkdown(r.markdown);
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(r.markdown));
      await vscode.window.showTextDocument(target);
    }),
  );

  client.onNotification('factdesk/status', render);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
