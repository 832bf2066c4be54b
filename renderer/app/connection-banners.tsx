// Banners above the view: what happened at start (a cache moved aside), the app runs on its embedded
// simulator, a gateway is offline (decisions queue locally), the app host itself cannot
// be reached (nothing works until it is back), or it refused this page's link or the link has no token
// (nothing will work here).
import { connectorLabel } from '../format/labels';
import { offlineConnectors, useConnectorsStore } from '../state/connectors-slice';
import { useHostLinkStore } from '../state/host-link-slice';
import { useSessionStore } from '../state/session-slice';
import { formatDateTime } from '../format/time';
import { signOut } from '../state/session-actions';
import { offlineBannerText } from './offline-banner-text';
import { useEffect, useState } from 'react';
import type { AppAbout } from '../../shared/api/connectors';
import { apiClient } from '../api/client';

/** What the app runs on and what happened at its start, asked once. */
function useAppAbout(): AppAbout | null {
  const [about, setAbout] = useState<AppAbout | null>(null);
  useEffect(() => {
    let current = true;
    apiClient.invoke('connectors.about', {}).then(
      (found) => current && setAbout(found),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  return about;
}

export function ConnectionBanners() {
  const about = useAppAbout();
  const statuses = useConnectorsStore((state) => state.statuses);
  const link = useHostLinkStore((state) => state.link);
  const offlineText = offlineBannerText(statuses);
  const offline = offlineConnectors(statuses);
  const ranOutAt = useSessionStore((state) => (state.session?.expired ? state.session.expiresAt : null));
  return (
    <div aria-live="polite">
      {about?.notices.map((notice) => (
        <div key={notice} className="banner banner--warning" role="alert" data-testid="start-notice-banner">
          <strong>{notice}</strong>
        </div>
      ))}
      {about?.embeddedSimulator && (
        <div className="banner banner--info" data-testid="embedded-simulator-banner">
          <strong>Running on the embedded simulator: a demonstration plant, not your ERP.</strong>
          <span className="banner__detail">Its data stays in its own file and never mixes with a real gateway&apos;s. To connect a real gateway, test it in Monitor &gt; Connectors and set it in the settings&apos; connectors.</span>
        </div>
      )}
      {ranOutAt && (
        <div className="banner banner--danger" role="alert" data-testid="session-expired-banner">
          <strong>Your sign-in ran out at {formatDateTime(ranOutAt)}: sign in again to decide.</strong>
          <span className="banner__detail">
            You can still read every screen. What you decided before is kept and is sent once the gateway is reachable.{' '}
            <button type="button" className="button button--small" onClick={() => void signOut()}>
              Sign in again
            </button>
          </span>
        </div>
      )}
      {link === 'refused' && (
        <div className="banner banner--danger" role="alert" data-testid="host-link-banner">
          <strong>This link is no longer valid: the Plant Orchestrator web host refused it.</strong>
          <span className="banner__detail">
            The web host makes a new link each time it starts. Open the one it printed in its terminal when it started, the line
            “Plant Orchestrator web host: http://127.0.0.1:PORT/?token=…”.
          </span>
        </div>
      )}
      {link === 'no-token' && (
        <div className="banner banner--danger" role="alert" data-testid="host-link-banner">
          <strong>This link has no token: the Plant Orchestrator web host only opens with the one in the link it printed.</strong>
          <span className="banner__detail">
            The web host prints its link, token included, in its terminal when it starts: the line “Plant Orchestrator web host:
            http://127.0.0.1:PORT/?token=…”. Open that link; the token is new each time the host starts.
          </span>
        </div>
      )}
      {link === 'reconnecting' && (
        <div className="banner banner--danger" role="alert" data-testid="host-link-banner">
          Lost the connection to the Plant Orchestrator host — reconnecting… What you see may be out of date.
        </div>
      )}
      {offlineText && (
        <div className="banner banner--warning" data-testid="offline-banner">
          <strong>{offlineText}</strong>
          <span className="banner__detail">Not connected: {offline.map(connectorLabel).join(', ')}</span>
        </div>
      )}
    </div>
  );
}
