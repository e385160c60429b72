import { civisAdapter } from "./civis.mjs";

/** civis answering plain JSON, to show what the snake_case `Response` objects cost. */
export default civisAdapter("civis (json)", { returnType: "json" });
