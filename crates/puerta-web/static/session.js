// Enhancement only: two minutes before an idle session ends, show the warning with its
// "stay signed in" form (a plain POST that works without this script too).
(function () {
  var deadline = Number(document.body.getAttribute("data-idle-deadline"));
  var warning = document.getElementById("session-warning");
  if (!deadline || !warning) { return; }
  var wait = deadline - Date.now() - 2 * 60 * 1000;
  setTimeout(function () { warning.hidden = false; }, Math.max(wait, 0));
})();
