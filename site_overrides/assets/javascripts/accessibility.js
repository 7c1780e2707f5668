/* Material's search overlay has role="dialog" but no accessible name, which screen
 * readers announce as an unnamed dialog (axe rule aria-dialog-name). Name it. The
 * header is not swapped by instant navigation, so once at load is enough. */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll('.md-search[role="dialog"]:not([aria-label])'), function (dialog) {
    dialog.setAttribute("aria-label", "Search the site");
  });
})();
