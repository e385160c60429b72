import { badRequest } from "../api-error.js";
import type { RawRequest, RawResult, SampleArea } from "../area.js";
import type { JsonObject } from "../json.js";
import { created, find, isoAt, noContent, ok } from "../results.js";
import {
  arrayOf,
  body,
  bool,
  idParam,
  int,
  noContent as noContentSchema,
  object,
  ok as okSchema,
  op,
  ref,
  str,
  time,
} from "../spec-builders.js";
import {
  checkSignature,
  concatBytes,
  MAX_FORM_UPLOAD,
  MAX_STORAGE_BODY,
  newToken,
  presign,
  STORAGE_CORS,
  s3Error,
} from "../storage.js";
import { type SampleData, takeId } from "../store.js";

/** A file in the sample storage. `bytes` is null until its upload has finished. */
export interface SampleFile {
  id: number;
  name: string;
  description: string | null;
  createdAt: number;
  /** ms; null: kept for good. */
  expiresAt: number | null;
  bytes: Uint8Array | null;
  /** Parts of a multipart upload, by part number (1-based) - 1. */
  parts: (Uint8Array | undefined)[] | null;
  token: string;
  /** What a CSV preprocess job detected in it (`files.post_preprocess_csv`). */
  detectedInfo?: JsonObject;
}

declare module "../store.js" {
  interface SampleData {
    files: Map<number, SampleFile>;
  }
}

const DEFAULT_EXPIRY_MS = 30 * 24 * 3600_000;

/** Stores a new file (an upload, or an export's output) and returns it. */
export function addFile(
  data: SampleData,
  now: number,
  fields: {
    name: string;
    description?: string | null;
    expiresAt?: string | null;
    bytes?: Uint8Array | null;
  },
): SampleFile {
  const expires =
    fields.expiresAt === undefined
      ? now + DEFAULT_EXPIRY_MS
      : fields.expiresAt === null
        ? null
        : Date.parse(fields.expiresAt);
  if (Number.isNaN(expires)) throw badRequest(`expiresAt is not a date: ${fields.expiresAt}`);
  const file: SampleFile = {
    id: takeId(data, "files"),
    name: fields.name,
    description: fields.description ?? null,
    createdAt: now,
    expiresAt: expires,
    bytes: fields.bytes ?? null,
    parts: null,
    token: newToken(),
  };
  data.files.set(file.id, file);
  return file;
}

const expired = (file: SampleFile, now: number) => file.expiresAt !== null && file.expiresAt <= now;

function fileView(file: SampleFile, now: number, origin: string): JsonObject {
  const readable = file.bytes !== null && !expired(file, now);
  return {
    id: file.id,
    name: file.name,
    description: file.description,
    createdAt: isoAt(file.createdAt),
    fileSize: file.bytes?.length ?? null,
    expiresAt: file.expiresAt === null ? null : isoAt(file.expiresAt),
    fileUrl: readable ? presign(origin, `files/${file.id}`, file.token, now) : null,
    downloadUrl: readable ? presign(origin, `files/${file.id}`, file.token, now) : null,
    detectedInfo: file.detectedInfo ?? null,
  };
}

const fileFields = () => ({
  id: int("The ID of the file."),
  name: str("The file name."),
  description: str("The user-defined description of the file."),
  createdAt: time("The date and time the file was created."),
  fileSize: int("The file size."),
  expiresAt: time("The date and time the file will expire."),
});

const createFields = () => ({
  name: str("The file name."),
  expiresAt: time(
    "The date and time the file will expire. If not specified, the file will expire in 30 days. To keep a file indefinitely, specify null.",
  ),
  description: str("The user-defined description of the file."),
});

export const files: SampleArea = {
  paths: {
    "/files/": {
      post: op(
        "files",
        "Initiate an upload of a file into the platform",
        [body("FilePostCreateRequest")],
        okSchema(ref("FilePost"), "201"),
      ),
    },
    "/files/multipart": {
      post: op(
        "files",
        "Initiate a multipart upload",
        [body("FileMultipartCreateRequest")],
        okSchema(ref("FileMultipartPost"), "201"),
      ),
    },
    "/files/multipart/{id}/complete": {
      post: op(
        "files",
        "Complete a multipart upload",
        [idParam("id", "The ID of the file.")],
        noContentSchema(),
      ),
    },
    "/files/{id}": {
      get: op(
        "files",
        "Get details about a file",
        [idParam("id", "The ID of the file.")],
        okSchema(ref("File")),
      ),
    },
  },
  definitions: {
    FilePostCreateRequest: { type: "object", required: ["name"], properties: createFields() },
    FileMultipartCreateRequest: {
      type: "object",
      required: ["name", "numParts"],
      properties: {
        ...createFields(),
        numParts: int("The number of parts in which the file will be uploaded."),
      },
    },
    FilePost: object({
      ...fileFields(),
      uploadUrl: str(
        'The URL that may be used to upload a file. To use the upload URL, initiate a POST request to the given URL with the file you wish to import as the "file" form field.',
      ),
      uploadFields: {
        type: "object",
        description: "A hash containing the form fields to be included with the POST request.",
      },
    }),
    FileMultipartPost: object({
      ...fileFields(),
      uploadUrls: arrayOf(
        str("A presigned URL for one part."),
        "An array of URLs that may be used to upload file parts.",
      ),
    }),
    File: object({
      ...fileFields(),
      fileUrl: str("The URL that may be used to download the file."),
      downloadUrl: str("A JSON string containing information about the URL of the file."),
      detectedInfo: {
        ...ref("FileDetectedInfo"),
        description:
          'A hash corresponding to the information detected if the file was preprocessed by the "/files/preprocess/csv" endpoint.',
      },
    }),
    FileDetectedInfo: {
      type: "object",
      required: ["includeHeader", "columnDelimiter", "compression", "tableColumns"],
      properties: {
        includeHeader: bool(
          "A boolean value indicating whether or not the first row of the file is a header row.",
        ),
        columnDelimiter: str(
          'The column delimiter for the file. One of "comma", "tab", or "pipe".',
        ),
        compression: str('The type of compression of the file. One of "gzip", or "none".'),
        tableColumns: arrayOf(
          ref("FileTableColumns"),
          'An array of hashes corresponding to the columns in the file. Each hash should have keys for column "name" and "sql_type"',
        ),
      },
    },
    FileTableColumns: object({
      name: str("The column name."),
      sqlType: str("The SQL type of the column."),
    }),
  },
  handlers: {
    "POST /files/": ({ data, body, now, origin }) => {
      const fields = body as { name: string; expiresAt?: string | null; description?: string };
      const file = addFile(data, now(), fields);
      return created({
        ...fileView(file, now(), origin),
        uploadUrl: presign(origin, `upload/${file.id}`, file.token, now()),
        uploadFields: {
          key: `sample/${file.id}/${file.name}`,
          policy: "c2FtcGxlLXBvbGljeQ==",
          "x-amz-algorithm": "AWS4-HMAC-SHA256",
          "x-amz-signature": file.token,
        },
      });
    },
    "POST /files/multipart": ({ data, body, now, origin }) => {
      const fields = body as {
        name: string;
        numParts: number;
        expiresAt?: string | null;
        description?: string;
      };
      if (!Number.isInteger(fields.numParts) || fields.numParts < 1 || fields.numParts > 10_000) {
        throw badRequest("numParts must be from 1 to 10000.");
      }
      const file = addFile(data, now(), fields);
      file.parts = new Array(fields.numParts).fill(undefined);
      return created({
        ...fileView(file, now(), origin),
        uploadUrls: Array.from({ length: fields.numParts }, (_, i) =>
          presign(origin, `parts/${file.id}/${i + 1}`, file.token, now()),
        ),
      });
    },
    "POST /files/multipart/{id}/complete": ({ data, params }) => {
      const file = find(data.files, params.id);
      // As S3 does, a multipart upload with parts missing is aborted: the file stays empty.
      if (file.parts?.every((part) => part !== undefined)) {
        file.bytes = concatBytes(file.parts as Uint8Array[]);
      }
      file.parts = null;
      return noContent();
    },
    "GET /files/{id}": ({ data, params, now, origin }) =>
      ok(fileView(find(data.files, params.id), now(), origin)),
  },
  seed(data) {
    data.files = new Map();
    data.nextId.files = 1001;
  },
  async raw(request, data, now) {
    const match = /\/sample-storage\/(upload|parts|files)\/(\d+)(?:\/(\d+))?$/.exec(
      request.url.pathname,
    );
    if (!match) return null;
    if (request.method === "OPTIONS")
      return { status: 204, headers: { ...STORAGE_CORS, "Access-Control-Max-Age": "600" } };
    const file = data.files.get(Number(match[2]));
    if (!file) return s3Error(404, "NoSuchKey", "The specified key does not exist.");
    const denied = checkSignature(request.url, file.token, now);
    if (denied) return denied;
    return storageAction(match[1]!, Number(match[3]), file, request, now);
  },
};

async function storageAction(
  kind: string,
  part: number,
  file: SampleFile,
  request: RawRequest,
  now: number,
): Promise<RawResult> {
  if (kind === "files" && request.method === "GET") {
    if (!file.bytes || expired(file, now))
      return s3Error(404, "NoSuchKey", "The specified key does not exist.");
    return {
      status: 200,
      headers: {
        ...STORAGE_CORS,
        "Content-Type": "application/octet-stream",
        "Content-Length": String(file.bytes.length),
      },
      body: file.bytes,
    };
  }
  if (kind === "parts" && request.method === "PUT") {
    if (!file.parts || !(part >= 1 && part <= file.parts.length)) {
      return s3Error(404, "NoSuchUpload", "The specified multipart upload does not exist.");
    }
    file.parts[part - 1] = await request.bytes(MAX_STORAGE_BODY);
    return { status: 200, headers: { ...STORAGE_CORS, ETag: `"${file.id}-${part}"` } };
  }
  if (kind === "upload" && request.method === "POST") return formUpload(file, request);
  return s3Error(
    405,
    "MethodNotAllowed",
    "The specified method is not allowed against this resource.",
  );
}

/** S3's POST object: the policy's fields, `key` first and the file last. */
async function formUpload(file: SampleFile, request: RawRequest): Promise<RawResult> {
  const type = request.header("content-type") ?? "";
  if (!type.startsWith("multipart/form-data")) {
    return s3Error(
      412,
      "PreconditionFailed",
      "Bucket POST must be of the enclosure-type multipart/form-data",
    );
  }
  const form = await new Response((await request.bytes(MAX_STORAGE_BODY)) as BodyInit, {
    headers: { "content-type": type },
  })
    .formData()
    .catch(() => null);
  const entries = form ? [...form.entries()] : [];
  if (entries[0]?.[0] !== "key") {
    return s3Error(400, "InvalidArgument", "Bucket POST must contain a field named 'key' first.");
  }
  const last = entries.at(-1);
  if (last?.[0] !== "file" || typeof last[1] === "string") {
    return s3Error(
      400,
      "InvalidArgument",
      "POST requires exactly one file upload per request, as the last field.",
    );
  }
  const bytes = new Uint8Array(await (last[1] as Blob).arrayBuffer());
  if (bytes.length > MAX_FORM_UPLOAD) {
    return s3Error(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size");
  }
  file.bytes = bytes;
  return { status: 204, headers: { ...STORAGE_CORS } };
}
