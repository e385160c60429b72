import { CivisError } from "./core.js";

/**
 * A presigned storage URL (an upload form, a part, a download) answered with an error.
 * S3 explains itself in an XML body (`<Code>`, `<Message>`): both are in the message.
 * `url` has no query string: a presigned query carries the signature.
 */
export class CivisStorageError extends CivisError {
  override readonly name = "CivisStorageError" as const;
  declare readonly status: number;
  declare readonly code: string | undefined;
  declare readonly url: string;

  constructor(what: string, status: number, statusText: string, body: string, url: string) {
    const code = xmlText(body, "Code");
    const detail = xmlText(body, "Message") ?? (body.trim().slice(0, 200) || statusText);
    const method = what.split(" ", 1)[0] ?? "";
    super(
      `${what.slice(method.length + 1)} failed: (${status}) ${code ? `${code}: ` : ""}${detail} (${method} ${url})`,
    );
    this.status = status;
    this.code = code;
    this.url = url;
  }
}

/** The text of the first `<name>` element, if the body is S3's XML error. */
function xmlText(body: string, name: string): string | undefined {
  const match = new RegExp(`<${name}>([^<]*)</${name}>`).exec(body);
  return match?.[1]
    ?.replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}
