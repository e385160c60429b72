// Turning a method's documented parameters into form values and back.

/** The type an `array<...>` type holds, or undefined for other types. */
function itemType(type) {
  const match = /^array<(.+)>$/.exec(type);
  return match ? match[1] : undefined;
}

/** A placeholder value of a documented type: what the JSON editor starts with. */
export function placeholder(entry) {
  const { type, children } = entry;
  if (type.startsWith("array")) {
    return children.length > 0 ? [skeleton(children)] : [];
  }
  if (children.length > 0) return skeleton(children);
  if (type.startsWith("string")) return "";
  if (type.startsWith("integer") || type.startsWith("number")) return 0;
  if (type.startsWith("boolean")) return false;
  if (type.startsWith("object")) return {};
  return null;
}

/**
 * An object with one key per entry (snake_case, as `help()` names them).
 * @param {boolean} [requiredOnly] leave out the optional entries
 */
export function skeleton(entries, requiredOnly = false) {
  const out = {};
  for (const entry of entries) {
    if (requiredOnly && entry.optional) continue;
    out[entry.name] = placeholder(entry);
  }
  return out;
}

/** Reads a form field's text as a value of the documented type; throws a readable error. */
export function parseValue(name, type, raw) {
  const text = raw.trim();
  const items = itemType(type);
  if (items !== undefined) {
    if (text.startsWith("[")) return parseJson(name, text);
    return text
      .split(",")
      .map((part) => part.trim())
      .filter((part) => part !== "")
      .map((part) => parseValue(name, items, part));
  }
  if (type.startsWith("integer") || type.startsWith("number")) {
    const n = Number(text);
    if (text === "" || !Number.isFinite(n)) throw new Error(`${name} must be a number`);
    return n;
  }
  if (type.startsWith("boolean")) return text === "true";
  if (type.startsWith("object") || type === "any") {
    return text.startsWith("{") || text.startsWith("[") ? parseJson(name, text) : raw;
  }
  return raw;
}

/** A path parameter: a number when it looks like one, else the text as typed. */
export function pathValue(type, raw) {
  return type.startsWith("integer") && /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : raw;
}

export function parseJson(name, text) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${name} is not valid JSON: ${error.message}`);
  }
}

/** The input a documented type gets in the Try it form. */
export function inputKind(type) {
  if (type.startsWith("boolean")) return "checkbox";
  if (type.startsWith("integer") || type.startsWith("number")) return "number";
  return "text";
}
