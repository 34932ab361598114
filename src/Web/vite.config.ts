import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { compression } from "vite-plugin-compression2";

// The Api serves the build from src/Api/wwwroot (or Web__Root); `npm run dev` proxies the Api on :3000.
export default defineConfig({
  // Every text asset is also written as .br and .gz at build time, so the Api sends a phone a third of the bytes
  // without compressing on each request (src/Api/Hosting/WebAppFiles.cs picks by Accept-Encoding).
  plugins: [react(), compression({ algorithms: ["brotliCompress", "gzip"], include: /\.(js|css|html|svg|json|webmanifest)$/, threshold: 512, skipIfLargerOrEqual: true })],
  build: {
    outDir: process.env.WEB_OUT_DIR ?? "../Api/wwwroot",
    emptyOutDir: true,
  },
  server: {
    proxy: {
      "/api": "http://localhost:3000",
      "/hubs": { target: "http://localhost:3000", ws: true },
    },
  },
  test: {
    include: ["src/**/*.test.ts"],
  },
});
