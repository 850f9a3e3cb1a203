import { describe, expect, it } from "vitest";
import { calculatorTool } from "@/lib/ai/tools/calculator";
import { BUILTIN_TOOLS, buildTools, isBuiltinToolId } from "@/lib/ai/tools/registry";

describe("BUILTIN_TOOLS", () => {
  it("lists every built-in tool once, with a label and description for the builder", () => {
    expect(BUILTIN_TOOLS.map((t) => t.id)).toEqual(["calculator", "current_time", "fetch_page"]);
    for (const info of BUILTIN_TOOLS) {
      expect(info.label).not.toBe("");
      expect(info.description).not.toBe("");
      expect(info.id).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
    }
  });
});

describe("buildTools", () => {
  it("returns exactly the enabled tools", () => {
    const tools = buildTools(["calculator", "fetch_page"]);
    expect(Object.keys(tools).sort()).toEqual(["calculator", "fetch_page"]);
    expect(tools.calculator).toBe(calculatorTool);
  });

  it("returns every tool when all are enabled, and none when none are", () => {
    expect(Object.keys(buildTools(BUILTIN_TOOLS.map((t) => t.id))).sort()).toEqual(["calculator", "current_time", "fetch_page"]);
    expect(buildTools([])).toEqual({});
  });

  it("skips unknown ids instead of failing", () => {
    expect(Object.keys(buildTools(["current_time", "retired_tool", "__proto__"]))).toEqual(["current_time"]);
  });

  it("gives each tool an executable function and a description", () => {
    for (const tool of Object.values(buildTools(BUILTIN_TOOLS.map((t) => t.id)))) {
      expect(typeof tool.execute).toBe("function");
      expect(typeof tool.description).toBe("string");
    }
  });

  it("recognises built-in ids", () => {
    expect(isBuiltinToolId("calculator")).toBe(true);
    expect(isBuiltinToolId("constructor")).toBe(false);
  });
});
