import type { IoClient } from "./answer-fields.js";
import { type CivisToFileOptions, openCivisFile } from "./civis-to-file.js";

/** Reads a Civis file of JSON (civis-python's `file_to_json`). */
export async function fileToJson(
  client: IoClient,
  fileId: number,
  options: CivisToFileOptions = {},
): Promise<unknown> {
  const { body } = await openCivisFile(client, fileId, options);
  const text = await new globalThis.Response(body).text();
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SyntaxError(`file ${fileId} is not valid JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
