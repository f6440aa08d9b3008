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
  // Installable and offline: the service worker keeps the app shell and Entry Requirements.
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js").catch(function () {});
  }
})();
