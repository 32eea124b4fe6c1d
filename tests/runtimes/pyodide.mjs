// Runs tests/runtimes/probe.py under Pyodide (CPython compiled to WebAssembly) in Node.
// Usage: node pyodide.mjs <repository root> <scenarios.json>; prints the probe's JSON.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [root, scenarios] = process.argv.slice(2);
const dist = join(root, "node_modules", "pyodide");
const { loadPyodide } = await import(pathToFileURL(join(dist, "pyodide.mjs")).href);

let out = "";
const py = await loadPyodide({ indexURL: dist + "/" });
py.setStdout({ batched: (line) => { out += line + "\n"; } });
function copyTree(source, target) {
  py.FS.mkdirTree(target);
  for (const name of readdirSync(source)) {
    const path = join(source, name);
    if (statSync(path).isDirectory()) {
      if (name !== "__pycache__") copyTree(path, target + "/" + name);
    } else if (name.endsWith(".py")) {
      py.FS.writeFile(target + "/" + name, readFileSync(path));
    }
  }
}
copyTree(join(root, "decision_core"), "/pkg/decision_core");
py.FS.writeFile("/pkg/public.json", readFileSync(scenarios));
const probe = readFileSync(join(root, "tests", "runtimes", "probe.py"), "utf8");
py.runPython('import sys\nsys.path.insert(0, "/pkg")\nSCENARIOS = "/pkg/public.json"\n' + probe);
process.stdout.write(out);
