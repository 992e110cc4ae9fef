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

  function valueOf(field) {
    if (field.tagName === "TEXTAREA") return field.value;
    var checked = field.querySelector("input:checked");
    return checked ? checked.value : "";
  }

  function setValue(field, value) {
    if (field.tagName === "TEXTAREA") {
      field.value = value;
      return;
    }
    field.querySelectorAll("input").forEach(function (radio) { radio.checked = radio.value === String(value); });
  }

  function question(field) {
    var label = field.tagName === "TEXTAREA" ? field.labels[0] : document.getElementById(field.getAttribute("aria-labelledby"));
    return label.textContent.replace(/\s+/g, " ").trim();
  }

  function heading(form) {
    for (var node = form.previousElementSibling; node; node = node.previousElementSibling) {
      if (/^H[1-3]$/.test(node.tagName)) return node.textContent.trim();
    }
    return "Worksheet";
  }

  function answersText(form, fields) {
    var page = document.querySelector(".md-content h1");
    var lines = [heading(form), "From: " + (page ? page.textContent.trim() : document.title),
                 "Written on: " + new Date().toLocaleDateString(document.documentElement.lang || "en"), ""];
    fields.forEach(function (field, index) {
      var answer = valueOf(field).trim();
      lines.push((index + 1) + ". " + question(field), answer || "(no answer)", "");
    });
    return lines.join("\n");
  }

  function download(name, text) {
    var url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
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
      CatchUp.say(event.target, "Your answers to this worksheet have been cleared.");
    });
    tools.querySelector("[data-catchup-print-worksheet]").addEventListener("click", function () {
      CatchUp.printWorksheet(form);
    });
    tools.querySelector("[data-catchup-download]").addEventListener("click", function (event) {
      download(sheet + "-answers.txt", answersText(form, fields));
      CatchUp.say(event.target, "Your answers are in the file " + sheet + "-answers.txt, in your downloads.");
    });

    document.addEventListener("catchup:storage", function (event) {
      if (event.detail.reason === "saving") save();
      if (event.detail.reason === "cleared") fields.forEach(function (field) { setValue(field, ""); });
    });
  }

  document.querySelectorAll("form[data-catchup-worksheet]").forEach(setUp);
})();
