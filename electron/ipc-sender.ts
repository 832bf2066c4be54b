// Which IPC senders the Electron host trusts: only the main window's top frame showing the app's own
// page (VS Code's validatedIpcMain idea). A navigated, embedded or foreign frame gets nothing.
import type { BrowserWindow, WebFrameMain } from 'electron';

/** The page URL without query or fragment, for comparing with the app's file URL. */
function withoutQueryAndHash(url: string): string | null {
  try {
    const parsed = new URL(url);
    parsed.search = '';
    parsed.hash = '';
    return parsed.href;
  } catch {
    return null;
  }
}

export function isTrustedSender(senderFrame: WebFrameMain | null, window: BrowserWindow | null, appPageUrl: string): boolean {
  if (!senderFrame || !window || window.isDestroyed()) return false;
  if (senderFrame !== window.webContents.mainFrame) return false;
  return withoutQueryAndHash(senderFrame.url) === appPageUrl;
}
