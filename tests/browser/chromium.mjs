// Launches Debian's headless Chromium through playwright-core, with the flags
// this machine needs (no sandbox as root, no background networking).
import { chromium } from "playwright-core";

export const URL = process.env.RETORT_URL ?? "http://127.0.0.1:8080/";

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
}
