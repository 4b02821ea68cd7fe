// When the letter's State or language changes, the sentence on the review and the focal point
// that the portal filled in follow it; what the user typed in those fields is left alone.
// The page marks what the portal filled in with data-portal-value.
(function () {
  "use strict";
  var form = document.getElementById("letter-form");
  if (!form || !window.fetch || !form.dataset.reviewContextUrl) {
    return;
  }
  var state = form.elements.namedItem("state");
  var language = form.elements.namedItem("language");
  var names = ["review_context", "recipient_name", "recipient_title"];
  var pending = null;
  function portalFilled(field) {
    return field.value === "" || field.value === field.getAttribute("data-portal-value");
  }
  function update() {
    if (pending) {
      pending.abort(); // only the answer for the latest choice is used
    }
    pending = new AbortController();
    var url = form.dataset.reviewContextUrl +
      "?state=" + encodeURIComponent(state.value) +
      "&language=" + encodeURIComponent(language ? language.value : "en");
    fetch(url, {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
      signal: pending.signal
    })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (values) {
        if (!values) {
          return;
        }
        names.forEach(function (name) {
          var field = form.elements.namedItem(name);
          if (field && portalFilled(field)) {
            field.value = values[name] || "";
            field.setAttribute("data-portal-value", field.value);
          }
        });
        form.dispatchEvent(new Event("change")); // the live preview follows
      })
      .catch(function () { /* replaced by a newer choice, or the network is down */ });
  }
  if (state) {
    state.addEventListener("change", update);
  }
  if (language) {
    language.addEventListener("change", update);
  }
})();
