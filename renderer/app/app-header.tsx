import { roleLabels } from '../format/labels';
import { useHostLinkStore } from '../state/host-link-slice';
import { useSessionStore } from '../state/session-slice';

export function AppHeader() {
  const session = useSessionStore((state) => state.session);
  // A refused link, or one without a token, never signs in: say so rather than wait forever.
  const refused = useHostLinkStore((state) => state.link === 'refused' || state.link === 'no-token');
  return (
    <header className="app-header">
      <div className="app-header__product">
        <span className="app-header__logo" aria-hidden="true" />
        Plant Orchestrator
      </div>
      <div className="app-header__session" data-testid="session-info">
        {session ? (
          <>
            <span className="app-header__user">{session.user}</span>
            <span className="app-header__role">{roleLabels[session.role]}</span>
            {session.plant && <span className="app-header__plant">Plant {session.plant}</span>}
          </>
        ) : (
          <span className="app-header__role">{refused ? 'Not signed in' : 'Signing in…'}</span>
        )}
      </div>
    </header>
  );
}
