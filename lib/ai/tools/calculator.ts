import "server-only";
// Arithmetic for the model, on mathjs's parser (no JavaScript eval). Two layers, following mathjs's
// security guidance: the instance has import/createUnit/evaluate/parse/... disabled, and every parsed
// expression is checked against an allow-list of node types, operators, functions and constants
// before it runs, so assignments, function definitions, strings, units, matrices and property access
// never reach evaluation.
import { tool } from "ai";
import { all, create, type MathNode } from "mathjs";
import { z } from "zod";

const MAX_EXPRESSION_LENGTH = 500;
const MAX_NODES = 200;
const MAX_FACTORIAL = 170; // 171! is past Number.MAX_VALUE

// mathjs types its factory bundles through an index signature, so strict indexing sees "maybe undefined".
if (!all) throw new Error("mathjs did not provide its function factories.");
const math = create(all, { number: "number", predictable: true });
const parseExpression = math.parse;

function disabled(name: string) {
  return () => {
    throw new Error(`${name} is not available in the calculator.`);
  };
}

math.import(
  {
    import: disabled("import"),
    createUnit: disabled("createUnit"),
    evaluate: disabled("evaluate"),
    parse: disabled("parse"),
    simplify: disabled("simplify"),
    derivative: disabled("derivative"),
    resolve: disabled("resolve"),
    compile: disabled("compile"),
    chain: disabled("chain"),
    // mathjs's own factorial walks a loop as long as its argument (1e9! would hang the server).
    factorial: (n: number) => {
      if (!Number.isInteger(n) || n < 0) throw new CalculatorError("Factorial needs a whole number that is 0 or more.");
      if (n > MAX_FACTORIAL) throw new CalculatorError("The result is too large to represent.");
      let product = 1;
      for (let i = 2; i <= n; i++) product *= i;
      return product;
    },
  },
  { override: true },
);

const OPERATORS = new Set(["add", "subtract", "multiply", "divide", "pow", "mod", "unaryMinus", "unaryPlus", "factorial"]);
const FUNCTIONS = new Set([
  "abs", "sqrt", "cbrt", "nthRoot", "exp", "log", "log10", "log2", "log1p", "pow", "mod", "hypot",
  "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh",
  "floor", "ceil", "round", "fix", "sign", "min", "max", "gcd", "lcm",
]);
const CONSTANTS = new Set(["pi", "e", "tau", "phi", "PI", "E"]);

/** A refusal whose message is written for the model and the user. */
export class CalculatorError extends Error {
  override name = "CalculatorError";
}

function describeNode(node: MathNode): string {
  switch (node.type) {
    case "AssignmentNode":
      return "Assignments are not allowed: write the arithmetic directly, e.g. 2 * 3.";
    case "FunctionAssignmentNode":
      return "Defining functions is not allowed: only arithmetic is supported.";
    case "AccessorNode":
    case "IndexNode":
      return "Property access and indexing are not allowed.";
    case "ObjectNode":
    case "ArrayNode":
    case "RangeNode":
      return "Objects, matrices and ranges are not allowed: only plain numbers are supported.";
    default:
      return "Only arithmetic is allowed (numbers, + - * / ^ %, parentheses and common math functions).";
  }
}

/** Walks the tree and throws at the first thing that is not plain arithmetic. */
function assertArithmetic(node: MathNode): void {
  let count = 0;
  const visit = (current: MathNode): void => {
    if (++count > MAX_NODES) throw new CalculatorError("The expression is too long.");
    if (math.isParenthesisNode(current)) return visit(current.content);
    if (math.isConstantNode(current)) {
      if (typeof current.value !== "number") throw new CalculatorError("Only numbers are allowed, not strings or other values.");
      if (!Number.isFinite(current.value)) throw new CalculatorError("A number in the expression is too large to represent.");
      return;
    }
    if (math.isSymbolNode(current)) {
      if (!CONSTANTS.has(current.name)) throw new CalculatorError(`Unknown symbol "${current.name}": only the constants pi, e, tau and phi are known.`);
      return;
    }
    if (math.isOperatorNode(current)) {
      if (!OPERATORS.has(current.fn)) throw new CalculatorError(`The operator "${current.op}" is not allowed; use + - * / ^ % or !.`);
      return current.args.forEach(visit);
    }
    if (math.isFunctionNode(current)) {
      const name = math.isSymbolNode(current.fn) ? current.fn.name : null;
      if (name === null) throw new CalculatorError(describeNode(current.fn));
      if (!FUNCTIONS.has(name)) throw new CalculatorError(`The function "${name}" is not available in the calculator.`);
      return current.args.forEach(visit);
    }
    throw new CalculatorError(describeNode(current));
  };
  visit(node);
}

// Enough digits for any double without printing 0.1 + 0.2 as 0.30000000000000004.
function tidy(value: number): number {
  return Number(value.toPrecision(15));
}

/** Evaluates plain arithmetic; throws CalculatorError with a sentence for anything else. */
export function evaluateArithmetic(expression: string): number {
  const text = expression.trim();
  if (!text) throw new CalculatorError("The expression is empty.");
  if (text.length > MAX_EXPRESSION_LENGTH) throw new CalculatorError(`The expression is longer than ${MAX_EXPRESSION_LENGTH} characters.`);
  let node: MathNode;
  try {
    node = parseExpression(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : "syntax error";
    throw new CalculatorError(`That is not a valid expression (${detail}).`);
  }
  assertArithmetic(node);
  let value: unknown;
  try {
    value = node.evaluate();
  } catch (error) {
    if (error instanceof CalculatorError) throw error;
    throw new CalculatorError(`The expression could not be evaluated (${error instanceof Error ? error.message : "unknown error"}).`);
  }
  if (typeof value !== "number") throw new CalculatorError("The result is not a single number.");
  if (Number.isNaN(value)) throw new CalculatorError("The result is not a real number (e.g. the square root of a negative number).");
  if (!Number.isFinite(value)) throw new CalculatorError("The result is too large to represent (or a division by zero).");
  return tidy(value);
}

const calculatorInput = z.object({
  expression: z
    .string()
    .min(1)
    .max(MAX_EXPRESSION_LENGTH)
    .describe("Arithmetic only, e.g. (1 + 2) ^ 3 / sqrt(16). Supports + - * / ^ % !, parentheses, pi, e and common functions."),
});

export const calculatorTool = tool({
  description:
    "Evaluate an arithmetic expression exactly instead of doing math in your head. Numbers, + - * / ^ % (modulo), ! (factorial), parentheses, pi, e, and functions such as sqrt, abs, round, floor, ceil, log, exp, sin, cos, tan, min and max.",
  inputSchema: calculatorInput,
  execute: ({ expression }) => ({ expression, result: evaluateArithmetic(expression) }),
});
