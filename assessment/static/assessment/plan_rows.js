// "Add an ABC record" / "Add a goal" on the support plan: each click clones the formset's empty
// form (rendered by the server in a <template>), numbers it, raises TOTAL_FORMS, moves the focus
// into the new row's first field and says so to screen readers. Rows are removed with their
// "Remove this row when saving" checkbox, which works the same with or without JavaScript.
// Without JavaScript the buttons stay hidden and each save brings one more empty row.
(function () {
  "use strict";
  document.querySelectorAll("[data-formset]").forEach(function (box) {
    var prefix = box.dataset.prefix;
    var total = box.querySelector("input[name='" + prefix + "-TOTAL_FORMS']");
    var max = box.querySelector("input[name='" + prefix + "-MAX_NUM_FORMS']");
    var template = box.querySelector("template[data-formset-empty]");
    var rows = box.querySelector("[data-formset-rows]");
    var button = box.querySelector("[data-formset-add]");
    var announce = box.querySelector("[data-formset-announce]");
    if (!total || !template || !rows || !button) { return; }
    button.hidden = false;
    var hint = document.querySelector("[data-formset-nojs-hint]");
    if (hint) { hint.hidden = true; }

    button.addEventListener("click", function () {
      var index = parseInt(total.value, 10) || 0;
      if (max && index >= parseInt(max.value, 10)) { return; }
      var html = template.innerHTML.replace(/__prefix__/g, String(index));
      var holder = document.createElement("div");
      holder.innerHTML = html;
      var row = holder.querySelector("[data-formset-row]");
      var number = row.querySelector("[data-formset-number]");
      if (number) { number.textContent = String(index + 1); }
      rows.appendChild(row);
      total.value = String(index + 1);
      var first = row.querySelector("input:not([type=hidden]), select, textarea");
      if (first) { first.focus(); }
      if (announce) {
        // Cleared first so that adding a second row is announced again.
        announce.textContent = "";
        setTimeout(function () {
          announce.textContent = box.dataset.addedMessage + " " + box.dataset.legend + " " +
            (index + 1) + ".";
        }, 100);
      }
    });
  });
})();
