import { defineConfig } from "vite";

// The gateway serves the API and the event-bus bridge; in development (`vite`) and when trying a
// build (`vite preview`), Vite serves the app and forwards the rest to it.
const gateway = process.env.SHOP_GATEWAY_URL ?? "http://127.0.0.1:8080";
const proxy = {
  "/api": gateway,
  "/eventbus": { target: gateway, ws: true },
};

export default defineConfig({
  build: {
    // index.html, and assets/ with hashed names; the gateway's build writes them into its webroot (--outDir).
    outDir: "dist",
    assetsDir: "assets",
    emptyOutDir: true,
    sourcemap: true,
  },
  // sockjs-client, under the bridge client, expects Node's `global`.
  define: { global: "globalThis" },
  server: { proxy },
  preview: {
    proxy,
    // The gateway's policy for the app: a build tried here is held to it too.
    headers: {
      "Content-Security-Policy":
        "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self'; " +
        "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    },
  },
});
