// The first screen: user name and password, checked by the gateway. Each refusal says which rule
// refused it (unknown user, wrong password, disabled, locked, gateway out of reach).
import { useState, type FormEvent } from 'react';
import { invoke } from '../api/client';
import { useSessionStore } from '../state/session-slice';
import { StatusBar } from './status-bar';

export function SignInScreen() {
  const lastUser = useSessionStore((state) => (state.state && !state.state.signedIn ? state.state.lastUser : null));
  const [user, setUser] = useState(lastUser ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      useSessionStore.getState().sessionLoaded(await invoke('session.signIn', { user: user.trim(), password }));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="sign-in">
      <form className="sign-in__card" onSubmit={(event) => void submit(event)} aria-labelledby="sign-in-title">
        <div className="sign-in__product">
          <span className="app-header__logo" aria-hidden="true" />
          Plant Orchestrator
        </div>
        <h1 id="sign-in-title">Sign in</h1>
        <p className="sign-in__hint">With your user at the gateway. Your role at this plant comes with it.</p>
        <div className="form-field">
          <label htmlFor="sign-in-user">User</label>
          <input id="sign-in-user" name="user" autoComplete="username" autoFocus={!lastUser} value={user} onChange={(event) => setUser(event.target.value)} required />
        </div>
        <div className="form-field">
          <label htmlFor="sign-in-password">Password</label>
          <input id="sign-in-password" name="password" type="password" autoComplete="current-password" autoFocus={Boolean(lastUser)} value={password} onChange={(event) => setPassword(event.target.value)} required />
        </div>
        {error && (
          <p className="form-error" role="alert" data-testid="sign-in-error">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy || user.trim() === '' || password === ''}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <StatusBar />
    </div>
  );
}
