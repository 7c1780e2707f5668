/* Filters, shareable views, paging and downloads for the statistics table.
 *
 * The HTML holds the first rows of the table (all of them in a small catalog),
 * readable without JavaScript; a page of 10,000 rows took a browser 20 s to
 * parse. This script loads every row from data/statistics-rows.json (the
 * build's own table rows), computes the view (filters, then order) on that
 * list, and builds only the rows it shows, exactly as the build writes them
 * (a browser test compares the two), with buttons to show more.
 *
 * The view lives in the address: opening a link restores it, every change
 * adds a history entry, and back/forward restore the previous view. The text
 * filter's key is `text`: `q` is Material's search deep link (an inline script
 * in main.html renames an incoming `q` before Material reads it). Downloads
 * join the CSV lines and BibTeX entries that the build wrote to
 * data/statistics-downloads.json, so they equal the published exports.
 */
(function () {
  "use strict";

  var SELECTS = ["origin", "category", "modality", "task", "access", "commercial", "format", "unit", "dimensionality", "split", "loader"];
  var KEYS = SELECTS.concat(["text", "sort", "order"]);
  var ORDERS = { asc: "ascending", desc: "descending" };

  function readState(search) {
    var params = new URLSearchParams(search);
    var state = {};
    KEYS.forEach(function (key) { state[key] = (params.get(key) || "").trim(); });
    return state;
  }

  function stateQuery(state) {
    var params = new URLSearchParams();
    KEYS.forEach(function (key) { if (state[key]) params.set(key, state[key]); });
    var query = params.toString();
    return query ? "?" + query : "";
  }

  /* The cells of a row as the build writes them: text (null: not reported), the
     data-sort value when the cell has one, a link, a "corrected" mark. Sort keys
     are read from the same description, so they equal what the cells would give. */
  function cellsOf(d, titles, datasets) {
    var title = titles[d.category];
    return [
      { text: d.name, sort: d.name.toLowerCase(), href: datasets + d.slug + "/", pick: d.slug, version: d.version },
      { text: d.origin_label },
      { text: title, sort: title.toLowerCase() },
      { text: d.modality },
      { text: d.target, sort: d.target ? undefined : "" },
      { text: d.frame, sort: d.frame_key, corrected: d.corrected_frame },
      { text: d.images, sort: d.images_key, corrected: d.corrected_images },
      { text: d.classes, sort: d.classes_key, corrected: d.corrected_classes },
      { text: d.tasks },
      { text: d.access_label, sort: d.access_label ? undefined : "" },
      { text: d.license, sort: d.license ? undefined : "" },
      { text: d.commercial, sort: d.commercial === "unknown" ? "" : undefined },
      { text: d.subjects, sort: d.subjects_key },
      { text: d.cited_by, sort: d.cited_by_key }
    ];
  }

  /* What sortable-tables.js would read from the built cell: its data-sort, else its text. */
  function specKey(spec, numeric, unknownText) {
    var raw = spec.sort !== undefined ? String(spec.sort) : (spec.text === null ? unknownText : spec.text).trim();
    return window.mdcSortable.keyOfValue(raw, numeric);
  }

  /* Rows already loaded, by address: instant navigation (and back/forward through
     it) rebuilds the page, and must not wait for the file again. */
  var loadedRows = {};

  function setup(form) {
    if (form.hasAttribute("data-ready")) return;
    var table = document.getElementById("statistics-table");
    var source = new URL(table.getAttribute("data-rows"), location.href).href;
    if (loadedRows[source]) {
      start(form, table, loadedRows[source]);
      return;
    }
    form.setAttribute("data-ready", "loading");
    fetch(source)
      .then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + response.url);
        return response.json();
      })
      .then(function (data) {
        loadedRows[source] = data;
        if (document.body.contains(form)) start(form, table, data);
      })
      .catch(function (error) {
        /* the rows of the HTML stay, without filters */
        form.setAttribute("data-ready", "failed");
        console.warn("statistics rows could not be loaded:", error);
      });
  }

  function start(form, table, data) {
    form.setAttribute("data-ready", "true");
    var body = table.tBodies[0];
    var results = document.getElementById("statistics-results");
    var count = document.getElementById("statistics-count");
    var more = document.getElementById("statistics-more");
    var partial = document.getElementById("statistics-partial");
    var search = document.getElementById("filter-text");
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var keys = headers.map(function (th) { return th.getAttribute("data-key"); });
    var datasets = table.getAttribute("data-datasets");
    var unknownText = table.getAttribute("data-unknown");
    var PAGE = Number(table.getAttribute("data-page-rows")) || 100;
    var records = data.rows.map(function (values, position) {
      var d = {};
      data.fields.forEach(function (field, index) { d[field] = values[index]; });
      return {
        data: d,
        row: null,
        cells: null,
        position: position,
        slug: d.slug,
        origin: d.origin,
        unit: d.unit,
        dimensionality: d.dimensionality,
        category: d.category,
        modality: d.modality.toLowerCase(),
        tasks: d.tasks_attr.split(" "),
        access: d.access,
        commercial: d.commercial_slug,
        formats: d.formats_attr ? d.formats_attr.split("|") : [],
        split: d.split,
        loader: d.loader,
        search: d.search,
        keys: {}
      };
    });

    function cells(record) {
      if (!record.cells) record.cells = cellsOf(record.data, data.category_titles, datasets);
      return record.cells;
    }

    function buildRow(record) {
      var d = record.data;
      var tr = document.createElement("tr");
      tr.setAttribute("data-slug", d.slug);
      tr.setAttribute("data-origin", d.origin);
      tr.setAttribute("data-unit", d.unit);
      tr.setAttribute("data-dimensionality", d.dimensionality);
      tr.setAttribute("data-category", d.category);
      tr.setAttribute("data-modality", d.modality);
      tr.setAttribute("data-tasks", d.tasks_attr);
      tr.setAttribute("data-access", d.access);
      tr.setAttribute("data-commercial", d.commercial_slug);
      tr.setAttribute("data-formats", d.formats_attr);
      tr.setAttribute("data-split", d.split);
      tr.setAttribute("data-loader", d.loader);
      tr.setAttribute("data-search", d.search);
      cells(record).forEach(function (spec) {
        var td = document.createElement("td");
        if (spec.sort !== undefined) td.setAttribute("data-sort", String(spec.sort));
        if (spec.text === null) {
          td.className = "mdc-unknown";
          td.textContent = unknownText;
        } else if (spec.href) {
          if (spec.pick) {
            /* the same box as the HTML's rows: a browser test compares both */
            var box = document.createElement("input");
            box.setAttribute("type", "checkbox");
            box.setAttribute("class", "mdc-pick");
            box.setAttribute("value", spec.pick);
            box.setAttribute("aria-label", "Compare " + spec.text);
            box.checked = picked.indexOf(spec.pick) >= 0;
            td.appendChild(box);
            td.appendChild(document.createTextNode(" "));
          }
          var link = document.createElement("a");
          link.setAttribute("href", spec.href);
          link.textContent = spec.text;
          td.appendChild(link);
          if (spec.version) {
            var tag = document.createElement("span");
            tag.className = "mdc-version-tag";
            tag.textContent = spec.version;
            td.appendChild(document.createTextNode(" "));
            td.appendChild(tag);
          }
        } else {
          td.textContent = spec.text;
        }
        if (spec.corrected) {
          var sup = document.createElement("sup");
          sup.setAttribute("title", "corrected");
          sup.textContent = "*";
          td.appendChild(sup);
        }
        tr.appendChild(td);
      });
      return tr;
    }

    function rowOf(record) {
      if (!record.row) record.row = buildRow(record);
      return record.row;
    }

    var view = records;
    var limit = PAGE;
    var sort = null; /* {column, order} */
    var restoring = false;

    function keyOf(record, column, numeric) {
      if (!(column in record.keys)) record.keys[column] = specKey(cells(record)[column], numeric, unknownText);
      return record.keys[column];
    }

    function matches(record, state) {
      if (state.origin && record.origin !== state.origin) return false;
      if (state.category && record.category !== state.category) return false;
      if (state.modality && record.modality !== state.modality.toLowerCase()) return false;
      if (state.task && record.tasks.indexOf(state.task) < 0) return false;
      if (state.access && record.access !== state.access) return false;
      if (state.commercial && record.commercial !== state.commercial) return false;
      if (state.format && record.formats.indexOf(state.format) < 0) return false;
      if (state.unit && record.unit !== state.unit) return false;
      if (state.dimensionality && record.dimensionality !== state.dimensionality) return false;
      if (state.split && record.split !== state.split) return false;
      if (state.loader && record.loader !== state.loader) return false;
      if (state.text && record.search.indexOf(state.text.toLowerCase()) < 0) return false;
      return true;
    }

    /* Every record in the current sort order, sorted once per column and
       direction: a filter then keeps that order instead of sorting again
       (the comparison ends on the original position, so both give the
       same order). At 10,000 rows sorting the filtered rows again was most
       of a filter's script time. */
    var sortedOrders = {};

    function sortedRecords() {
      if (!sort) return records;
      var name = sort.column + " " + sort.order;
      if (!sortedOrders[name]) {
        var numeric = window.mdcSortable.isNumeric(table, sort.column);
        var direction = sort.order === "descending" ? -1 : 1;
        var decorated = records.map(function (record) {
          return { record: record, key: keyOf(record, sort.column, numeric), position: record.position };
        });
        decorated.sort(function (a, b) { return window.mdcSortable.compare(a, b, numeric, direction); });
        sortedOrders[name] = decorated.map(function (item) { return item.record; });
      }
      return sortedOrders[name];
    }

    function computeView(state) {
      view = sortedRecords().filter(function (record) { return matches(record, state); });
    }

    /* The page arrives with its first rows already in the HTML: the first render keeps them
       when they are exactly the rows to show, instead of building the same rows again (which
       cost the first load a long task of style and layout). */
    var firstRender = true;

    function htmlRowsAre(records, shown) {
      if (body.rows.length !== shown) return false;
      for (var i = 0; i < shown; i += 1) {
        if (body.rows[i].getAttribute("data-slug") !== records[i].slug) return false;
      }
      return true;
    }

    function render() {
      var shown = Math.min(limit, view.length);
      var keep = firstRender && htmlRowsAre(view, shown);
      firstRender = false;
      if (!keep) {
        var fragment = document.createDocumentFragment();
        for (var i = 0; i < shown; i += 1) fragment.appendChild(rowOf(view[i]));
        body.replaceChildren(fragment);
      }
      tickRows();
      count.textContent = view.length + " of " + records.length + " datasets" +
        (shown < view.length ? " (showing the first " + shown + ")" : "");
      more.hidden = shown >= view.length;
      document.getElementById("statistics-more-count").textContent = String(Math.min(PAGE, view.length - shown));
      document.getElementById("statistics-all-count").textContent = String(view.length);
    }

    function formState() {
      var state = {};
      SELECTS.forEach(function (key) { state[key] = form.elements[key].value; });
      state.text = search.value.trim();
      state.sort = sort ? keys[sort.column] : "";
      state.order = sort ? (sort.order === "descending" ? "desc" : "asc") : "";
      return state;
    }

    function update() {
      limit = PAGE;
      computeView(formState());
      render();
    }

    function applyState(state) {
      restoring = true;
      SELECTS.forEach(function (key) {
        var select = form.elements[key];
        var option = Array.prototype.filter.call(select.options, function (o) {
          return o.value.toLowerCase() === state[key].toLowerCase();
        })[0];
        select.value = option ? option.value : "";
      });
      search.value = state.text;
      var column = keys.indexOf(state.sort);
      if (column >= 0) {
        sort = { column: column, order: ORDERS[state.order] || "ascending" };
        window.mdcSortable.markSorted(table, sort.column, sort.order);
      } else {
        sort = null;
        headers.forEach(function (th) { th.removeAttribute("aria-sort"); });
      }
      update();
      restoring = false;
    }

    /* The address follows the table once the new rows are on screen: in
       Chromium a pushState took from 3 to 45 ms, and the rows waited for it.
       A change made before the address caught up writes the pending address
       first, so every change keeps its own history entry. */
    var pending = null;

    function writeAddress() {
      if (!pending) return;
      var next = pending;
      pending = null;
      if (location.pathname !== next.path) return; /* the reader has left the page meanwhile */
      if (next.url === location.pathname + location.search + location.hash) return;
      if (next.replace) history.replaceState(history.state, "", next.url);
      else history.pushState(history.state, "", next.url);
    }

    function record(replace) {
      if (restoring) return;
      writeAddress();
      update();
      pending = { url: location.pathname + stateQuery(formState()) + location.hash, replace: replace, path: location.pathname };
      requestAnimationFrame(function () { setTimeout(writeAddress, 0); });
      setTimeout(writeAddress, 100); /* where frames are paused (a hidden tab) */
    }

    /* Rows ticked for the compare page, in the order ticked (at most four). Where the
       browser keeps the comparison list (compare-list.js), the ticks are that list: rows
       added from dataset pages arrive ticked, and ticks made here reach those pages. */
    var MAX_PICKED = window.mdcCompareList.MAX;
    var compareList = window.mdcCompareList.available() ? window.mdcCompareList : null;
    var names = {};
    records.forEach(function (record) { names[record.slug] = record.data.name; });
    function inCatalog(slugs) {
      return slugs.filter(function (slug) { return names.hasOwnProperty(slug); }).slice(0, MAX_PICKED);
    }
    var picked = compareList ? inCatalog(compareList.slugs(compareList.read())) : [];
    var compareLink = document.getElementById("compare-selected");
    var compareCount = document.getElementById("compare-selected-count");
    var compareClear = document.getElementById("compare-clear");

    function tickRows() {
      Array.prototype.forEach.call(body.querySelectorAll("input.mdc-pick"), function (box) {
        box.checked = picked.indexOf(box.value) >= 0;
      });
    }

    function showPicked(note) {
      var ready = picked.length >= 2;
      compareLink.setAttribute("aria-disabled", ready ? "false" : "true");
      compareLink.setAttribute("href", compareLink.getAttribute("data-compare") + (picked.length ? "?d=" + picked.join(",") : ""));
      compareCount.textContent = note || (picked.length ? picked.length + " selected" + (ready ? "" : "; tick one more") : "Tick 2 to 4 rows to compare them.");
      compareClear.hidden = picked.length === 0;
    }

    function savePicked() {
      if (compareList) compareList.replace(picked.map(function (slug) { return { slug: slug, name: names[slug] }; }));
    }

    if (compareList) {
      compareList.onChange(function (list) {
        picked = inCatalog(compareList.slugs(list));
        tickRows();
        showPicked();
      });
    }

    table.addEventListener("change", function (event) {
      var box = event.target;
      if (!box.classList || !box.classList.contains("mdc-pick")) return;
      var at = picked.indexOf(box.value);
      if (box.checked && at < 0) {
        if (picked.length >= MAX_PICKED) {
          box.checked = false;
          showPicked("At most " + MAX_PICKED + " datasets can be compared at once.");
          return;
        }
        picked.push(box.value);
      } else if (!box.checked && at >= 0) {
        picked.splice(at, 1);
      }
      savePicked();
      showPicked();
    });
    compareClear.addEventListener("click", function () {
      picked = [];
      savePicked();
      tickRows();
      showPicked();
      compareLink.focus();
    });
    compareLink.addEventListener("click", function (event) {
      if (picked.length < 2) event.preventDefault();
    });

    window.mdcSortable.enhance(table, {
      onSort: function (column, order) { sort = { column: column, order: order }; }
    });
    form.hidden = false;
    results.hidden = false;
    if (partial) partial.hidden = true;

    /* A text search is one history entry: its first keystroke pushes an entry, the
       following ones replace it, so Back returns to the table as it was before the
       search and Forward to the search. Any other change starts a new entry. */
    var searchEntry = false;
    form.addEventListener("change", function (event) {
      if (event.target === search) return; /* a search box's change repeats its input */
      searchEntry = false;
      record(false);
    });
    search.addEventListener("input", function () {
      record(searchEntry);
      searchEntry = true;
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); record(false); });
    table.addEventListener("mdc:sorted", function (event) {
      if (event.detail.source === "user") {
        searchEntry = false;
        record(false);
      }
    });
    document.getElementById("filter-reset").addEventListener("click", function () {
      searchEntry = false;
      applyState(readState(""));
      record(false);
    });
    document.getElementById("statistics-show-more").addEventListener("click", function () {
      limit += PAGE;
      render();
    });
    document.getElementById("statistics-show-all").addEventListener("click", function () {
      limit = view.length;
      render();
    });
    window.addEventListener("popstate", function () {
      pending = null; /* the reader went back or forward: that address wins */
      searchEntry = false;
      if (document.body.contains(table)) applyState(readState(location.search));
    });
    document.getElementById("download-csv").addEventListener("click", function () { download("csv"); });
    document.getElementById("download-bibtex").addEventListener("click", function () { download("bibtex"); });

    /* Downloads give every row of the view (all pages), in its order. */
    function download(kind) {
      var slugs = view.map(function (item) { return item.slug; });
      fetch(form.getAttribute("data-downloads"))
        .then(function (response) { return response.json(); })
        .then(function (data) {
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

    window.mdcStatistics = { records: records, view: function () { return view; }, buildRow: buildRow };
    applyState(readState(location.search));
    showPicked();
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
