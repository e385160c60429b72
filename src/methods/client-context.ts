import type { ApiModel } from "../description/types.js";
import type { Transport } from "../http/send.js";
import type { Platform } from "../platform/platform.js";
import type { ResponseMode } from "../response/read-result.js";

/** What every generated method of one client shares. */
export interface ClientContext {
  readonly model: ApiModel;
  readonly transport: Transport;
  readonly headers: Readonly<Record<string, string>>;
  readonly returnType: ResponseMode;
  readonly platform: Platform;
  setLastResponse(value: unknown): void;
}
