import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

// The gateway (infra/gateway.sh, nginx) serves dist/ and routes /api/<service>/ on the same origin.
// `npm run dev` proxies /api to a running gateway (GATEWAY_URL, default http://127.0.0.1:8100).
const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:8100';

export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: { '/api': { target: gateway, changeOrigin: false } },
  },
  build: {
    // scripts/bundle-report.mjs reads dist/.vite/manifest.json to size what a visitor loads.
    manifest: true,
    target: 'es2020',
  },
  test: {
    environment: 'happy-dom',
    include: ['tests/**/*.test.ts'],
    restoreMocks: true,
    // The console imports Element Plus's per-component styles (.css from inside the package).
    server: { deps: { inline: ['element-plus'] } },
    unstubGlobals: true,
    // Mounting components is slow on a busy 2-core machine: a time limit is for hangs, not speed.
    testTimeout: 60_000,
  },
});
