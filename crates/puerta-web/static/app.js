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
  // Appointment forms need the device's position (asked at request and again at confirmation):
  // ask when the form appears, fill the hidden fields, and offer to try again. Without it the
  // server refuses with a message that says what to do.
  var geoForms = document.querySelectorAll("form[data-geolocate]");
  Array.prototype.forEach.call(geoForms, function (form) {
    var box = form.querySelector(".geolocate");
    if (!box || !navigator.geolocation) { return; }
    var status = box.querySelector(".geo-status");
    var retry = box.querySelector(".geo-retry");
    var set = function (name, value) { form.querySelector("input[name=" + name + "]").value = value; };
    // Always a fresh reading: someone refused in one place who moves must be checked where they
    // are now, not where the browser last saw them.
    var locate = function () {
      status.textContent = status.getAttribute("data-working");
      retry.hidden = true;
      navigator.geolocation.getCurrentPosition(function (p) {
        set("latitude", p.coords.latitude);
        set("longitude", p.coords.longitude);
        set("accuracy_m", p.coords.accuracy);
        status.textContent = status.getAttribute("data-done");
        retry.hidden = false;
      }, function (e) {
        status.textContent = status.getAttribute(e.code === 1 ? "data-denied" : "data-unavailable");
        retry.hidden = false;
      }, { enableHighAccuracy: true, timeout: 20000, maximumAge: 0 });
    };
    retry.addEventListener("click", locate);
    // A page that came back refusing the position: let the person move, then try again.
    if (box.querySelector(".error-message")) {
      retry.hidden = false;
    } else {
      locate();
    }
  });
  // Installable and offline: the service worker keeps the app shell and Entry Requirements.
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js").catch(function () {});
  }
})();
