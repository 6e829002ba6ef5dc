// Lint rules of the widget: eslint's recommended set, browser globals, and no way to turn text
// into HTML or code (innerHTML and friends, eval, document.write).
import js from "@eslint/js";
import globals from "globals";

const noHtml = [
  { property: "innerHTML", message: "Render text with dom.js (text nodes), never HTML." },
  { property: "outerHTML", message: "Render text with dom.js (text nodes), never HTML." },
  { property: "insertAdjacentHTML", message: "Render text with dom.js (text nodes), never HTML." },
  { object: "document", property: "write", message: "No document.write." },
];

export default [
  { ignores: ["dist/", "node_modules/"] },
  js.configs.recommended,
  {
    files: ["src/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.browser },
    rules: {
      "no-restricted-properties": ["error", ...noHtml],
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      eqeqeq: "error",
      "prefer-const": "error",
    },
  },
  {
    files: ["test/**/*.js", "*.mjs", "*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.node },
  },
];
