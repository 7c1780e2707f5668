/* Sortable tables for tables marked data-sortable.
 *
 * Written for this site instead of tablesort because values that are not
 * reported must sort last in both directions, and headers must be real
 * buttons with aria-sort for keyboard and screen-reader users. Cells sort on
 * their data-sort attribute when present (numbers for numeric columns, an
 * empty value meaning "not reported"), else on their text.
 */
(function () {
  "use strict";

  function sortKey(cell, numeric) {
    var raw = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
    if (raw === "") return null;
    if (numeric) {
      var value = Number(raw);
      return isNaN(value) ? null : value;
    }
    return raw.toLowerCase();
  }

  function sortRows(table, column, order) {
    var header = table.tHead.rows[0].cells[column];
    var numeric = header.getAttribute("data-type") === "number";
    var body = table.tBodies[0];
    var rows = Array.prototype.map.call(body.rows, function (row, position) {
      return { row: row, key: sortKey(row.cells[column], numeric), position: position };
    });
    var direction = order === "descending" ? -1 : 1;
    rows.sort(function (a, b) {
      if (a.key === null || b.key === null) {
        if (a.key === b.key) return a.position - b.position;
        return a.key === null ? 1 : -1; /* unknown last, whatever the direction */
      }
      var result = numeric ? a.key - b.key : a.key.localeCompare(b.key);
      return result !== 0 ? direction * result : a.position - b.position;
    });
    var fragment = document.createDocumentFragment();
    rows.forEach(function (item) { fragment.appendChild(item.row); });
    body.appendChild(fragment);
  }

  /* Sort by a column and mark it; `source` tells listeners whether a person asked for it. */
  function sortTable(table, column, order, source) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell, index) {
      if (index === column) cell.setAttribute("aria-sort", order);
      else cell.removeAttribute("aria-sort");
    });
    sortRows(table, column, order);
    table.dispatchEvent(new CustomEvent("mdc:sorted", { detail: { column: column, order: order, source: source || "user" } }));
  }

  function enhance(table) {
    if (table.getAttribute("data-sortable-ready") === "true" || !table.tHead || !table.tBodies.length) return;
    table.setAttribute("data-sortable-ready", "true");
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "mdc-sort";
      while (cell.firstChild) button.appendChild(cell.firstChild);
      /* the arrow is decoration: hidden from assistive technology, which reads aria-sort */
      var icon = document.createElement("span");
      icon.className = "mdc-sort-icon";
      icon.setAttribute("aria-hidden", "true");
      button.appendChild(icon);
      cell.appendChild(button);
      button.addEventListener("click", function () {
        var next = cell.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        sortTable(table, column, next, "user");
      });
    });
  }

  function enhanceAll() {
    Array.prototype.forEach.call(document.querySelectorAll("table[data-sortable]"), enhance);
  }

  window.mdcSortable = { enhance: enhance, enhanceAll: enhanceAll, sort: sortTable };
  if (typeof window.document$ !== "undefined") {
    /* Material's instant navigation swaps pages without a reload: run on every page. */
    window.document$.subscribe(enhanceAll);
  } else {
    document.addEventListener("DOMContentLoaded", enhanceAll);
  }
})();
