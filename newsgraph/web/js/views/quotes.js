// Quotes: search, facet by speaker, filter by date, outlet and number of sources.
import { get, summary } from "../api.js";
import { append, el, emptyState, num } from "../dom.js";
import { csvLink, filterForm, outletOptions, pager, paramsObject, quoteCard, viewHref } from "../common.js";

const FILTERS = ["q", "speaker", "since", "until", "outlet", "kind", "min_sources"];

/** Render the quote browser. */
export async function renderQuotes(params, root) {
  const values = paramsObject(params, FILTERS);
  const sum = await summary();
  const limit = 30;
  const facetParams = { ...values };
  delete facetParams.speaker;
  const [data, speakers] = await Promise.all([
    get("/quotes", { ...values, limit, offset: params.get("offset") || 0 }),
    get("/quotes/speakers", { ...facetParams, limit: 40 }),
  ]);
  append(root, [
    el("h1", {}, "Quotes"),
    filterForm("quotes", values, [
      { name: "q", label: "Quote contains", placeholder: "e.g. ceasefire" },
      { name: "speaker", label: "Speaker (id or name)" },
      { name: "since", label: "Said since", type: "date" },
      { name: "until", label: "Until", type: "date" },
      { name: "outlet", label: "Outlet", options: outletOptions(sum) },
      { name: "kind", label: "Kind", options: [["", "any"], ["direct", "direct"], ["indirect", "indirect"], ["mixed", "mixed"]] },
      { name: "min_sources", label: "Min. sources", type: "number", placeholder: "1" },
    ]),
  ]);
  const facet = el("aside", { class: "facet" }, el("h2", {}, "Speakers"),
    speakers.items.length ? el("ul", {}, speakers.items.map((s) => {
      const label = s.speaker || "unattributed";
      const active = values.speaker && (values.speaker === s.speaker_id || values.speaker === s.speaker);
      return el("li", { class: active ? "active" : null },
        s.speaker_id ? el("a", { href: viewHref("quotes", { ...values, speaker: s.speaker_id, offset: "" }) }, label)
          : el("span", { class: "muted" }, label),
        el("span", { class: "count" }, num(s.quotes)));
    })) : el("p", { class: "muted" }, "No speakers."));
  let results;
  if (!data.total) {
    results = emptyState("No quote matches.", sum.counts.quotes
      ? "Clear the filters, or search for fewer words."
      : "This store has no quotes yet: ingest news pages with `newsgraph ingest PATH --db FILE`; the quote stage "
        + "fills them.");
  } else {
    results = el("div", {}, el("div", { class: "list-head" }, pager("quotes", params, data.total, limit),
      csvLink("/quotes", values)), el("div", { class: "cards" }, data.items.map(quoteCard)));
  }
  root.appendChild(el("div", { class: "with-facet" }, facet, results));
}
