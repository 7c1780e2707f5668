/* The comparison list: up to four datasets a reader collects from dataset pages and
 * the statistics table, kept in this browser (localStorage) until they open the
 * compare page with them.
 *
 * What is stored is checked again on every read (the slug pattern, a name of bounded
 * length, at most four, no repeats), so an entry written by hand or by an older version
 * of the site is dropped instead of shown. Names and slugs reach the page only as text.
 * Where storage is refused (blocked, or a private mode that throws), the list is off:
 * dataset pages keep their plain link to the compare page and the statistics table's
 * ticks last as long as the page.
 */
(function () {
  "use strict";

  var KEY = "mdc-compare-list";
  /* How many datasets are compared at once, and what a slug looks like: the compare page
     and the statistics table read both from here (this script loads before theirs). */
  var MAX = 4;
  var SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var NAME_LENGTH = 200;
  var listeners = [];

  function storage() {
    try {
      var store = window.localStorage;
      store.getItem(KEY);
      return store;
    } catch (error) {
      return null;
    }
  }

  /* The entries worth keeping, in order: well-formed, distinct, at most MAX. */
  function clean(value) {
    var seen = {};
    var list = [];
    if (!Array.isArray(value)) return list;
    value.forEach(function (item) {
      if (list.length >= MAX || !item || typeof item.slug !== "string" || typeof item.name !== "string") return;
      if (item.slug.length > 100 || !SLUG.test(item.slug) || seen[item.slug]) return;
      seen[item.slug] = true;
      list.push({ slug: item.slug, name: item.name.slice(0, NAME_LENGTH) });
    });
    return list;
  }

  function read() {
    var store = storage();
    if (!store) return [];
    try {
      return clean(JSON.parse(store.getItem(KEY) || "[]"));
    } catch (error) {
      return [];
    }
  }

  function notify() {
    var list = read();
    listeners.forEach(function (listener) { listener(list); });
  }

  function write(list) {
    var store = storage();
    if (!store) return false;
    try {
      store.setItem(KEY, JSON.stringify(clean(list)));
    } catch (error) {
      return false;
    }
    notify();
    return true;
  }

  function slugs(list) {
    return list.map(function (item) { return item.slug; });
  }

  /* Adds a dataset at the end; false when the list is full or cannot be stored. */
  function add(slug, name) {
    var list = read();
    if (slugs(list).indexOf(slug) >= 0) return true;
    if (list.length >= MAX) return false;
    list.push({ slug: slug, name: name });
    return write(list);
  }

  function remove(slug) {
    return write(read().filter(function (item) { return item.slug !== slug; }));
  }

  /* The compare page's address for these datasets (the page's own address comes from the build). */
  function href(page, list) {
    return page + (list.length ? "?d=" + slugs(list).join(",") : "");
  }

  /* Another tab changed the list: show it here too. */
  window.addEventListener("storage", function (event) {
    if (event.key === KEY || event.key === null) notify();
  });

  window.mdcCompareList = {
    MAX: MAX,
    SLUG: SLUG,
    available: function () { return storage() !== null; },
    read: read,
    slugs: slugs,
    add: add,
    remove: remove,
    clear: function () { return write([]); },
    replace: write,
    href: href,
    onChange: function (listener) { listeners.push(listener); }
  };

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* A dataset page: a button that adds the dataset to the list or takes it out, and
     the list as it stands, with a link that compares it once it holds two. */
  function mountDatasetButton(box) {
    if (box.hasAttribute("data-ready")) return;
    if (!window.mdcCompareList.available()) {
      box.hidden = true; /* the link above it still opens the compare page */
      return;
    }
    box.setAttribute("data-ready", "true");
    var slug = box.getAttribute("data-slug");
    var name = box.getAttribute("data-name");
    var page = box.getAttribute("data-compare");
    var button = box.querySelector(".mdc-compare-toggle");
    var status = box.querySelector(".mdc-compare-status");

    function show(list) {
      var inList = slugs(list).indexOf(slug) >= 0;
      var full = !inList && list.length >= MAX;
      button.textContent = inList ? "Remove from comparison" : "Add to comparison";
      button.disabled = full;
      var parts = [];
      if (list.length) {
        parts.push(document.createTextNode("Comparison list (" + list.length + " of " + MAX + "): " +
          list.map(function (item) { return item.name; }).join(", ") + ". "));
        if (full) parts.push(document.createTextNode("The list is full; take one out to add " + name + ". "));
        if (list.length >= 2) {
          var open = element("a", "mdc-compare-open", "Compare these " + list.length);
          open.setAttribute("href", href(page, list));
          parts.push(open, document.createTextNode(" "));
        } else {
          parts.push(document.createTextNode("Add another from its page or from the statistics table. "));
        }
        var clear = element("button", "mdc-compare-clear", "Clear the list");
        clear.type = "button";
        clear.addEventListener("click", function () {
          window.mdcCompareList.clear();
          button.focus();
        });
        parts.push(clear);
      }
      status.replaceChildren.apply(status, parts);
    }

    button.addEventListener("click", function () {
      if (slugs(read()).indexOf(slug) >= 0) remove(slug);
      else add(slug, name);
    });
    window.mdcCompareList.onChange(show);
    show(read());
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".mdc-compare-basket[data-slug]"), mountDatasetButton);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
