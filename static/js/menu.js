// On a phone the main navigation folds behind a "Menu" button. Without JavaScript it is
// shown in full, as on a wide screen. Escape closes an open drop-down of the navigation.
(function () {
  "use strict";
  var button = document.querySelector(".menu-button");
  var nav = document.getElementById("main-nav");
  if (!button || !nav) {
    return;
  }
  document.documentElement.classList.add("has-menu-button");
  button.hidden = false;
  button.addEventListener("click", function () {
    var open = button.getAttribute("aria-expanded") === "true";
    button.setAttribute("aria-expanded", String(!open));
    nav.classList.toggle("open", !open);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    Array.prototype.forEach.call(nav.querySelectorAll("details[open]"), function (menu) {
      var focusInside = menu.contains(document.activeElement);
      menu.open = false;
      if (focusInside) {
        menu.querySelector("summary").focus();
      }
    });
  });
})();
