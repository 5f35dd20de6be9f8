/* Timeline filters: by actor, tag, place, status and year, with the state in the URL query so that a
   filtered view can be shared and survives a reload; each change is a step in the history, so
   Back undoes it. Each option shows how many events it would leave given the other filters, and
   is disabled when that is none; the chart redraws its bars to the events shown. Links to a
   month or an event on the page land on it (months off screen are laid out first) and an event
   reached by its link is marked. In the contributor's preview, each page shows the content's
   problems from their page. No framework. Runs again on each page change of
   mkdocs-material's instant navigation (document$). Without JavaScript the form stays hidden
   and the page is the full list in order. */
(function () {
  "use strict";

  var FILTERS = ["actor", "tag", "place", "status", "year"];
  var page = null; // the current timeline page's handlers, if it has one

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  // the few words the script writes: English here, else the site's language from the catalogue
  // (head's #tl-words: each count's forms by CLDR plural category, chosen with Intl.PluralRules)
  var ENGLISH = {
    count: ["%(num)d event.", "%(num)d events."],
    showing: ["Showing %(shown)d of %(num)d event.", "Showing %(shown)d of %(num)d events."],
    none_match: " (none match the filters here)",
    shown: " (%(num)d shown)",
    none_here: " (none on this page)",
    tags_of: "Tags of %(title)s",
    this_result: "this result"
  };
  var words;
  function say(key, values) {
    if (words === undefined) {
      var el = document.getElementById("tl-words");
      try { words = el ? JSON.parse(el.textContent) : null; } catch (e) { words = null; }
    }
    var n = values && values.num, text = words && words[key];
    if (text && typeof text === "object") {
      text = text[new Intl.PluralRules(words.lang).select(n)] || text.other;
    }
    if (!text) text = ENGLISH[key];
    if (typeof text === "object") text = text[n === 1 ? 0 : 1];
    return text.replace(/%\((\w+)\)[ds]/g, function (m, name) { return values[name]; });
  }

  // --- landing on a month or an event -----------------------------------------------------------

  function target(list, hash) {
    if (!hash || hash.length < 2) return null;
    var el = document.getElementById(decodeURIComponent(hash.slice(1)));
    return el && (list.contains(el) || el.matches("form[data-tl-filters]")) ? el : null;
  }

  function reveal(list, el) {
    // months off screen are placeholders (content-visibility): lay them out, then scroll
    list.classList.add("tl-timeline--laid-out");
    all(list, ".tl-event--target").forEach(function (li) { li.classList.remove("tl-event--target"); });
    if (el.matches("li.tl-event")) el.classList.add("tl-event--target");
    el.scrollIntoView({ block: "start" });
    if (el.hasAttribute("tabindex")) el.focus({ preventScroll: true });  // the skip link's target
  }

  // --- the contributor's preview (mkdocs serve): the content's problems, from their one page --

  // every page of the preview has the same hidden slot; while anything fails, the problems' page
  // has a .tl-preview section: copied here with its links made absolute (they are relative to
  // that page), and the link to the page being read becomes the words "this page"
  function showProblems() {
    var slot = document.querySelector(".tl-preview-slot[data-tl-problems]");
    if (!slot || !window.fetch) return;
    var source = new URL(slot.getAttribute("data-tl-problems"), location.href);
    var path = function (url) { return url.pathname.replace(/index\.html$/, ""); };
    fetch(source.href, { cache: "no-store" }).then(function (response) {
      return response.ok ? response.text() : "";
    }).then(function (text) {
      var found = new DOMParser().parseFromString(text, "text/html").querySelector(".tl-preview");
      if (!found || !slot.isConnected) return;
      all(found, "a[href]").forEach(function (a) {
        var href = new URL(a.getAttribute("href"), source);
        if (a.classList.contains("tl-preview__page") && path(href) === path(location)) {
          a.replaceWith(found.getAttribute("data-tl-here") || "this page");
        } else {
          a.setAttribute("href", href.href);
        }
      });
      slot.replaceChildren(document.importNode(found, true));
      slot.hidden = false;
    }).catch(function () { /* no problems' page: nothing to show */ });
  }

  function init() {
    page = null;
    showProblems();
    var form = document.querySelector("form[data-tl-filters]");
    var list = document.querySelector("[data-tl-timeline]");
    if (!list) return;
    var landing = target(list, location.hash);
    if (landing) {
      reveal(list, landing);
      // the theme scrolls after a page change too: land again once it has
      requestAnimationFrame(function () { reveal(list, landing); });
    }
    if (!form || form.tlReady) return;
    form.tlReady = true;

    var countEl = document.querySelector("[data-tl-count]");
    var emptyEl = document.querySelector("[data-tl-empty]");
    var toggle = form.querySelector("[data-tl-toggle]");
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
            values: {
              actor: (li.getAttribute("data-actors") || "").split(" "),
              tag: tags ? JSON.parse(tags) : [],
              place: (li.getAttribute("data-places") || "").split(" "),
              status: [li.getAttribute("data-status")],
              year: [value]
            }
          });
        });
      });
    });
    var bars = all(document, "[data-tl-overview] a[data-month]").map(function (a) {
      var label = a.querySelector(".tl-visually-hidden");
      var whole = a.querySelector(".tl-bar__total");
      return {
        el: a,
        month: a.getAttribute("data-month"),
        count: +a.getAttribute("data-count"),
        drawn: +a.getAttribute("data-count"),
        height: whole ? parseFloat(whole.style.height) : 0,
        fill: a.querySelector(".tl-bar__fill"),
        value: a.querySelector(".tl-bar__value"),
        here: a.pathname === location.pathname,  // the theme may have made the href absolute
        label: label,
        text: label ? label.textContent : ""
      };
    });
    var options = {};
    FILTERS.forEach(function (name) {
      var field = form.elements[name];
      options[name] = field ? all(field, "option[data-label]") : [];
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

    function fits(item, name, s) {
      return !s[name] || item.values[name].indexOf(s[name]) !== -1;
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

    // for each filter, how many events each of its values would leave with the other filters
    function facets(s) {
      var found = {};
      FILTERS.forEach(function (name) { found[name] = {}; });
      for (var i = 0; i < items.length; i++) {
        var item = items[i];
        var misses = [];
        FILTERS.forEach(function (name) { if (!fits(item, name, s)) misses.push(name); });
        if (misses.length > 1) continue;
        FILTERS.forEach(function (name) {
          if (misses.length && misses[0] !== name) return;
          item.values[name].forEach(function (value) {
            found[name][value] = (found[name][value] || 0) + 1;
          });
        });
      }
      return found;
    }

    function apply() {
      var s = state();
      var active = FILTERS.some(function (name) { return s[name]; });
      var shown = 0;
      Object.keys(months).forEach(function (id) { months[id].shown = 0; });
      for (var i = 0; i < items.length; i++) {
        var item = items[i];
        var ok = !active || FILTERS.every(function (name) { return fits(item, name, s); });
        if (item.li.hidden === ok) item.li.hidden = !ok;
        if (ok) { shown++; item.month.shown++; }
      }
      years.forEach(function (year) {
        var any = false;
        year.months.forEach(function (month) {
          if (month.el.hidden !== (month.shown === 0)) month.el.hidden = month.shown === 0;
          any = any || month.shown > 0;
        });
        if (year.el.hidden === any) year.el.hidden = !any;
      });
      var counts = facets(s);
      FILTERS.forEach(function (name) {
        options[name].forEach(function (option) {
          var n = counts[name][option.value] || 0;
          var text = option.getAttribute("data-label") + " (" + n + ")";
          if (option.textContent !== text) option.textContent = text;
          var off = n === 0 && option.value !== s[name];
          if (option.disabled !== off) option.disabled = off;
        });
      });
      // only what changed is written: a page's first run changes nothing, and costs no layout
      bars.forEach(function (bar) {
        // a bar that links to another page stands for events this page cannot filter
        var n = !active ? bar.count : bar.here && months[bar.month] ? months[bar.month].shown : 0;
        bar.el.classList.toggle("tl-bar--dim", n === 0);
        if (bar.fill && n !== bar.drawn) {
          bar.fill.style.height = (bar.count ? bar.height * n / bar.count : 0) + "%";
          if (bar.value) bar.value.textContent = n;
        }
        bar.drawn = n;
        if (bar.label) {
          var label = !active ? bar.text : n === 0
            ? bar.text + say("none_match")
            : bar.text + say("shown", { num: n });
          if (bar.label.textContent !== label) bar.label.textContent = label;
        }
      });
      reorder(s.order);
      if (countEl) {
        var said = active
          ? say("showing", { shown: shown, num: total })
          : say("count", { num: total });
        if (countEl.textContent !== said) countEl.textContent = said;
      }
      if (emptyEl && emptyEl.hidden !== shown > 0) emptyEl.hidden = shown > 0;
      var kept = query(s, false);
      all(document, "a[data-tl-keep-query]").forEach(function (a) {
        if (a.search !== kept) a.search = kept;
      });
      return query(s, true);
    }

    // the URL's state: a value not offered on this page is kept, and matches nothing here
    function read() {
      var params = new URLSearchParams(location.search);
      FILTERS.forEach(function (name) {
        var field = form.elements[name];
        if (!field) return;
        var value = params.get(name) || "";
        if (value && !all(field, "option").some(function (o) { return o.value === value; })) {
          field.appendChild(new Option(value + say("none_here"), value));
        }
        field.value = value;
      });
      var order = params.get("order");
      if (order !== "oldest" && order !== "newest") order = defaultOrder;
      form.querySelector("input[name=order][value=" + order + "]").checked = true;
    }

    function changed() {
      var search = apply();
      if (search !== location.search) {  // a step Back undoes
        history.pushState(history.state, "", location.pathname + search + location.hash);
      }
    }

    function open(yes) {
      form.classList.toggle("tl-filters--open", yes);
      if (toggle) toggle.setAttribute("aria-expanded", yes ? "true" : "false");
    }

    read();
    form.addEventListener("change", changed);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { setTimeout(changed, 0); });
    if (toggle) {
      toggle.addEventListener("click", function () {
        open(!form.classList.contains("tl-filters--open"));
      });
    }
    var search = apply();
    if (search !== location.search) {
      history.replaceState(history.state, "", location.pathname + search + location.hash);
    }
    open(FILTERS.some(function (name) { return state()[name]; }));
    page = {
      path: location.pathname,
      list: list,
      restore: function () { read(); apply(); }
    };
  }

  // Back and Forward between filter states of one page (the theme reloads only on a new path)
  window.addEventListener("popstate", function () {
    if (page && page.path === location.pathname && document.contains(page.list)) page.restore();
  });

  // a link to a month or an event of this page (the chart's bars): lay out, then land on it
  document.addEventListener("click", function (event) {
    var a = event.target.closest ? event.target.closest("a[href*='#']") : null;
    if (!a || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var list = document.querySelector("[data-tl-timeline]");
    if (!list || a.origin !== location.origin || a.pathname !== location.pathname) return;
    var el = target(list, a.hash);
    if (!el) return;
    event.preventDefault();
    event.stopPropagation();  // the theme would scroll before the months are laid out
    history.pushState(history.state, "", location.pathname + location.search + a.hash);
    reveal(list, el);
  }, true);

  // mkdocs-material's search results give each result's tags an unnamed <nav>: many landmarks
  // of one name (axe: landmark-unique). Each is named after its result.
  var results = document.querySelector(".md-search-result__list");
  if (results && window.MutationObserver) {
    new MutationObserver(function () {
      all(results, "nav.md-tags:not([aria-label])").forEach(function (nav) {
        var title = nav.parentNode.querySelector("h1, h2");
        nav.setAttribute("aria-label", say("tags_of", { title: title ? title.textContent : say("this_result") }));
      });
    }).observe(results, { childList: true, subtree: true });
  }

  // while the search dialog is open the page behind it is inert: out of reach of the keyboard
  // and of screen readers, as behind any modal dialog
  var searching = document.getElementById("__search");
  if (searching) {
    searching.addEventListener("change", function () {
      all(document, ".md-main, .md-footer, .md-tabs").forEach(function (el) {
        el.inert = searching.checked;
      });
    });
  }

  // the theme's drawer and search start closed, also where a browser restores a page's form state
  // (the theme kept it from that with autocomplete="off" on them, which HTML does not allow on a
  // checkbox: overrides/base.html leaves it out)
  window.addEventListener("pageshow", function () {
    ["__drawer", "__search"].forEach(function (id) {
      var toggle = document.getElementById(id);
      if (toggle && toggle.checked) {
        toggle.checked = false;
        toggle.dispatchEvent(new Event("change"));
      }
    });
  });

  // the "Use this data" page's live preview of the embed takes the height its page reports
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.origin !== location.origin || !data || data.type !== "news-timeline:height") return;
    all(document, "iframe[data-tl-embed]").forEach(function (frame) {
      if (frame.contentWindow === event.source) frame.style.height = data.height + "px";
    });
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
