/* Catch-Up: find the session you missed from your group and the day you missed it.
 *
 * The schedules are embedded in the page (a <script type="application/json">), so this works
 * from file:// and fetches nothing. The sessions of a program come from its own small script
 * (finder/<program>.js, from the same site), added to the page when the program is chosen, so
 * the page stays small however many sessions a site has. A group meets on its weekdays from its start date; the n-th
 * meeting is session n (sequence), or session n counted round and round (cycle: an open group
 * whose topics repeat). Days are counted as whole calendar days, in UTC, so that no time zone
 * or daylight saving change can shift them.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-catchup-finder]");
  if (!root) return;

  var DAY = 86400000;
  var data = JSON.parse(root.querySelector("script[data-catchup-finder-data]").textContent);
  var form = root.querySelector("form");
  var programField = form.elements.program;
  var trackField = form.elements.track;
  var dateField = form.elements.date;
  var result = root.querySelector("[data-catchup-finder-result]");
  var language = document.documentElement.lang || "en";

  /* "2027-01-12" as a day number (days since 1970-01-01), or null. */
  function dayNumber(text) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
    if (!match) return null;
    var time = Date.UTC(+match[1], +match[2] - 1, +match[3]);
    if (new Date(time).getUTCDate() !== +match[3]) return null;
    return time / DAY;
  }

  function weekday(day) {
    return new Date(day * DAY).getUTCDay();
  }

  function meets(track, day) {
    return track.days.indexOf(weekday(day)) !== -1;
  }

  /* How many meetings fall on the days from `from` up to, not including, `to`. */
  function meetingsBetween(track, from, to) {
    if (to <= from) return 0;
    var weeks = Math.floor((to - from) / 7);
    var count = weeks * track.days.length;
    for (var day = from + weeks * 7; day < to; day++) if (meets(track, day)) count++;
    return count;
  }

  function nextMeeting(track, day) {
    while (!meets(track, day)) day++;
    return day;
  }

  function previousMeeting(track, day) {
    do day--; while (!meets(track, day));
    return day;
  }

  function meetingDay(track, first, index) {
    var perWeek = track.days.length;
    var day = first + Math.floor(index / perWeek) * 7;
    var count = Math.floor(index / perWeek) * perWeek;
    for (;; day++) {
      if (!meets(track, day)) continue;
      if (count === index) return day;
      count++;
    }
  }

  /* Which session a track had on a day. Returns {kind, ...}: kind is "found" (the group met that
   * day), "other-day" (it did not; `meeting` is its last meeting before), "before-start",
   * "after-end" (a sequence that had finished) or "no-start" (no start date to count from). */
  function lookUp(track, dateText) {
    var day = dayNumber(dateText);
    if (day === null) return { kind: "no-date" };
    if (!track.start_date) return { kind: "no-start" };
    var first = nextMeeting(track, dayNumber(track.start_date));
    if (day < first) return { kind: "before-start", first: first };
    var kind = meets(track, day) ? "found" : "other-day";
    var meeting = kind === "found" ? day : previousMeeting(track, day);
    var index = meetingsBetween(track, first, meeting);
    var count = track.sessions.length;
    if (track.order === "cycle") {
      return { kind: kind, day: day, meeting: meeting, session: track.sessions[index % count] };
    }
    if (index >= count) {
      return { kind: "after-end", day: day, meeting: meetingDay(track, first, count - 1),
               session: track.sessions[count - 1] };
    }
    return { kind: kind, day: day, meeting: meeting, session: track.sessions[index] };
  }

  function dateText(day, parts) {
    var options = parts || { weekday: "long", year: "numeric", month: "long", day: "numeric" };
    options.timeZone = "UTC";
    return new Date(day * DAY).toLocaleDateString(language, options);
  }

  function today() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    (children || []).forEach(function (child) {
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function sessionName(session) {
    return "session " + session.number + ": " + session.title;
  }

  function openLink(session) {
    return element("p", {}, [element("a", { class: "md-button md-button--primary", href: session.href },
                                          ["Open the catch-up page for session " + session.number])]);
  }

  function show(nodes) {
    result.replaceChildren.apply(result, nodes);
    result.hidden = false;
    result.focus();
  }

  function explain(program, track, found) {
    var group = track.title;
    var listLink = element("a", { href: program.href + "#sessions" }, ["the list of sessions"]);
    var past = found.day !== undefined && found.day <= dayNumber(today());
    switch (found.kind) {
      case "found":
        return [element("p", {}, ["On " + dateText(found.day) + ", the " + group + (past ? " had " : " has "),
                                  element("strong", {}, [sessionName(found.session)]), "."]),
                openLink(found.session)];
      case "other-day":
        return [element("p", {}, ["The " + group + " does not meet on " + dateText(found.day, { weekday: "long" }) +
                                  "s. It meets " + track.when + "."]),
                element("p", {}, ["Its last meeting before that day was on " + dateText(found.meeting) + ": ",
                                  element("strong", {}, [sessionName(found.session)]), "."]),
                openLink(found.session)];
      case "before-start":
        return [element("p", {}, ["The " + group + " starts on " + dateText(found.first) +
                                  ", so it had not met yet on that day. Check the day, or pick from ", listLink, "."])];
      case "after-end":
        return [element("p", {}, ["The " + group + " had finished by that day. Its last meeting was on " +
                                  dateText(found.meeting) + ": ", element("strong", {}, [sessionName(found.session)]),
                                  ". Ask your team which group you are in now, or pick from ", listLink, "."])];
      case "no-start":
        return [element("p", {}, ["We do not know when the " + group + " started, so we cannot work out the session. " +
                                  "Please pick it from ", listLink, "."])];
      default:
        return [element("p", {}, ["Please enter the day you missed, for example 2027-01-12."])];
    }
  }

  /* Calls done(program) once the program's sessions are there, loading its script if need be. */
  var waiting = {};
  function withSessions(program, done) {
    var loaded = (window.CatchUp && window.CatchUp.finderSessions || {})[program.id];
    if (loaded) {
      program.tracks.forEach(function (track) { track.sessions = loaded[track.id] || []; });
      done(program);
      return;
    }
    if (waiting[program.id]) { waiting[program.id].push(done); return; }
    waiting[program.id] = [done];
    var script = document.createElement("script");
    script.src = program.sessions;
    script.onload = function () {
      var callbacks = waiting[program.id];
      delete waiting[program.id];
      callbacks.forEach(function (callback) { withSessions(program, callback); });
    };
    script.onerror = function () {
      delete waiting[program.id];
      show([element("p", {}, ["Sorry, the list of sessions could not be loaded. Please pick the session from ",
                              element("a", { href: program.href + "#sessions" }, ["your program's page"]), "."])]);
    };
    document.head.appendChild(script);
  }

  function program(id) {
    return new Promise(function (resolve) { withSessions(selected(data.programs, id), resolve); });
  }

  function selected(list, id) {
    return list.filter(function (item) { return item.id === id; })[0];
  }

  function fill(select, items, wanted, prompt) {
    var options = items.map(function (item) { return new Option(item.title, item.id); });
    if (items.length !== 1) options.unshift(new Option(prompt, ""));
    select.replaceChildren.apply(select, options);
    if (selected(items, wanted)) select.value = wanted;
  }

  function fillTracks() {
    var program = selected(data.programs, programField.value);
    fill(trackField, program ? program.tracks : [], trackField.value, "Choose your group");
  }

  var wanted = new URLSearchParams(window.location.search).get("program");
  fill(programField, data.programs, wanted, "Choose your program");
  fillTracks();
  programField.addEventListener("change", function () {
    fillTracks();
    var chosen = selected(data.programs, programField.value);
    if (chosen) withSessions(chosen, function () {});  // start loading while they pick the rest
  });
  dateField.value = today();

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var program = selected(data.programs, programField.value);
    var track = program && selected(program.tracks, trackField.value);
    var missing = !program ? programField : !track ? trackField : !dateField.value ? dateField : null;
    [programField, trackField, dateField].forEach(function (field) {
      field.setAttribute("aria-invalid", field === missing ? "true" : "false");
    });
    if (missing) {
      show([element("p", {}, ["Please choose your program, your group and the day you missed."])]);
      missing.focus();
      return;
    }
    withSessions(program, function () { show(explain(program, track, lookUp(track, dateField.value))); });
  });

  window.CatchUp = window.CatchUp || {};
  window.CatchUp.finder = { lookUp: lookUp, dayNumber: dayNumber, program: program };
})();
