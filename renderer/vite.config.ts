// Builds the renderer with relative asset paths, so the same files load from file:// in Electron and
// from the plain-Node web host. `npm run build:renderer` (build/build-renderer.ts) builds with this
// config into a scratch folder and swaps it in as dist/renderer; the outDir below is for `vite build` alone.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // The app is loaded from disk or loopback: chunk size does not cost a download, one chunk keeps it simple.
    chunkSizeWarningLimit: 2500,
    sourcemap: true,
  },
});
