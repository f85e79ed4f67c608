/* TOIMI-opas: the site's own scripts, in one file so that a page makes one request for them.
   Each part is independent and says what it does. */

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

  function setup(root) {
    var data = JSON.parse(root.querySelector(".toimi-helper-data").textContent);
    var form = root.querySelector(".toimi-helper-form");
    var results = root.querySelector(".toimi-helper-results");
    var questions = form.querySelectorAll("fieldset").length;

    function render() {
      var chosen = {};
      Array.prototype.forEach.call(form.querySelectorAll("input:checked"), function (input) {
        chosen[input.name] = input.value;
      });
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
/* Site search with Pagefind's JavaScript API and a small interface of our own.
   Pagefind loads only the index of the page's language, and only the chunks a query needs.
   Inflected words: the reader's word is reduced to a key with the rules of data/search_rules.yml
   (the same rules scripts/search.py used on the content); the words of the content that share the
   key come from one small file, and each is searched. Nothing is fetched from another host. */
(function () {
  "use strict";
  var root = document.querySelector(".toimi-search");
  if (!root || !window.HTMLDialogElement) return;
  var dialog = root.querySelector("dialog");
  var input = root.querySelector("input");
  var status = root.querySelector(".toimi-search__status");
  var list = root.querySelector(".toimi-search__results");
  var open = root.querySelector(".toimi-search__open");
  var lang = root.getAttribute("data-lang");
  var searchRoot = new URL(root.getAttribute("data-root"), location.href);
  var pagefindRoot = new URL(root.getAttribute("data-pagefind"), location.href);
  var moreButton = root.querySelector(".toimi-search__more");
  var pagefind = null, rules = null, shardNames = [], shards = {}, latest = 0, timer = null, shown = null;

  function key(word) {
    var r = rules[lang], i, end, old, w = word.toLowerCase().replace(/’/g, "'");
    for (i = 0; i < r.clitics.length; i++) {
      end = r.clitics[i];
      if (w.slice(-end.length) === end && w.length - end.length >= r.min_stem) { w = w.slice(0, -end.length); break; }
    }
    var endings = r.endings.slice().sort(function (a, b) { return b.length - a.length; });
    for (i = 0; i < endings.length; i++) {
      end = endings[i];
      if (w.slice(-end.length) === end && w.length - end.length >= r.min_stem) { w = w.slice(0, -end.length); break; }
    }
    for (i = 0; i < r.rewrite.length; i++) {
      old = r.rewrite[i][0];
      if (w.slice(-old.length) === old) { w = w.slice(0, -old.length) + r.rewrite[i][1]; break; }
    }
    if (w && r.trim.indexOf(w.charAt(w.length - 1)) !== -1 && w.length > r.min_stem) w = w.slice(0, -1);
    for (i = 0; i < r.final.length; i++) {
      old = r.final[i][0];
      if (w.slice(-old.length) === old && w.length - old.length + r.final[i][1].length >= r.min_stem) {
        w = w.slice(0, -old.length) + r.final[i][1]; break;
      }
    }
    return w;
  }

  function json(url) {
    return fetch(url).then(function (response) { return response.ok ? response.json() : {}; });
  }

  function start() {
    if (pagefind) return Promise.resolve();
    return Promise.all([
      import(new URL("pagefind.js", pagefindRoot).href),
      json(new URL("rules-" + lang + ".json", searchRoot).href)
    ]).then(function (loaded) {
      pagefind = loaded[0];
      rules = {};
      rules[lang] = loaded[1].rules;
      shardNames = loaded[1].shards || [];
      var base = new URL("..", pagefindRoot).pathname;
      return pagefind.options({ baseUrl: base, excerptLength: 24 });
    });
  }

  function forms(word) {
    var k = key(word), prefix = k.slice(0, 2);
    if (shardNames.indexOf(prefix) === -1) return Promise.resolve([word]);
    if (!(prefix in shards)) shards[prefix] = json(new URL(lang + "/" + encodeURIComponent(prefix) + ".json", searchRoot).href);
    return shards[prefix].then(function (shard) {
      var all = [word].concat(shard[k] || []);
      // The reader's word and the three commonest forms of it in the content: each form can cost an index
      // chunk, and these already find nearly every page (tests/data/search_recall.yml measures it).
      return all.filter(function (w, i) { return all.indexOf(w) === i; }).slice(0, 4);
    });
  }

  function searchWord(word) {
    return forms(word).then(function (words) {
      return Promise.all(words.map(function (w) { return pagefind.search(w); })).then(function (searches) {
        var found = {};
        searches.forEach(function (search) {
          search.results.forEach(function (result) {
            if (!found[result.id]) found[result.id] = { result: result, score: 0 };
            found[result.id].score = Math.max(found[result.id].score, result.score);
          });
        });
        return found;
      });
    });
  }

  function run(query) {
    var ticket = ++latest;
    var words = query.match(/[\p{L}]+(?:[-'’][\p{L}]+)*/gu) || [];
    if (!words.length) {
      list.innerHTML = ""; status.textContent = ""; moreButton.hidden = true; root.setAttribute("data-query", query); return;
    }
    status.textContent = root.getAttribute("data-searching");
    start().then(function () {
      return Promise.all(words.map(searchWord));
    }).then(function (perWord) {
      if (ticket !== latest) return null;
      var ids = Object.keys(perWord[0]).filter(function (id) {
        return perWord.every(function (found) { return id in found; });
      });
      ids.sort(function (a, b) {
        var sa = 0, sb = 0;
        perWord.forEach(function (found) { sa += found[a].score; sb += found[b].score; });
        return sb - sa;
      });
      shown = { ids: ids, perWord: perWord, count: 0 };
      return more(ticket).then(function (pages) { return { pages: pages, total: ids.length }; });
    }).then(function (found) {
      if (!found || ticket !== latest) return;
      status.textContent = found.total ? root.getAttribute("data-count").replace("{count}", found.total)
        : root.getAttribute("data-none");
      list.innerHTML = "";
      render(found.pages);
      moreButton.hidden = shown.count >= shown.ids.length;
      root.setAttribute("data-query", query);  // the results shown are for this query (the tests wait for it)
    }).catch(function () {
      if (ticket === latest) status.textContent = root.getAttribute("data-failed");
    });
  }

  // Ten results at a time: each shown result downloads its page's excerpt.
  function more(ticket) {
    var next = shown.ids.slice(shown.count, shown.count + 10);
    shown.count += next.length;
    return Promise.all(next.map(function (id) { return shown.perWord[0][id].result.data(); }));
  }

  function render(pages) {
      list.insertAdjacentHTML("beforeend", pages.map(function (page) {
        var best = (page.sub_results || []).filter(function (sub) { return sub.excerpt.indexOf("<mark>") !== -1; })[0];
        var url = best ? best.url : page.url;
        var section = best && best.title !== page.meta.title ? ' <span class="toimi-search__section">› ' + best.title + "</span>" : "";
        return '<li><a href="' + url + '"><span class="toimi-search__title">' + page.meta.title + "</span>" + section +
          '</a><p class="toimi-search__excerpt">' + (best ? best.excerpt : page.excerpt) + "</p></li>";
      }).join(""));
  }

  moreButton.addEventListener("click", function () {
    var first = shown.count;
    more(latest).then(function (pages) {
      render(pages);
      moreButton.hidden = shown.count >= shown.ids.length;
      var link = list.querySelectorAll("a")[first];
      if (link) link.focus();
    });
  });

  open.addEventListener("click", function () {
    dialog.showModal();
    input.focus();
    start().catch(function () { status.textContent = root.getAttribute("data-failed"); });
  });
  root.querySelector(".toimi-search__close").addEventListener("click", function () { dialog.close(); open.focus(); });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); }, 150);
  });
  window.toimiSearchKey = function (word) { return key(word); };  // for the tests: the same key as the build
})();

/* ---- tables ---------------------------------------------------------------- */
/* A table wider than the screen scrolls inside its box (Material wraps it). A keyboard user must be
   able to reach that box to scroll it, and a screen reader must hear what it is: give every such box
   a tab stop and a name (WCAG 2.1.1, axe "scrollable-region-focusable"). */
window.addEventListener("load", function () {
  "use strict";
  var fallback = document.querySelector('meta[name="toimi-table-label"]');
  Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap"), function (box) {
    var heading = null, node = box.previousElementSibling;
    while (node && !heading) {
      if (/^H[2-4]$/.test(node.tagName)) heading = node.textContent.trim();
      node = node.previousElementSibling;
    }
    box.setAttribute("tabindex", "0");
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", heading || (fallback ? fallback.content : ""));
  });
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
