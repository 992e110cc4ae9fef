/* Catch-Up: logs, worksheets filled in again and again (a mood log, a sleep diary).
 *
 * Each entry has a day and the answers to the log's questions. Entries are listed newest first;
 * each can be edited or deleted; "Print the last 7 days" prints them as a table. They are kept
 * only after the participant opts in (see store.js), under "catchup:logs:<session id>" as
 * {"<worksheet id>": [{"id", "date", "answers": {"<question number>": answer}}]}; before that,
 * they last as long as the page is open. Nothing is ever sent anywhere.
 */
(function () {
  "use strict";
  var CatchUp = window.CatchUp;
  var store = CatchUp.store;
  var word = CatchUp.word;

  var element = CatchUp.element;
  var setValue = CatchUp.fields.setValue;
  var question = CatchUp.fields.question;
  var today = CatchUp.today;
  function valueOf(field) {
    return CatchUp.fields.valueOf(field).trim();
  }
  /* "2027-03-05", a real day of a four-digit year. */
  function validDate(text) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typeof text === "string" ? text : "");
    if (!match) return false;
    var day = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
    return day.getUTCDate() === +match[3] && day.getUTCMonth() === +match[2] - 1;
  }
  function dayText(text) {
    var parts = text.split("-");
    return new Date(Date.UTC(+parts[0], +parts[1] - 1, +parts[2])).toLocaleDateString(
      document.documentElement.lang || "en", { weekday: "long", year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  }

  function setUp(form) {
    var name = "logs:" + form.getAttribute("data-catchup-session");
    var sheet = form.getAttribute("data-catchup-log");
    var date = form.querySelector("[data-catchup-log-date]");
    var fields = Array.prototype.slice.call(form.querySelectorAll("[data-catchup-log-key]"));
    var list = form.querySelector("[data-catchup-log-entries]");
    var add = form.querySelector("[data-catchup-log-add]");
    var addText = add.textContent;  // the page's words for the button, given back after an edit
    var cancel = element("button", { type: "button", class: "md-button", hidden: "" }, [word("log-cancel")]);
    add.insertAdjacentElement("afterend", cancel);
    add.insertAdjacentText("afterend", " ");
    cancel.addEventListener("click", function () {
      reset();
      CatchUp.say(add, word("log-not-changed"));
      add.focus();
    });
    var editing = null;
    var entries = load();

    /* The entries as stored, keeping only well-formed ones (a file restored on My catch-up, or
       another tab, may hold anything). */
    function load() {
      var saved = store.read(name) || {};
      var list = Array.isArray(saved[sheet]) ? saved[sheet] : [];
      var seen = {};
      return list.filter(function (entry) {
        var ok = entry && typeof entry.id === "number" && !seen[entry.id] && validDate(entry.date) &&
          entry.answers && typeof entry.answers === "object" &&
          Object.keys(entry.answers).every(function (key) { return typeof entry.answers[key] === "string"; });
        if (ok) seen[entry.id] = true;
        return ok;
      });
    }

    function save() {
      if (!store.optedIn()) return;
      var all = store.read(name);
      if (!all || typeof all !== "object" || Array.isArray(all)) all = {};
      if (entries.length) all[sheet] = entries;
      else delete all[sheet];
      if (Object.keys(all).length) store.write(name, all);
      else store.remove(name);
    }
    function reset() {
      editing = null;
      date.value = today();
      fields.forEach(function (field) { setValue(field, ""); });
      add.textContent = addText;
      cancel.hidden = true;
    }
    function sorted() {
      return entries.slice().sort(function (a, b) { return a.date < b.date ? 1 : a.date > b.date ? -1 : b.id - a.id; });
    }
    function show() {
      var items = sorted().map(function (entry) {
        var answers = element("dl", {}, []);
        fields.forEach(function (field) {
          var key = field.getAttribute("data-catchup-log-key");
          answers.append(element("dt", {}, [question(field)]), element("dd", {}, [entry.answers[key] || word("no-answer")]));
        });
        var day = { date: dayText(entry.date) };
        var edit = element("button", { type: "button", class: "md-button", "aria-label": word("log-edit-label", day) },
                           [word("log-edit")]);
        var remove = element("button", { type: "button", class: "md-button", "aria-label": word("log-delete-label", day) },
                             [word("log-delete")]);
        edit.addEventListener("click", function () {
          editing = entry.id;
          date.value = entry.date;
          fields.forEach(function (field) { setValue(field, entry.answers[field.getAttribute("data-catchup-log-key")]); });
          add.textContent = word("log-save-changes");
          cancel.hidden = false;
          date.focus();
        });
        remove.addEventListener("click", function (event) {
          entries = entries.filter(function (other) { return other.id !== entry.id; });
          save();
          show();
          CatchUp.say(add, word("log-deleted", day));
          if (editing === entry.id) reset();
          list.focus();  // the button is gone: keep the keyboard in the list
          event.preventDefault();
        });
        return element("li", { class: "catchup-log__entry" }, [
          element("p", {}, [element("strong", {}, [dayText(entry.date)])]), answers,
          element("p", { class: "catchup-buttons" }, [edit, " ", remove])]);
      });
      list.replaceChildren.apply(list, items.length ? items : [element("li", {}, [word("log-empty")])]);
    }
    function week() {
      var newest = sorted()[0];
      if (!newest) return null;
      var last = new Date(newest.date + "T00:00:00Z").getTime();
      var from = new Date(last - 6 * 86400000).toISOString().slice(0, 10);
      var rows = sorted().filter(function (entry) { return entry.date >= from; }).reverse();
      var head = element("tr", {}, [element("th", { scope: "col" }, [word("log-day")])].concat(fields.map(function (field) {
        return element("th", { scope: "col" }, [question(field)]);
      })));
      var body = rows.map(function (entry) {
        return element("tr", {}, [element("th", { scope: "row" }, [dayText(entry.date)])].concat(fields.map(function (field) {
          return element("td", {}, [entry.answers[field.getAttribute("data-catchup-log-key")] || ""]);
        })));
      });
      return element("table", { class: "catchup-log__week" }, [
        element("caption", {}, [word("log-week", { first: dayText(from), last: dayText(newest.date) })]),
        element("thead", {}, [head]), element("tbody", {}, body)]);
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var answers = {};
      fields.forEach(function (field) {
        var value = valueOf(field);
        if (value) answers[field.getAttribute("data-catchup-log-key")] = value;
      });
      if (!validDate(date.value) || !Object.keys(answers).length) {
        CatchUp.say(add, word("log-incomplete"));
        return;
      }
      if (editing !== null && entries.some(function (entry) { return entry.id === editing; })) {
        entries = entries.map(function (entry) {
          return entry.id === editing ? { id: entry.id, date: date.value, answers: answers } : entry;
        });
        CatchUp.say(add, word("log-changed", { date: dayText(date.value) }));
      } else {
        var stored = load();  // ids from what is stored too, so two tabs never give one id twice
        var id = entries.concat(stored).reduce(function (most, entry) { return Math.max(most, entry.id); }, 0) + 1;
        entries.push({ id: id, date: date.value, answers: answers });
        CatchUp.say(add, word("log-added", { date: dayText(date.value) }));
      }
      save();
      show();
      reset();
    });
    form.querySelector("[data-catchup-log-print]").addEventListener("click", function (event) {
      var table = week();
      if (!table) {
        CatchUp.say(event.target, word("log-nothing-to-print"));
        return;
      }
      form.querySelectorAll(".catchup-log__week").forEach(function (old) { old.remove(); });
      form.appendChild(table);  // after the tools, which do not print
      document.body.classList.add("catchup-print-log");
      window.addEventListener("afterprint", function done() {
        document.body.classList.remove("catchup-print-log");
        table.remove();
        window.removeEventListener("afterprint", done);
      });
      CatchUp.printWorksheet(form);
    });
    document.addEventListener("catchup:storage", function (event) {
      if (event.detail.reason === "saving") save();
      if (event.detail.reason === "cleared") {
        entries = [];
        reset();
        show();
      }
    });
    window.addEventListener("storage", function (event) {  // another tab, or a restore on My catch-up
      if (event.key === "catchup:" + name) {
        entries = load();
        show();
      }
    });
    list.tabIndex = -1;
    reset();
    show();
  }

  document.querySelectorAll("form[data-catchup-log]").forEach(setUp);
})();
