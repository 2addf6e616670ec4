// accord dashboard: the "as of" slider drives the date field; choices marked .autosubmit submit their form.
(function () {
  "use strict";
  var DAY = 86400000;
  function ms(iso) { return Date.parse(iso + "T00:00:00Z"); }
  function iso(t) { return new Date(t).toISOString().slice(0, 10); }
  document.addEventListener("DOMContentLoaded", function () {
    var slider = document.getElementById("slider"), date = document.getElementById("date");
    if (slider && date) {
      var lo = ms(slider.dataset.min), hi = ms(slider.dataset.max);
      slider.min = 0; slider.max = Math.max(0, Math.round((hi - lo) / DAY));
      slider.value = Math.round((ms(date.value) - lo) / DAY);
      slider.addEventListener("input", function () { date.value = iso(lo + slider.value * DAY); });
      slider.addEventListener("change", function () { slider.form.submit(); });
      date.addEventListener("change", function () { if (date.value) { date.form.submit(); } });
    }
    Array.prototype.forEach.call(document.querySelectorAll(".autosubmit"), function (el) {
      el.addEventListener("change", function () { el.form.submit(); });
    });
  });
})();
