import { describe, expect, it } from "vitest";
import { calculatorTool, CalculatorError, evaluateArithmetic } from "@/lib/ai/tools/calculator";

const callOptions = { toolCallId: "call-1", messages: [], context: {} };

describe("evaluateArithmetic", () => {
  it.each([
    ["2+3*4", 14],
    ["(1+2)^3", 27],
    ["sqrt(16)", 4],
    ["10 % 3", 1],
    ["0.1 + 0.2", 0.3],
    ["1.5 * 4", 6],
    ["-7 / 2", -3.5],
    ["2 pi", 2 * Math.PI],
    ["round(e, 3)", 2.718],
    ["max(3, 9, 4) - min(1, -2)", 11],
    ["5!", 120],
    ["log(8, 2)", 3],
    ["50%", 0.5],
  ])("%s = %d", (expression, expected) => {
    expect(evaluateArithmetic(expression)).toBeCloseTo(expected, 12);
  });

  it.each([
    ["x = 2", /Assignments are not allowed/],
    ["f(x) = x", /Defining functions is not allowed/],
    ["import({}, {})", /function "import" is not available/],
    ['createUnit("foo")', /function "createUnit" is not available/],
    ['evaluate("1+1")', /function "evaluate" is not available/],
    ['"a"', /Only numbers are allowed/],
    ["constructor", /Unknown symbol "constructor"/],
    ["x + 1", /Unknown symbol "x"/],
    ["5 cm", /Unknown symbol "cm"/],
    ["[1, 2]", /matrices/],
    ["{a: 1}", /Objects/],
    ["pi.constructor", /Property access/],
    ['sqrt["constructor"]', /Property access/],
    ["1:3", /ranges/],
    ["1; 2", /Only arithmetic/],
    ["1 < 2", /operator "<" is not allowed/],
    ["1 ? 2 : 3", /Only arithmetic/],
    ["det([1])", /function "det" is not available/],
    ["1e400", /too large/],
    ["10^400", /too large/],
    ["2^2^2^2^2", /too large/],
    ["1000000000!", /too large/],
    ["1/0", /too large/],
    ["sqrt(-4)", /not a real number/],
    ["2 +", /not a valid expression/],
    ["", /empty/],
    ["1+".repeat(300) + "1", /longer than 500/],
  ])("refuses %j", (expression, message) => {
    expect(() => evaluateArithmetic(expression)).toThrow(CalculatorError);
    expect(() => evaluateArithmetic(expression)).toThrow(message);
  });
});

describe("calculatorTool", () => {
  it("returns the expression and the result", async () => {
    expect(await calculatorTool.execute({ expression: "2+3*4" }, callOptions)).toEqual({ expression: "2+3*4", result: 14 });
  });

  it("throws the refusal sentence so the SDK reports a tool error", async () => {
    await expect(Promise.resolve().then(() => calculatorTool.execute({ expression: "x = 2" }, callOptions))).rejects.toThrow(
      /Assignments are not allowed/,
    );
  });
});
