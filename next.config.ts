import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";
import { ensureDevSecret } from "./src/lib/config/dev-secret";

export default function config(phase: string): NextConfig {
  if (phase === PHASE_DEVELOPMENT_SERVER) ensureDevSecret();
  return {
    poweredByHeader: false,
    reactStrictMode: true,
  };
}
