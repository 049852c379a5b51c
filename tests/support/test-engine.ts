/** Which engine a test project runs on: vitest.config.ts sets IRON_GATE_TEST_ENGINE for the PostgreSQL ones. */
export type TestEngine = "sqlite" | "postgres";

export function testEngine(): TestEngine {
  return process.env.IRON_GATE_TEST_ENGINE === "postgres" ? "postgres" : "sqlite";
}
