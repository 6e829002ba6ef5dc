// Bundles the widget into one file (socket.io-client included), minified, and prints its size
// raw and gzipped. The target is under 60 kB gzipped; the build fails above it.
import { build } from "esbuild";
import { mkdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const outfile = process.argv[2] ?? "dist/clinic-chat.js";
const LIMIT_GZIP = 60 * 1024;

mkdirSync(new URL(".", new URL(outfile, `file://${process.cwd()}/`)).pathname, { recursive: true });
await build({
  entryPoints: ["src/index.js"],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020", "chrome90", "firefox90", "safari15"],
  loader: { ".css": "text" },
  legalComments: "eof",
  outfile,
  logLevel: "warning",
});
const bytes = readFileSync(outfile);
const gzipped = gzipSync(bytes, { level: 9 }).length;
console.log(`${outfile}: ${(bytes.length / 1024).toFixed(1)} kB, ${(gzipped / 1024).toFixed(1)} kB gzipped (limit ${LIMIT_GZIP / 1024} kB)`);
if (gzipped > LIMIT_GZIP) {
  console.error("The widget is over its size budget.");
  process.exit(1);
}
