// Draft autosave: posts the answer text every 30 seconds when it changed. Without JavaScript the
// "Save draft" button does the same; the status line is announced politely to screen readers.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave-url]");
  if (!form || !window.fetch) { return; }
  var text = form.querySelector("textarea[name=text]");
  var status = form.querySelector("[data-autosave-status]");
  var token = form.querySelector("input[name=csrfmiddlewaretoken]");
  if (!text || !token) { return; }
  var saved = text.value;
  setInterval(function () {
    if (text.value === saved) { return; }
    var body = new FormData();
    body.append("text", text.value);
    var sending = text.value;
    fetch(form.dataset.autosaveUrl, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "X-CSRFToken": token.value }
    }).then(function (response) { return response.json(); })
      .then(function (data) {
        if (data.saved) { saved = sending; }
        if (status) { status.textContent = data.message || ""; }
      })
      .catch(function () { /* offline: the next tick retries */ });
  }, 30000);
})();
