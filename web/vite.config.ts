import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
/** Where `npm run dev:web` sends API calls: a server started with `npm start` (port 3000 by default). */
const apiTarget = process.env.SANXIANG_API ?? 'http://localhost:3000';

/** The staff application, served by the API server under /app (src/platform/http/web-app.ts). */
export default defineConfig({
  root: webRoot,
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Pages are lazy chunks (src/routes.tsx); antd and React are large, so warn only above this.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // React, the router and the query cache change rarely: one long-cached chunk. antd stays
          // split per component, so a page pulls only the components it uses.
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/ }],
        },
      },
    },
  },
  server: {
    // The UI strings live in ../src/i18n/ui.ts, outside the web root.
    fs: { allow: [repoRoot] },
    proxy: { '/api': apiTarget, '/verify': apiTarget },
  },
});
