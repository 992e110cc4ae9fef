/* Catch-Up: an offline copy of a program, kept only when the participant asks.
 *
 * A program's page has "Keep this program on this device for offline use". Until it is pressed,
 * nothing is cached and no service worker is registered. Pressing it registers sw.js (at the root
 * of the site; its address is in the page's <meta name="catchup-offline-worker">) and asks it to
 * keep every file that offline/<program>.json lists in the browser's Cache Storage. "Remove the
 * offline copy" deletes that copy and, when no other program is kept, unregisters the worker;
 * "Clear everything on this device" (store.js) removes every copy from any page.
 *
 * Where a service worker cannot run (opened from disk, an older browser, a page not served over
 * https or from this computer), the section stays hidden. Every word shown comes from the page:
 * the status line's data-say-* attributes.
 */
(function () {
  "use strict";

  // The worker's cache names: "catchup-offline <site path> <program> <version>" (see sw.js).
  var PREFIX = "catchup-offline ";
  var meta = document.querySelector('meta[name="catchup-offline-worker"]');
  if (!meta || !canRun()) return;
  var workerUrl = new URL(meta.content, location.href).href;
  var scope = new URL(".", workerUrl).href;
  var site = PREFIX + new URL(scope).pathname + " ";

  function canRun() {
    return (location.protocol === "https:" || location.protocol === "http:") && window.isSecureContext === true &&
      "serviceWorker" in navigator && "caches" in window;
  }

  /* The names of the copies kept of this site (of one program, if given). */
  function copies(program) {
    var start = site + (program ? program + " " : "");
    return caches.keys().then(function (names) {
      return names.filter(function (name) { return name.indexOf(start) === 0; });
    });
  }

  function registration() {
    return navigator.serviceWorker.getRegistration(scope).then(function (found) {
      return found && found.scope === scope ? found : null;
    });
  }

  /* Delete the copies (of one program, or all), then the worker if no copy is left. */
  function removeCopies(program) {
    return copies(program).then(function (names) {
      return Promise.all(names.map(function (name) { return caches.delete(name); }));
    }).then(function () {
      return copies();
    }).then(function (left) {
      if (left.length) return null;
      return registration().then(function (found) { return found && found.unregister(); });
    });
  }

  /* What a kept copy holds ({files, bytes}, from its stored list), or null. */
  function summary(program) {
    return copies(program).then(function (names) {
      if (!names.length) return null;
      return caches.open(names[0]).then(function (cache) {
        return cache.match(new URL("offline/" + program + ".json", scope).href);
      }).then(function (stored) { return stored ? stored.json() : null; });
    });
  }

  function activeWorker(found) {
    if (found.active) return Promise.resolve(found.active);
    var worker = found.installing || found.waiting;
    return new Promise(function (resolve, reject) {
      worker.addEventListener("statechange", function () {
        if (worker.state === "activated") resolve(worker);
        if (worker.state === "redundant") reject(new Error("redundant"));
      });
    });
  }

  /* Register the worker and ask it to keep the program; resolves with its answer. */
  function keep(program) {
    return navigator.serviceWorker.register(workerUrl, { scope: scope }).then(activeWorker).then(function (worker) {
      return new Promise(function (resolve) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) { resolve(event.data || { ok: false }); };
        worker.postMessage({ keep: program }, [channel.port2]);
      });
    });
  }

  document.addEventListener("catchup:storage", function (event) {
    if (event.detail && event.detail.reason === "cleared") removeCopies().then(function () { showKept(false); });
  });

  var box = document.querySelector("[data-catchup-offline]");
  var program = box && box.getAttribute("data-catchup-offline");
  var keepButton = box && box.querySelector("[data-catchup-offline-keep]");
  var removeButton = box && box.querySelector("[data-catchup-offline-remove]");
  var status = box && box.querySelector("[data-catchup-offline-status]");
  var busy = false;

  function showKept(kept) {
    if (!box) return;
    var from = kept ? keepButton : removeButton;
    var to = kept ? removeButton : keepButton;
    to.hidden = false;
    if (document.activeElement === from) to.focus(); // the pressed button goes away: focus stays on the other
    from.hidden = true;
  }

  function megabytes(bytes) {
    var lang = document.documentElement.lang || undefined;
    return Math.max(bytes / 1e6, 0.1).toLocaleString(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  }

  function say(key, kept) {
    var text = status.getAttribute("data-say-" + key) || "";
    if (kept) text = text.replace("{files}", kept.files.toLocaleString()).replace("{size}", megabytes(kept.bytes));
    status.textContent = text;
  }

  function working(on) {
    busy = on;
    keepButton.setAttribute("aria-disabled", on ? "true" : "false");
    removeButton.setAttribute("aria-disabled", on ? "true" : "false");
  }

  if (!box || !program || !keepButton || !removeButton || !status) return;
  box.hidden = false;

  summary(program).then(function (kept) {
    if (!kept) return;
    showKept(true);
    say("kept", kept);
    // The copy is there but its worker is not (removed in the browser's tools): register it again.
    registration().then(function (found) { return found || navigator.serviceWorker.register(workerUrl, { scope: scope }); });
  }).catch(function () { /* no copy to show */ });

  keepButton.addEventListener("click", function () {
    if (busy) return;
    working(true);
    say("saving");
    keep(program).then(function (answer) {
      if (!answer.ok) throw answer;
      showKept(true);
      say("kept", answer);
    }).catch(function (answer) {
      say(answer && answer.full ? "full" : "failed");
      return removeCopies(program); // nothing half-kept, and no worker without a copy
    }).catch(function () { /* nothing more to undo */ }).then(function () {
      working(false);
    });
  });

  removeButton.addEventListener("click", function () {
    if (busy) return;
    working(true);
    removeCopies(program).then(function () {
      showKept(false);
      say("removed");
    }, function () {
      say("not-removed");
    }).then(function () {
      working(false);
    });
  });
})();
