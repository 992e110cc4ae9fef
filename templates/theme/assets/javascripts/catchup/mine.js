/* Catch-Up: "My catch-up", one page per program. It reads what this device keeps (see store.js:
 * "checklist:", "answers:", "logs:" and "questions:" keys) and shows which sessions are caught
 * up and where there are answers; it keeps the questions for the group leader; it prints what to
 * bring to the next session; and it makes one file with everything saved ("Download everything":
 * a web page to read, with the data inside it) that it can load back on another device, after a
 * preview of what it will replace. Nothing is ever sent anywhere.
 */
(function () {
  "use strict";
  var root = document.querySelector("[data-catchup-mine]");
  if (!root) return;
  var CatchUp = window.CatchUp;
  var store = CatchUp.store;
  var data = JSON.parse(root.querySelector("script[data-catchup-mine-data]").textContent);
  var questionsName = "questions:" + data.program;
  var questions = root.querySelector("[data-catchup-mine-questions]");
  var list = root.querySelector("[data-catchup-mine-sessions]");
  var summary = root.querySelector("[data-catchup-mine-summary]");
  var preview = root.querySelector("[data-catchup-mine-preview]");
  var KEY = /^catchup:(checklist|answers|logs|questions):[a-z0-9][a-z0-9/-]*$/;  // what a restore may write
  var MAX_FILE = 5 * 1024 * 1024;  // a copy of years of answers is far smaller
  var pending = null;

  /* Whether a value has the shape the site's own tools write under its kind of key: a restored
     file may hold anything, and the tools must never meet a value they cannot read. */
  function strings(value) {
    return !!value && typeof value === "object" && !Array.isArray(value) &&
      Object.keys(value).every(function (key) { return typeof value[key] === "string"; });
  }
  function wellFormed(key, value) {
    var kind = key.split(":")[1];
    if (kind === "questions") return typeof value === "string";
    if (kind === "answers") return strings(value);
    if (kind === "checklist") {
      return !!value && Array.isArray(value.done) && value.done.every(function (id) { return typeof id === "string"; }) &&
        typeof value.total === "number" && value.total >= 0;
    }
    if (!value || typeof value !== "object" || Array.isArray(value)) return false;  // logs
    return Object.keys(value).every(function (sheet) {
      var ids = {};
      return Array.isArray(value[sheet]) && value[sheet].every(function (entry) {
        var ok = entry && typeof entry.id === "number" && !ids[entry.id] && typeof entry.date === "string" &&
          /^\d{4}-\d{2}-\d{2}$/.test(entry.date) && strings(entry.answers);
        if (ok) ids[entry.id] = true;
        return ok;
      });
    });
  }

  var element = CatchUp.element;
  /* The steps ticked: checklist.js keeps {done: [step ids], total}. */
  function count(ticks) {
    return ticks && Array.isArray(ticks.done) ? ticks.done.length : 0;
  }
  function status(session) {
    var ticks = store.read("checklist:" + session.id);
    var answers = store.read("answers:" + session.id) || {};
    var logs = store.read("logs:" + session.id) || {};
    var filled = session.worksheets.filter(function (sheet) {
      if (sheet.log) return (logs[sheet.id] || []).length > 0;
      return Object.keys(answers).some(function (key) { return key.indexOf(sheet.id + "/") === 0; });
    });
    var done = count(ticks);
    return { done: done, total: ticks ? ticks.total : 0,
             caughtUp: !!ticks && ticks.total > 0 && done >= ticks.total, filled: filled };
  }
  function show() {
    var caught = 0;
    var items = data.sessions.map(function (session) {
      var state = status(session);
      if (state.caughtUp) caught++;
      var what = state.caughtUp ? "caught up" : state.done ? state.done + " of " + state.total + " steps done" : "not started";
      var parts = [element("a", { href: session.href }, ["Session " + session.number + ": " + session.title]),
                   " (" + session.track + "): " + what + "."];
      if (state.filled.length) {
        parts.push(" Answers in: " + state.filled.map(function (sheet) { return sheet.title; }).join(", ") + ".");
      }
      return element("li", { "data-catchup-mine-session": session.id }, parts);
    });
    list.replaceChildren.apply(list, items);
    summary.textContent = store.optedIn()
      ? "You caught up on " + caught + " of " + data.sessions.length + " sessions."
      : "Nothing is saved on this device yet. Tick the steps on a session page and choose to save them: your progress then shows here.";
    questions.value = store.read(questionsName) || questions.value;
  }
  function everything() {
    var kept = {};
    store.keys().forEach(function (key) {
      if (!KEY.test(key)) return;
      kept[key] = store.read(key.slice("catchup:".length));
    });
    return kept;
  }
  function readable(kept) {
    var lines = [];
    data.sessions.forEach(function (session) {
      var ticks = kept["catchup:checklist:" + session.id];
      var answers = kept["catchup:answers:" + session.id] || {};
      var logs = kept["catchup:logs:" + session.id] || {};
      if (!ticks && !Object.keys(answers).length && !Object.keys(logs).length) return;
      lines.push(element("h2", {}, ["Session " + session.number + ": " + session.title]));
      if (ticks) lines.push(element("p", {}, [count(ticks) + " of " + ticks.total + " catch-up steps done."]));
      Object.keys(answers).sort().forEach(function (key) {
        lines.push(element("p", {}, [element("strong", {}, [key + ": "]), String(answers[key])]));
      });
      Object.keys(logs).forEach(function (sheet) {
        (logs[sheet] || []).forEach(function (entry) {
          lines.push(element("p", {}, [element("strong", {}, [sheet + ", " + entry.date + ": "]),
                                       Object.keys(entry.answers).map(function (k) { return entry.answers[k]; }).join("; ")]));
        });
      });
    });
    var plan = kept["catchup:answers:safety-plan"];
    if (plan) {
      lines.push(element("h2", {}, ["My safety plan"]));
      Object.keys(plan).sort().forEach(function (key) {
        lines.push(element("p", {}, [element("strong", {}, [key + ": "]), String(plan[key])]));
      });
    }
    var asked = kept["catchup:" + questionsName];
    if (asked) lines.push(element("h2", {}, ["Questions for my group leader"]), element("p", {}, [asked]));
    var others = Object.keys(kept).filter(function (key) {
      return !/^catchup:(answers:safety-plan|questions:)/.test(key) &&
        !data.sessions.some(function (session) { return key.slice(key.lastIndexOf(":") + 1) === session.id; });
    });
    if (others.length) {
      lines.push(element("p", {}, ["Also in this file, from other programs on this site: " + others.length + " item(s)."]));
    }
    return lines;
  }
  function download() {
    var kept = everything();
    var page = document.implementation.createHTMLDocument("My catch-up: " + data.title);
    page.documentElement.lang = document.documentElement.lang || "en";
    page.body.append(element("h1", {}, ["My catch-up: " + data.title]),
                     element("p", {}, ["Saved on " + new Date().toLocaleDateString(page.documentElement.lang) +
                                       ". Load this file on the My catch-up page to put it back on a device."]));
    readable(kept).forEach(function (node) { page.body.append(page.importNode(node, true)); });
    var script = page.createElement("script");
    script.type = "application/json";
    script.id = "catchup-backup";
    script.textContent = JSON.stringify({ program: data.program, kept: kept }).replace(/</g, "\\u003c");
    page.body.append(script);
    CatchUp.download("my-catch-up-" + data.program + ".html", "<!doctype html>\n" + page.documentElement.outerHTML,
                     "text/html");
    CatchUp.say(root.querySelector("[data-catchup-mine-download]"),
                "Everything saved is in the file my-catch-up-" + data.program + ".html, in your downloads.");
  }
  function restoreFrom(file) {
    var reader = new FileReader();
    reader.onload = function () {
      var found = null;
      try {
        var page = new DOMParser().parseFromString(String(reader.result), "text/html");
        found = JSON.parse(page.getElementById("catchup-backup").textContent).kept;
      } catch (error) {
        found = null;
      }
      var keys = found && typeof found === "object" ? Object.keys(found).filter(function (key) {
        return KEY.test(key) && wellFormed(key, found[key]);
      }) : [];
      if (!keys.length) {
        CatchUp.say(root.querySelector("[data-catchup-mine-download]"), "This file is not a copy made by Download everything.");
        return;
      }
      pending = { kept: found, keys: keys };
      var sessions = keys.filter(function (key) { return key.indexOf("catchup:checklist:") === 0; }).length;
      var answered = {};
      keys.forEach(function (key) {
        if (/^catchup:(answers|logs):/.test(key) && key !== "catchup:answers:safety-plan") answered[key.split(":")[2]] = true;
      });
      var answers = Object.keys(answered).length;
      root.querySelector("[data-catchup-mine-preview-text]").textContent =
        "This file has catch-up steps for " + sessions + " session(s) and answers or log entries for " + answers +
        " session(s). Loading it replaces what this device keeps for those sessions, and saves your ticks and answers on this device from now on.";
      preview.hidden = false;
    };
    if (file.size > MAX_FILE) {
      CatchUp.say(root.querySelector("[data-catchup-mine-download]"), "This file is too large to be a copy made by Download everything.");
      return;
    }
    reader.readAsText(file);
  }
  function replace() {
    if (!pending) return;
    var failed = store.optIn() ? pending.keys.filter(function (key) {
      return !store.write(key.slice("catchup:".length), pending.kept[key]);
    }).length : pending.keys.length;
    pending = null;
    preview.hidden = true;
    show();
    CatchUp.say(root.querySelector("[data-catchup-mine-download]"), failed
      ? "Only part of your copy could be put back: this device has no room for " + failed + " item(s), or does not let sites save."
      : "Your copy is back on this device.");
  }
  function bring() {
    var section = element("section", { class: "catchup-bring" }, [element("h2", {}, ["To bring to my next session"])]);
    data.sessions.forEach(function (session) {
      if (!status(session).caughtUp) return;
      section.append(element("h3", {}, ["Session " + session.number + ": " + session.title]));
      if (session.reflection.length) {
        section.append(element("ul", {}, session.reflection.map(function (q) { return element("li", {}, [q]); })));
      }
    });
    if (questions.value.trim()) {
      section.append(element("h3", {}, ["My questions"]), element("p", {}, [questions.value.trim()]));
    }
    root.querySelectorAll(".catchup-bring").forEach(function (old) { old.remove(); });
    root.querySelector("[data-catchup-mine-print]").closest("p").insertAdjacentElement("afterend", section);
    CatchUp.printWorksheet(section);
  }

  questions.addEventListener("input", function () {
    if (!store.optedIn()) return;
    if (questions.value.trim()) store.write(questionsName, questions.value);
    else store.remove(questionsName);
  });
  root.querySelector("[data-catchup-mine-download]").addEventListener("click", download);
  root.querySelector("[data-catchup-mine-restore]").addEventListener("change", function (event) {
    if (event.target.files.length) restoreFrom(event.target.files[0]);
    event.target.value = "";  // the same file can be chosen again
  });
  root.querySelector("[data-catchup-mine-replace]").addEventListener("click", replace);
  root.querySelector("[data-catchup-mine-cancel]").addEventListener("click", function () {
    pending = null;
    preview.hidden = true;
  });
  root.querySelector("[data-catchup-mine-print]").addEventListener("click", bring);
  document.addEventListener("catchup:storage", function (event) {
    if (event.detail.reason === "saving" && questions.value.trim()) store.write(questionsName, questions.value);
    if (event.detail.reason === "cleared") questions.value = "";
    show();
  });
  show();
})();
