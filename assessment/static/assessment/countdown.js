// The live countdown of a timed theory test. It starts from the seconds left that the server
// counted (data-remaining), and measures the time passed with the browser's monotonic clock, so a
// phone whose clock is wrong still counts right. Screen readers hear it only at five minutes and at
// one minute (a polite live region), not every second. When the time is up the answers are sent:
// the server still counts answers that arrive within its grace period. Without JavaScript the
// deadline sentence above the questions remains.
(function () {
  "use strict";
  var box = document.querySelector("[data-countdown]");
  var form = document.querySelector("form[data-countdown-form]");
  if (!box || !form) { return; }
  var remaining = parseInt(box.dataset.remaining, 10);
  if (isNaN(remaining)) { return; }
  var clock = box.querySelector("[data-countdown-clock]");
  var line = box.querySelector(".countdown-line");
  var announce = box.querySelector("[data-countdown-announce]");
  var started = performance.now();
  var thresholds = [
    { seconds: 300, text: box.dataset.labelFive },
    { seconds: 60, text: box.dataset.labelOne },
  ].filter(function (t) { return remaining > t.seconds; });  // only thresholds still ahead
  var sent = false;
  var timer;

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function tick() {
    var left = Math.max(0, remaining - Math.floor((performance.now() - started) / 1000));
    clock.textContent = pad(Math.floor(left / 60)) + ":" + pad(left % 60);
    if (left <= 300) { box.classList.add("countdown-warning"); }
    while (thresholds.length && left <= thresholds[0].seconds) {
      announce.textContent = thresholds.shift().text;
    }
    if (left === 0 && !sent) {
      sent = true;
      clearInterval(timer);
      announce.textContent = box.dataset.labelUp;
      // HTMLFormElement.submit() skips the submit buttons' name; the view needs none.
      form.submit();
    }
  }

  if (line) { line.hidden = false; }
  tick();
  timer = setInterval(tick, 1000);
})();
