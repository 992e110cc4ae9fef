/* Catch-Up: "Leave this site" (site.yml quick_exit). The link in the urgent-help bar, or the Escape
 * key pressed twice within a second, replaces this page with a neutral site: location.replace
 * puts the neutral site in this page's place in the back history, so "Back" does not show it
 * again. Without scripts the link still works (as an ordinary link). */
(function () {
  "use strict";
  var link = document.querySelector("[data-catchup-exit]");
  if (!link) return;
  function leave(event) {
    if (event) event.preventDefault();
    document.body.hidden = true;  // nothing of the page shows while the other site loads
    window.location.replace(link.href);
  }
  link.addEventListener("click", leave);
  var last = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var now = Date.now();
    if (now - last < 1000) leave(event);
    last = now;
  });
})();
