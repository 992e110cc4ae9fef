/* Catch-Up: search, on the search page (search.html) only.
 *
 * No page loads anything for search until the participant opens this page. Here, at the first
 * search, the scripts the chosen scope needs are added to the page (search/site.js: every
 * page's title and the site-wide pages' text; search/<program>.js: one program's text; see
 * generator/site/search.py), a lunr index is built from them in the browser, and the pages
 * found are listed. Scripts, not fetched files, so that it works from file:// too. Every word
 * shown comes from the page (its data-catchup-search-* attributes); text from the index is
 * shown with textContent only.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-catchup-search]");
  if (!root || typeof window.lunr !== "function") return;
  var lunr = window.lunr;
  var form = root.querySelector("form");
  var field = form.elements.q;
  var scope = form.elements["in"];
  var status = root.querySelector("[data-catchup-search-status]");
  var list = root.querySelector("[data-catchup-search-results]");
  var base = root.getAttribute("data-catchup-search-data");
  var data = window.catchupSearch = window.catchupSearch || {};
  var waiting = {};  /* script name -> callbacks, while it loads */
  var indexes = {};  /* scope -> {index, docs} */
  var MAX_RESULTS = 50;  /* pages listed; the message counts them all */
  var AROUND = 70;  /* characters shown before a word found */

  function words(name, values) {
    var text = root.getAttribute("data-catchup-search-" + name) || "";
    return text.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }

  function say(text) {
    status.textContent = text;
  }

  function load(name, done) {
    if (data[name]) return done(true);
    if (waiting[name]) return waiting[name].push(done);
    waiting[name] = [done];
    var script = document.createElement("script");
    script.src = base + encodeURIComponent(name) + ".js";
    function finish() {
      var callbacks = waiting[name];
      delete waiting[name];
      callbacks.forEach(function (callback) { callback(!!data[name]); });
    }
    script.onload = finish;
    script.onerror = finish;
    document.head.appendChild(script);
  }

  function loadAll(names, done) {
    var left = names.length, ok = true;
    names.forEach(function (name) {
      load(name, function (loaded) {
        ok = ok && loaded;
        left -= 1;
        if (!left) done(ok);
      });
    });
  }

  function programs() {
    return Array.prototype.map.call(scope.options, function (option) { return option.value; })
      .filter(function (value) { return value !== "all"; });
  }

  function scripts(chosen) {
    return ["site"].concat(chosen === "all" ? programs() : [chosen]);
  }

  function language() {
    var lang = data.site.lang;
    return lang !== "en" && lunr[lang] ? lunr[lang] : null;
  }

  function build(names) {
    var docs = [];
    names.forEach(function (name) { docs = docs.concat(data[name].docs); });
    lunr.tokenizer.separator = new RegExp(data.site.separator);
    var own = language();
    var index = lunr(function () {
      if (own) this.use(own);
      this.ref("i");
      this.field("t", { boost: 10 });
      this.field("x");
      this.metadataWhitelist = ["position"];
      for (var i = 0; i < docs.length; i++) this.add({ i: i, t: docs[i][1], x: docs[i][2] });
    });
    return { index: index, docs: docs };
  }

  /* The words searched for, as the index has them (trimmed, without stop words); the search
   * itself stems them. */
  function terms(text) {
    var own = language();
    var trim = own ? own.trimmer : lunr.trimmer;
    var stop = own ? own.stopWordFilter : lunr.stopWordFilter;
    return lunr.tokenizer(text).map(function (token) { return stop(trim(token)); })
      .filter(function (token) { return token && token.toString(); })
      .map(function (token) { return token.toString(); });
  }

  /* Pages with every word first; if none, pages with any word, or a word that starts with it. */
  function find(index, text) {
    var wanted = terms(text);
    if (!wanted.length) return [];
    var found = index.query(function (query) {
      wanted.forEach(function (term) { query.term(term, { presence: lunr.Query.presence.REQUIRED }); });
    });
    if (found.length) return found;
    return index.query(function (query) {
      wanted.forEach(function (term) {
        query.term(term, { boost: 10 });
        query.term(term, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING });
      });
    });
  }

  function firstMatch(result) {
    var first = null;
    var metadata = result.matchData.metadata;
    Object.keys(metadata).forEach(function (term) {
      var where = metadata[term].x;
      (where && where.position || []).forEach(function (position) {
        if (!first || position[0] < first[0]) first = position;
      });
    });
    return first;
  }

  function snippet(text, match) {
    var element = document.createElement("p");
    element.className = "catchup-search__snippet";
    if (!match) {
      element.textContent = text.length > 2 * AROUND ? text.slice(0, 2 * AROUND).replace(/\s\S*$/, "") + "\u2026" : text;
      return element;
    }
    var start = Math.max(0, match[0] - AROUND);
    if (start > 0) start = text.indexOf(" ", start) + 1 || match[0];
    var end = Math.min(text.length, match[0] + match[1] + 2 * AROUND);
    if (end < text.length) end = text.lastIndexOf(" ", end) > match[0] + match[1] ? text.lastIndexOf(" ", end) : end;
    var mark = document.createElement("mark");
    mark.textContent = text.slice(match[0], match[0] + match[1]);
    element.appendChild(document.createTextNode((start > 0 ? "\u2026" : "") + text.slice(start, match[0])));
    element.appendChild(mark);
    element.appendChild(document.createTextNode(text.slice(match[0] + match[1], end) + (end < text.length ? "\u2026" : "")));
    return element;
  }

  function titles() {
    var found = {};
    data.site.pages.forEach(function (page) { found[page[0]] = page[1]; });
    return found;
  }

  function programName(page) {
    var folder = page.indexOf("/") > 0 ? page.split("/")[0] : "";
    var option = Array.prototype.find.call(scope.options, function (each) { return each.value === folder; });
    return option ? option.textContent : words("everyone", {});
  }

  function show(found, docs, text) {
    var pageTitles = titles(), seen = {}, pages = 0;
    list.textContent = "";
    found.forEach(function (result) {
      var doc = docs[+result.ref], page = doc[0].split("#")[0];
      if (seen[page]) return;
      seen[page] = true;
      pages += 1;
      if (pages > MAX_RESULTS) return;
      var item = document.createElement("li");
      var link = document.createElement("a");
      var title = pageTitles[page] || doc[1];
      link.href = doc[0];
      link.textContent = doc[1] && doc[1] !== title ? title + ": " + doc[1] : title;
      var heading = document.createElement("p");
      heading.className = "catchup-search__title";
      heading.appendChild(link);
      var where = document.createElement("p");
      where.className = "catchup-search__program";
      where.textContent = programName(page);
      item.appendChild(heading);
      item.appendChild(where);
      item.appendChild(snippet(doc[2], firstMatch(result)));
      list.appendChild(item);
    });
    list.hidden = !pages;
    var values = { query: text, count: pages };
    var none = scope.value === "all" ? "none-anywhere" : "none";
    say(words(pages === 0 ? none : pages === 1 ? "one" : "many", values));
  }

  function search() {
    var text = field.value.trim();
    if (!text) {
      list.hidden = true;
      return say(words("empty", {}));
    }
    var chosen = scope.value;
    var names = scripts(chosen);
    say(words("loading", {}));
    loadAll(names, function (ok) {
      if (!ok) return say(words("failed", {}));
      setTimeout(function () {  /* let "Searching" show before a large index is built */
        var key = names.join(" ");
        var built = indexes[key] || (indexes[key] = build(names));
        show(find(built.index, text), built.docs, text);
      }, 0);
    });
  }

  function remember() {
    try {
      var query = "?q=" + encodeURIComponent(field.value.trim()) + "&in=" + encodeURIComponent(scope.value);
      history.replaceState(null, "", location.pathname + query);
    } catch (error) { /* some browsers refuse it on file://: the search still runs */ }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    remember();
    search();
  });

  var params = new URLSearchParams(location.search);
  var asked = params.get("in");
  if (asked && Array.prototype.some.call(scope.options, function (option) { return option.value === asked; })) {
    scope.value = asked;
  }
  field.value = params.get("q") || "";
  if (field.value.trim()) search();
})();
