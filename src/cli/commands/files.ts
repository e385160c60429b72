import { resolve } from "node:path";
import type { APIClient } from "../../index.js";
import { civisToFile, fileToCivis } from "../../io/index.js";
import type { CliContext } from "../open-client.js";
import type { FlagValues } from "../parse-args.js";
import { Progress } from "../progress.js";
import { UsageError } from "../usage-error.js";
import { flagValue } from "./sql.js";

const size = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 2 ** 20
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 2 ** 20).toFixed(1)} MB`;

/**
 * `civis files upload PATH [--name N]` prints the new file's id; `civis files download ID
 * [PATH]` writes the file (to its own name in the current folder when no PATH is given).
 * Transfers show their progress in bytes on stderr.
 */
export async function filesCommand(
  client: APIClient,
  [action, ...words]: readonly string[],
  flags: ReadonlyMap<string, FlagValues>,
  context: CliContext,
): Promise<string | undefined> {
  const progress = new Progress(context.stderr);
  const show = (verb: string) => (p: { loaded: number; total: number }) =>
    progress.update(`${verb} ${size(p.loaded)}${p.total ? ` of ${size(p.total)}` : ""}`);
  try {
    if (action === "upload") {
      const [path, ...extra] = words;
      if (!path || extra.length)
        throw new UsageError(
          "civis files upload takes one PATH: civis files upload PATH [--name N]",
        );
      const name = flagValue(flags, "name", "files upload");
      for (const flag of flags.keys()) {
        if (flag !== "name") throw new UsageError(`civis files upload has no option --${flag}`);
      }
      const id = await fileToCivis(client, path, name, { onProgress: show("Uploaded") });
      return String(id);
    }
    if (action === "download") {
      const [word, path, ...extra] = words;
      if (!word || !/^\d+$/.test(word) || extra.length) {
        throw new UsageError(
          "civis files download takes a file id and an optional PATH: civis files download ID [PATH]",
        );
      }
      const [flag] = flags.keys();
      if (flag !== undefined) throw new UsageError(`civis files download has no option --${flag}`);
      const id = Number(word);
      let destination = path;
      if (destination === undefined) {
        const name = String((await client.files?.get?.(id))?.name ?? "");
        // Only a plain name: never a path the API could point elsewhere with.
        if (!name || /[\\/]/.test(name) || name === "." || name === "..") {
          throw new UsageError(`file ${id} has no plain name to save under: give a PATH`);
        }
        destination = name;
      }
      await civisToFile(client, id, resolve(destination), { onProgress: show("Downloaded") });
      return undefined;
    }
    throw new UsageError("civis files takes upload PATH [--name N] or download ID [PATH]");
  } finally {
    progress.done();
  }
}
