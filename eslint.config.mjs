import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["lib/**/*.ts"],
    ignores: ["lib/**/*.test.ts"],
    rules: {
      // lib never reaches into the app or the components (arrows point one way).
      "no-restricted-imports": ["error", { patterns: ["@/app/*", "@/components/*"] }],
    },
  },
  {
    files: ["app/api/**/*.ts"],
    rules: {
      // Bodies are read through lib/http/read-json.ts: size cap, Content-Type, malformed JSON, unstorable text.
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.type='MemberExpression'][callee.object.name=/^req(uest)?$/][callee.property.name=/^(json|text|formData|arrayBuffer|blob)$/]",
          message: "Read request bodies with readJson() from @/lib/http/read-json (caps the size, checks Content-Type, refuses malformed JSON).",
        },
      ],
    },
  },
  {
    files: ["e2e/**/*.spec.ts"],
    rules: {
      // Specs take test/expect from e2e/support/test.ts, which fails a test on a CSP violation.
      "no-restricted-imports": ["error", { paths: [{ name: "@playwright/test", message: "Import test and expect from ./support/test (it fails a test on a Content-Security-Policy violation)." }] }],
    },
  },
  { ignores: [".next/**", "node_modules/**", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
];

export default config;
