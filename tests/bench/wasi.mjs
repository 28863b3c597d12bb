// Runs a wasm32-wasip1 build of the interpreter benchmark in Node (V8), for
// the wasm figure of `cargo xtask bench`: node tests/bench/wasi.mjs FILE.wasm
import { readFile } from "node:fs/promises";
import { WASI } from "node:wasi";
import { argv } from "node:process";
const wasi = new WASI({ version: "preview1", args: ["bench"], env: {}, preopens: { "/": "/" } });
const wasm = await WebAssembly.compile(await readFile(argv[2]));
const instance = await WebAssembly.instantiate(wasm, wasi.getImportObject());
wasi.start(instance);
