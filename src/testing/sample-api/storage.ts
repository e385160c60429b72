// The sample API's storage host: presigned URLs for uploads (a form POST, or PUTs of parts)
// and downloads, answered as S3 answers them, XML errors included, with the CORS headers a
// browser needs to use them from another origin.

import type { RawResult } from "./area.js";

/** How long a presigned URL works. */
export const LINK_MS = 30 * 60_000;
/** The largest single form upload (the real API's 50 MB threshold for multipart). */
export const MAX_FORM_UPLOAD = 50 * 2 ** 20;
/** The largest body the storage host reads: a whole form upload, with its fields. */
export const MAX_STORAGE_BODY = MAX_FORM_UPLOAD + 2 ** 20;

export const STORAGE_CORS: Readonly<Record<string, string>> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, PUT, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type",
  "Access-Control-Expose-Headers": "ETag, Content-Length",
};

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** S3's XML error answer. */
export function s3Error(status: number, code: string, message: string): RawResult {
  return {
    status,
    headers: { ...STORAGE_CORS, "Content-Type": "application/xml" },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message><RequestId>sample</RequestId></Error>`,
  };
}

/** A presigned URL: the path, an expiry and a token that the storage host checks. */
export function presign(origin: string, path: string, token: string, now: number): string {
  return `${origin}/sample-storage/${path}?expires=${now + LINK_MS}&signature=${token}`;
}

/** S3's answer to a presigned URL that is forged or out of date, else null. */
export function checkSignature(url: URL, token: string, now: number): RawResult | null {
  if (url.searchParams.get("signature") !== token) {
    return s3Error(
      403,
      "SignatureDoesNotMatch",
      "The request signature we calculated does not match the signature you provided.",
    );
  }
  if (Number(url.searchParams.get("expires")) < now) {
    return s3Error(403, "AccessDenied", "Request has expired");
  }
  return null;
}

/** A random token for a presigned URL. */
export const newToken = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) =>
    b.toString(16).padStart(2, "0"),
  ).join("");

/** gzip bytes, with the platform's CompressionStream (Node and browsers alike). */
export async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return all;
}
