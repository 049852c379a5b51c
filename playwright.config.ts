import { randomBytes } from "node:crypto";
import { join, resolve } from "node:path";
import { defineConfig } from "@playwright/test";

// Decided once in the main process; workers inherit these, so fixtures share the server's database and secret.
process.env.E2E_DIR ??= resolve(".tmp", `e2e-${Date.now()}`);
process.env.E2E_SESSION_SECRET ??= randomBytes(32).toString("base64url");
const port = Number(process.env.E2E_PORT ?? 3210);

export default defineConfig({
  testDir: "tests/e2e",
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium: browser downloads are impossible on these machines.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `"${process.execPath}" node_modules/next/dist/bin/next start -p ${port}`,
    url: `http://localhost:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      NODE_ENV: "production",
      APP_ORIGIN: `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      THROTTLE_IP_BURST: "100000",
      THROTTLE_IP_PER_MINUTE: "100000",
      SESSION_SECRET: process.env.E2E_SESSION_SECRET,
      DATABASE_URL: `file:${join(process.env.E2E_DIR, "app.db")}`,
    },
  },
});
