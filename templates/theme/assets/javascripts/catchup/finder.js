/* Catch-Up: find the session you missed from your group and the day you missed it.
 *
 * The schedules are embedded in the page (a <script type="application/json">), so this works
 * from file:// and fetches nothing. Each program's own small script (finder/<program>.js, from
 * the same site, added to the page when the program is chosen) lists its tracks' sessions and
 * meetings: each meeting as [day number, session], and the days a group would have met but did
 * not (a holiday, a closure, a meeting moved), with why. The site's generator works that list out
 * (generator/render/meetings.py), the same one its calendar files use, so this script counts
 * nothing: it looks the day up. Days are whole calendar days, in UTC, so that no time zone or
 * daylight saving change can shift them.
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

  /* What a track did on a day. Returns {kind, ...}: kind is "found" (the group met that day;
   * `session`), "closed" (it would have met but did not: `reason`, and `next`, its next meeting
   * if known), "other-day" (not one of its days: `meeting` and `session`, its last meeting
   * before), "before-start", "after-end" (a sequence that had finished), "beyond" (further ahead
   * than the meetings are known: `until`) or "no-start" (no start date to count from). */
  function lookUp(track, dateText) {
    var day = dayNumber(dateText);
    if (day === null) return { kind: "no-date" };
    var meetings = track.meetings || [];
    if (!meetings.length) return { kind: "no-start" };
    if (day < meetings[0][0]) return { kind: "before-start", first: meetings[0][0] };
    var before = null, next = null;
    for (var i = 0; i < meetings.length; i++) {
      if (meetings[i][0] === day) return { kind: "found", day: day, meeting: day, session: track.sessions[meetings[i][1]] };
      if (meetings[i][0] < day) before = meetings[i];
      else if (!next) next = meetings[i];
    }
    var reason = (track.closed || {})[day];
    if (reason !== undefined) {
      return { kind: "closed", day: day, reason: reason,
               next: next ? { day: next[0], session: track.sessions[next[1]] } : null };
    }
    var last = meetings[meetings.length - 1];
    if (track.order !== "cycle" && meetings.length >= track.sessions.length && day > track.until) {
      return { kind: "after-end", day: day, meeting: last[0], session: track.sessions[last[1]] };
    }
    if (track.until !== null && day > track.until) return { kind: "beyond", day: day, until: track.until };
    return { kind: "other-day", day: day, meeting: before[0], session: track.sessions[before[1]] };
  }

  function dateText(day, parts) {
    var options = parts || { weekday: "long", year: "numeric", month: "long", day: "numeric" };
    options.timeZone = "UTC";
    return new Date(day * DAY).toLocaleDateString(language, options);
  }

  var today = window.CatchUp.today;
  var element = window.CatchUp.element;

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
      case "closed":
        var nodes = [element("p", {}, ["The " + group + " did not meet on " + dateText(found.day) + ": " +
                                       found.reason + "."])];
        if (found.next) {
          var ahead = found.next.day > dayNumber(today());
          nodes.push(element("p", {}, ["Its next meeting " + (ahead ? "is" : "was") + " on " + dateText(found.next.day) +
                                       ": ", element("strong", {}, [sessionName(found.next.session)]), "."]),
                     openLink(found.next.session));
        }
        return nodes;
      case "beyond":
        return [element("p", {}, ["We know the " + group + "'s sessions up to " + dateText(found.until) +
                                  ". Ask your team about later days, or pick from ", listLink, "."])];
      case "other-day":
        return [element("p", {}, ["The " + group + " did not meet on " + dateText(found.day) +
                                  ". It meets " + track.when + "."]),
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
      program.tracks.forEach(function (track) {
        var known = loaded[track.id] || {};
        track.sessions = known.sessions || [];
        track.meetings = known.meetings || [];
        track.closed = known.closed || {};
        track.until = known.until === undefined ? null : known.until;
      });
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
