import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * Runs `node [nodeArgs] bench/<script> [args]` in a fresh process and resolves
 * to the JSON it prints on its last stdout line.
 */
export function runChild(script, args = [], nodeArgs = []) {
  const file = fileURLToPath(new URL(`../${script}`, import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, file, ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
    });
    child.stderr.on("data", (chunk) => {
      err += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const last = out.trim().split("\n").at(-1) ?? "";
      if (code !== 0) {
        reject(new Error(`${script} ${args.join(" ")} exited with ${code}:\n${err || out}`));
        return;
      }
      try {
        resolve(JSON.parse(last));
      } catch {
        reject(new Error(`${script} ${args.join(" ")} printed no JSON:\n${out}\n${err}`));
      }
    });
  });
}
