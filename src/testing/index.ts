// `civis/testing`: what a user needs to test code that uses the client, without a network.

export {
  type MockAnswer,
  type MockArgs,
  type MockHandler,
  mockFetch,
} from "./mock-fetch.js";
export {
  createSampleApi,
  type NodeRequestLike,
  type NodeResponseLike,
  type SampleAnswer,
  type SampleApi,
  type SampleApiOptions,
} from "./sample-api/create-sample-api.js";
export { SAMPLE_API_URL, type SampleApiKit, sampleApi } from "./sample-api.js";
