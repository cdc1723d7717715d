import { defineConfig } from "vite";

// In development the gateway serves the API and the bridge; Vite serves the app and forwards the rest.
const gateway = process.env.SHOP_GATEWAY_URL ?? "http://127.0.0.1:8080";

export default defineConfig({
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true },
  // sockjs-client, under the bridge client, expects Node's `global`.
  define: { global: "globalThis" },
  server: {
    proxy: {
      "/api": gateway,
      "/eventbus": { target: gateway, ws: true },
    },
  },
});
