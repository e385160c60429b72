import type { SampleArea } from "./area.js";
import { AREAS } from "./areas/index.js";
import type { SwaggerSpec } from "./swagger.js";

/**
 * The sample API's Swagger 2.0 document, a small stand-in shaped like the Civis API's
 * `/endpoints`, assembled from its areas. A fresh object on every call.
 */
export function sampleSpec(areas: readonly SampleArea[] = AREAS): SwaggerSpec {
  const spec: SwaggerSpec = {
    swagger: "2.0",
    info: {
      title: "Civis Sample API",
      version: "1.0.0",
      description:
        "A small, self-contained stand-in for the Civis Platform API, used by the demo and the browser tests.",
    },
    host: "127.0.0.1",
    schemes: ["http"],
    consumes: ["application/json"],
    produces: ["application/json"],
    securityDefinitions: {
      basicAuth: {
        type: "basic",
        description: "Your API key as the username, with an empty password.",
      },
    },
    security: [{ basicAuth: [] }],
    paths: {},
    definitions: {},
  };
  for (const area of areas) {
    Object.assign(spec.paths, area.paths);
    Object.assign(spec.definitions, area.definitions);
  }
  return spec;
}
