// CLI: node --import tsx e2e/fake-llm/main.ts --port 4010 --prefix "[A]" [--api-key KEY] [--delay 5] [--strict-content]
import { parseArgs } from "node:util";
import { startFakeLlm } from "./server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4010" },
    prefix: { type: "string", default: "" },
    "api-key": { type: "string" },
    delay: { type: "string", default: "0" },
    models: { type: "string" },
    "strict-content": { type: "boolean", default: false },
  },
});

const fake = await startFakeLlm({
  port: Number(values.port),
  replyPrefix: values.prefix,
  apiKey: values["api-key"] ?? null,
  chunkDelayMs: Number(values.delay),
  models: values.models?.split(","),
  strictContent: values["strict-content"],
});
console.log(`fake-llm listening on ${fake.url}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void fake.close().then(() => process.exit(0));
  });
}
