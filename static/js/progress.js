/* Quiz progress kept in this browser only (listed in html_js_files, loaded on every page).
 *
 * Why: self-learners want to see which chapters they have checked themselves on, without
 * accounts or servers. Results go to localStorage under one key and never leave the
 * browser. relsell.quiz.show() marks each quiz with <p class="relsell-quiz-intro"
 * data-chapter data-ids>; jupyterquiz then renders one .Quiz block per question and
 * flips the class of its .Feedback element to "correct" or "incorrect" on each answer.
 * We watch those flips. A question counts as done when it is answered correctly
 * (for a many-answer question: all correct options chosen), and as "first try" if no
 * wrong answer came before. The progress page (book/progress.md) reads the same key.
 *
 * Role-plays are static <details> (they play with no script at all). When a reader opens a
 * reply whose own content is an ending (<p class="rp-outcome" data-ending data-result>), the
 * ending is noted under a second key: {roleplayId: {endings: {nodeId: result}}}.
 */
(function () {
  "use strict";

  var KEY = "relsell.progress.v1";
  var ROLEPLAY_KEY = "relsell.roleplays.v1";
  var RANK = { success: 3, partial: 2, failure: 1 };
  var WORDS = { success: "best", partial: "partial", failure: "poor" };

  function load(key) {
    try {
      var data = JSON.parse(window.localStorage.getItem(key || KEY) || "{}");
      return data && typeof data === "object" && !Array.isArray(data) ? data : {};
    } catch (e) {
      return {};  // storage blocked (private mode) or a corrupt value: start afresh
    }
  }

  function save(data, key) {
    try {
      window.localStorage.setItem(key || KEY, JSON.stringify(data));
    } catch (e) {
      /* storage full or blocked: the quiz still works, progress is just not kept */
    }
  }

  function recordEnding(event) {
    var choice = event.target;
    if (!choice.open || !choice.classList || !choice.classList.contains("rp-choice")) return;
    var ending = choice.querySelector(":scope > p.rp-outcome[data-ending]");
    var play = choice.closest("[data-roleplay]");
    if (!ending || !play || !RANK[ending.dataset.result]) return;
    var data = load(ROLEPLAY_KEY);
    var entry = data[play.dataset.roleplay];
    if (!entry || typeof entry.endings !== "object" || entry.endings === null) entry = { endings: {} };
    entry.endings[ending.dataset.ending] = ending.dataset.result;
    data[play.dataset.roleplay] = entry;
    save(data, ROLEPLAY_KEY);
  }

  function fillRoleplays(table) {
    var data = load(ROLEPLAY_KEY);
    var played = 0;
    table.querySelectorAll("tr[data-roleplay]").forEach(function (row) {
      var entry = data[row.dataset.roleplay];
      var endings = entry && typeof entry.endings === "object" && entry.endings ? entry.endings : {};
      var results = Object.keys(endings).map(function (k) { return endings[k]; })
        .filter(function (r) { return RANK[r]; });
      var best = results.reduce(function (a, r) { return !a || RANK[r] > RANK[a] ? r : a; }, null);
      if (results.length) played++;
      row.querySelector(".relsell-found").textContent =
        Math.min(results.length, parseInt(row.dataset.endings, 10)) + " of " + row.dataset.endings;
      row.querySelector(".relsell-best").textContent = best ? WORDS[best] : "not played";
    });
    return played;
  }

  function record(chapter, total, qid, outcome) {
    var data = load();
    var entry = data[chapter] || { total: total, questions: {} };
    entry.total = total;
    var previous = entry.questions[qid];
    if (outcome === "wrong") {
      if (!previous) entry.questions[qid] = "tried";
    } else if (previous !== "first" && previous !== "later") {
      entry.questions[qid] = previous === "tried" ? "later" : "first";
    }
    data[chapter] = entry;
    save(data);
  }

  function outcomeOf(fb) {
    if (fb.classList.contains("incorrect")) return "wrong";
    if (!fb.classList.contains("correct")) return null;
    var needed = parseInt(fb.dataset.numcorrect || "1", 10);
    if (needed > 1) {  // many-answer question: done only when every correct option is chosen
      var got = parseInt(fb.dataset.answeredcorrect || "0", 10);
      return got >= needed ? "right" : null;
    }
    return "right";
  }

  function watch(intro) {
    var chapter = intro.dataset.chapter;
    var ids = (intro.dataset.ids || "").split(",").filter(Boolean);
    var scope = intro.closest(".cell_output") || intro.parentElement;
    if (!chapter || !ids.length || !scope) return;
    var observer = new MutationObserver(function (changes) {
      var quizzes = Array.prototype.slice.call(scope.querySelectorAll(".Quiz"));
      changes.forEach(function (change) {
        var fb = change.target;
        if (!fb.classList || !fb.classList.contains("Feedback")) return;
        var outcome = outcomeOf(fb);
        var index = quizzes.indexOf(fb.closest(".Quiz"));
        if (outcome && index >= 0 && index < ids.length) {
          record(chapter, ids.length, ids[index], outcome);
        }
      });
    });
    observer.observe(scope, { attributes: true, attributeFilter: ["class"], subtree: true });
  }

  /* The progress page: a table with one row per chapter (<tr data-chapter data-total>),
   * generated from the course data, filled in here from localStorage. */
  function fillProgressPage(table) {
    var data = load();
    var chaptersTried = 0;
    table.querySelectorAll("tr[data-chapter]").forEach(function (row) {
      var entry = data[row.dataset.chapter] || { questions: {} };
      var total = parseInt(row.dataset.total, 10);
      var states = Object.keys(entry.questions).map(function (k) { return entry.questions[k]; });
      var done = states.filter(function (s) { return s === "first" || s === "later"; }).length;
      var first = states.filter(function (s) { return s === "first"; }).length;
      if (states.length) chaptersTried++;
      row.querySelector(".relsell-done").textContent = done + " of " + total;
      row.querySelector(".relsell-first").textContent = done ? first + " of " + done : "–";
      row.querySelector(".relsell-status").textContent =
        !states.length ? "not started" : done === total ? "complete" : "in progress";
    });
    var plays = document.getElementById("relsell-roleplays");
    var played = plays ? fillRoleplays(plays) : 0;
    var summary = document.getElementById("relsell-progress-summary");
    if (summary) {
      var parts = [];
      if (chaptersTried) {
        parts.push("the quiz of " + chaptersTried + " chapter" + (chaptersTried > 1 ? "s" : ""));
      }
      if (played) parts.push(played + " role-play" + (played > 1 ? "s" : ""));
      summary.textContent = parts.length
        ? "You have tried " + parts.join(" and ") + "."
        : "No quiz answers or role-play endings are saved in this browser yet.";
    }
  }

  function startProgressPage() {
    var table = document.getElementById("relsell-progress");
    if (!table) return;
    fillProgressPage(table);
    var reset = document.getElementById("relsell-progress-reset");
    if (reset) {
      reset.hidden = false;
      reset.addEventListener("click", function () {
        if (!window.confirm("Delete all saved quiz and role-play results in this browser?")) return;
        try {
          window.localStorage.removeItem(KEY);
          window.localStorage.removeItem(ROLEPLAY_KEY);
        } catch (e) { /* nothing saved */ }
        fillProgressPage(table);
      });
    }
  }

  function start() {
    document.querySelectorAll(".relsell-quiz-intro[data-chapter]").forEach(watch);
    if (document.querySelector("[data-roleplay] .rp-choice")) {
      // toggle does not bubble: listen in the capture phase, once for every role-play
      document.addEventListener("toggle", recordEnding, true);
    }
    startProgressPage();
  }

  window.relsellProgress = { key: KEY, roleplayKey: ROLEPLAY_KEY, load: load, save: save };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
