// Enhancement only: everything works without this script.
(function () {
  // Two minutes before an idle session ends, show the warning with its "stay signed in" form
  // (a plain POST that works without JavaScript too).
  var deadline = Number(document.body.getAttribute("data-idle-deadline"));
  var warning = document.getElementById("session-warning");
  if (deadline && warning) {
    var wait = deadline - Date.now() - 2 * 60 * 1000;
    setTimeout(function () { warning.hidden = false; }, Math.max(wait, 0));
  }
  // A source address under pressure (e.g. a busy shelter network): the form carries a
  // proof-of-work challenge. Find the number whose SHA-256 matches, put the answer in the
  // form's "altcha" field and let the person send the form again.
  var busy = document.querySelector("form[data-proof]");
  if (busy && window.crypto && crypto.subtle && window.TextEncoder) {
    var c = JSON.parse(busy.getAttribute("data-proof"));
    var button = busy.querySelector("button[type=submit]");
    var status = busy.querySelector(".proof-status");
    if (button) { button.disabled = true; }
    var encoder = new TextEncoder();
    var hex = function (buffer) {
      return Array.prototype.map.call(new Uint8Array(buffer), function (b) {
        return ("0" + b.toString(16)).slice(-2);
      }).join("");
    };
    var done = function (n) {
      busy.querySelector("input[name=altcha]").value = btoa(JSON.stringify({
        algorithm: c.algorithm, challenge: c.challenge, number: n, salt: c.salt,
        signature: c.signature, maxnumber: c.maxnumber
      }));
      if (button) { button.disabled = false; }
      if (status) { status.textContent = status.getAttribute("data-proof-done"); }
    };
    var tryFrom = function (start) {
      var batch = [];
      for (var n = start; n < start + 500 && n <= c.maxnumber; n++) {
        batch.push(crypto.subtle.digest("SHA-256", encoder.encode(c.salt + n)));
      }
      Promise.all(batch).then(function (digests) {
        for (var i = 0; i < digests.length; i++) {
          if (hex(digests[i]) === c.challenge) { return done(start + i); }
        }
        if (start + 500 <= c.maxnumber) { tryFrom(start + 500); }
      });
    };
    tryFrom(0);
  }
  // Installable and offline: the service worker keeps the app shell and Entry Requirements.
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js").catch(function () {});
  }
})();
