import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev -w @companyos/web` serves the console with hot reload and forwards the API to a
// server started with `npm start`.
export default defineConfig({
  plugins: [react()],
  publicDir: false,
  build: { outDir: 'dist', emptyOutDir: true, assetsDir: 'assets' },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/.well-known': 'http://127.0.0.1:8080' } },
});
