import { describe, expect, it } from "vitest";
import { camelToSnake } from "../../src/naming/camel-to-snake.js";

// Expected values are what civis-python's `camel_to_snake` gives (checked with Python's `re`).
describe("camelToSnake (the civis-python rule)", () => {
  it.each([
    ["createdAt", "created_at"],
    ["lastCheckedAnnouncements", "last_checked_announcements"],
    ["HTTPResponse", "http_response"],
    ["JSONValue", "json_value"],
    ["myURLParser", "my_url_parser"],
    ["userID", "user_id"],
    ["ABCDef", "abc_def"],
    ["already_snake", "already_snake"],
    // The rule inserts `_` before a capitalised word even after an existing `_`.
    ["already_Snake", "already__snake"],
    ["Name", "name"],
    ["A", "a"],
    ["aB", "a_b"],
    ["", ""],
  ])("%j -> %j", (name, expected) => {
    expect(camelToSnake(name)).toBe(expected);
  });

  it.each([
    ["page2Num", "page2_num"],
    ["ipv4Address", "ipv4_address"],
    ["s3Bucket", "s3_bucket"],
    ["getHTTP2Response", "get_http2_response"],
    ["v2API", "v2_api"],
    ["camelCase123Test", "camel_case123_test"],
    ["version2", "version2"],
    ["x1", "x1"],
  ])("digits: %j -> %j", (name, expected) => {
    expect(camelToSnake(name)).toBe(expected);
  });

  it("leaves names without capitals alone, `__proto__` included", () => {
    expect(camelToSnake("__proto__")).toBe("__proto__");
    expect(camelToSnake("page_num")).toBe("page_num");
  });

  it("gives the same answer when asked again (memoised)", () => {
    expect(camelToSnake("timeZone")).toBe("time_zone");
    expect(camelToSnake("timeZone")).toBe("time_zone");
  });
});
