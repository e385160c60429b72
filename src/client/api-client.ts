import type { SpecOrigin } from "../cache/spec-cache.js";
import { modelOf } from "../description/local-models.js";
import { normalizeSpec } from "../description/normalize.js";
import { parseSpecText } from "../description/parse-spec-text.js";
import type { ApiModel } from "../description/types.js";
import { downloadSpecText } from "../download/download-spec.js";
import { buildResource, type CivisResource } from "../methods/build-resource.js";
import type { ClientContext } from "../methods/client-context.js";
import { baseHeaders } from "../options/base-headers.js";
import type { ClientOptions } from "../options/client-options.js";
import { DEFAULTS } from "../options/defaults.js";
import {
  checkUrl,
  type ResolvedOptions,
  resolveOptions,
  transportOf,
} from "../options/resolve-options.js";
import { platform } from "../platform/current.js";
import { clientInfo, contextClients } from "./client-internals.js";
import { ClientHelpers } from "./helpers/client-helpers.js";

/** A client's options and API, resolved and loaded once by `APIClient.create()`. */
interface Built {
  readonly resolved: ResolvedOptions;
  readonly model: ApiModel;
  readonly origin: SpecOrigin;
}

/** Resources of a client whose API is not typed: any name, any method. */
export type LooseApi = { readonly [resource: string]: CivisResource };

/**
 * The client: one property per API resource, built from the spec on first read.
 * Create it with `await APIClient.create(options)`, or `new APIClient({ localApiSpec })`
 * when you hold the spec object.
 */
export class APIClientBase extends ClientHelpers {
  #last: unknown;

  /** `built`: what `create()` already resolved and loaded, so nothing is read twice. */
  constructor(options: ClientOptions, built?: Built) {
    super();
    const spec = options?.localApiSpec ?? options?.local_api_spec;
    if (built === undefined && (typeof spec !== "object" || spec === null)) {
      throw new TypeError(
        "new APIClient() needs a spec object in { localApiSpec }; to download the spec or read it from a file or URL, use `await APIClient.create(options)`",
      );
    }
    const {
      resolved,
      model: apiModel,
      origin,
    } = built ?? {
      resolved: resolveOptions(options, platform),
      model: modelOf(spec as object),
      origin: "local",
    };
    // A spec's server is read as a baseUrl is: `HTTP://host/` would pass the plain-http
    // check (and fetch would send the key over it); `ws:` or credentials make no API root.
    const server = origin === "local" ? apiModel.server : undefined;
    const baseUrl =
      resolved.baseUrl ?? (server && checkUrl(server, "the spec's server")) ?? DEFAULTS.baseUrl;
    const ctx: ClientContext = {
      model: apiModel,
      transport: transportOf(resolved, baseUrl),
      headers: baseHeaders(resolved, platform),
      returnType: resolved.returnType,
      platform,
      setLastResponse: (value) => {
        this.#last = value;
      },
    };
    const names = new Map<string, string>();
    for (const [key, resourceModel] of apiModel.resources) {
      const name = resourceModel.property;
      names.set(name, key);
      // Resources are built on first read: a 900-method client costs little until used.
      Object.defineProperty(this, name, {
        configurable: true,
        enumerable: true,
        get: () => {
          const resource = buildResource(ctx, key, resourceModel.operations());
          // Now a fixed data property: read-only, as a value defined over an accessor is
          // by default; still enumerable, as before.
          Object.defineProperty(this, name, { value: resource, configurable: false });
          return resource;
        },
      });
    }
    clientInfo.set(this, { ctx, resources: names, origin });
    // civis/io sends presigned storage requests (no API key) through the client's own fetch,
    // so a custom or in-memory fetch serves them too; a registered symbol reaches across bundles.
    Object.defineProperty(this, Symbol.for("civis.fetch"), { value: resolved.fetch });
    contextClients.set(ctx, this);
  }

  /** The last response object a method returned (for an iterator, the last page). */
  get last_response(): unknown {
    return this.#last;
  }

  get [Symbol.toStringTag](): string {
    return "APIClient";
  }

  /** Downloads (or reads from the cache, a file or a URL) the spec, then builds the client. */
  static async create<Api extends object = LooseApi>(
    options: ClientOptions = {},
  ): Promise<APIClient<Api>> {
    const resolved = resolveOptions(options, platform);
    const local = resolved.localApiSpec;
    // The constructor picks the same base URL: a downloaded spec's own server never applies.
    const baseUrl = resolved.baseUrl ?? DEFAULTS.baseUrl;
    const { model, origin } =
      local === undefined
        ? await (await import("./load-model.js")).loadModel(
            resolved,
            baseUrl,
            platform,
            downloadSpecText,
            (text) => normalizeSpec(parseSpecText(text)),
          )
        : {
            model: modelOf(
              (typeof local === "string"
                ? parseSpecText(await platform.readLocalSpec(local, resolved))
                : local) as object,
            ),
            origin: "local" as const,
          };
    return new APIClientBase(options, { resolved, model, origin }) as APIClient<Api>;
  }
}

/** A client typed with an API description (from `civis typegen`), or loosely with `LooseApi`. */
export type APIClient<Api extends object = LooseApi> = APIClientBase & Api;

/** The constructor, typed so `new APIClient<Api>()` gives an `APIClient<Api>`. */
export interface APIClientConstructor {
  new <Api extends object = LooseApi>(options: ClientOptions): APIClient<Api>;
  create<Api extends object = LooseApi>(options?: ClientOptions): Promise<APIClient<Api>>;
  readonly prototype: APIClientBase;
}

export const APIClient = APIClientBase as unknown as APIClientConstructor;
