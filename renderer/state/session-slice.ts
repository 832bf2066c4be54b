// Who is signed in, with which role and plant.
import { create } from 'zustand';
import type { SessionInfo } from '../../shared/api/session';

export interface SessionState {
  session: SessionInfo | null;
  sessionLoaded(session: SessionInfo): void;
}

export const useSessionStore = create<SessionState>()((set) => ({
  session: null,
  sessionLoaded: (session) => set({ session }),
}));
