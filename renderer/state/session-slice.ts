// Who is signed in at this workstation (as the core's session says), or nobody: then the app shows the
// sign-in screen. The views read `session`, the signed-in person; `state` is the whole answer.
import { create } from 'zustand';
import type { SessionInfo, SessionState as CoreSessionState, UiDensity } from '../../shared/api/session';

export interface SessionState {
  /** Null until the core answered. */
  state: CoreSessionState | null;
  /** The signed-in person; null while nobody is. */
  session: SessionInfo | null;
  /** The settings' ui.density: the hosts add it to what they answer, and a pushed change keeps it. */
  density: UiDensity | undefined;
  sessionLoaded(state: CoreSessionState): void;
}

export const useSessionStore = create<SessionState>()((set) => ({
  state: null,
  session: null,
  density: undefined,
  sessionLoaded: (next) =>
    set((current) => {
      const density = next.density ?? current.density;
      const withDensity = { ...next, ...(density ? { density } : {}) } as CoreSessionState;
      if (!withDensity.signedIn) return { state: withDensity, session: null, density };
      const { signedIn: _signedIn, ...session } = withDensity;
      return { state: withDensity, session, density };
    }),
}));
