/* Catch-Up: worksheets filled in on the page.
 *
 * Answers are kept only after the participant opts in (see store.js), under
 * "catchup:answers:<session id>" as {"<worksheet id>/<question number>": answer}. Each worksheet
 * has "Clear my answers", "Print this worksheet" (see print.js) and "Download my answers", which
 * makes a plain text file in the browser (a blob: address): nothing goes over the network.
 */
(function () {
  "use strict";

  var CatchUp = window.CatchUp;
  var store = CatchUp.store;
  var word = CatchUp.word;

  var valueOf = CatchUp.fields.valueOf;
  var setValue = CatchUp.fields.setValue;
  var question = CatchUp.fields.question;

  function heading(form) {
    for (var node = form.previousElementSibling; node; node = node.previousElementSibling) {
      if (/^H[1-3]$/.test(node.tagName)) return node.textContent.trim();
    }
    return word("worksheet");
  }

  function answersText(form, fields) {
    var page = document.querySelector(".md-content h1");
    var lines = [heading(form), word("answers-from", { page: page ? page.textContent.trim() : document.title }),
                 word("answers-written-on", { date: new Date().toLocaleDateString(document.documentElement.lang || "en") }),
                 ""];
    fields.forEach(function (field, index) {
      var answer = valueOf(field).trim();
      lines.push((index + 1) + ". " + question(field), answer || word("no-answer"), "");
    });
    return lines.join("\n");
  }

  function setUp(form) {
    var name = "answers:" + form.getAttribute("data-catchup-session");
    var sheet = form.getAttribute("data-catchup-worksheet");
    var fields = Array.prototype.slice.call(form.querySelectorAll("[data-catchup-key]"));
    var tools = form.querySelector(".catchup-tools");

    function save() {
      if (!store.optedIn()) return;
      var all = store.read(name) || {};
      fields.forEach(function (field) {
        var key = field.getAttribute("data-catchup-key");
        var value = valueOf(field);
        if (value) all[key] = value;
        else delete all[key];
      });
      if (Object.keys(all).length) store.write(name, all);
      else store.remove(name);
    }

    function clear() {
      fields.forEach(function (field) { setValue(field, ""); });
      save();
    }

    var saved = store.read(name) || {};
    fields.forEach(function (field) {
      var key = field.getAttribute("data-catchup-key");
      if (Object.prototype.hasOwnProperty.call(saved, key)) setValue(field, saved[key]);
    });

    var timer = null;
    form.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(save, 300);
    });
    form.addEventListener("change", save);
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    tools.querySelector("[data-catchup-clear]").addEventListener("click", function (event) {
      clear();
      CatchUp.say(event.target, word("answers-cleared"));
    });
    tools.querySelector("[data-catchup-print-worksheet]").addEventListener("click", function () {
      CatchUp.printWorksheet(form);
    });
    tools.querySelector("[data-catchup-download]").addEventListener("click", function (event) {
      var file = word("answers-file", { worksheet: sheet });
      CatchUp.download(file, answersText(form, fields));
      CatchUp.say(event.target, word("answers-downloaded", { file: file }));
    });

    document.addEventListener("catchup:storage", function (event) {
      if (event.detail.reason === "saving") save();
      if (event.detail.reason === "cleared") fields.forEach(function (field) { setValue(field, ""); });
    });
  }

  document.querySelectorAll("form[data-catchup-worksheet]").forEach(setUp);
})();
