import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Dev server: `npm run dev:web` on :5173 with /api proxied to the API on :3000 (`npm run dev:api`).
// Production: `vite build` → apps/web/dist, served by the API itself (see apps/api/src/app.ts).
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
      '/fhir': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  // Ant Design is one large chunk shared by every page; feature pages are split per route.
  build: { chunkSizeWarningLimit: 2000 },
});
