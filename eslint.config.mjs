import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", ".data/**", "lib/generated/**", "tests/artifacts/**", "next-env.d.ts"] },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // Pages gate and compose; components render. Both reach the data through lib's view and domain
  // functions, never the database client (the generated Prisma types may be named).
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/db", "@/lib/db-client", "**/lib/db", "**/lib/db-client"], message: "Pages and components reach the database through lib's view and domain functions." },
            { group: ["@/lib/generated/*", "**/lib/generated/*"], allowTypeImports: true, message: "Only the generated types may be named outside lib." },
          ],
        },
      ],
    },
  },
  // Settings are read, validated, in one place: env() in lib/env.ts.
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "proxy.ts"],
    ignores: ["lib/env.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read settings through env() in lib/env.ts." }],
    },
  },
];

export default config;
