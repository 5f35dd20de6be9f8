/* Timeline filters: by actor, tag, status and year, with the state in the URL query so that a
   filtered view can be shared and survives a reload; an oldest/newest order toggle; a live count;
   the overview's bars of months with no matching event are dimmed. No framework. Runs again on
   each page change of mkdocs-material's instant navigation (document$). Without JavaScript the
   form stays hidden and the page is the full list in order. */
(function () {
  "use strict";

  var FILTERS = ["actor", "tag", "status", "year"];

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function init() {
    var form = document.querySelector("form[data-tl-filters]");
    var list = document.querySelector("[data-tl-timeline]");
    if (!form || !list || form.tlReady) return;
    form.tlReady = true;

    var countEl = document.querySelector("[data-tl-count]");
    var emptyEl = document.querySelector("[data-tl-empty]");
    var total = all(list, "li.tl-event").length;
    var defaultOrder = list.getAttribute("data-order") || "oldest";

    // read every item once; filtering then touches only these records
    var months = {};
    var years = all(list, ".tl-year").map(function (section) {
      return {
        el: section,
        months: all(section, ".tl-month").map(function (el) {
          var month = { el: el, shown: 0 };
          months[el.id] = month;
          return month;
        })
      };
    });
    var items = [];
    years.forEach(function (year) {
      var value = year.el.getAttribute("data-year");
      year.months.forEach(function (month) {
        all(month.el, "li.tl-event").forEach(function (li) {
          var tags = li.getAttribute("data-tags");
          items.push({
            li: li,
            month: month,
            year: value,
            status: li.getAttribute("data-status"),
            actors: (li.getAttribute("data-actors") || "").split(" "),
            tags: tags ? JSON.parse(tags) : []
          });
        });
      });
    });
    var bars = all(document, "[data-tl-overview] a[data-month]").map(function (a) {
      var month = a.getAttribute("data-month");
      var label = a.querySelector(".tl-visually-hidden");
      return {
        els: [a].concat(all(document, '[data-tl-overview] rect[data-month="' + month + '"]')),
        month: month,
        here: a.pathname === location.pathname,  // the theme may have made the href absolute
        label: label,
        text: label ? label.textContent : ""
      };
    });

    function state() {
      var chosen = {};
      FILTERS.forEach(function (name) {
        var field = form.elements[name];
        chosen[name] = field ? field.value : "";
      });
      var order = form.querySelector("input[name=order]:checked");
      chosen.order = order ? order.value : defaultOrder;
      return chosen;
    }

    function matches(item, s) {
      return (!s.actor || item.actors.indexOf(s.actor) !== -1) &&
        (!s.tag || item.tags.indexOf(s.tag) !== -1) &&
        (!s.status || item.status === s.status) &&
        (!s.year || item.year === s.year);
    }

    function reorder(order) {
      if (list.getAttribute("data-order") === order) return;
      var reverse = function (parent, selector) {
        var children = Array.prototype.filter.call(parent.children, function (child) {
          return child.matches(selector);
        });
        for (var i = children.length - 1; i >= 0; i--) parent.appendChild(children[i]);
      };
      reverse(list, ".tl-year");
      years.forEach(function (year) {
        reverse(year.el, ".tl-month");
        year.months.forEach(function (month) {
          all(month.el, "ol.tl-events").forEach(function (ol) { reverse(ol, "li"); });
        });
      });
      list.setAttribute("data-order", order);
    }

    function query(s, keepYear) {
      var params = new URLSearchParams(location.search);
      FILTERS.forEach(function (name) {
        if (s[name] && (keepYear || name !== "year")) params.set(name, s[name]);
        else params.delete(name);
      });
      if (s.order !== defaultOrder) params.set("order", s.order);
      else params.delete("order");
      var text = params.toString();
      return text ? "?" + text : "";
    }

    function apply() {
      var s = state();
      var active = FILTERS.some(function (name) { return s[name]; });
      var shown = 0;
      Object.keys(months).forEach(function (id) { months[id].shown = 0; });
      for (var i = 0; i < items.length; i++) {
        var item = items[i];
        var ok = !active || matches(item, s);
        if (item.li.hidden === ok) item.li.hidden = !ok;
        if (ok) { shown++; item.month.shown++; }
      }
      years.forEach(function (year) {
        var any = false;
        year.months.forEach(function (month) {
          month.el.hidden = month.shown === 0;
          any = any || month.shown > 0;
        });
        year.el.hidden = !any;
      });
      bars.forEach(function (bar) {
        // a bar that links to another page stands for events this page cannot filter
        var dim = active && !(bar.here && months[bar.month] && months[bar.month].shown);
        bar.els.forEach(function (el) { el.classList.toggle("tl-bar--dim", dim); });
        if (bar.label) bar.label.textContent = dim ? bar.text + " (none match the filters here)" : bar.text;
      });
      reorder(s.order);
      if (countEl) {
        countEl.textContent = active
          ? "Showing " + shown + " of " + total + (total === 1 ? " event." : " events.")
          : total + (total === 1 ? " event." : " events.");
      }
      if (emptyEl) emptyEl.hidden = shown > 0;
      history.replaceState(history.state, "", location.pathname + query(s, true) + location.hash);
      all(document, "a[data-tl-keep-query]").forEach(function (a) {
        a.search = query(s, false);
      });
    }

    // the URL's state, first: a value not offered on this page is kept, and matches nothing here
    var params = new URLSearchParams(location.search);
    FILTERS.forEach(function (name) {
      var field = form.elements[name];
      var value = params.get(name);
      if (!field || !value) return;
      if (!all(field, "option").some(function (o) { return o.value === value; })) {
        field.appendChild(new Option(value + " (none on this page)", value));
      }
      field.value = value;
    });
    var order = params.get("order");
    if (order === "oldest" || order === "newest") {
      form.querySelector("input[name=order][value=" + order + "]").checked = true;
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.hidden = false;
    apply();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
