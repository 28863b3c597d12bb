// Bundles the editor (editor.js: CodeMirror 6 from npm) into static/editor.js,
// and the graph layout (graph.js: dagre) into static/graph.js,
// for Trunk's pre-build hook. The file is written only when its bytes change:
// a new mtime would make cargo rebuild and re-link both wasm binaries.
import { build } from "esbuild";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
// Each bundle: the editor, and the relationship graph's layout (dagre).
for (const [entry, target] of [["editor.js", "../static/editor.js"], ["graph.js", "../static/graph.js"]]) {
  const out = here(target);
  const result = await build({
    entryPoints: [here(entry)],
    bundle: true,
    minify: true,
    format: "esm",
    write: false,
    logLevel: "warning",
  });
  const bytes = result.outputFiles[0].contents;
  let old = null;
  try { old = readFileSync(out); } catch {}
  if (!old || Buffer.compare(old, Buffer.from(bytes)) !== 0) writeFileSync(out, bytes);
}
