// Network: actors as nodes, events and quotes as weighted, directed edges; laid out by a small force simulation.
import { get, summary } from "../api.js";
import { append, el, emptyState, num, svg } from "../dom.js";
import { filterForm, paramsObject, viewHref } from "../common.js";

const FILTERS = ["since", "until", "family", "actor", "min_weight"];

/**
 * Lay nodes out with a Fruchterman–Reingold force simulation (deterministic: nodes start on a circle).
 * Returns {id: {x, y}} inside a width × height box.
 */
export function layout(nodes, edges, width, height, iterations = 300) {
  const pos = {};
  const n = nodes.length;
  nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / n;
    pos[node.id] = { x: width / 2 + (width / 3) * Math.cos(angle), y: height / 2 + (height / 3) * Math.sin(angle) };
  });
  const k = Math.sqrt((width * height) / Math.max(1, n)) * 0.6;
  let temperature = width / 8;
  for (let it = 0; it < iterations; it++) {
    const disp = {};
    for (const a of nodes) disp[a.id] = { x: 0, y: 0 };
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = pos[nodes[i].id];
        const b = pos[nodes[j].id];
        const dx = a.x - b.x || 0.01;
        const dy = a.y - b.y || 0.01;
        const dist = Math.max(0.01, Math.hypot(dx, dy));
        const force = (k * k) / dist;
        disp[nodes[i].id].x += (dx / dist) * force;
        disp[nodes[i].id].y += (dy / dist) * force;
        disp[nodes[j].id].x -= (dx / dist) * force;
        disp[nodes[j].id].y -= (dy / dist) * force;
      }
    }
    for (const e of edges) {
      const a = pos[e.source];
      const b = pos[e.target];
      const dx = a.x - b.x;
      const dy = a.y - b.y;
      const dist = Math.max(0.01, Math.hypot(dx, dy));
      const force = ((dist * dist) / k) * Math.min(3, 1 + Math.log(e.weight) / 3);
      disp[e.source].x -= (dx / dist) * force;
      disp[e.source].y -= (dy / dist) * force;
      disp[e.target].x += (dx / dist) * force;
      disp[e.target].y += (dy / dist) * force;
    }
    for (const node of nodes) {
      const d = disp[node.id];
      const len = Math.max(0.01, Math.hypot(d.x, d.y));
      const p = pos[node.id];
      // pull gently to the centre so unconnected parts stay on screen
      p.x += (d.x / len) * Math.min(len, temperature) + (width / 2 - p.x) * 0.01;
      p.y += (d.y / len) * Math.min(len, temperature) + (height / 2 - p.y) * 0.01;
      p.x = Math.min(width - 30, Math.max(30, p.x));
      p.y = Math.min(height - 20, Math.max(20, p.y));
    }
    temperature *= 0.985;
  }
  return pos;
}

/** Render the network view. */
export async function renderNetwork(params, root) {
  const values = paramsObject(params, FILTERS);
  const sum = await summary();
  const data = await get("/network", { ...values, nodes: 60 });
  append(root, [
    el("h1", {}, "Network"),
    el("p", { class: "lede" }, "Who acts on whom. Edge colour: mean PLOVER score of the events (green cooperation, "
      + "red conflict, blue quotes only); thickness: number of events and quotes. Click an actor to open it."),
    filterForm("network", values, [
      { name: "since", label: "Since", type: "date" },
      { name: "until", label: "Until", type: "date" },
      { name: "family", label: "Events", options: [["", "all"], ["cooperation", "cooperation"], ["conflict", "conflict"]] },
      { name: "actor", label: "Around actor", placeholder: "actor id" },
      { name: "min_weight", label: "Min. weight", type: "number", placeholder: "1" },
    ]),
  ]);
  if (!data.nodes.length) {
    root.appendChild(emptyState("No connection between actors matches.", sum.counts.events + sum.counts.quotes
      ? "Widen the date range, choose all event families, or lower the minimum weight."
      : "The network is built from events and quotes; this store has none yet. Ingest news pages with "
        + "`newsgraph ingest PATH --db FILE`, then reload."));
    return;
  }
  root.appendChild(drawGraph(data));
  root.appendChild(el("p", { class: "muted" }, `${num(data.nodes.length)} actors, ${num(data.edges.length)} edges`
    + (data.dropped_nodes ? `; ${num(data.dropped_nodes)} less connected actors not shown.` : ".")));
  root.appendChild(edgeTable(data));
}

/** Draw the graph as SVG. */
function drawGraph(data) {
  const width = 1000;
  const height = 600;
  const pos = layout(data.nodes, data.edges, width, height);
  const maxW = Math.max(1, ...data.edges.map((e) => e.weight));
  const maxN = Math.max(1, ...data.nodes.map((n) => n.weight));
  const plot = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "network", role: "img", "aria-label": "actor network" });
  plot.appendChild(svg("defs", {}, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 6,
    markerHeight: 6, orient: "auto-start-reverse" }, svg("path", { d: "M 0 0 L 10 5 L 0 10 z", class: "arrow" }))));
  const radius = {};
  for (const n of data.nodes) radius[n.id] = 5 + 12 * Math.sqrt(n.weight / maxN);
  for (const e of data.edges) {
    const a = pos[e.source];
    const t = pos[e.target];
    // stop the line at the target's rim so the arrow head stays visible
    const len = Math.max(1, Math.hypot(t.x - a.x, t.y - a.y));
    const cut = Math.min(len / 2, radius[e.target] + 2);
    const b = { x: t.x - ((t.x - a.x) / len) * cut, y: t.y - ((t.y - a.y) / len) * cut };
    const cls = e.events ? (e.mean_score > 0 ? "coop" : e.mean_score < 0 ? "conflict" : "neutral") : "quotes";
    plot.appendChild(svg("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: `edge ${cls}`,
      "stroke-width": 1 + 5 * Math.sqrt(e.weight / maxW), "marker-end": "url(#arrow)" },
    svg("title", {}, `${e.source} → ${e.target}: ${e.events} events, ${e.quotes} quotes, mean score ${e.mean_score ?? "–"}`)));
  }
  for (const n of data.nodes) {
    const p = pos[n.id];
    const r = radius[n.id];
    const link = svg("a", { href: viewHref("actor", {}, n.id), class: "node" },
      svg("circle", { cx: p.x, cy: p.y, r, class: `node-${n.kind || "unknown"}` }),
      svg("text", { x: p.x, y: p.y - r - 3, "text-anchor": "middle", class: "node-label" }, n.name),
      svg("title", {}, `${n.name} (${n.id}): weight ${n.weight}`));
    plot.appendChild(link);
  }
  return el("figure", { class: "chart-box" }, plot);
}

/** The strongest edges as a table. */
function edgeTable(data) {
  const names = Object.fromEntries(data.nodes.map((n) => [n.id, n.name]));
  return el("table", { class: "table compact" },
    el("thead", {}, el("tr", {}, ["Source", "Target", "Events", "Quotes", "Mean score", "Types"].map((h) => el("th", {}, h)))),
    el("tbody", {}, data.edges.slice(0, 30).map((e) => el("tr", {},
      el("td", {}, el("a", { href: viewHref("actor", {}, e.source) }, names[e.source] || e.source)),
      el("td", {}, el("a", { href: viewHref("actor", {}, e.target) }, names[e.target] || e.target)),
      el("td", { class: "num" }, num(e.events)), el("td", { class: "num" }, num(e.quotes)),
      el("td", { class: "num" }, e.mean_score ?? "–"),
      el("td", {}, Object.entries(e.types).map(([t, n]) => `${t} ${n}`).join(", "))))));
}
