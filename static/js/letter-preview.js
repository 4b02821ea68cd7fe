// Live preview of the letter builder: after typing stops, the form is sent to the preview
// address and the letter shown beside it is replaced. Without JavaScript the form still works.
(function () {
  "use strict";
  var form = document.getElementById("letter-form");
  var preview = document.getElementById("letter-preview");
  if (!form || !preview || !window.fetch) {
    return;
  }
  var timer = null;
  var pending = null;
  function refresh() {
    if (pending) {
      pending.abort();
    }
    pending = new AbortController();
    fetch(form.dataset.previewUrl, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      signal: pending.signal
    }).then(function (response) {
      return response.ok ? response.text() : null;
    }).then(function (html) {
      if (html !== null) {
        preview.innerHTML = html;
      }
    }).catch(function () { /* a newer request replaced this one, or the network is down */ });
  }
  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 400);
  }
  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
})();
