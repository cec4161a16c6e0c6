// The site shell's behaviour, on every page (loaded with defer, before the apps' own scripts).
//
// 1. The menu button of narrow screens: it opens and closes <nav id="site-nav">. Without
//    JavaScript the page has no .js class, the button stays hidden and the menu stays open.
// 2. Typed text survives a language switch: when a form of the page has been changed and the
//    person follows a link of the language switcher, the form's fields are kept in sessionStorage
//    under the form's address without its language prefix; the same form in the other language
//    takes them back (before the editors read their fields) and the draft is dropped. A submit
//    drops it too. Passwords, files and the CSRF token are never kept.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");

  // --- the menu button ---------------------------------------------------------------------
  var toggle = document.querySelector(".menu-toggle[aria-controls]");
  var nav = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
  if (toggle && nav) {
    var setOpen = function (open) {
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    };
    toggle.addEventListener("click", function () {
      setOpen(toggle.getAttribute("aria-expanded") !== "true");
    });
    // Escape closes the open menu and gives the focus back to its button.
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        toggle.focus();
      }
    });
  }

  // --- drafts across a language switch -----------------------------------------------------
  var PREFIX = "pa-lms:draft:";
  var LANGUAGE = /^\/(kk|ru|en)(?=\/)/;
  var storage;
  try { storage = window.sessionStorage; } catch (e) { storage = null; }
  if (!storage) { return; }

  function keyOf(form) {
    var action = form.getAttribute("action");
    var url = new URL(action || window.location.href, window.location.href);
    return PREFIX + url.pathname.replace(LANGUAGE, "");
  }

  function keptFields(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      if (!el.name || el.disabled || el.name === "csrfmiddlewaretoken") { return false; }
      var type = (el.type || "").toLowerCase();
      return ["password", "file", "hidden", "submit", "button", "reset", "image"]
        .indexOf(type) === -1 && el.tagName !== "BUTTON" && el.tagName !== "FIELDSET";
    });
  }

  function snapshot(form) {
    return keptFields(form).map(function (el) {
      var type = (el.type || "").toLowerCase();
      if (type === "checkbox" || type === "radio") {
        return { name: el.name, value: el.value, checked: el.checked };
      }
      if (el.tagName === "SELECT" && el.multiple) {
        return {
          name: el.name,
          values: Array.prototype.filter.call(el.options, function (o) { return o.selected; })
            .map(function (o) { return o.value; })
        };
      }
      return { name: el.name, value: el.value };
    });
  }

  function forms() {
    return Array.prototype.filter.call(document.querySelectorAll("main form"), function (form) {
      return (form.method || "").toLowerCase() === "post" && !form.hasAttribute("data-no-draft");
    });
  }

  // Puts the kept values back, field by field in order of their names; returns the entries that
  // found no field (rows the page adds by script).
  function restore(form, entries) {
    var byName = {};
    keptFields(form).forEach(function (el) { (byName[el.name] = byName[el.name] || []).push(el); });
    var used = {};
    var missing = [];
    entries.forEach(function (entry) {
      var fields = byName[entry.name] || [];
      if ("checked" in entry) {
        var box = fields.filter(function (el) { return el.value === entry.value; })[0];
        if (box) { box.checked = entry.checked; } else { missing.push(entry); }
        return;
      }
      var n = used[entry.name] || 0;
      var field = fields[n];
      used[entry.name] = n + 1;
      if (!field) { missing.push(entry); return; }
      if (entry.values) {
        Array.prototype.forEach.call(field.options, function (o) {
          o.selected = entry.values.indexOf(o.value) !== -1;
        });
      } else {
        field.value = entry.value;
      }
    });
    return missing;
  }

  var initial = new Map();
  var pending = [];
  forms().forEach(function (form) {
    var key = keyOf(form);
    var kept = storage.getItem(key);
    if (kept) {
      storage.removeItem(key);
      try {
        var missing = restore(form, JSON.parse(kept));
        if (missing.length) { pending.push([form, missing]); }
      } catch (e) { /* a draft of an older page: ignore it */ }
      form.setAttribute("data-draft-restored", "");
    }
    form.addEventListener("submit", function () { storage.removeItem(key); });
  });

  document.addEventListener("DOMContentLoaded", function () {
    // Rows the person had added by script (the support plan's "Add a row"): add as many again,
    // now that the page's own scripts have run, and fill them.
    pending.forEach(function (item) {
      var form = item[0];
      var left = item[1];
      form.querySelectorAll("[data-formset-add]").forEach(function (button) {
        for (var i = 0; i < 50 && left.length; i++) {
          var before = keptFields(form).length;
          button.click();
          if (keptFields(form).length === before) { break; }
          left = restore(form, left);
        }
      });
    });
    // What "changed" means: different from the page as it stands once everything has loaded.
    forms().forEach(function (form) { initial.set(form, JSON.stringify(snapshot(form))); });
    document.querySelectorAll(".lang-nav a[href]").forEach(function (link) {
      link.addEventListener("click", function () {
        forms().forEach(function (form) {
          var now = JSON.stringify(snapshot(form));
          if (now !== initial.get(form) || form.hasAttribute("data-draft-restored")) {
            storage.setItem(keyOf(form), now);
          }
        });
      });
    });
  });
})();
