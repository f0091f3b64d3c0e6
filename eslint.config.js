// ESLint (flat config): the recommended JavaScript and typescript-eslint rules, the rules of hooks, and the
// import boundaries of docs/decisions/0003-layering.md. Formatting is Prettier's job (`npm run lint` runs both).
//
// The boundaries are written against the import string, not the resolved file, so each pattern covers the
// `~/…` alias and relative paths from any folder depth, and both the flat `app/server/x.server.ts` layout and
// the aggregate folders `app/server/<aggregate>/x.server.ts`.
import { builtinModules } from "node:module";
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** `~/server/…`, `../server/…`, `../../server/…`, and any `*.server` module (server-only by Remix's convention). */
const SERVER = { regex: String.raw`^(~|(\.\.?/)+(app/)?)server(/|$)|\.server$`, name: "server" };
/** `db/…` at the project root, reached relatively from anywhere under app/ (or test/, scripts/). */
const DB = { regex: String.raw`^(\.\./)+db(/|$)`, name: "db" };
const REMIX = { regex: String.raw`^@remix-run/`, name: "Remix" };
const REACT = { regex: String.raw`^(react|react-dom)(/|$)|^@tiptap/react(/|$)`, name: "React" };
const NODE = {
  regex: `^node:|^(${builtinModules.map((name) => name.replace(/[/]/g, "\\/")).join("|")})(/|$)`,
  name: "Node built-ins",
};

/** Patterns for no-restricted-imports: `layer` must not import any of `forbidden` (`typesOnly`: except as types). */
function boundary(layer, why, forbidden, { typesOnly = [] } = {}) {
  return forbidden.map(({ regex, name }) => ({
    regex,
    message: `${layer} must not import ${name} code${typesOnly.includes(name) ? " except as `import type`" : ""} (${why}).`,
    ...(typesOnly.includes(name) ? { allowTypeImports: true } : {}),
  }));
}

const LAYERING = "docs/decisions/0003-layering.md";
/** app/server reached from app/editor; its own `*.server.ts` modules are the editor's server half and allowed. */
const APP_SERVER = { regex: String.raw`^(~|(\.\.?/)+(app/)?)server(/|$)`, name: "app/server" };

/** The layers and what each must not import; `typesOnly` names what may still be imported as a type. */
const LAYERS = {
  domain: (options) =>
    boundary("app/domain", `pure TypeScript, ${LAYERING}`, [SERVER, DB, REMIX, NODE, REACT], options),
  editor: (options) => boundary("app/editor", `shared by browser and server, ${LAYERING}`, [DB, APP_SERVER], options),
  components: () =>
    boundary("app/components", `server code only as types, ${LAYERING}`, [SERVER, DB], { typesOnly: ["server"] }),
  routes: () => boundary("routes", `only app/server touches the database, ${LAYERING}`, [DB]),
};

const restrict = (patterns) => ({ "@typescript-eslint/no-restricted-imports": ["error", { patterns }] });

export default tseslint.config(
  {
    ignores: ["build/", "node_modules/", "db/migrations/", ".cache/", "test-results/", "data/"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      // Unused code hides mistakes; a leading underscore marks a parameter that must stay for its position.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
      ],
      // Type imports stay visible as such, so the boundaries below can tell them apart and bundles stay clean.
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { fixStyle: "inline-type-imports", disallowTypeAnnotations: false },
      ],
      // The sanitisers (redirects, paste) match control characters on purpose.
      "no-control-regex": "off",
      "@typescript-eslint/no-import-type-side-effects": "error",
    },
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    // TypeScript reports undefined names itself, with knowledge of the DOM and Node types.
    rules: { "no-undef": "off" },
  },
  {
    files: ["test/**/*.ts"],
    // Tests read loosely typed loader data and driver results; `any` there hides no production defect.
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["app/**/*.tsx", "app/**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },

  // ---- import boundaries (docs/decisions/0003-layering.md) --------------------------------------------
  { files: ["app/domain/**/*.{ts,tsx}"], rules: restrict(LAYERS.domain()) },
  { files: ["app/editor/**/*.{ts,tsx}"], rules: restrict(LAYERS.editor()) },
  { files: ["app/components/**/*.{ts,tsx}"], rules: restrict(LAYERS.components()) },
  { files: ["app/routes/**/*.{ts,tsx}", "app/root.tsx", "app/entry.*.tsx"], rules: restrict(LAYERS.routes()) },
);
