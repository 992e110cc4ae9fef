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
  var word = CatchUp.word;
  var wordNodes = CatchUp.wordNodes;
  var language = document.documentElement.lang || "en";
  /* "Thought record, Mood log and Sleep diary", in the page's language where the browser knows how. */
  function listed(names) {
    return window.Intl && Intl.ListFormat ? new Intl.ListFormat(language, { type: "conjunction" }).format(names)
                                          : names.join(", ");
  }
  /* "2027-03-05" written out in the page's language. */
  function dayText(text) {
    var parts = text.split("-");
    return new Date(Date.UTC(+parts[0], +parts[1] - 1, +parts[2])).toLocaleDateString(
      language, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  }
  function sessionTitle(session) {
    return word("mine-session", { number: session.number, title: session.title });
  }
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
      var values = { session: element("a", { href: session.href }, [sessionTitle(session)]), group: session.track,
                     done: state.done, total: state.total };
      var parts = wordNodes(state.caughtUp ? "mine-caught-up" : state.done ? "mine-steps-done" : "mine-not-started",
                            values);
      if (state.filled.length) {
        parts.push(" ", word("mine-answers-in",
                             { worksheets: listed(state.filled.map(function (sheet) { return sheet.title; })) }));
      }
      return element("li", { "data-catchup-mine-session": session.id }, parts);
    });
    list.replaceChildren.apply(list, items);
    summary.textContent = store.optedIn()
      ? word(data.sessions.length === 1 ? "mine-progress-one" : "mine-progress-other",
             { done: caught, count: data.sessions.length })
      : word("mine-nothing-saved");
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
  /* A line of the file: what it answers, in bold, then the answer. */
  function labelled(label, text) {
    return element("p", {}, [element("strong", {}, [word("mine-file-label", { label: label })]), " ", text]);
  }
  function readable(kept) {
    var lines = [];
    data.sessions.forEach(function (session) {
      var ticks = kept["catchup:checklist:" + session.id];
      var answers = kept["catchup:answers:" + session.id] || {};
      var logs = kept["catchup:logs:" + session.id] || {};
      if (!ticks && !Object.keys(answers).length && !Object.keys(logs).length) return;
      lines.push(element("h2", {}, [sessionTitle(session)]));
      if (ticks) lines.push(element("p", {}, [word("mine-file-steps", { done: count(ticks), total: ticks.total })]));
      Object.keys(answers).sort().forEach(function (key) {
        lines.push(labelled(key, String(answers[key])));
      });
      Object.keys(logs).forEach(function (sheet) {
        (logs[sheet] || []).forEach(function (entry) {
          lines.push(labelled(word("mine-file-entry", { worksheet: sheet, date: dayText(entry.date) }),
                              Object.keys(entry.answers).map(function (k) { return entry.answers[k]; }).join("; ")));
        });
      });
    });
    var plan = kept["catchup:answers:safety-plan"];
    if (plan) {
      lines.push(element("h2", {}, [word("mine-file-safety-plan")]));
      Object.keys(plan).sort().forEach(function (key) {
        lines.push(labelled(key, String(plan[key])));
      });
    }
    var asked = kept["catchup:" + questionsName];
    if (asked) lines.push(element("h2", {}, [word("mine-file-questions")]), element("p", {}, [asked]));
    var others = Object.keys(kept).filter(function (key) {
      return !/^catchup:(answers:safety-plan|questions:)/.test(key) &&
        !data.sessions.some(function (session) { return key.slice(key.lastIndexOf(":") + 1) === session.id; });
    });
    if (others.length) {
      lines.push(element("p", {}, [word(others.length === 1 ? "mine-file-others-one" : "mine-file-others-other",
                                        { count: others.length })]));
    }
    return lines;
  }
  function download() {
    var kept = everything();
    var title = word("mine-file-title", { program: data.title });
    var page = document.implementation.createHTMLDocument(title);
    page.documentElement.lang = language;
    page.body.append(element("h1", {}, [title]),
                     element("p", {}, [word("mine-file-saved-on", { date: new Date().toLocaleDateString(language) })]));
    readable(kept).forEach(function (node) { page.body.append(page.importNode(node, true)); });
    var script = page.createElement("script");
    script.type = "application/json";
    script.id = "catchup-backup";
    script.textContent = JSON.stringify({ program: data.program, kept: kept }).replace(/</g, "\\u003c");
    page.body.append(script);
    var file = word("mine-file-name", { program: data.program });
    CatchUp.download(file, "<!doctype html>\n" + page.documentElement.outerHTML, "text/html");
    CatchUp.say(root.querySelector("[data-catchup-mine-download]"), word("mine-downloaded", { file: file }));
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
        CatchUp.say(root.querySelector("[data-catchup-mine-download]"), word("mine-not-a-copy"));
        return;
      }
      pending = { kept: found, keys: keys };
      var sessions = keys.filter(function (key) { return key.indexOf("catchup:checklist:") === 0; }).length;
      var answered = {};
      keys.forEach(function (key) {
        if (/^catchup:(answers|logs):/.test(key) && key !== "catchup:answers:safety-plan") answered[key.split(":")[2]] = true;
      });
      var answers = Object.keys(answered).length;
      root.querySelector("[data-catchup-mine-preview-text]").textContent = [
        word(sessions === 1 ? "mine-preview-steps-one" : "mine-preview-steps-other", { count: sessions }),
        word(answers === 1 ? "mine-preview-answers-one" : "mine-preview-answers-other", { count: answers }),
        word("mine-preview-replaces")].join(" ");
      preview.hidden = false;
    };
    if (file.size > MAX_FILE) {
      CatchUp.say(root.querySelector("[data-catchup-mine-download]"), word("mine-too-large"));
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
      ? word(failed === 1 ? "mine-restored-part-one" : "mine-restored-part-other", { count: failed })
      : word("mine-restored"));
  }
  function bring() {
    var section = element("section", { class: "catchup-bring" }, [element("h2", {}, [word("mine-bring")])]);
    data.sessions.forEach(function (session) {
      if (!status(session).caughtUp) return;
      section.append(element("h3", {}, [sessionTitle(session)]));
      if (session.reflection.length) {
        section.append(element("ul", {}, session.reflection.map(function (q) { return element("li", {}, [q]); })));
      }
    });
    if (questions.value.trim()) {
      section.append(element("h3", {}, [word("mine-bring-questions")]), element("p", {}, [questions.value.trim()]));
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
