/* Accessible names for controls that render after page load (listed in html_js_files).
 *
 * jupyterquiz builds its questions in the browser: the numeric answer box sits next to a
 * <label class="InpLabel"> that is not tied to it (axe rule "label"), and a choice whose
 * text is only math has no text name. We watch the DOM, since quizzes render late, and
 * fix each control once. Nothing here changes how a quiz is marked.
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

  function fix(root) {
    if (!root.querySelectorAll) return;
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
    document.addEventListener("DOMContentLoaded", function () { fix(document); });
  } else {
    fix(document);
  }
})();
