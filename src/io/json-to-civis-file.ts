import type { IoClient } from "./answer-fields.js";
import { type FileToCivisOptions, fileToCivis } from "./file-to-civis.js";

/**
 * Stores a value as a JSON Civis file and resolves to its id (civis-python's `json_to_file`).
 * A value JSON cannot hold (undefined, a function) is a TypeError before any request.
 */
export async function jsonToCivisFile(
  client: IoClient,
  value: unknown,
  name = "file.json",
  options: FileToCivisOptions = {},
): Promise<number> {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError("jsonToCivisFile: the value has no JSON form");
  return fileToCivis(client, new TextEncoder().encode(text), name, options);
}
