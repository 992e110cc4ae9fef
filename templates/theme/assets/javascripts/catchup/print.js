/* Catch-Up: printing a catch-up packet (the whole session page) or one worksheet.
 *
 * The print layout itself is CSS (catchup.css, @media print). Before any printing, from the
 * buttons or the browser's own Print, every <details> is opened and typed answers are copied
 * into their print copies (a printed text box would cut them off; empty ones print as lines).
 * The print copies are made here, the first time, not sent with every page.
 */
(function () {
  "use strict";

  var opened = [];
  var kept = [];

  var LINES = 4; /* lines to write on, under an empty question */

  function printCopy(box) {
    var copy = box.parentElement.querySelector(".catchup-print-answer");
    if (copy) return copy;
    copy = document.createElement("div");
    copy.className = "catchup-print-answer";
    copy.setAttribute("aria-hidden", "true");
    var text = document.createElement("p");
    text.className = "catchup-print-answer__text";
    copy.appendChild(text);
    for (var i = 0; i < LINES; i++) {
      var line = document.createElement("span");
      line.className = "catchup-line";
      copy.appendChild(line);
    }
    box.insertAdjacentElement("afterend", copy);
    return copy;
  }

  function prepare() {
    document.querySelectorAll("details:not([open])").forEach(function (details) {
      details.open = true;
      opened.push(details);
    });
    document.querySelectorAll("textarea[data-catchup-key]").forEach(function (box) {
      var copy = printCopy(box);
      copy.querySelector(".catchup-print-answer__text").textContent = box.value;
      copy.classList.toggle("catchup-print-answer--filled", box.value.trim() !== "");
    });
  }

  function restore() {
    opened.splice(0).forEach(function (details) { details.open = false; });
    kept.splice(0).forEach(function (node) { node.classList.remove("catchup-print-keep"); });
    document.body.classList.remove("catchup-print-one");
  }

  function keep(node) {
    node.classList.add("catchup-print-keep");
    kept.push(node);
  }

  /* Print only one worksheet: the page title, the worksheet's heading and text, its questions. */
  function printWorksheet(form) {
    restore();
    var title = document.querySelector(".md-content h1");
    if (title) keep(title);
    keep(form);
    for (var before = form.previousElementSibling; before; before = before.previousElementSibling) {
      keep(before);
      if (/^H[1-3]$/.test(before.tagName)) break;
    }
    for (var after = form.nextElementSibling; after && !/^H[1-3]$/.test(after.tagName); after = after.nextElementSibling) {
      keep(after);
    }
    document.body.classList.add("catchup-print-one");
    prepare();
    window.print();
  }

  function printPage() {
    restore();
    prepare();
    window.print();
  }

  window.addEventListener("beforeprint", prepare);
  window.addEventListener("afterprint", restore);
  document.querySelectorAll("[data-catchup-print-page]").forEach(function (button) {
    button.addEventListener("click", printPage);
  });

  window.CatchUp = window.CatchUp || {};
  window.CatchUp.printWorksheet = printWorksheet;
})();
