// A tiny element builder. Every string becomes a text node: spec text is never parsed as HTML.

/**
 * @param {string} tag
 * @param {Record<string, unknown> | null} [props] attributes (`class`, `aria-*`, `data-*`, ...),
 *   `on<event>` listeners, or DOM properties (`hidden`, `checked`, `value`, ...)
 * @param {...(Node | string | number | null | undefined | false | Array<Node | string>)} children
 * @returns {HTMLElement}
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key in PROPERTIES) {
      el[key] = value;
    } else {
      el.setAttribute(key, value === true ? "" : String(value));
    }
  }
  append(el, children);
  return el;
}

// Set as properties, because their attributes only give the initial state.
const PROPERTIES = { hidden: 1, checked: 1, value: 1, disabled: 1, indeterminate: 1 };

/** Appends children (strings as text nodes), skipping empty ones. */
export function append(el, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(typeof child === "string" || typeof child === "number" ? String(child) : child);
  }
  return el;
}

/** Replaces an element's content. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** Calls `fn` once input has paused for `ms`. */
export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
