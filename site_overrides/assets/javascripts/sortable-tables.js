/* Sortable tables for tables marked data-sortable.
 *
 * Written for this site instead of tablesort because values that are not
 * reported must sort last in both directions, and headers must be real
 * buttons with aria-sort for keyboard and screen-reader users. Cells sort on
 * their data-sort attribute when present (numbers for numeric columns, an
 * empty value meaning "not reported"), else on their text.
 *
 * A page script may take over the sorting of a table (the statistics page
 * sorts its own row list so that 10,000 rows stay fast): it passes onSort to
 * enhance() and gets the same buttons and aria-sort handling.
 */
(function () {
  "use strict";

  /* The sort key of a cell's value: null for "not reported" (empty), a number in a numeric column. */
  function keyOfValue(raw, numeric) {
    if (raw === "") return null;
    if (numeric) {
      var value = Number(raw);
      return isNaN(value) ? null : value;
    }
    return raw.toLowerCase();
  }

  function sortKey(cell, numeric) {
    return keyOfValue(cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim(), numeric);
  }

  /* Unknown (null) keys last whatever the direction; ties keep their previous order. */
  function compare(a, b, numeric, direction) {
    if (a.key === null || b.key === null) {
      if (a.key === b.key) return a.position - b.position;
      return a.key === null ? 1 : -1;
    }
    var result = numeric ? a.key - b.key : (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
    return result !== 0 ? direction * result : a.position - b.position;
  }

  function isNumeric(table, column) {
    return table.tHead.rows[0].cells[column].getAttribute("data-type") === "number";
  }

  function sortRows(table, column, order) {
    var numeric = isNumeric(table, column);
    var body = table.tBodies[0];
    var rows = Array.prototype.map.call(body.rows, function (row, position) {
      return { row: row, key: sortKey(row.cells[column], numeric), position: position };
    });
    var direction = order === "descending" ? -1 : 1;
    rows.sort(function (a, b) { return compare(a, b, numeric, direction); });
    var fragment = document.createDocumentFragment();
    rows.forEach(function (item) { fragment.appendChild(item.row); });
    body.appendChild(fragment);
  }

  function markSorted(table, column, order) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell, index) {
      if (index === column) cell.setAttribute("aria-sort", order);
      else cell.removeAttribute("aria-sort");
    });
  }

  /* Sort by a column and mark it; `source` tells listeners whether a person asked for it. */
  function sortTable(table, column, order, source) {
    markSorted(table, column, order);
    if (table.mdcOnSort) table.mdcOnSort(column, order);
    else sortRows(table, column, order);
    table.dispatchEvent(new CustomEvent("mdc:sorted", { detail: { column: column, order: order, source: source || "user" } }));
  }

  function enhance(table, options) {
    if (options && options.onSort) table.mdcOnSort = options.onSort;
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
    Array.prototype.forEach.call(document.querySelectorAll("table[data-sortable]"), function (table) {
      /* the statistics table is enhanced by its own script, with its own sorting */
      if (!table.hasAttribute("data-sortable-external")) enhance(table);
    });
  }

  window.mdcSortable = {
    enhance: enhance,
    enhanceAll: enhanceAll,
    sort: sortTable,
    markSorted: markSorted,
    sortKey: sortKey,
    keyOfValue: keyOfValue,
    compare: compare,
    isNumeric: isNumeric
  };
  if (typeof window.document$ !== "undefined") {
    /* Material's instant navigation swaps pages without a reload: run on every page. */
    window.document$.subscribe(enhanceAll);
  } else {
    document.addEventListener("DOMContentLoaded", enhanceAll);
  }
})();
