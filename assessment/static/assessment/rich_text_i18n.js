// The editor's dialogs ("URL", "Cancel", ...) ask window.gettext for their words when its module
// loads. This classic deferred script runs before the editor module and answers from the page's
// own catalogue (a JSON data block the server renders in the person's language).
(function () {
  "use strict";
  if (window.gettext) { return; }
  var element = document.getElementById("rich-text-labels");
  var labels = element ? JSON.parse(element.textContent) : {};
  window.gettext = function (text) { return labels[text] || text; };
})();
