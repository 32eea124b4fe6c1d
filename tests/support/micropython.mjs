// The one MicroPython runner: runs a Python script under the WebAssembly MicroPython
// that PyScript uses, in Node, with decision_core on its path.
//
//   node tests/support/micropython.mjs <repository root> <script.py> [file ...]
//
// The package is copied into /pkg/decision_core (every .py file, subpackages
// included); each extra file is copied into /pkg under its own name; the script
// runs with /pkg on sys.path, and its standard output is printed as it is.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";

const [root, script, ...extra] = process.argv.slice(2);
const dist = join(root, "node_modules", "@micropython", "micropython-webassembly-pyscript");
const { loadMicroPython } = await import(pathToFileURL(join(dist, "micropython.mjs")).href);

let out = "";
const mp = await loadMicroPython({
  url: pathToFileURL(join(dist, "micropython.wasm")).href,
  heapsize: 64 * 1024 * 1024,
  stdout: (line) => { out += line + "\n"; },
  stderr: (line) => { process.stderr.write(line + "\n"); },
});

function copyTree(source, target) {
  mp.FS.mkdirTree(target);
  for (const name of readdirSync(source)) {
    const path = join(source, name);
    if (statSync(path).isDirectory()) {
      if (name !== "__pycache__") copyTree(path, target + "/" + name);
    } else if (name.endsWith(".py")) {
      mp.FS.writeFile(target + "/" + name, readFileSync(path));
    }
  }
}

copyTree(join(root, "decision_core"), "/pkg/decision_core");
for (const file of extra) mp.FS.writeFile("/pkg/" + basename(file), readFileSync(file));
mp.runPython('import sys\nsys.path.insert(0, "/pkg")\n' + readFileSync(script, "utf8"));
process.stdout.write(out);
