/** The fixture specs (test/fixtures/) that typegen's tests generate declarations from. */
export const FIXTURES = [
  "swagger2-basic",
  "openapi3-basic",
  "openapi31-basic",
  "hostile-names",
  "civis-python-rules",
] as const;
