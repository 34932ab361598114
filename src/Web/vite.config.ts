import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The Api serves the build from src/Api/wwwroot (or Web__Root); `npm run dev` proxies the Api on :3000.
export default defineConfig({
  plugins: [react()],
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
