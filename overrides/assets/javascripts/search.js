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
  var pagefind = null, rules = null, shardNames = [], shards = {}, latest = 0, timer = null;

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
      json(new URL("rules.json", searchRoot).href)
    ]).then(function (loaded) {
      pagefind = loaded[0];
      rules = loaded[1].rules;
      shardNames = loaded[1].shards[lang] || [];
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
      return all.filter(function (w, i) { return all.indexOf(w) === i; }).slice(0, 12);
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
    if (!words.length) { list.innerHTML = ""; status.textContent = ""; root.setAttribute("data-query", query); return; }
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
      return Promise.all(ids.slice(0, 10).map(function (id) { return perWord[0][id].result.data(); }))
        .then(function (pages) { return { pages: pages, total: ids.length }; });
    }).then(function (found) {
      if (!found || ticket !== latest) return;
      status.textContent = found.total ? root.getAttribute("data-count").replace("{count}", found.total)
        : root.getAttribute("data-none");
      list.innerHTML = found.pages.map(function (page) {
        var best = (page.sub_results || []).filter(function (sub) { return sub.excerpt.indexOf("<mark>") !== -1; })[0];
        var url = best ? best.url : page.url;
        var section = best && best.title !== page.meta.title ? ' <span class="toimi-search__section">› ' + best.title + "</span>" : "";
        return '<li><a href="' + url + '"><span class="toimi-search__title">' + page.meta.title + "</span>" + section +
          '</a><p class="toimi-search__excerpt">' + (best ? best.excerpt : page.excerpt) + "</p></li>";
      }).join("");
      root.setAttribute("data-query", query);  // the results shown are for this query (the tests wait for it)
    }).catch(function () {
      if (ticket === latest) status.textContent = root.getAttribute("data-failed");
    });
  }

  open.hidden = false;
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
