// Banners above the view: a gateway is offline (decisions queue locally), or the app host itself
// cannot be reached (nothing works until it is back).
import { connectorLabel } from '../format/labels';
import { offlineConnectors, useConnectorsStore } from '../state/connectors-slice';
import { useHostLinkStore } from '../state/host-link-slice';
import { offlineBannerText } from './offline-banner-text';

export function ConnectionBanners() {
  const statuses = useConnectorsStore((state) => state.statuses);
  const link = useHostLinkStore((state) => state.link);
  const offlineText = offlineBannerText(statuses);
  const offline = offlineConnectors(statuses);
  return (
    <div aria-live="polite">
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
