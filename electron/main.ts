// Electron main: the embedded core, one sandboxed window with the renderer, and the IPC bridge of the
// API contract (one invoke channel through the shared dispatcher, one push channel for subscribed events).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { app, BrowserWindow, ipcMain, session, shell, type WebContents, type WebFrameMain } from 'electron';
import type { AppEventTopic } from '../shared/api';
import type { Logger } from '../orchestration-core/core-ports';
import { registerIpc } from './ipc-channels';
import { mayGrantPermission, mayNavigate, windowOpenDecision } from './window-policy';
import { createCore } from '../orchestration-core/host';
import type { Core } from '../orchestration-core/core-types';
import { createApiDispatcher, type ApiDispatch } from './api-dispatch';
import { consoleLogger } from './console-logger';
import { createFileLogger, type FileLogger } from './file-logger';
import { createLogLineReader } from './log-lines';
import { embeddedSimulator } from './embedded-gateway';
import { contentSecurityPolicy } from './content-security-policy';
import { isTrustedSender } from './ipc-sender';
import { safeStorageSessionKeeper } from './safe-storage-session';
import { withSessionDensity } from './session-density';
import { loadSettingsFromElectronStore } from './settings-electron-store';

// Bundled to dist/electron/main.cjs (CommonJS), where __dirname is that folder.
const rendererIndex = path.join(__dirname, '../renderer/index.html');
const appPageUrl = pathToFileURL(rendererIndex).href;
const preloadPath = path.join(__dirname, 'preload.cjs');

let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;

function hardenWebContents(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy()] } });
  });
  // The renderer never needs a device, the clipboard API or notifications (window-policy.ts).
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(mayGrantPermission(permission)));
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => mayGrantPermission(permission));
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!mayNavigate(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!mayNavigate(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url, disposition }) => {
      const decision = windowOpenDecision(url, disposition);
      if (decision.openExternally) void shell.openExternal(url);
      return { action: decision.action };
    });
  });
}

function registerApi(dispatch: ApiDispatch, subscribe: Core['subscribe'], logger: Logger): void {
  // Every channel through the one registration that checks the sender frame and the arguments (ipc-channels.ts).
  const trusted = (frame: WebFrameMain | null) => isTrustedSender(frame, mainWindow, appPageUrl);
  const onRefused = (channel: string, why: string) => logger.warn(`Refused ${channel} from ${why}`, { channel });
  registerIpc(
    ipcMain,
    {
      channel: 'api:invoke',
      handler: (_event, [method, args]) => dispatch(method, args),
      refused: (why) => ({ ok: false, error: { code: 'forbidden', message: why } }),
    },
    trusted,
    onRefused,
  );

  // Topics the window subscribed to; a reloaded renderer subscribes again and must not get events twice.
  const subscriptions = new Map<AppEventTopic, () => void>();
  registerIpc(ipcMain, { channel: 'api:subscribe', handler: (event, [topic]) => subscribeWindow(event.sender as WebContents, topic) }, trusted, onRefused);
  function subscribeWindow(contents: WebContents, topic: AppEventTopic): void {
    if (subscriptions.has(topic)) return;
    subscriptions.set(
      topic,
      subscribe(topic, (payload) => {
        if (!contents.isDestroyed()) contents.send('api:event', topic, payload);
      }),
    );
    contents.once('destroyed', () => {
      subscriptions.get(topic)?.();
      subscriptions.delete(topic);
    });
  }
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Plant Orchestrator',
    backgroundColor: '#f4f6f8',
    // Written out (not spread from a constant) so Electronegativity sees each; window-policy.test.ts checks them.
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // A middle click must not open a link in a new window.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadFile(rendererIndex);
  return window;
}

/** The log file, written to until the app quits. */
let fileLogger: FileLogger | null = null;

async function start(): Promise<void> {
  await app.whenReady();
  hardenWebContents();
  const loaded = loadSettingsFromElectronStore();
  const settings = loaded.values;
  // JSON lines in the user data folder's logs/ (pino, rotated by pino-roll), the readable line on stderr too.
  const logger = createFileLogger(app.getPath('userData'));
  fileLogger = logger;
  const started: Core = await createCore({
    databasePath: path.join(app.getPath('userData'), 'plant-orchestrator.sqlite'),
    plant: settings.plant,
    settings: loaded,
    // The last session token, encrypted with the OS's keychain: a quality engineer restarting offline stays signed in.
    sessionKeeper: safeStorageSessionKeeper(path.join(app.getPath('userData'), 'session.bin')),
    connectors: settings.connectors,
    policy: { ...settings.thresholds, deviationNumberPattern: settings.quality.deviationNumberPattern, sla: settings.sla, cycleCount: settings.cycleCount },
    startEmbeddedGateway: embeddedSimulator({ databasePath: path.join(app.getPath('userData'), 'simulator.sqlite'), rules: { sla: settings.sla, cycleCount: settings.cycleCount } }),
    // Bundled next to main.cjs by build/bundle-electron.mjs.
    startRebalanceWorker: () => new Worker(path.join(__dirname, 'rebalance-worker.cjs')),
    logger,
    logLines: createLogLineReader(logger.folder),
  });
  core = started;
  // The density is a preference of the window, kept in the settings, not the core's: the host adds it to the session.
  const handlers = withSessionDensity(started.handlers, settings.ui.density);
  registerApi(createApiDispatcher(handlers, () => started.caller(), logger), started.subscribe.bind(started), logger);
  mainWindow = createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });
}

let quitting = false;
app.on('before-quit', (event) => {
  if (quitting || !core) return;
  // Let the core finish its SQLite transaction and close its sockets before the process goes away.
  event.preventDefault();
  quitting = true;
  const closing = core;
  core = null;
  closing
    .close()
    .catch((error: unknown) => consoleLogger.error('Closing the core failed', { error: String(error) }))
    .then(() => fileLogger?.close())
    .finally(() => app.quit());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

if (!app.requestSingleInstanceLock()) {
  // A second instance would open the same SQLite file; hand focus to the first one instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  start().catch((error: unknown) => {
    consoleLogger.error('Plant Orchestrator failed to start', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    app.exit(1);
  });
}
