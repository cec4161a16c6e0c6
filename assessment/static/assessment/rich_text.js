// The rich-text editor of a practice answer (django-prose-editor, Tiptap). It replaces each
// textarea[data-rich-text] with a labelled editing surface and a toolbar of labelled buttons; the
// textarea stays in the form (hidden) with the same name and is updated on every change, so the
// form post and the autosave send the HTML. Without JavaScript the textarea is used as it is.
// The server cleans whatever arrives (assessment/rich_text.py): this file is comfort, not safety.
// The editor is imported by its path: an import map would be an inline script, which our
// Content-Security-Policy refuses.
import {
  Bold, BulletList, Document, Dropcursor, Gapcursor, HardBreak, Heading, History, Italic, Link,
  ListItem, Menu, OrderedList, Paragraph, Table, TableCell, TableHeader, TableRow, Text,
  createTextareaEditor,
} from "../django_prose_editor/editor.js";

var labels = {};
var labelsElement = document.getElementById("rich-text-labels");
if (labelsElement) { labels = JSON.parse(labelsElement.textContent); }
function t(text) { return labels[text] || labels[(text || "").toLowerCase()] || text; }

// Older answers are plain text: turn their paragraphs and line breaks into HTML before the
// editor reads them, or the editor would run every line together.
function plainToHtml(text) {
  var div = document.createElement("div");
  return text.split(/\n\s*\n/).map(function (para) {
    div.textContent = para;
    return "<p>" + div.innerHTML.replace(/\n/g, "<br>") + "</p>";
  }).join("");
}

function labelToolbar(wrapper, textarea) {
  var menubar = wrapper.querySelector(".prose-menubar");
  if (menubar) {
    menubar.setAttribute("role", "toolbar");
    menubar.setAttribute("aria-label", t("Formatting"));
    menubar.setAttribute("aria-controls", textarea.id + "-editor");
    menubar.querySelectorAll("button, [title]").forEach(function (el) {
      var title = el.getAttribute("title");
      if (!title) { return; }
      el.setAttribute("title", t(title));
      el.setAttribute("aria-label", t(title));
    });
    // The block-type picker shows its choices as text ("Heading 2", "Paragraph").
    menubar.querySelectorAll(".prose-menubar__option > *").forEach(function (el) {
      if (el.children.length === 0 && labels[el.textContent]) {
        el.textContent = t(el.textContent);
      }
    });
  }
}

function syncPressed(wrapper) {
  // The menu marks active buttons with a class only; say it to screen readers too.
  wrapper.querySelectorAll(".prose-menubar button").forEach(function (button) {
    if (/(^|\s)active(\s|$)/.test(button.className)) {
      button.setAttribute("aria-pressed", "true");
    } else if (button.hasAttribute("aria-pressed")) {
      button.setAttribute("aria-pressed", "false");
    }
  });
}

function setUp(textarea) {
  // The same test as the server's (assessment/rich_text.py): a tag the editor writes.
  var htmlTag = /<\/?(p|br|h[1-6]|strong|b|em|i|u|ul|ol|li|a|blockquote|table|thead|tbody|tr|th|td|div|span)(\s[^<>]*)?\/?>/i;
  if (textarea.value && !htmlTag.test(textarea.value)) {
    textarea.value = plainToHtml(textarea.value);
  }
  var editor = createTextareaEditor(textarea, [
    Document, Paragraph, Text, HardBreak, Dropcursor, Gapcursor, History,
    Bold, Italic, Heading.configure({ levels: [2, 3, 4] }),
    BulletList, OrderedList, ListItem,
    Link.configure({ enableTarget: false, protocols: ["http", "https", "mailto"] }),
    Table, TableRow, TableHeader, TableCell,
    Menu,
  ]);
  var wrapper = textarea.closest(".prose-editor");
  var surface = editor.view.dom;
  var label = document.querySelector("label[for='" + textarea.id + "']");
  surface.id = textarea.id + "-editor";
  surface.setAttribute("aria-multiline", "true");
  if (label) {
    if (!label.id) { label.id = textarea.id + "-label"; }
    surface.setAttribute("aria-labelledby", label.id);
    // The label points at the hidden textarea; a click on it should land in the editor.
    label.setAttribute("for", surface.id);
    label.addEventListener("click", function () { editor.view.focus(); });
  }
  var described = textarea.getAttribute("aria-describedby");
  if (described) { surface.setAttribute("aria-describedby", described); }
  if (textarea.getAttribute("aria-invalid")) { surface.setAttribute("aria-invalid", "true"); }
  labelToolbar(wrapper, textarea);
  syncPressed(wrapper);
  editor.on("transaction", function () { syncPressed(wrapper); });
  // New buttons (e.g. the table tools) appear as the selection moves: label them too.
  new MutationObserver(function () { labelToolbar(wrapper, textarea); })
    .observe(wrapper, { childList: true, subtree: true });
  document.documentElement.classList.add("rich-text-ready");
  return editor;
}

document.querySelectorAll("textarea[data-rich-text]").forEach(setUp);
