/* The compare page: 2 to 4 datasets from the address (?d=a,b,c), side by side.
 * Each dataset's rows come from its own small file (datasets/<slug>/compare.json);
 * a slug that is not a well-formed slug, or has no file, is named on the page as not
 * in the catalog. Everything from the address or the files is written as text. */
(function () {
  "use strict";

  /* compare-list.js, loaded first, holds the limit and the slug pattern */
  var MAX = window.mdcCompareList.MAX;
  var SLUG = window.mdcCompareList.SLUG;
  var STATES = { confirmed: "confirmed", corrected: "corrected", unconfirmed: "unconfirmed" };

  function requested() {
    var raw = new URLSearchParams(location.search).get("d") || "";
    var seen = {};
    return raw.split(",").map(function (s) { return s.trim(); }).filter(function (s) {
      if (!s || seen[s]) return false;
      seen[s] = true;
      return true;
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function load(base, slug) {
    if (!SLUG.test(slug)) return Promise.resolve(null);
    /* the folder and the file name come from the page (generator/urls.py); only the slug is added here */
    return fetch(base + slug + "/" + file)
      .then(function (response) { return response.ok ? response.json() : null; })
      .catch(function () { return null; });
  }

  function table(records, base) {
    var tableNode = element("table", "mdc-compare-table");
    tableNode.appendChild(element("caption", "", "The datasets compared, field by field; highlighted rows differ."));
    var head = tableNode.createTHead().insertRow();
    var corner = element("th", "", "Field");
    corner.setAttribute("scope", "col");
    head.appendChild(corner);
    records.forEach(function (record) {
      var th = element("th");
      th.setAttribute("scope", "col");
      var link = element("a", "", record.name);
      link.setAttribute("href", base + record.slug + "/");
      th.appendChild(link);
      head.appendChild(th);
    });
    var body = tableNode.createTBody();
    records[0].rows.forEach(function (first, index) {
      var tr = body.insertRow();
      var label = element("th", "", first[0]);
      label.setAttribute("scope", "row");
      tr.appendChild(label);
      var values = records.map(function (record) { return record.rows[index]; });
      var differs = values.some(function (row) { return row[1] !== values[0][1]; });
      if (differs) tr.className = "mdc-differs";
      values.forEach(function (row) {
        var td = element("td");
        td.appendChild(element("span", "mdc-compare-value", row[1]));
        if (row[2] && STATES[row[2]]) {
          /* the state is a mark of its own on its own line, not words that run on after the value */
          var mark = element("span", "mdc-state-mark mdc-state-" + STATES[row[2]], STATES[row[2]]);
          mark.setAttribute("title", "State of this figure: " + STATES[row[2]]);
          td.appendChild(mark);
        }
        tr.appendChild(td);
      });
    });
    return tableNode;
  }

  /* The pickers show the datasets compared (not the names asked for, some of which may not exist). */
  var shown = [];

  function syncPicker() {
    Array.prototype.forEach.call(form.querySelectorAll("select"), function (select, n) {
      if (select.options.length > 1) select.value = shown[n] || "";
    });
  }

  function fillPicker(form) {
    fetch(form.getAttribute("data-rows"))
      .then(function (response) { return response.json(); })
      .then(function (data) {
        var slugAt = data.fields.indexOf("slug");
        var nameAt = data.fields.indexOf("name");
        var selects = form.querySelectorAll("select");
        Array.prototype.forEach.call(selects, function (select, n) {
          data.rows.forEach(function (row) {
            var option = element("option", "", row[nameAt]);
            option.value = row[slugAt];
            select.appendChild(option);
          });
        });
        syncPicker();
        form.setAttribute("data-ready", "true");
      });
    form.addEventListener("change", function () {
      var chosen = [];
      Array.prototype.forEach.call(form.querySelectorAll("select"), function (select) {
        if (select.value && chosen.indexOf(select.value) < 0) chosen.push(select.value);
      });
      var url = location.pathname + (chosen.length ? "?d=" + chosen.join(",") : "");
      history.pushState(null, "", url);
      show();
    });
  }

  var form, result, unknown, hint, offer, base, file;

  /* At most this many names are looked up from one address: a long list of names
     cannot make the page fetch without end. */
  var LOOKED_UP = 12;

  /* Each show() is numbered: the answer of one the reader has moved on from (by choosing
     again, or going back) arrives late and must not replace the newer view. */
  var generation = 0;

  function show() {
    var slugs = requested();
    var asked = slugs.slice(0, LOOKED_UP);
    var mine = ++generation;
    Promise.all(asked.map(function (slug) { return load(base, slug); })).then(function (found) {
      if (mine !== generation) return;
      var known = found.filter(Boolean);
      var records = known.slice(0, MAX);
      var missing = asked.filter(function (slug, i) { return !found[i]; });
      var extra = known.slice(MAX).map(function (r) { return r.slug; }).concat(slugs.slice(LOOKED_UP));
      var notes = [];
      if (missing.length) notes.push("Not in the catalog: " + missing.join(", ") + ".");
      if (extra.length) notes.push("Only " + MAX + " datasets are compared at once; left out: " + extra.join(", ") + ".");
      unknown.textContent = notes.join(" ");
      unknown.hidden = notes.length === 0;
      result.replaceChildren();
      hint.hidden = records.length >= 2;
      if (records.length >= 2) result.appendChild(table(records, base));
      result.setAttribute("data-compared", records.map(function (r) { return r.slug; }).join(","));
      shown = records.map(function (r) { return r.slug; });
      syncPicker();
      offerList(records.length < 2);
    });
  }

  /* With fewer than two datasets in the address, the comparison list this browser keeps
     (collected on dataset pages and in the statistics table) is offered as a link. */
  function offerList(wanted) {
    var lists = window.mdcCompareList;
    var list = wanted ? lists.read() : []; /* empty where storage is refused */
    offer.replaceChildren();
    offer.hidden = list.length < 2;
    if (offer.hidden) return;
    offer.appendChild(document.createTextNode("Your comparison list: " + list.map(function (item) { return item.name; }).join(", ") + ". "));
    var link = element("a", "", "Compare these " + list.length);
    link.setAttribute("href", lists.href(location.pathname, list));
    offer.appendChild(link);
  }

  function init() {
    form = document.getElementById("compare-picker");
    if (!form || form.hasAttribute("data-started")) return;
    form.setAttribute("data-started", "true");
    result = document.getElementById("compare-result");
    unknown = document.getElementById("compare-unknown");
    hint = document.getElementById("compare-hint");
    offer = document.getElementById("compare-offer");
    base = form.getAttribute("data-datasets");
    file = form.getAttribute("data-file");
    fillPicker(form);
    window.addEventListener("popstate", show);
    show();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
