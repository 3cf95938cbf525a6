/* Accessible names for controls that render after page load (listed in html_js_files).
 *
 * jupyterquiz builds its questions in the browser: the numeric answer box sits next to a
 * <label class="InpLabel"> that is not tied to it (axe rule "label"), and a choice whose
 * text is only math has no text name. We watch the DOM, since quizzes render late, and
 * fix each control once. Nothing here changes how a quiz is marked.
 *
 * Two theme gaps too: the sidebar's expand/collapse <summary> holds only an icon (axe
 * "summary-name"), and a wide output that scrolls sideways must take keyboard focus
 * (axe "scrollable-region-focusable").
 */
(function () {
  "use strict";

  function nameNumeric(input) {
    var label = input.previousElementSibling;
    if (label && label.tagName === "LABEL" && input.id) {
      label.htmlFor = input.id;
    } else if (!input.hasAttribute("aria-label")) {
      input.setAttribute("aria-label", "Type numeric answer here");
    }
    input.setAttribute("inputmode", "decimal");
    input.setAttribute("autocomplete", "off");
  }

  function nameChoice(radio, index) {
    var label = radio.closest("label");
    var text = label ? label.textContent.replace(/\s+/g, " ").trim() : "";
    if (!text && !radio.hasAttribute("aria-label")) {
      radio.setAttribute("aria-label", "Choice " + (index + 1));
    }
  }

  function nameSummaries(root) {
    root.querySelectorAll("nav details > summary:not([data-a11y])").forEach(function (el) {
      el.setAttribute("data-a11y", "");
      if (el.textContent.trim()) return;
      var li = el.closest("li");
      var link = li && li.querySelector(":scope > a");
      var title = link ? link.textContent.replace(/\s+/g, " ").trim() : "";
      el.setAttribute("aria-label", title ? "Show or hide pages under " + title : "Show or hide pages");
    });
  }

  function focusScrollers() {
    document.querySelectorAll("mjx-container[display=true]:not([tabindex])").forEach(function (el) {
      if (el.scrollWidth > el.clientWidth + 1) el.setAttribute("tabindex", "0");
    });
    document.querySelectorAll(".bd-article .cell_output .output").forEach(function (el) {
      var scrolls = el.scrollWidth > el.clientWidth + 1;
      if (scrolls && !el.hasAttribute("tabindex")) {
        el.setAttribute("tabindex", "0");
        el.setAttribute("role", "region");
        el.setAttribute("aria-label", "Output, scrolls sideways");
      } else if (!scrolls && el.getAttribute("role") === "region") {
        el.removeAttribute("tabindex");
        el.removeAttribute("role");
        el.removeAttribute("aria-label");
      }
    });
  }

  function fix(root) {
    if (!root.querySelectorAll) return;
    nameSummaries(root);
    root.querySelectorAll(".Quiz input.Input-text:not([data-a11y])").forEach(function (el) {
      el.setAttribute("data-a11y", "");
      nameNumeric(el);
    });
    root.querySelectorAll(".Quiz input[type=radio]:not([data-a11y]), .Quiz input[type=checkbox]:not([data-a11y])")
      .forEach(function (el, i) {
        el.setAttribute("data-a11y", "");
        nameChoice(el, i);
      });
  }

  // Observer callbacks run as microtasks, before the next paint: cheap, as fixed nodes are skipped.
  new MutationObserver(function () { fix(document); }).observe(document.documentElement, { childList: true, subtree: true });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { fix(document); focusScrollers(); });
  } else {
    fix(document);
    focusScrollers();
  }
  window.addEventListener("load", function () {
    focusScrollers();
    if (window.MathJax && MathJax.startup && MathJax.startup.promise) {
      MathJax.startup.promise.then(focusScrollers);  // display math exists once typeset
    }
  });
  var resizeTimer;
  window.addEventListener("resize", function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(focusScrollers, 150);
  });
})();
