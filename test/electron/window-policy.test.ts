// What the app's windows may do: never navigate away, never open a window (a web link the user clicked
// goes to the system's browser, nothing else does), never get a permission.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../electron/content-security-policy';
import { isExternalWebLink, mayGrantPermission, mayNavigate, windowOpenDecision } from '../../electron/window-policy';

const mainSource = readFileSync(path.resolve(import.meta.dirname, '../../electron/main.ts'), 'utf8');

describe('window policy', () => {
  it('lets no page navigate, whatever the address', () => {
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'file:///app/index.html#/elsewhere', 'javascript:alert(1)']) expect(mayNavigate(url)).toBe(false);
  });

  it('opens no window; a clicked web link goes to the system browser, a script\u2019s window or another scheme nowhere', () => {
    expect(windowOpenDecision('https://www.mesa.org/b2mml', 'foreground-tab')).toEqual({ action: 'deny', openExternally: true });
    expect(windowOpenDecision('http://intranet.plant/help', 'background-tab')).toEqual({ action: 'deny', openExternally: true });
    expect(windowOpenDecision('https://www.mesa.org/b2mml', 'new-window')).toEqual({ action: 'deny', openExternally: false });
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://share/x', 'ms-settings:privacy', 'not a url']) {
      expect(windowOpenDecision(url, 'foreground-tab')).toEqual({ action: 'deny', openExternally: false });
    }
    expect(isExternalWebLink('https://')).toBe(false);
    expect(isExternalWebLink('https://www.mesa.org/')).toBe(true);
  });

  it('grants no permission', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) expect(mayGrantPermission(permission)).toBe(false);
  });

  it('sandboxes every window, isolates its context, gives it no Node, and serves scripts from the app only', () => {
    // The one window the host makes, its preferences as written in electron/main.ts.
    expect(mainSource.match(/new BrowserWindow\(/g)).toHaveLength(1);
    const preferences = /webPreferences: \{([^}]*)\}/.exec(mainSource)?.[1] ?? '';
    for (const setting of ['contextIsolation: true', 'sandbox: true', 'nodeIntegration: false', 'nodeIntegrationInWorker: false', 'nodeIntegrationInSubFrames: false', 'webSecurity: true', 'allowRunningInsecureContent: false', 'webviewTag: false', "disableBlinkFeatures: 'Auxclick'"]) {
      expect(preferences).toContain(setting);
    }
    const directives = new Map(contentSecurityPolicy().split('; ').map((directive) => [directive.split(' ')[0], directive]));
    expect(directives.get('script-src')).toBe("script-src 'self'");
    expect(directives.get('object-src')).toBe("object-src 'none'");
    expect(directives.get('frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(contentSecurityPolicy()).not.toMatch(/unsafe-eval/);
  });
});
