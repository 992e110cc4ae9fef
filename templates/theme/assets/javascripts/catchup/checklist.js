/* Catch-Up: the catch-up checklist on a session page, and the progress on a program page.
 *
 * Ticks are kept only after the participant opts in (see store.js), under
 * "catchup:checklist:<session id>" as {done: [step ids], total: number of steps}. The program
 * page reads them back and marks each session as caught up, or how far along it is.
 */
(function () {
  "use strict";

  var store = window.CatchUp.store;
  var word = window.CatchUp.word;

  function setUpChecklist(box) {
    var name = "checklist:" + box.getAttribute("data-catchup-checklist");
    var steps = Array.prototype.slice.call(box.querySelectorAll(".catchup-checklist__steps input[type=checkbox]"));
    var done = box.querySelector("[data-catchup-checklist-done]");

    function ticked() {
      return steps.filter(function (step) { return step.checked; }).map(function (step) { return step.value; });
    }
    function showDone() {
      done.hidden = ticked().length !== steps.length;
    }
    function save() {
      store.write(name, { done: ticked(), total: steps.length });
    }

    var saved = store.read(name);
    if (saved && Array.isArray(saved.done)) {
      steps.forEach(function (step) { step.checked = saved.done.indexOf(step.value) !== -1; });
    }
    showDone();
    steps.forEach(function (step) {
      step.addEventListener("change", function () { showDone(); save(); });
    });
    document.addEventListener("catchup:storage", function (event) {
      if (event.detail.reason === "saving") save();
      if (event.detail.reason === "cleared") {
        steps.forEach(function (step) { step.checked = false; });
        showDone();
      }
    });
  }

  function setUpProgress(data) {
    var ids = JSON.parse(data.textContent);
    var summary = document.querySelector("[data-catchup-progress-summary]");
    var links = Array.prototype.slice.call(document.querySelectorAll(".md-content a[href$='.html']"));

    function sessionOf(link) {
      var file = decodeURIComponent(new URL(link.href).pathname.split("/").pop());
      var id = file.replace(/\.html$/, "");
      return ids.indexOf(id) !== -1 ? id : null;
    }

    function show() {
      document.querySelectorAll(".catchup-badge").forEach(function (badge) { badge.remove(); });
      var caughtUp = 0;
      ids.forEach(function (id) {
        var saved = store.read("checklist:" + id);
        if (saved && saved.done.length >= saved.total) caughtUp++;
      });
      links.forEach(function (link) {
        var id = sessionOf(link);
        var saved = id && store.read("checklist:" + id);
        if (!saved || !saved.done.length) return;
        var badge = document.createElement("span");
        var complete = saved.done.length >= saved.total;
        badge.className = "catchup-badge" + (complete ? " catchup-badge--done" : "");
        badge.textContent = complete ? word("checklist-caught-up")
                                     : word("checklist-steps-done", { done: saved.done.length, total: saved.total });
        link.after(" ", badge);
      });
      var values = { done: caughtUp, total: ids.length };
      summary.textContent = !store.optedIn() ? word("checklist-not-saving")
        : ids.length === 1 ? word("checklist-progress-one", values) : word("checklist-progress-other", values);
    }

    show();
    document.addEventListener("catchup:storage", show);
  }

  document.querySelectorAll("[data-catchup-checklist]").forEach(setUpChecklist);
  var progress = document.querySelector("script[data-catchup-progress]");
  if (progress) setUpProgress(progress);
})();
