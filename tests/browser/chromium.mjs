// Launches Debian's headless Chromium through playwright-core, with the flags
// this machine needs (no sandbox as root, no background networking).
import { createRequire } from "node:module";

// The npm packages live in www/ (see Trunk.toml for why).
const require = createRequire(new URL("../../www/package.json", import.meta.url));
const { chromium } = require("playwright-core");

export const PAGE_URL = process.env.RETORT_URL ?? "http://127.0.0.1:8080/";

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
}
