/* Embed pages (/embed/…): narrow the events the page holds by the address's query, with the
   timeline page's filters (actor, tag, status, year, order) and from, to (2024, 2024-10 or
   2024-10-31) and limit (the latest so many); then tell the host page how tall the page is, so
   that its iframe fits it: parent.postMessage({type: "news-timeline:height", height}, "*").
   Asked for an actor or a tag, /embed/ goes to that actor's or tag's own embed page first (the
   one of fewer events when both are asked), which holds its latest events. Without JavaScript
   the page lists every event it holds. */
(function () {
  "use strict";

  var list = document.querySelector("[data-embed]");
  if (!list) return;
  var params = new URLSearchParams(location.search);
  var ask = function (name) { return (params.get(name) || "").trim(); };
  var kind = list.getAttribute("data-embed");

  // /embed/?actor=… goes to the actor's own page, which holds the actor's latest events
  var pagesEl = document.getElementById("tl-embed-pages");
  if (kind === "all" && pagesEl && (ask("actor") || ask("tag"))) {
    var pages = JSON.parse(pagesEl.textContent);
    var found = ["actor", "tag"].map(function (name) { return pages[name][ask(name)]; })
      .filter(Boolean).sort(function (a, b) { return a[1] - b[1]; });
    if (found.length) {
      location.replace(new URL("../" + found[0][0], location.href).pathname + location.search);
      return;
    }
  }

  var items = Array.prototype.slice.call(list.querySelectorAll("li.tl-event"));
  var from = ask("from") || ask("year");
  var to = ask("to") || ask("year");
  var limit = parseInt(ask("limit"), 10);

  function fits(li) {
    var tags = li.getAttribute("data-tags");
    var day = li.querySelector("time").getAttribute("datetime").slice(0, 10);
    return (!ask("actor") || li.getAttribute("data-actors").split(" ").indexOf(ask("actor")) !== -1) &&
      (!ask("tag") || (tags ? JSON.parse(tags) : []).indexOf(ask("tag")) !== -1) &&
      (!ask("status") || li.getAttribute("data-status") === ask("status")) &&
      (!from || day >= from) &&
      (!to || day.slice(0, to.length) <= to);
  }

  var shown = items.filter(fits);
  if (limit > 0) shown = shown.slice(-limit);  // the latest
  items.forEach(function (li) { li.hidden = shown.indexOf(li) === -1; });
  if (ask("order") === "newest") {
    for (var i = items.length - 1; i >= 0; i--) list.appendChild(items[i]);
  }
  if (shown.length !== items.length) {
    var count = document.querySelector("[data-embed-count]");
    if (count) count.textContent = shown.length + (shown.length === 1 ? " event" : " events") + " shown.";
  }
  document.querySelector("[data-embed-empty]").hidden = shown.length > 0;

  // the host page fits its iframe to the page: now, and whenever the page's height changes
  var message = list.getAttribute("data-embed-message");
  var sent = 0;
  function report() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== sent && window.parent !== window) {
      sent = height;
      window.parent.postMessage({ type: message, height: height }, "*");
    }
  }
  report();
  if (window.ResizeObserver) new ResizeObserver(report).observe(document.documentElement);
  window.addEventListener("load", report);
})();
