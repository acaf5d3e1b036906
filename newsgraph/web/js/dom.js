// Safe DOM building: text always goes in through textContent, never as HTML.
// Article text, titles, quotes and actor names are untrusted input from the web.

const SAFE_ATTRS = new Set([
  "class", "id", "href", "title", "type", "name", "value", "placeholder", "for", "role", "min", "max", "step",
  "aria-label", "aria-current", "aria-expanded", "colspan", "download", "list", "tabindex", "open", "width", "height",
]);

/** Return an href only if it points inside this app (a #route or a /path), else "#". */
export function safeHref(href) {
  const s = String(href);
  return s.startsWith("#") || (s.startsWith("/") && !s.startsWith("//")) ? s : "#";
}

/** Create an element: el("a", {href: "#/x", class: "c"}, "text", child, ...). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("data-")) node.setAttribute(key, String(value));
    else if (key === "href") node.setAttribute("href", safeHref(value));
    else if (key === "onclick") node.addEventListener("click", value);
    else if (key === "onchange") node.addEventListener("change", value);
    else if (key === "onsubmit") node.addEventListener("submit", value);
    else if (key === "oninput") node.addEventListener("input", value);
    else if (SAFE_ATTRS.has(key)) node.setAttribute(key, value === true ? "" : String(value));
    else throw new Error(`attribute ${key} is not allowed`);
  }
  append(node, children);
  return node;
}

/** Append children: strings and numbers become text nodes; arrays are flattened; null is skipped. */
export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Remove every child of a node. */
export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** Create an SVG element with numeric/text attributes (never event handlers). */
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    if (key.startsWith("on")) throw new Error("event handler attributes are not allowed");
    node.setAttribute(key, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An empty state: what is missing and what to do about it. */
export function emptyState(title, ...advice) {
  return el("div", { class: "empty" }, el("p", { class: "empty-title" }, title), ...advice.map((a) => el("p", {}, a)));
}

/** Show an error message in place of a view. */
export function errorBox(err) {
  return el("div", { class: "error-box", role: "alert" }, el("strong", {}, "Could not load this view. "),
    String(err && err.message ? err.message : err));
}

/** Format a number with thousands separators. */
export function num(n) {
  return n === null || n === undefined ? "–" : Number(n).toLocaleString("en-US");
}

/** A tag-like badge. */
export function badge(text, cls = "") {
  return el("span", { class: `badge ${cls}`.trim() }, text);
}
