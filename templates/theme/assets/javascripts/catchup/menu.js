/* Catch-Up: the theme's menu button, usable by keyboard.
 *
 * On a phone (and at 200 % zoom) the navigation is a drawer that the theme opens with a label
 * for a hidden checkbox, which the keyboard cannot reach; and the closed drawer's links still
 * took the focus off screen. Here the button gets the focus and Enter/Space, says whether the
 * menu is open, and Escape closes it; catchup.css hides the closed drawer from the keyboard.
 */
(function () {
  "use strict";

  var toggle = document.getElementById("__drawer");
  var button = document.querySelector('label.md-header__button[for="__drawer"]');
  if (!toggle || !button) return;

  button.tabIndex = 0;
  button.setAttribute("role", "button");
  button.setAttribute("aria-label", window.CatchUp.word("menu"));
  button.setAttribute("aria-expanded", String(toggle.checked));

  function opened() {
    button.setAttribute("aria-expanded", String(toggle.checked));
    if (toggle.checked) {
      var first = document.querySelector(".md-sidebar--primary a[href], .md-sidebar--primary label[tabindex]");
      if (first) setTimeout(function () { first.focus(); }, 50); // once the drawer is visible
    }
  }

  toggle.addEventListener("change", opened);
  button.addEventListener("keydown", function (event) {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      event.stopPropagation(); // the theme's own key handler would click the label a second time
      toggle.checked = !toggle.checked;
      opened();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      toggle.checked = false;
      opened();
      button.focus();
    }
  });
})();
