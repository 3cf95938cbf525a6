/* Working navigation buttons (listed in html_js_files).
 *
 * pydata-sphinx-theme 0.17 renders its own header (#pst-header) with a ☰ and a contents
 * button, and wires only the FIRST element with class .primary-toggle / .secondary-toggle
 * (document.querySelector). sphinx-book-theme 1.3 renders the buttons a reader actually sees
 * in the article header, with the same classes, so they get no handler: ☰ is dead on a phone,
 * the contents button too, and on desktop ☰ does not collapse the sidebar (upstream
 * pydata-sphinx-theme issue 2451). course.css hides the empty theme header; here every other
 * toggle forwards its click to the wired one, so both themes' own code (the navigation dialog
 * on narrow screens, the collapsing sidebar on wide ones) does the work.
 */
(function () {
  "use strict";

  function forward(selector) {
    var all = document.querySelectorAll(selector);
    var wired = all[0];
    if (!wired) return;
    Array.prototype.slice.call(all, 1).forEach(function (button) {
      if (button.hasAttribute("data-relsell-nav")) return;
      button.setAttribute("data-relsell-nav", "");
      button.addEventListener("click", function (event) {
        event.preventDefault();
        event.stopPropagation();
        wired.click();
        button.blur();  // or its tooltip stays up over the dialog
      });
    });
  }

  function setup() {
    forward(".primary-toggle");
    forward(".secondary-toggle");
    // Name the buttons for what they do (the theme's titles say "Toggle … sidebar").
    document.querySelectorAll(".bd-header-article .primary-toggle").forEach(function (b) {
      b.setAttribute("aria-label", "Site navigation");
    });
    document.querySelectorAll(".bd-header-article .secondary-toggle").forEach(function (b) {
      b.setAttribute("aria-label", "Contents of this page");
    });
    // A link followed inside the navigation dialog closes it, so the page it opens (or the
    // section it jumps to) is not hidden behind the dialog.
    document.querySelectorAll("dialog[id^=pst-][id$=-sidebar-modal]").forEach(function (dialog) {
      dialog.addEventListener("click", function (event) {
        var link = event.target.closest && event.target.closest("a[href]");
        if (link && dialog.open) dialog.close();
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
