// Runs tests/runtimes/probe.py under MicroPython (the WebAssembly build PyScript uses) in Node.
// Usage: node micropython.mjs <repository root> <scenarios.json>; prints the probe's JSON.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [root, scenarios] = process.argv.slice(2);
const dist = join(root, "node_modules", "@micropython", "micropython-webassembly-pyscript");
const { loadMicroPython } = await import(pathToFileURL(join(dist, "micropython.mjs")).href);

let out = "";
const mp = await loadMicroPython({
  url: pathToFileURL(join(dist, "micropython.wasm")).href,
  heapsize: 64 * 1024 * 1024,
  stdout: (line) => { out += line + "\n"; },
  stderr: (line) => { process.stderr.write(line + "\n"); },
});
mp.FS.mkdirTree("/pkg/decision_core");
for (const name of readdirSync(join(root, "decision_core"))) {
  if (name.endsWith(".py")) {
    mp.FS.writeFile("/pkg/decision_core/" + name, readFileSync(join(root, "decision_core", name)));
  }
}
mp.FS.writeFile("/pkg/public.json", readFileSync(scenarios));
const probe = readFileSync(join(root, "tests", "runtimes", "probe.py"), "utf8");
mp.runPython('import sys\nsys.path.insert(0, "/pkg")\nSCENARIOS = "/pkg/public.json"\n' + probe);
process.stdout.write(out);
