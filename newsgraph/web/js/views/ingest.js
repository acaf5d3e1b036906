// Ingest: documents that failed, with their error; documents where an analysis stage failed.
import { get } from "../api.js";
import { append, badge, el, emptyState } from "../dom.js";
import { csvLink, pager } from "../common.js";

/** Render the ingest problems view. */
export async function renderIngest(params, root) {
  const limit = 100;
  const status = params.get("status") || "all";
  const data = await get("/errors", { status, limit, offset: params.get("offset") || 0 });
  append(root, [
    el("h1", {}, "Ingest problems"),
    el("p", { class: "lede" }, "Documents that could not be read as news (with the error code and message), "
      + "and documents where an analysis stage failed (a bug: please report it with the document)."),
  ]);
  if (!data.total) {
    root.appendChild(emptyState("Every ingested document was processed without error.",
      "Run `newsgraph ingest PATH --db FILE` to add documents; failures will be listed here."));
    return;
  }
  root.appendChild(el("div", { class: "list-head" }, pager("ingest", params, data.total, limit), csvLink("/errors", { status })));
  root.appendChild(el("table", { class: "table errors" },
    el("thead", {}, el("tr", {}, ["Document", "Status", "Code", "Error", "Type", "Size"].map((h) => el("th", {}, h)))),
    el("tbody", {}, data.items.map((d) => el("tr", {},
      el("td", {}, el("span", { title: d.source }, d.source_name || d.source)),
      el("td", {}, badge(d.status, d.status === "ok" ? "warn" : "bad")),
      el("td", { class: "nowrap" }, d.error_code || ""),
      el("td", {}, d.error || "", (d.warnings || []).map((w) => el("div", { class: "warning" }, w))),
      el("td", {}, d.media_type || ""),
      el("td", { class: "num" }, d.size === null ? "" : `${d.size} B`))))));
}
