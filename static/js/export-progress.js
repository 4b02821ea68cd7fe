// Follows a bulk export: asks for its status every second and a half, moves the progress bar,
// and reloads the page once the export is ready (to show the download links). Its words come
// from the portal's JavaScript catalogue (gettext, loaded by base.html).
(function () {
  "use strict";
  var box = document.getElementById("export-progress");
  if (!box || !window.fetch || box.dataset.status === "done" || box.dataset.status === "failed") {
    return;
  }
  var meter = document.getElementById("export-meter");
  var label = box.querySelector("label[for='export-meter']");
  function poll() {
    fetch(box.dataset.statusUrl, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        meter.max = Math.max(state.total, 1);
        meter.value = state.done;
        label.textContent = interpolate(
          gettext("%(done)s of %(total)s letters"), { done: state.done, total: state.total }, true
        );
        if (state.status === "done" || state.status === "failed") {
          window.location.reload();
        } else {
          window.setTimeout(poll, 1500);
        }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1500);
})();
