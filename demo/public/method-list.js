// The sidebar: every method grouped by resource, built once per spec. Searching only toggles
// `hidden`, so the real Civis spec (910 methods) filters without rebuilding anything.

import { debounce, h, replace } from "./dom.js";

/** The hash that opens a method: `#/workflows/list_executions`. */
export function methodHash(resource, name) {
  return `#/${encodeURIComponent(resource)}/${encodeURIComponent(name)}`;
}

/** Reads `#/resource/name`; undefined for any other hash. */
export function parseMethodHash(hash) {
  const match = /^#\/([^/]+)\/([^/]+)$/.exec(hash);
  if (!match) return undefined;
  try {
    return { resource: decodeURIComponent(match[1]), name: decodeURIComponent(match[2]) };
  } catch {
    return undefined;
  }
}

function groupByResource(operations) {
  const groups = new Map();
  for (const op of operations) {
    if (!groups.has(op.resource)) groups.set(op.resource, []);
    groups.get(op.resource).push(op);
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b));
}

/** A path that wraps after its slashes rather than inside a word. */
function breakablePath(path) {
  return path.split("/").flatMap((part, i) => (i === 0 ? [part] : [h("wbr"), `/${part}`]));
}

/** A long snake_case name that wraps after its underscores rather than inside a word. */
function breakableName(name) {
  return name.split("_").flatMap((part, i) => (i === 0 ? [part] : ["_", h("wbr"), part]));
}

function methodItem(op) {
  const link = h(
    "a",
    {
      class: "method-link",
      href: methodHash(op.resource, op.name),
      title: op.summary || undefined,
    },
    h("span", { class: `verb verb-${op.verb.toLowerCase()}` }, op.verb),
    h("span", { class: "method-name" }, breakableName(op.name)),
    op.deprecated
      ? h("span", { class: "tag-deprecated", title: "Deprecated" }, "deprecated")
      : null,
    h("span", { class: "method-path" }, breakablePath(op.path)),
  );
  return {
    op,
    link,
    li: h("li", null, link),
    haystack: `${op.resource}.${op.name} ${op.path} ${op.summary}`.toLowerCase(),
  };
}

function resourceGroup(resource, ops) {
  const items = ops.map(methodItem);
  const count = h("span", { class: "count" }, String(ops.length));
  const list = h("ul", { class: "methods", id: `methods-${resource}` });
  const toggle = h(
    "button",
    {
      type: "button",
      class: "resource-toggle",
      "aria-expanded": "true",
      "aria-controls": list.id,
    },
    h("span", { class: "resource-name" }, resource),
    count,
  );
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    list.hidden = !open;
  });
  for (const item of items) list.append(item.li);
  const section = h(
    "section",
    { class: "resource", "data-resource": resource },
    h("h2", null, toggle),
    list,
  );
  return { resource, ops, items, section, count, toggle, list };
}

/**
 * Builds the method list into `container` and wires the search box.
 * @returns {{ select(resource: string, name: string): void, filter(query: string): number,
 *   total: number }}
 */
export function mountMethodList({ container, search, countLabel, operations }) {
  const groups = groupByResource(operations).map(([resource, ops]) => resourceGroup(resource, ops));
  const fragment = document.createDocumentFragment();
  for (const group of groups) fragment.append(group.section);
  // An empty sidebar after a search looks broken: say why, and how to get the list back.
  const noMatch = h("p", { class: "no-match", hidden: true, "data-testid": "no-match" });
  fragment.append(noMatch);
  replace(container, fragment);
  let selected;

  function filter(query) {
    const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const group of groups) {
      let groupShown = 0;
      for (const item of group.items) {
        const match = terms.every((term) => item.haystack.includes(term));
        item.li.hidden = !match;
        if (match) groupShown++;
      }
      group.section.hidden = groupShown === 0;
      group.count.textContent =
        terms.length === 0 ? String(group.ops.length) : `${groupShown} of ${group.ops.length}`;
      // A search shows its matches even inside a group the reader had folded.
      group.list.hidden =
        terms.length === 0 && group.toggle.getAttribute("aria-expanded") !== "true";
      shown += groupShown;
    }
    noMatch.hidden = terms.length === 0 || shown > 0;
    if (!noMatch.hidden) {
      replace(
        noMatch,
        `No method matches “${query.trim()}”. The search looks in method names, paths and summaries; `,
        h("kbd", null, "Esc"),
        " clears it.",
      );
    }
    countLabel.textContent =
      terms.length === 0
        ? `${operations.length} methods in ${groups.length} resources`
        : `${shown} of ${operations.length} methods match`;
    return shown;
  }

  function visibleLinks() {
    return groups.flatMap((group) =>
      group.section.hidden || group.list.hidden
        ? []
        : group.items.filter((item) => !item.li.hidden).map((item) => item.link),
    );
  }

  function moveFocus(event) {
    const links = visibleLinks();
    if (links.length === 0) return;
    const at = links.indexOf(document.activeElement);
    const next = {
      ArrowDown: at < 0 ? 0 : Math.min(at + 1, links.length - 1),
      ArrowUp: Math.max(at - 1, 0),
      Home: 0,
      End: links.length - 1,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    links[next].focus();
  }

  container.onkeydown = (event) => {
    if (event.key === "ArrowUp" && visibleLinks()[0] === document.activeElement) {
      event.preventDefault();
      search.focus();
      return;
    }
    moveFocus(event);
  };
  const onInput = debounce(() => filter(search.value), 60);
  search.oninput = onInput;
  search.onkeydown = (event) => {
    if (event.key === "ArrowDown") moveFocus(event);
    else if (event.key === "Enter") {
      event.preventDefault();
      filter(search.value);
      visibleLinks()[0]?.click();
    } else if (event.key === "Escape" && search.value !== "") {
      search.value = "";
      filter("");
    }
  };

  function select(resource, name) {
    selected?.link.removeAttribute("aria-current");
    const group = groups.find((g) => g.resource === resource);
    selected = group?.items.find((item) => item.op.name === name);
    if (!selected) return;
    selected.link.setAttribute("aria-current", "page");
    if (!selected.li.hidden && !group.list.hidden)
      selected.link.scrollIntoView({ block: "nearest" });
  }

  filter(search.value);
  return { select, filter, total: operations.length };
}
