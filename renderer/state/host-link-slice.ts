// Whether the renderer can reach its host at all (only the web host's WebSocket can drop).
import { create } from 'zustand';
import type { HostLink } from '../api/transport';

export interface HostLinkState {
  link: HostLink;
  linkChanged(link: HostLink): void;
}

export const useHostLinkStore = create<HostLinkState>()((set) => ({
  link: 'connecting',
  linkChanged: (link) => set({ link }),
}));
