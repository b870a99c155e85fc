// Builds the single-page web app (src/web) into dist/web, which the Fastify
// server serves. `vite` alone runs a dev server that proxies /api to it.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));
/** Where `vite` (the dev server) sends API calls: a Relais server started with `npm run dev`. */
const apiTarget = 'http://localhost:3000';

export default defineConfig({
  root: fromRoot('./src/web'),
  plugins: [react()],
  build: {
    outDir: fromRoot('./dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: {
      '/api': {
        target: apiTarget,
        changeOrigin: true,
        // The server only accepts writes from its own origin (CSRF check).
        configure: (proxy) => proxy.on('proxyReq', (request) => request.getHeader('origin') && request.setHeader('origin', apiTarget)),
      },
    },
  },
});
