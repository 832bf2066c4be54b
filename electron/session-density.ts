// The density of the window is the host's setting (ui.density), not the core's: both hosts add it to
// every answer that says who is signed in.
import type { AppApi, Handlers } from '../shared/api';
import type { UiDensity } from '../shared/api/session';

/** The core's session answers with the window's density added. */
export function withSessionDensity(handlers: Handlers<AppApi>, density: UiDensity): Handlers<AppApi> {
  const current = handlers['session.current'];
  const signIn = handlers['session.signIn'];
  const signOut = handlers['session.signOut'];
  return {
    ...handlers,
    'session.current': async (args, context) => ({ ...(await current(args, context)), density }),
    'session.signIn': async (args, context) => ({ ...(await signIn(args, context)), density }),
    'session.signOut': async (args, context) => ({ ...(await signOut(args, context)), density }),
  };
}

