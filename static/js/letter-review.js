// When the letter's State or language changes, the sentence on the review and the focal point
// that the portal filled in follow it; what the user typed in those fields is left alone.
(function () {
  "use strict";
  var form = document.getElementById("letter-form");
  if (!form || !window.fetch || !form.dataset.reviewContextUrl) {
    return;
  }
  var state = form.elements.namedItem("state");
  var language = form.elements.namedItem("language");
  var names = ["review_context", "recipient_name", "recipient_title"];
  names.forEach(function (name) {
    var field = form.elements.namedItem(name);
    if (field) {
      field.dataset.portalValue = field.value;
    }
  });
  function update() {
    var url = form.dataset.reviewContextUrl +
      "?state=" + encodeURIComponent(state.value) +
      "&language=" + encodeURIComponent(language ? language.value : "en");
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (values) {
        if (!values) {
          return;
        }
        names.forEach(function (name) {
          var field = form.elements.namedItem(name);
          if (field && (field.value === "" || field.value === field.dataset.portalValue)) {
            field.value = values[name] || "";
            field.dataset.portalValue = field.value;
          }
        });
        form.dispatchEvent(new Event("change")); // the live preview follows
      })
      .catch(function () { /* the network is down: the fields stay as they are */ });
  }
  if (state) {
    state.addEventListener("change", update);
  }
  if (language) {
    language.addEventListener("change", update);
  }
})();
