import { roleLabels } from '../format/labels';
import { formatDateTime } from '../format/time';
import { useHostLinkStore } from '../state/host-link-slice';
import { useSessionStore } from '../state/session-slice';
import { signOut } from '../state/session-actions';

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
            <span className="app-header__user">{session.displayName}</span>
            {session.displayName !== session.user && <span className="app-header__login">{session.user}</span>}
            <span className="app-header__role">{roleLabels[session.role]}</span>
            {session.plant && <span className="app-header__plant">Plant {session.plant}</span>}
            <span className="app-header__expiry" title={`The gateway's sign-in holds until ${session.expiresAt}`}>
              {session.expired ? 'sign-in ran out' : `until ${formatDateTime(session.expiresAt)}`}
            </span>
            <button type="button" className="button button--small app-header__sign-out" onClick={() => void signOut()}>
              Sign out
            </button>
          </>
        ) : (
          <span className="app-header__role">{refused ? 'Not signed in' : 'Signing in…'}</span>
        )}
      </div>
    </header>
  );
}
