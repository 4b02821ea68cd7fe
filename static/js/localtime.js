// Adds the reader's own local time beside each Vienna time marked <time class="localize">,
// when the reader's time zone differs from Vienna's. Without JavaScript the Vienna time stands.
// Its words come from the portal's JavaScript catalogue (gettext, loaded by base.html).
(function () {
  "use strict";
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (error) {
    return;
  }
  if (!zone || zone === "Europe/Vienna") {
    return;
  }
  var lang = document.documentElement.lang || undefined;
  var format = new Intl.DateTimeFormat(lang, {
    weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit",
    timeZoneName: "short"
  });
  document.querySelectorAll("time.localize[datetime]").forEach(function (element) {
    var moment = new Date(element.getAttribute("datetime"));
    if (isNaN(moment.getTime())) {
      return;
    }
    var local = document.createElement("span");
    local.className = "local-time";
    local.textContent = " " + interpolate(
      gettext("(your time: %(time)s)"), { time: format.format(moment) }, true
    );
    element.insertAdjacentElement("afterend", local);
  });
})();
