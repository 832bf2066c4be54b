// What the app's windows may do, as plain decisions the Electron host applies (and tests check):
// nothing navigates away from the app's page, no window opens (an http(s) link the user clicked opens
// in the system's browser instead), no permission is granted.

/** A page may not leave the app: every navigation and redirect is refused. */
export function mayNavigate(_url: string): boolean {
  return false;
}

/** Only a web link goes to the system's browser; file:, javascript:, custom schemes and the like never. */
export function isExternalWebLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * A new window is never opened; a web link the user clicked (Electron's disposition for a link,
 * `foreground-tab` or `background-tab`, not a script's `new-window`) opens in the system's browser.
 */
export function windowOpenDecision(url: string, disposition: string): { action: 'deny'; openExternally: boolean } {
  const clicked = disposition === 'foreground-tab' || disposition === 'background-tab';
  return { action: 'deny', openExternally: clicked && isExternalWebLink(url) };
}

/** The app needs no device, notification, clipboard or location: every permission is refused. */
export function mayGrantPermission(_permission: string): boolean {
  return false;
}
