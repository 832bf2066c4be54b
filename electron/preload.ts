// The preload: exposes exactly invoke and subscribe to the sandboxed renderer, never ipcRenderer itself.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

contextBridge.exposeInMainWorld('plantOrchestrator', {
  invoke(method: string, args: unknown): Promise<unknown> {
    return ipcRenderer.invoke('api:invoke', method, args);
  },
  subscribe(topic: string, handler: (payload: unknown) => void): () => void {
    const listener = (_event: IpcRendererEvent, eventTopic: unknown, payload: unknown) => {
      if (eventTopic === topic) handler(payload);
    };
    ipcRenderer.on('api:event', listener);
    ipcRenderer.send('api:subscribe', topic);
    return () => {
      ipcRenderer.removeListener('api:event', listener);
    };
  },
});
