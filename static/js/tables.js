/* Wide tables on a phone (listed in html_js_files).
 *
 * A table wider than the text column scrolls inside its box, so on a phone its last columns
 * are out of sight and many readers never find them (the course map, chapter 4's ABC table).
 * Each cell gets its column's name (data-label), and a table that does not fit is marked
 * relsell-stacked: course.css then shows it one block per row on narrow screens, every value
 * beside its column name. On a wide screen nothing changes.
 */
(function () {
  "use strict";

  function label(table) {
    var head = table.tHead && table.tHead.rows[0];
    if (!head) return false;
    var names = Array.prototype.map.call(head.cells, function (th) {
      return th.textContent.replace(/\s+/g, " ").trim();
    });
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        Array.prototype.forEach.call(row.cells, function (cell, i) {
          if (names[i] && !cell.hasAttribute("data-label")) cell.setAttribute("data-label", names[i]);
          if (!cell.textContent.trim()) cell.classList.add("relsell-empty");
        });
      });
    });
    return true;
  }

  function check() {
    document.querySelectorAll(".bd-article table").forEach(function (table) {
      if (table.closest(".Quiz, .relsell-roleplay") || !label(table)) return;
      table.classList.remove("relsell-stacked");
      var box = table.parentElement;
      var narrow = window.matchMedia("(max-width: 600px)").matches;
      if (narrow && (table.scrollWidth > box.clientWidth + 1 || table.offsetWidth > document.documentElement.clientWidth)) {
        table.classList.add("relsell-stacked");
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", check);
  } else {
    check();
  }
  var timer;
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(check, 150);
  });
})();
