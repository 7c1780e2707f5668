/* Filters, shareable views and downloads for the statistics table.
 *
 * The table is complete in the HTML; this script only hides rows. The view
 * (filters and sort) lives in the address: opening a link restores it,
 * every change adds a history entry, and back/forward restore the previous
 * view. The text filter's key is `text`: `q` is Material's search deep link
 * (an inline script in main.html renames an incoming `q` before Material
 * reads it). Downloads join the CSV lines and BibTeX entries that the build wrote
 * to data/statistics-downloads.json, so they equal the published exports.
 */
(function () {
  "use strict";

  var SELECTS = ["category", "modality", "task", "access", "commercial"];
  var ORDERS = { asc: "ascending", desc: "descending" };

  function readState(search) {
    var params = new URLSearchParams(search);
    var state = {};
    SELECTS.concat(["text", "sort", "order"]).forEach(function (key) {
      state[key] = (params.get(key) || "").trim();
    });
    return state;
  }

  function stateQuery(state) {
    var params = new URLSearchParams();
    SELECTS.concat(["text", "sort", "order"]).forEach(function (key) {
      if (state[key]) params.set(key, state[key]);
    });
    var query = params.toString();
    return query ? "?" + query : "";
  }

  function rowMatches(row, state) {
    var data = row.dataset;
    if (state.category && data.category !== state.category) return false;
    if (state.modality && data.modality.toLowerCase() !== state.modality.toLowerCase()) return false;
    if (state.task && data.tasks.split(" ").indexOf(state.task) < 0) return false;
    if (state.access && data.access !== state.access) return false;
    if (state.commercial && data.commercial !== state.commercial) return false;
    if (state.text && data.search.indexOf(state.text.toLowerCase()) < 0) return false;
    return true;
  }

  function setup(form) {
    if (form.getAttribute("data-ready") === "true") return;
    form.setAttribute("data-ready", "true");
    var table = document.getElementById("statistics-table");
    var results = document.getElementById("statistics-results");
    var count = document.getElementById("statistics-count");
    var search = document.getElementById("filter-text");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var keys = headers.map(function (th) { return th.getAttribute("data-key"); });
    var restoring = false;

    window.mdcSortable.enhance(table);
    form.hidden = false;
    results.hidden = false;

    function currentState() {
      var state = {};
      SELECTS.forEach(function (key) { state[key] = form.elements[key].value; });
      state.text = search.value.trim();
      var sorted = headers.filter(function (th) { return th.hasAttribute("aria-sort"); })[0];
      state.sort = sorted ? sorted.getAttribute("data-key") : "";
      state.order = sorted ? (sorted.getAttribute("aria-sort") === "descending" ? "desc" : "asc") : "";
      return state;
    }

    function applyFilters(state) {
      var shown = 0;
      rows.forEach(function (row) {
        var match = rowMatches(row, state);
        row.hidden = !match;
        if (match) shown += 1;
      });
      count.textContent = shown + " of " + rows.length + " datasets";
    }

    function applyState(state) {
      restoring = true;
      SELECTS.forEach(function (key) {
        var select = form.elements[key];
        var wanted = state[key];
        var option = Array.prototype.filter.call(select.options, function (o) {
          return o.value.toLowerCase() === wanted.toLowerCase();
        })[0];
        select.value = option ? option.value : "";
      });
      search.value = state.text;
      var column = keys.indexOf(state.sort);
      if (column >= 0) {
        window.mdcSortable.sort(table, column, ORDERS[state.order] || "ascending", "restore");
      } else {
        /* no sort in the address: back to the page's own order (by category, then name) */
        headers.forEach(function (th) { th.removeAttribute("aria-sort"); });
        rows.forEach(function (row) { table.tBodies[0].appendChild(row); });
      }
      applyFilters(currentState());
      restoring = false;
    }

    function record(replace) {
      if (restoring) return;
      var state = currentState();
      applyFilters(state);
      var url = location.pathname + stateQuery(state) + location.hash;
      if (url === location.pathname + location.search + location.hash) return;
      if (replace) history.replaceState(history.state, "", url);
      else history.pushState(history.state, "", url);
    }

    form.addEventListener("change", function () { record(false); });
    search.addEventListener("input", function () { record(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); record(false); });
    table.addEventListener("mdc:sorted", function (event) {
      if (event.detail.source === "user") record(false);
    });
    document.getElementById("filter-reset").addEventListener("click", function () {
      applyState(readState(""));
      record(false);
    });
    window.addEventListener("popstate", function () {
      if (document.body.contains(table)) applyState(readState(location.search));
    });
    document.getElementById("download-csv").addEventListener("click", function () { download("csv"); });
    document.getElementById("download-bibtex").addEventListener("click", function () { download("bibtex"); });

    function visibleSlugs() {
      return Array.prototype.slice.call(table.tBodies[0].rows)
        .filter(function (row) { return !row.hidden; })
        .map(function (row) { return row.getAttribute("data-slug"); });
    }

    function download(kind) {
      fetch(form.getAttribute("data-downloads"))
        .then(function (response) { return response.json(); })
        .then(function (data) {
          var slugs = visibleSlugs();
          var text, name, type;
          if (kind === "csv") {
            text = data.csv_header + slugs.map(function (slug) { return data.csv[slug]; }).join("");
            name = "datasets.csv";
            type = "text/csv";
          } else {
            var seen = {};
            var entries = [];
            slugs.forEach(function (slug) {
              data.references[slug].forEach(function (key) {
                if (!seen[key]) { seen[key] = true; entries.push(data.bibtex[key]); }
              });
            });
            text = entries.join("\n\n") + "\n";
            name = "references.bib";
            type = "application/x-bibtex";
          }
          var link = document.createElement("a");
          link.href = URL.createObjectURL(new Blob([text], { type: type + ";charset=utf-8" }));
          link.download = name;
          document.body.appendChild(link);
          link.click();
          link.remove();
          setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
        });
    }

    applyState(readState(location.search));
  }

  function init() {
    var form = document.getElementById("statistics-filters");
    if (form) setup(form);
  }

  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
