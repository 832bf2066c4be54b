// What a person does to their session from any screen.
import { invoke } from '../api/client';
import { useSessionStore } from './session-slice';

/** Signs the person out; on a shared floor terminal the next one signs in on the screen that follows. */
export async function signOut(): Promise<void> {
  try {
    useSessionStore.getState().sessionLoaded(await invoke('session.signOut', {}));
  } catch (error) {
    console.error('Signing out failed:', error);
  }
}
