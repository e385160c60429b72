import type { Json, JsonObject } from "./json.js";
import type { SampleData } from "./store.js";
import type { PathItem, Schema } from "./swagger.js";

/** What a handler is given: the data, the parsed parameters and body, and the views. */
export interface HandlerContext {
  readonly data: SampleData;
  /** Path parameters: integers as numbers, others as strings. */
  readonly params: Readonly<Record<string, number | string>>;
  readonly query: Readonly<Record<string, string | number | boolean>>;
  /** The body, validated against the operation's schema. */
  readonly body: unknown;
  /** Shapes a stored record like a definition of the spec (see `createSampleApi`). */
  view(definition: string): (record: object) => JsonObject;
  /** The API's clock: areas whose records change over time read it rather than `Date.now`. */
  now(): number;
  /** Where this request reached the API (`scheme://host` and base path): for URLs it hands out. */
  readonly origin: string;
}

export interface HandlerResult {
  status: number;
  body?: Json | undefined;
  headers?: Record<string, string> | undefined;
}

export type Handler = (context: HandlerContext) => HandlerResult | Promise<HandlerResult>;

/** A request outside the spec's paths (a presigned upload or download URL, say). */
export interface RawRequest {
  readonly method: string;
  readonly url: URL;
  header(name: string): string | null;
  /** The body; over `limit` bytes (default: the API's limit for JSON bodies), a 413. */
  bytes(limit?: number): Promise<Uint8Array>;
}

export interface RawResult {
  status: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

/** One part of the sample API: its spec paths and definitions, handlers and seed data. */
export interface SampleArea {
  readonly paths: Record<string, PathItem>;
  readonly definitions: Record<string, Schema>;
  /** Keyed by "METHOD /path/template" exactly as in `paths`. */
  readonly handlers: Record<string, Handler>;
  /** Adds this area's collections to fresh data (areas are seeded in order). */
  seed?(data: SampleData): void;
  /** Answers requests outside the API's paths; null when the request is not this area's. */
  raw?(request: RawRequest, data: SampleData, now: number): Promise<RawResult | null>;
}
