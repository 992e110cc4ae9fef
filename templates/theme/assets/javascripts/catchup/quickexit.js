/* Catch-Up: "Leave this site" (site.yml quick_exit). The link in the urgent-help bar, or the Escape
 * key pressed twice within a second, replaces this page with a neutral site: location.replace
 * puts the neutral site in this page's place in the back history, so "Back" does not show this
 * page again (pages visited before it stay in the history: the privacy page says how to clear
 * it). No referrer is sent (main.html). Without scripts the link still works, as a link. */
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
    if (event.key !== "Escape" || event.repeat) return;  // a key held down is not two presses
    var now = Date.now();
    if (now - last < 1000) leave(event);
    last = now;
  });
})();
