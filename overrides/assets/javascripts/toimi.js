/* TOIMI-opas: the site's own scripts, in one file so that a page makes one request for them.
   Each part is independent and says what it does. The file is deferred (overrides/main.html): it runs once the page
   is parsed, and holds nothing back. What must be decided before the first paint (the "js" classes, the language
   suggestion) is inline in the <head> (overrides/partials/toimi-first-paint.html). */

/* ---- language suggestion ---------------------------------------------------------------- */
/* The banner offering the page in the reader's language, chosen before the first paint (data-toimi-suggest on
   <html>): its close button, remembered in localStorage, and its announcement. */
(function () {
  "use strict";
  var KEY = "toimi-language-suggestion";
  var root = document.documentElement;
  var chosen = root.getAttribute("data-toimi-suggest");
  if (!chosen) return;

  function setup() {
    var banner = document.querySelector('.toimi-suggest__item[data-lang="' + chosen + '"]');
    if (!banner) return;
    banner.querySelector(".toimi-suggest__close").addEventListener("click", function () {
      try { localStorage.setItem(KEY, "closed"); } catch (e) { /* private mode: closed until the next page */ }
      root.removeAttribute("data-toimi-suggest");
      var heading = document.querySelector("article h1");  // the focus goes on to the page, not to the top
      if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
    });
    /* Announce it politely: its message is a live region (role="status") that was on the page from the start;
       once the page has loaded, its sentence is written again, which screen readers announce. Same text, same
       size: nothing moves. */
    window.addEventListener("load", function () {
      setTimeout(function () {
        var text = banner.querySelector(".toimi-suggest__text").firstChild;
        if (text && text.nodeType === 3) text.replaceWith(document.createTextNode(text.data));
      }, 800);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();

/* ---- checklists ---------------------------------------------------------------- */
/* Checklists: ticks are kept in this browser only (localStorage key "toimi-checklists"), under IDs
   that are the same in every language. Nothing leaves the reader's device. */
(function () {
  "use strict";
  var KEY = "toimi-checklists";

  function load() {
    try { return JSON.parse(localStorage.getItem(KEY)) || {}; } catch (e) { return {}; }
  }
  function save(state) {
    try { localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* private mode: ticks last until reload */ }
  }

  function setup() {
    var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-check]"));
    var tools = document.querySelector(".toimi-checklist-tools");
    if (!boxes.length || !tools) return;
    var progress = tools.querySelector(".toimi-checklist-progress");
    var state = load();

    function update() {
      var done = boxes.filter(function (box) { return box.checked; }).length;
      progress.textContent = tools.getAttribute("data-progress")
        .replace("{done}", done).replace("{total}", boxes.length);
    }

    boxes.forEach(function (box) {
      var id = box.getAttribute("data-check");
      if (id in state) box.checked = state[id];
      box.addEventListener("change", function () {
        var current = load();
        current[id] = box.checked;
        save(current);
        update();
      });
    });
    tools.querySelector(".toimi-checklist-reset").addEventListener("click", function () {
      var current = load();
      boxes.forEach(function (box) { box.checked = false; delete current[box.getAttribute("data-check")]; });
      save(current);
      update();
      boxes[0].focus();
    });
    tools.hidden = false;
    update();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();

/* ---- company-form-helper ---------------------------------------------------------------- */
/* The company-form questionnaire. The questions, answers and rules come from data/company_forms.yml
   (rendered into the page as JSON in the reader's language); this script only applies them.
   Without JavaScript the page shows the same rules as a written decision guide. */
(function () {
  "use strict";

  /* A warning's condition: every question it names has one of its answers chosen (one answer or a
     list). The same rule as matches() in scripts/company_forms.py. */
  function matches(when, chosen) {
    return Object.keys(when).every(function (q) { return [].concat(when[q]).indexOf(chosen[q]) !== -1; });
  }

  function setup(root) {
    var data = JSON.parse(root.querySelector(".toimi-helper-data").textContent);
    var form = root.querySelector(".toimi-helper-form");
    var results = root.querySelector(".toimi-helper-results");
    var questions = form.querySelectorAll("fieldset").length;
    var slots = {};
    Array.prototype.forEach.call(form.querySelectorAll(".toimi-helper-warning-slot"), function (slot) {
      slots[slot.getAttribute("data-warning")] = slot;
    });

    /* Each warning has its own live region (role=status) next to its questions, empty until the answers
       call for it. Touch a region only when its warning comes or goes, so it is announced once. */
    function warn(chosen) {
      (data.warnings || []).forEach(function (warning) {
        var slot = slots[warning.id];
        var show = matches(warning.when, chosen);
        if (slot && show !== slot.hasChildNodes()) slot.innerHTML = show ? warning.html : "";
      });
    }

    function render() {
      var chosen = {};
      Array.prototype.forEach.call(form.querySelectorAll("input:checked"), function (input) {
        chosen[input.name] = input.value;
      });
      warn(chosen);
      var answered = Object.keys(chosen).length;
      var score = {}, excluded = {}, reasons = {}, notes = [];
      Object.keys(data.forms).forEach(function (key) { score[key] = 0; reasons[key] = []; });
      data.rules.forEach(function (rule) {
        var applies = Object.keys(rule.when).every(function (q) { return chosen[q] === rule.when[q]; });
        if (!applies) return;
        rule.suits.forEach(function (key) { score[key] += 1; reasons[key].push(rule.because); });
        rule.not_for.forEach(function (key) { excluded[key] = true; reasons[key].push(rule.because); });
        if (!rule.suits.length && !rule.not_for.length) notes.push(rule.because);
      });
      var fits = Object.keys(data.forms).filter(function (key) { return !excluded[key]; })
        .sort(function (a, b) { return score[b] - score[a]; });
      var out = '<p class="toimi-helper-progress">' +
        data.ui.helper_answer_more.replace("{done}", answered).replace("{total}", questions) + "</p>";
      function list(keys, title, cls) {
        if (!keys.length) return "";
        return "<h3>" + title + '</h3><ul class="' + cls + '">' + keys.map(function (key) {
          var form = data.forms[key];
          var why = reasons[key].length ? "<ul><li>" + reasons[key].join("</li><li>") + "</li></ul>" : "";
          return '<li data-form="' + key + '"><a href="' + form.link + '">' + form.name + "</a>" + why + "</li>";
        }).join("") + "</ul>";
      }
      out += fits.length ? list(fits, data.ui.helper_fits, "toimi-helper-fits")
        : "<p>" + data.ui.helper_none + "</p>";
      out += list(Object.keys(excluded), data.ui.helper_does_not_fit, "toimi-helper-excluded");
      if (notes.length) {
        out += "<h3>" + data.ui.helper_notes + '</h3><ul class="toimi-helper-notes"><li>' + notes.join("</li><li>") + "</li></ul>";
      }
      results.innerHTML = out;
    }

    form.addEventListener("change", render);
    form.addEventListener("reset", function () { setTimeout(render, 0); });
    root.querySelector(".toimi-helper-guide").hidden = true;
    form.hidden = false;
    results.hidden = false;
    render();
  }

  function start() { Array.prototype.forEach.call(document.querySelectorAll(".toimi-helper"), setup); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

/* ---- search ---------------------------------------------------------------- */
/* The search dialog. The search itself (search.js, an index of our own per language) is loaded when the
   dialog is first opened, so pages that are only read stay light. */
function toimiSearch() {
  "use strict";
  var root = document.querySelector(".toimi-search");
  if (!root || !window.HTMLDialogElement) return;
  var dialog = root.querySelector("dialog");
  var open = root.querySelector(".toimi-search__open");
  var search = null;

  // A module cannot be imported from file:// (the offline copy): there search.js is a classic script.
  function load(url) {
    if (location.protocol !== "file:") return import(url);
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = url;
      tag.onload = function () { resolve(window.toimiSearch); };
      tag.onerror = reject;
      document.head.appendChild(tag);
    });
  }

  open.addEventListener("click", function () {
    dialog.showModal();
    root.querySelector("input").focus();
    if (!search) {
      search = load(new URL(root.getAttribute("data-code"), location.href).href)
        .then(function (code) { return code.attach(root); });
    }
    search.catch(function () {
      search = null;
      root.querySelector(".toimi-search__status").textContent = root.getAttribute("data-failed");
    });
  });
  root.querySelector(".toimi-search__close").addEventListener("click", function () { dialog.close(); open.focus(); });
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", toimiSearch);
else toimiSearch();

/* ---- tables ---------------------------------------------------------------- */
/* A table wider than the screen scrolls inside its own box (Material's style for a table without a class). A
   keyboard user must be able to reach it to scroll it, and a screen reader hears its name: every such table gets a
   tab stop and the name of the heading above it (WCAG 2.1.1, axe "scrollable-region-focusable"). Attributes only:
   nothing moves. */
window.addEventListener("load", function () {
  "use strict";
  var fallback = document.querySelector('meta[name="toimi-table-label"]');
  Array.prototype.forEach.call(document.querySelectorAll(".md-typeset table:not([class])"), function (table) {
    var heading = null, node = table.previousElementSibling;
    while (node && !heading) {
      if (/^H[2-4]$/.test(node.tagName)) heading = node.textContent.trim();
      node = node.previousElementSibling;
    }
    table.setAttribute("tabindex", "0");
    table.setAttribute("aria-label", heading || (fallback ? fallback.content : ""));
  });
  /* A code example wider than its box (the editors' guide) scrolls too: it gets a tab stop while it does, as
     Material's script gave it. */
  function codeStops() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset pre > code"), function (code) {
      if (code.scrollWidth > code.clientWidth) code.setAttribute("tabindex", "0");
      else code.removeAttribute("tabindex");
    });
  }
  codeStops();
  window.addEventListener("resize", codeStops);
});

/* ---- print ---------------------------------------------------------------- */
/* The browser's own print of a page: open every collapsed block first, so nothing is left out. */
window.addEventListener("beforeprint", function () {
  Array.prototype.forEach.call(document.querySelectorAll("details:not([open])"), function (details) {
    details.setAttribute("open", "");
    details.setAttribute("data-opened-for-print", "");
  });
});
window.addEventListener("afterprint", function () {
  Array.prototype.forEach.call(document.querySelectorAll("details[data-opened-for-print]"), function (details) {
    details.removeAttribute("open");
    details.removeAttribute("data-opened-for-print");
  });
});

/* ---- projector view ---------------------------------------------------------------- */
/* A module's projector view (scripts/workshop_views.py): one agenda block at a time. The arrow keys left and
   right, Page Up and Page Down (what a presenter's remote sends), Home and End move between blocks, as do the
   buttons; the address keeps the block (#block-3), so a reload stays on it. The bar's live region says
   "Block 3 of 9: title" to a screen reader. Without JavaScript every block is shown, one after another. */
(function () {
  "use strict";

  function setup() {
    var deck = document.querySelector(".toimi-deck");
    if (!deck) return;
    var slides = Array.prototype.slice.call(deck.querySelectorAll(".toimi-slide"));
    var bar = deck.querySelector(".toimi-deck__bar");
    if (!slides.length || !bar) return;
    var status = bar.querySelector(".toimi-deck__status");
    var previous = bar.querySelector(".toimi-deck__prev");
    var next = bar.querySelector(".toimi-deck__next");
    var full = bar.querySelector(".toimi-deck__full");
    var current = 0;

    function show(index, focusTitle, stay) {
      index = Math.max(0, Math.min(slides.length - 1, index));
      // Focus inside the block that is about to be hidden would be lost: it moves to the new block's title.
      var focusWasInside = slides[current].contains(document.activeElement);
      slides.forEach(function (slide, i) { slide.hidden = i !== index; });
      current = index;
      var slide = slides[index];
      var title = slide.querySelector(".toimi-slide__title");
      // The title without the soft hyphens that long words get for the large type.
      status.textContent = slide.querySelector(".toimi-slide__count").textContent + ": " +
        title.textContent.replace(/\u00ad/g, "");
      // aria-disabled, not disabled: a button that stays focusable keeps the focus at the first or last block.
      previous.setAttribute("aria-disabled", String(index === 0));
      next.setAttribute("aria-disabled", String(index === slides.length - 1));
      if (location.hash !== "#" + slide.id) history.replaceState(null, "", "#" + slide.id);
      if (focusTitle || focusWasInside) {
        title.setAttribute("tabindex", "-1");
        title.focus();
      }
      if (!stay) (document.fullscreenElement === deck ? deck : slide).scrollIntoView({ block: "start" });
    }

    function fromAddress() {
      var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
      for (var i = 0; target && i < slides.length; i++) if (slides[i].contains(target)) return i;
      return 0;
    }

    previous.addEventListener("click", function () { show(current - 1); });
    next.addEventListener("click", function () { show(current + 1); });
    if (deck.requestFullscreen) {
      full.addEventListener("click", function () {
        if (document.fullscreenElement) document.exitFullscreen();
        else deck.requestFullscreen().catch(function () { /* refused (an embedded page): stay as it is */ });
      });
      document.addEventListener("fullscreenchange", function () {
        full.setAttribute("aria-pressed", String(document.fullscreenElement === deck));
      });
      full.setAttribute("aria-pressed", "false");
    } else {
      full.hidden = true;
    }

    var KEYS = { ArrowRight: 1, PageDown: 1, ArrowLeft: -1, PageUp: -1 };
    document.addEventListener("keydown", function (event) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      var target = event.target;
      if (target.closest && target.closest("input, textarea, select, [contenteditable], .md-search")) return;
      var to = null;
      if (event.key in KEYS) to = current + KEYS[event.key];
      else if (event.key === "Home") to = 0;
      else if (event.key === "End") to = slides.length - 1;
      if (to === null) return;
      event.preventDefault();
      show(to, !bar.contains(document.activeElement));
    });
    window.addEventListener("hashchange", function () { show(fromAddress()); });

    deck.classList.add("toimi-deck--one");
    bar.hidden = false;
    show(fromAddress(), false, true);  // on arrival the page stays where the browser put it
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();

/* ---- run sheet ---------------------------------------------------------------- */
/* A module's run sheet: the start time the facilitator types in turns each block's minutes from the start into a
   clock time (9.30 or 9:30, as the language writes it). Nothing is stored. */
(function () {
  "use strict";

  function setup() {
    var input = document.getElementById("toimi-start-time");
    if (!input) return;
    var separator = input.getAttribute("data-separator") || ":";
    var cells = Array.prototype.slice.call(document.querySelectorAll(".toimi-run-sheet td[data-offset]"));

    function update() {
      var match = /^(\d{1,2}):(\d{2})/.exec(input.value);
      var start = match ? Number(match[1]) * 60 + Number(match[2]) : null;
      cells.forEach(function (cell) {
        var clock = cell.querySelector(".toimi-clock");
        if (start === null) { clock.textContent = ""; return; }
        var minutes = (start + Number(cell.getAttribute("data-offset"))) % (24 * 60);
        var mm = minutes % 60;
        clock.textContent = Math.floor(minutes / 60) + separator + (mm < 10 ? "0" : "") + mm;
      });
    }
    input.addEventListener("input", update);
    input.addEventListener("change", update);
    update();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();

/* ---- theme ---------------------------------------------------------------- */
/* What Material's own script (its 114 KB bundle, which the pages no longer load: overrides/main.html) did that
   this site uses, and nothing else: the colour scheme toggle, the page title in the header once the heading has
   scrolled away, the side menus' height and the current entry in view, the contents menu following the reading,
   the back-to-top button, n/p (or . and ,) for the next and previous page, a collapsed block opened when a link
   points into it, and a closed drawer after a link in it is followed. Without JavaScript the page works as
   Material's does without it (class "no-js"). */
document.documentElement.classList.replace("no-js", "js");
(function () {
  "use strict";
  var ticking = false, handlers = [];
  function onScroll(handler) { handlers.push(handler); }
  function update() { ticking = false; handlers.forEach(function (handler) { handler(); }); }
  function request() { if (!ticking) { ticking = true; requestAnimationFrame(update); } }

  /* The colour scheme: the toggle shows the other scheme's button; the choice is kept as Material keeps it
     (localStorage "<base path>.__palette", read before the first paint by Material's inline script). */
  function palette() {
    var form = document.querySelector('[data-md-component="palette"]');
    if (!form) return;
    var inputs = Array.prototype.slice.call(form.querySelectorAll("input"));
    var theme = document.createElement("meta"), scheme = document.createElement("meta");
    theme.name = "theme-color"; scheme.name = "color-scheme";
    document.head.appendChild(theme); document.head.appendChild(scheme);
    function apply(index) {
      var input = inputs[index], color = {};
      ["media", "scheme", "primary", "accent"].forEach(function (key) {
        color[key] = input.getAttribute("data-md-color-" + key);
        document.body.setAttribute("data-md-color-" + key, color[key]);
      });
      input.checked = true;
      inputs.forEach(function (other, i) {
        var label = other.nextElementSibling;
        if (label && label.tagName === "LABEL") label.hidden = i !== index;
      });
      __md_set("__palette", {index: index, color: color});
      var style = getComputedStyle(document.querySelector(".md-header"));
      scheme.content = style.colorScheme;
      theme.content = "#" + style.backgroundColor.match(/\d+/g).slice(0, 3)
        .map(function (n) { return (+n).toString(16).padStart(2, "0"); }).join("");
    }
    var stored = null;
    try { stored = __md_get("__palette"); } catch (e) { /* storage blocked */ }
    var index = stored && typeof stored.index === "number" ? stored.index : inputs.findIndex(function (input) {
      return matchMedia(input.getAttribute("data-md-color-media")).matches;
    });
    apply(Math.max(0, index));
    inputs.forEach(function (input, i) { input.addEventListener("change", function () { apply(i); }); });
  }

  /* The header shows the page title instead of the site name once the page's heading is under the header. */
  function headerTitle(header) {
    var title = document.querySelector('[data-md-component="header-title"]');
    var heading = document.querySelector(".md-content h1");
    if (!title || !heading) return;
    onScroll(function () {
      title.classList.toggle("md-header__title--active",
        heading.getBoundingClientRect().bottom <= header.offsetHeight);
    });
  }

  /* A side menu is as tall as the part of the main area on screen, so it scrolls on its own; at first the
     current page's entry is scrolled into its middle. */
  function sidebars() {
    var main = document.querySelector('[data-md-component="main"]');
    var bars = Array.prototype.slice.call(document.querySelectorAll('[data-md-component="sidebar"]'));
    bars.forEach(function (bar) {
      var wrap = bar.querySelector(".md-sidebar__scrollwrap");
      if (!wrap) return;
      onScroll(function () {
        if (!bar.offsetParent || getComputedStyle(bar).position !== "sticky") { wrap.style.height = ""; return; }
        var box = main.getBoundingClientRect(), top = parseFloat(getComputedStyle(bar).top) || 0;
        var inset = wrap.getBoundingClientRect().top - bar.getBoundingClientRect().top;
        // The grid's own top margin counts until the page has scrolled past it (as Material reckons it).
        var margin = bar.parentElement.getBoundingClientRect().top - box.top;
        var above = margin - Math.min(margin, Math.max(0, top - box.top));
        var visible = Math.min(window.innerHeight, box.bottom) - Math.max(top, box.top) - above;
        wrap.style.height = Math.max(0, visible - 2 * inset) + "px";
      });
      var active = bar.querySelector(".md-nav__link--active[href]");
      if (active && active.clientHeight) {
        requestAnimationFrame(function () {
          wrap.scrollTo({top: active.offsetTop - wrap.offsetTop - wrap.clientHeight / 2});
        });
      }
    });
  }

  /* The contents menu (in the side bar, and in the drawer's copy) marks the section being read, and it and the
     sections above it as read. */
  function contents(header) {
    Array.prototype.forEach.call(document.querySelectorAll('[data-md-component="toc"]'), function (toc) {
      var links = Array.prototype.slice.call(toc.querySelectorAll(".md-nav__link[href^='#']"));
      var targets = links.map(function (link) { return document.getElementById(decodeURIComponent(link.hash.slice(1))); });
      if (!links.length) return;
      onScroll(function () {
        var line = header.offsetHeight + 1, current = -1;
        targets.forEach(function (target, i) { if (target && target.getBoundingClientRect().top <= line) current = i; });
        if (window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 1 && window.scrollY > 0) {
          current = links.length - 1;  // at the end of the page, the last section
        }
        links.forEach(function (link, i) {
          link.classList.toggle("md-nav__link--passed", i <= current);
          link.classList.toggle("md-nav__link--active", i === current);
        });
      });
    });
  }

  /* Back to top: shown while the reader scrolls up, away from the top of the page. */
  function backToTop() {
    var button = document.querySelector('[data-md-component="top"]');
    if (!button) return;
    var last = window.scrollY;
    onScroll(function () {
      var y = window.scrollY, hidden = !(y < last && y > 0);
      last = y;
      if (button.hidden === hidden) return;
      button.hidden = hidden;
      if (hidden) { button.setAttribute("tabindex", "-1"); button.blur(); } else button.removeAttribute("tabindex");
    });
    button.addEventListener("click", function (event) { event.preventDefault(); window.scrollTo({top: 0}); });
  }

  /* A link to a place inside a collapsed block opens the block. */
  function openTarget() {
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    var details = target && target.closest("details:not([open])");
    if (details) { details.open = true; target.scrollIntoView(); }
  }

  /* n or . goes to the next page, p or , to the previous one, unless the reader is typing. */
  function keys(event) {
    var where = document.activeElement;
    if (event.ctrlKey || event.altKey || event.metaKey || (where && (where.isContentEditable ||
        /^(INPUT|TEXTAREA|SELECT)$/.test(where.tagName))) || document.querySelector("dialog[open]")) return;
    var rel = {n: "next", ".": "next", p: "prev", ",": "prev"}[event.key];
    var link = rel && document.querySelector('link[rel="' + rel + '"]');
    if (link) location.href = link.href;
  }

  /* The drawer (the menu on a narrow screen) closes when a link in it is followed. */
  function drawer() {
    var toggle = document.getElementById("__drawer");
    var menu = document.querySelector(".md-sidebar--primary");
    if (!toggle || !menu) return;
    menu.addEventListener("click", function (event) { if (event.target.closest("a")) toggle.checked = false; });
  }

  function setup() {
    var header = document.querySelector(".md-header");
    palette();
    if (header) { headerTitle(header); contents(header); }
    sidebars();
    backToTop();
    drawer();
    openTarget();
    update();
    window.addEventListener("scroll", request, {passive: true});
    window.addEventListener("resize", request);
    window.addEventListener("hashchange", openTarget);
    document.addEventListener("keydown", keys);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
