/* Catch-Up: what the site keeps on this device, under the participant's control.
 *
 * Nothing is written until the participant ticks "Save my ticks and answers on this device".
 * After that, ticks and answers are kept in this browser's localStorage under keys that start
 * with "catchup:"; nothing is ever sent anywhere. Unticking removes what was saved, and
 * "Clear everything on this device" removes every catchup key (and the theme's light/dark choice).
 *
 * This file also shows the controls that need JavaScript (they are `hidden` in the HTML so that
 * pages read fine without it) and keeps every save choice on the page in step. The other tools
 * listen for the "catchup:storage" event, whose detail.reason is "saving", "stopped" or "cleared".
 */
(function () {
  "use strict";

  var PREFIX = "catchup:";
  var CONSENT = PREFIX + "save";

  function storage() {
    try {
      return window.localStorage; // may throw when the browser blocks storage
    } catch (error) {
      return null;
    }
  }

  function available() {
    return storage() !== null;
  }

  function optedIn() {
    try {
      return available() && storage().getItem(CONSENT) === "yes";
    } catch (error) {
      return false;
    }
  }

  function read(name) {
    if (!optedIn()) return null;
    try {
      return JSON.parse(storage().getItem(PREFIX + name));
    } catch (error) {
      return null;
    }
  }

  function write(name, value) {
    if (!optedIn()) return false; // the rule: nothing is written before the opt-in
    try {
      storage().setItem(PREFIX + name, JSON.stringify(value));
      return true;
    } catch (error) {
      return false; // full, or blocked
    }
  }

  function remove(name) {
    try {
      storage().removeItem(PREFIX + name);
    } catch (error) {
      /* nothing was stored */
    }
  }

  function ownKeys() {
    var keys = [];
    var s = storage();
    if (!s) return keys;
    for (var i = 0; i < s.length; i++) {
      if (s.key(i).indexOf(PREFIX) === 0) keys.push(s.key(i));
    }
    return keys;
  }

  function announce(reason) {
    document.dispatchEvent(new CustomEvent("catchup:storage", { detail: { reason: reason } }));
  }

  function removeEverything() {
    var s = storage();
    if (!s) return;
    ownKeys().forEach(function (key) { s.removeItem(key); });
    // Material keeps the light/dark choice under its own scoped key (see its base.html).
    if (window.__md_scope) s.removeItem(window.__md_scope.pathname + ".__palette");
  }

  function optIn() {
    try {
      storage().setItem(CONSENT, "yes");
    } catch (error) {
      return false;
    }
    announce("saving");
    return true;
  }

  function optOut() {
    removeEverything();
    announce("stopped");
  }

  function clearAll() {
    removeEverything();
    announce("cleared");
  }

  /* Show a short message in the status line next to a control. */
  function say(control, text) {
    var box = control.closest("[data-catchup-js-only], .catchup-tools") || document;
    var line = box.querySelector("[data-catchup-status]");
    if (line) line.textContent = text;
  }

  /* The scripts' words, in the page's language: the page carries them (main.html writes
     config.extra.catchup.script_words as JSON), so no script holds a word of its own.
     word("steps-done", { done: 2, total: 6 }) fills "{done} of {total} steps done". */
  var words = null;
  function message(key) {
    if (words === null) {
      var data = document.getElementById("catchup-words");
      try {
        words = data ? JSON.parse(data.textContent) : {};
      } catch (error) {
        words = {};
      }
    }
    return Object.prototype.hasOwnProperty.call(words, key) ? words[key] : key;
  }
  function has(values, name) {
    return !!values && Object.prototype.hasOwnProperty.call(values, name);
  }
  function word(key, values) {
    return message(key).replace(/\{(\w+)\}/g, function (whole, name) {
      return has(values, name) ? String(values[name]) : whole;
    });
  }
  /* The same message as the children of an element, for a sentence with a link or a <strong> in
     it: a value that is a node goes where its {name} is, so the sentence stays one message that a
     translator can reorder. wordNodes("closed", { day: "...", next: strongNode }). */
  function wordNodes(key, values) {
    return message(key).split(/\{(\w+)\}/).map(function (part, index) {
      if (index % 2 === 0) return part;  // the text between the {names}
      if (!has(values, part)) return "{" + part + "}";
      return values[part] instanceof Node ? values[part] : String(values[part]);
    }).filter(function (part) { return part !== ""; });
  }

  /* Small pieces the tools share (the scripts load after this one). */
  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    (children || []).forEach(function (child) {
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }
  /* Today on this device, as "2027-03-05". */
  function today() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }
  /* A file made in the browser (a blob: address), saved to the downloads: nothing is fetched or sent. */
  function download(name, text, type) {
    var url = URL.createObjectURL(new Blob([text], { type: (type || "text/plain") + ";charset=utf-8" }));
    var link = element("a", { href: url, download: name, hidden: "" });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }
  /* A question's answer field (a text box, or a group of 0-10 radio buttons): its value, setting
     it, and the question's words. Worksheets and logs both have them. */
  var fields = {
    valueOf: function (field) {
      if (field.tagName === "TEXTAREA") return field.value;
      var checked = field.querySelector("input:checked");
      return checked ? checked.value : "";
    },
    setValue: function (field, value) {
      if (field.tagName === "TEXTAREA") field.value = value || "";
      else field.querySelectorAll("input").forEach(function (radio) { radio.checked = radio.value === String(value); });
    },
    question: function (field) {
      var label = field.tagName === "TEXTAREA" ? field.labels[0] : document.getElementById(field.getAttribute("aria-labelledby"));
      return label.textContent.replace(/\s+/g, " ").trim();
    },
  };
  window.CatchUp = {
    store: { available: available, optedIn: optedIn, read: read, write: write, remove: remove,
             optIn: optIn, optOut: optOut, clearAll: clearAll, keys: ownKeys },
    say: say,
    word: word,
    wordNodes: wordNodes,
    element: element,
    today: today,
    download: download,
    fields: fields,
  };

  function syncChoices() {
    var on = optedIn();
    document.querySelectorAll("input[data-catchup-save]").forEach(function (box) {
      box.checked = on;
      box.disabled = !available();
    });
  }

  document.querySelectorAll("[data-catchup-js-only]").forEach(function (element) {
    element.hidden = false;
  });
  syncChoices();
  document.addEventListener("catchup:storage", syncChoices);

  document.querySelectorAll("input[data-catchup-save]").forEach(function (box) {
    if (!available()) {
      say(box, word("storage-blocked"));
    }
    box.addEventListener("change", function () {
      if (box.checked) {
        say(box, optIn() ? word("saved-here")
                         : word("not-saved"));
      } else {
        optOut();
        say(box, word("saving-off"));
      }
    });
  });

  document.querySelectorAll("[data-catchup-clear-all]").forEach(function (button) {
    button.addEventListener("click", function () {
      clearAll();
      say(button, word("cleared-all"));
    });
  });
})();
