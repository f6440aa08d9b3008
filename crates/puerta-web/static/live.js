// Live updates, an enhancement only: without this script every page shows the same on reload.
// Served as part of the one script of every page (`pages/assets.rs` appends it to app.js), it
// acts only on the pages that hold a live region (#live-status): the dashboard, Messages, a
// conversation and Notifications. There it listens to /api/v1/notifications/stream (Server-Sent
// Events, the session cookie) and
// - keeps every [data-unread] badge current (its words come from /notifications/counts, in the
//   reader's language and plural rules);
// - on Notifications, adds a new notification at the top of the list (each id once);
// - on a conversation, when the stream says it has a new message, reads the page again and
//   replaces the list of messages, so an officer's answer appears without a reload;
// - says what arrived through the live region (role="status").
// It stops listening when the idle session warning would show, so an open page never keeps an
// idle session alive.
(function () {
  "use strict";
  var region = document.getElementById("live-status");
  if (!region || !window.EventSource || !window.fetch || !window.DOMParser) { return; }
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  var parse = function (text) {
    try { return JSON.parse(text); } catch (e) { return null; }
  };
  var announce = function (text) {
    if (!text) { return; }
    // Emptied first, so the same words said twice are announced twice.
    region.textContent = "";
    setTimeout(function () { region.textContent = text; }, 100);
  };

  // Notifications already on the page (and those added since): each is shown once, even when
  // the stream sends it again after a reconnect.
  var seen = {};
  var inbox = document.querySelector("[data-live-inbox]");
  var remember = function () {
    if (!inbox) { return; }
    each(inbox.querySelectorAll("[data-id]"), function (item) { seen[item.getAttribute("data-id")] = true; });
  };
  remember();

  var badges = function () { return document.querySelectorAll("[data-unread]"); };
  var refreshCounts = function () {
    if (!badges().length) { return; }
    fetch("/notifications/counts", { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (counts) {
        if (!counts) { return; }
        each(badges(), function (badge) {
          var count = counts[badge.getAttribute("data-unread")];
          if (count && typeof count.count === "number") {
            badge.textContent = count.text;
            badge.setAttribute("data-count", String(count.count));
          }
        });
      })
      .catch(function () {});
  };
  var countsDiffer = function (counts) {
    var differ = false;
    each(badges(), function (badge) {
      var count = counts[badge.getAttribute("data-unread")];
      if (typeof count === "number" && String(count) !== badge.getAttribute("data-count")) { differ = true; }
    });
    return differ;
  };

  // Regions marked data-live-refresh="thread resync" are read again from this page's address
  // (a conversation's: only for its own thread) and replaced. Answers whether a list grew.
  var refreshRegions = function (reason, thread) {
    var regions = [];
    each(document.querySelectorAll("[data-live-refresh]"), function (el) {
      var reasons = (el.getAttribute("data-live-refresh") || "").split(" ");
      var only = el.getAttribute("data-thread");
      if (el.id && reasons.indexOf(reason) >= 0 && !(reason === "thread" && only && only !== thread)) {
        regions.push(el);
      }
    });
    if (!regions.length) { return Promise.resolve(false); }
    // A conversation shown again after a refused answer has the form's address: read the page.
    var page = location.pathname.replace(/\/reply$/, "");
    return fetch(page, { credentials: "same-origin", cache: "no-store", headers: { Accept: "text/html" } })
      .then(function (r) { return r.ok && !r.redirected ? r.text() : null; })
      .then(function (html) {
        if (!html) { return false; }
        var fresh = new DOMParser().parseFromString(html, "text/html");
        var grew = false;
        regions.forEach(function (el) {
          var next = fresh.getElementById(el.id);
          if (!next) { return; }
          if (next.children.length > el.children.length) { grew = true; }
          while (el.firstChild) { el.removeChild(el.firstChild); }
          while (next.firstChild) { el.appendChild(document.adoptNode(next.firstChild)); }
        });
        remember();
        return grew;
      })
      .catch(function () { return false; });
  };

  // "Tuesday, March 3, 2026, 09:30, Pacific Time (San Diego)", as the server writes times.
  var when = function (iso) {
    var date = new Date(iso);
    if (isNaN(date.getTime()) || !inbox) { return ""; }
    var zone = inbox.getAttribute("data-zone");
    var options = { weekday: "long", year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
    var text;
    try {
      text = new Intl.DateTimeFormat(document.documentElement.lang || undefined, Object.assign({ timeZone: zone }, options)).format(date);
    } catch (e) {
      text = date.toLocaleString();
    }
    var label = inbox.getAttribute("data-zone-label");
    return label ? text + ", " + label : text;
  };

  var addToInbox = function (n) {
    var template = document.getElementById("live-item-template");
    if (!inbox || !template || !template.content) { return; }
    var fragment = document.importNode(template.content, true);
    var item = fragment.querySelector("li");
    var field = function (name) { return item.querySelector("[data-field=" + name + "]"); };
    var id = String(n.id).replace(/[^A-Za-z0-9_-]/g, "");
    item.setAttribute("data-id", id);
    field("title").id = "t-" + id;
    field("title").textContent = n.title || "";
    field("body").textContent = n.body || "";
    field("time").textContent = when(n.created_at);
    field("time").setAttribute("datetime", n.created_at || "");
    var base = "/notifications/" + encodeURIComponent(id);
    field("read").setAttribute("action", base + "/read");
    field("dismiss").setAttribute("action", base + "/dismiss");
    each(item.querySelectorAll("button"), function (b) { b.setAttribute("aria-describedby", "t-" + id); });
    if (n.kind !== "policy_notice") {
      field("notice").parentNode.removeChild(field("notice"));
      field("dismiss").parentNode.removeChild(field("dismiss"));
    }
    if (n.read_at) {
      item.className = "";
      field("unread").parentNode.removeChild(field("unread"));
      field("read").parentNode.removeChild(field("read"));
    }
    inbox.insertBefore(fragment, inbox.firstChild);
    var empty = document.querySelector("[data-live-empty]");
    if (empty) { empty.hidden = true; }
  };

  var onThreadPage = !!document.querySelector("[data-thread]");
  var source = new EventSource("/api/v1/notifications/stream");
  source.addEventListener("ready", function (e) {
    var counts = parse(e.data);
    if (counts && countsDiffer(counts)) { refreshCounts(); }
  });
  source.addEventListener("notification", function (e) {
    var n = parse(e.data);
    if (!n || !n.id || seen[n.id]) { return; }
    seen[n.id] = true;
    addToInbox(n);
    refreshCounts();
    // On a conversation its own announcement says a message arrived.
    if (!n.read_at && !(onThreadPage && n.kind === "new_message")) { announce(n.title); }
  });
  source.addEventListener("thread", function (e) {
    var data = parse(e.data);
    refreshRegions("thread", data && data.id).then(function (grew) {
      if (grew && onThreadPage) { announce(region.getAttribute("data-new-message")); }
      refreshCounts();
    });
  });
  source.addEventListener("resync", function () {
    refreshRegions("resync", null).then(refreshCounts);
  });

  var deadline = Number(document.body.getAttribute("data-idle-deadline"));
  if (deadline) {
    setTimeout(function () { source.close(); }, Math.max(deadline - Date.now() - 2 * 60 * 1000, 0));
  }
})();
