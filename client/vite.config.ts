import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API server runs separately on 8080; in production it serves `dist` itself,
// so the client always talks to its own origin.
const apiServer = 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      // Object form: unlike the string shorthand it keeps the browser's Host header, so the
      // server sees the page's own origin and its CSRF check passes without extra config.
      '/api': { target: apiServer },
      '/collab': { target: apiServer, ws: true },
    },
  },
});
