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
  var word = window.CatchUp.word;
  var wordNodes = window.CatchUp.wordNodes;

  /* A session named in an answer, in bold: "session 3: Thinking traps". */
  function sessionName(session) {
    return element("strong", {}, [word("finder-session", { number: session.number, title: session.title })]);
  }

  function openLink(session) {
    return element("p", {}, [element("a", { class: "md-button md-button--primary", href: session.href },
                                          [word("finder-open", { number: session.number })])]);
  }

  function show(nodes) {
    result.replaceChildren.apply(result, nodes);
    result.hidden = false;
    result.focus();
  }

  /* One paragraph of an answer: one whole message, its values filled in (nodes where a link or
     a session name goes). */
  function paragraph(nodes) {
    return element("p", {}, nodes);
  }

  function explain(program, track, found) {
    var listLink = element("a", { href: program.href + "#sessions" }, [word("finder-list-link")]);
    var past = found.day !== undefined && found.day <= dayNumber(today());
    var values = { group: track.title, list: listLink };
    if (found.day !== undefined) values.date = dateText(found.day);
    if (found.session) values.session = sessionName(found.session);
    switch (found.kind) {
      case "found":
        return [paragraph(wordNodes(past ? "finder-found-past" : "finder-found-ahead", values)), openLink(found.session)];
      case "closed":
        values.reason = found.reason;
        var nodes = [paragraph(wordNodes("finder-closed", values))];
        if (found.next) {
          var ahead = found.next.day > dayNumber(today());
          nodes.push(paragraph(wordNodes(ahead ? "finder-next-ahead" : "finder-next-past",
                                         { date: dateText(found.next.day), session: sessionName(found.next.session) })),
                     openLink(found.next.session));
        }
        return nodes;
      case "beyond":
        values.date = dateText(found.until);
        return [paragraph(wordNodes("finder-beyond", values))];
      case "other-day":
        values.when = track.when;
        return [paragraph(wordNodes("finder-other-day", values)),
                paragraph(wordNodes("finder-last-before", { date: dateText(found.meeting), session: values.session })),
                openLink(found.session)];
      case "before-start":
        values.date = dateText(found.first);
        return [paragraph(wordNodes("finder-before-start", values))];
      case "after-end":
        values.date = dateText(found.meeting);
        return [paragraph(wordNodes("finder-after-end", values))];
      case "no-start":
        return [paragraph(wordNodes("finder-no-start", values))];
      default:
        return [paragraph(wordNodes("finder-no-date"))];
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
      show([paragraph(wordNodes("finder-not-loaded", {
        page: element("a", { href: program.href + "#sessions" }, [word("finder-program-page-link")]) }))]);
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
    fill(trackField, program ? program.tracks : [], trackField.value, word("finder-choose-group"));
  }

  var wanted = new URLSearchParams(window.location.search).get("program");
  fill(programField, data.programs, wanted, word("finder-choose-program"));
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
      show([paragraph(wordNodes("finder-missing"))]);
      missing.focus();
      return;
    }
    withSessions(program, function () { show(explain(program, track, lookUp(track, dateField.value))); });
  });

  window.CatchUp = window.CatchUp || {};
  window.CatchUp.finder = { lookUp: lookUp, dayNumber: dayNumber, program: program };
})();
