/* Instructor guide: turn the nbgitpuller list into real links for the hub the reader types.
 *
 * The generated links use a placeholder hub address; nothing is stored or sent. Runs only
 * on a page that has the form (book/instructor_guide.md).
 */
(function () {
  "use strict";
  var PLACEHOLDER = "https://hub.example.edu";

  function update(input) {
    var hub = input.value.trim().replace(/\/+$/, "");
    var valid = /^https?:\/\/[^\s/]+/.test(hub);
    document.querySelectorAll("code.relsell-hub-link").forEach(function (code) {
      if (!code.dataset.template) code.dataset.template = code.textContent;
      var url = (valid ? hub : PLACEHOLDER) + code.dataset.template.slice(PLACEHOLDER.length);
      code.textContent = "";
      if (valid) {
        var a = document.createElement("a");
        a.href = url;
        a.textContent = url;
        code.appendChild(a);
      } else {
        code.textContent = url;
      }
    });
  }

  function start() {
    var input = document.getElementById("relsell-hub-url");
    if (!input) return;
    input.addEventListener("input", function () { update(input); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
