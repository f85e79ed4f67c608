/* The site search. toimi.js loads this module when the search dialog is first opened, so a reader who
   never searches never downloads it (the offline copy runs it as a classic script: scripts/search.py). It reads
   the index that scripts/search.py writes for the page's language (search/<lang>/): the reader's word is reduced
   to a key with the rules of data/search_rules.yml (the same rules the build used on the content), the one word
   file for that key is fetched, pages are ranked (the word in the title first, then in a heading, then BM25) and
   each shown result fetches only its passage. Nothing comes from another host. */

var WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
var WORD_PARTS = /([\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*)/u;  // split(): the words are the odd parts
var BATCH = 10;  // results shown at a time: each downloads one passage
var EXCERPT_WORDS = 24;

// The key of a word: the same steps as key() in scripts/search.py (exported for the tests).
export function key(word, rules) {
  var i, end, old, w = word.toLowerCase().replace(/’/g, "'");
  for (i = 0; i < rules.clitics.length; i++) {
    end = rules.clitics[i];
    if (w.slice(-end.length) === end && w.length - end.length >= rules.min_stem) { w = w.slice(0, -end.length); break; }
  }
  var endings = rules.endings.slice().sort(function (a, b) { return b.length - a.length; });
  for (i = 0; i < endings.length; i++) {
    end = endings[i];
    if (w.slice(-end.length) === end && w.length - end.length >= rules.min_stem) { w = w.slice(0, -end.length); break; }
  }
  for (i = 0; i < rules.rewrite.length; i++) {
    old = rules.rewrite[i][0];
    if (w.slice(-old.length) === old) { w = w.slice(0, -old.length) + rules.rewrite[i][1]; break; }
  }
  if (w && rules.trim.indexOf(w.charAt(w.length - 1)) !== -1 && w.length > rules.min_stem) w = w.slice(0, -1);
  for (i = 0; i < rules.final.length; i++) {
    old = rules.final[i][0];
    if (w.slice(-old.length) === old && w.length - old.length + rules.final[i][1].length >= rules.min_stem) {
      w = w.slice(0, -old.length) + rules.final[i][1]; break;
    }
  }
  return w;
}

// The offline copy, opened from the disk, cannot fetch: each index file there is a script (words/ka.js)
// that calls toimiSearchData("words/ka", data) (scripts/search.py as_scripts).
var waiting = {};
window.toimiSearchData = function (name, data) {
  (waiting[name] || []).forEach(function (resolve) { resolve(data); });
  delete waiting[name];
};

// A content key matches the reader's key if it is the same or, for a key of a full stem, begins with it
// (as a reader types, and "subsidies" -> "subsid" finds "subsidy").
function matches(contentKey, readerKey, rules) {
  return contentKey === readerKey || (readerKey.length >= rules.min_stem && contentKey.indexOf(readerKey) === 0);
}

// A page's score for one word: BM25 of the word's weight on the page, plus PLACE_BONUS for each step of the most
// telling place the word has there (scripts/search.py: 2 in the page title, 1 in a heading, 0 in the text). BM25's
// part stays below k1 + 1 = 2.2, so for one word every page with it in the title ranks above every page with it in
// a heading only, and those above the pages that only mention it, however often.
var PLACE_BONUS = 2.2;

// The score of every page that has the word, and the weight of the word in each passage.
export function scoreWord(readerKey, file, idx) {
  var pages = {}, places = {}, passages = {}, total = idx.page_lengths.length;
  var average = idx.page_lengths.reduce(function (a, b) { return a + b; }, 0) / total;
  Object.keys(file).forEach(function (contentKey) {
    if (!matches(contentKey, readerKey, idx.rules)) return;
    var postings = file[contentKey];
    for (var i = 0; i < postings.length; i += 3) {
      var page = idx.page_of_passage[postings[i]];
      pages[page] = (pages[page] || 0) + postings[i + 1];
      places[page] = Math.max(places[page] || 0, postings[i + 2]);
      passages[postings[i]] = (passages[postings[i]] || 0) + postings[i + 1];
    }
  });
  var found = Object.keys(pages).length, idf = Math.log(1 + (total - found + 0.5) / (found + 0.5));
  Object.keys(pages).forEach(function (page) {
    var tf = pages[page], norm = 1.2 * (0.25 + 0.75 * idx.page_lengths[page] / average);
    pages[page] = idf * (tf * 2.2 / (tf + norm) + PLACE_BONUS * places[page]);
  });
  return { pages: pages, passages: passages };
}

// Pages that have every word, best first, each with its passage where the words weigh most.
export function rank(perWord, idx) {
  var pages = Object.keys(perWord[0].pages).filter(function (page) {
    return perWord.every(function (word) { return page in word.pages; });
  });
  var score = {}, best = {}, weight = {};
  perWord.forEach(function (word) {
    pages.forEach(function (page) { score[page] = (score[page] || 0) + word.pages[page]; });
    Object.keys(word.passages).forEach(function (passage) { weight[passage] = (weight[passage] || 0) + word.passages[passage]; });
  });
  Object.keys(weight).forEach(function (passage) {
    var page = idx.page_of_passage[passage];
    if (!(page in best) || weight[passage] > weight[best[page]]) best[page] = passage;
  });
  // An Easy Finnish page ranks right after its standard page when both are found (scripts/search.py).
  var easy = idx.easy_finnish_of || {};
  pages.forEach(function (page) {
    if (page in easy && easy[page] in score) score[page] = Math.min(score[page], score[easy[page]]);
  });
  pages.sort(function (a, b) { return score[b] - score[a] || (a in easy) - (b in easy) || a - b; });
  return pages.map(function (page) { return best[page]; });
}

export function attach(root) {
  var input = root.querySelector("input");
  var status = root.querySelector(".toimi-search__status");
  var list = root.querySelector(".toimi-search__results");
  var moreButton = root.querySelector(".toimi-search__more");
  var searchRoot = new URL(root.getAttribute("data-root") + root.getAttribute("data-lang") + "/", location.href);
  var siteRoot = new URL("../../", searchRoot);
  var wordFiles = {}, latest = 0, timer = null, shown = null;
  var index = json(new URL("index.json", searchRoot));

  function json(url) {
    if (location.protocol === "file:") return script(url);
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + url);
      return response.json();
    });
  }

  function script(url) {
    var name = decodeURIComponent(url.href.slice(searchRoot.href.length)).replace(/\.json$/, "");
    return new Promise(function (resolve, reject) {
      (waiting[name] = waiting[name] || []).push(resolve);
      var tag = document.createElement("script");
      tag.src = url.href.replace(/\.json$/, ".js");
      tag.onload = function () { tag.remove(); };
      tag.onerror = function () { tag.remove(); reject(new Error("missing " + url)); };
      document.head.appendChild(tag);
    });
  }

  // The word file for a key: the longest file name that begins it (the build splits large files by letter).
  function wordFile(readerKey, idx) {
    var name = "";
    idx.word_files.forEach(function (file) {
      if (readerKey.indexOf(file) === 0 && file.length > name.length) name = file;
    });
    if (!name) return Promise.resolve({});
    if (!(name in wordFiles)) wordFiles[name] = json(new URL("words/" + encodeURIComponent(name) + ".json", searchRoot));
    return wordFiles[name];
  }

  function escape(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  // About EXCERPT_WORDS words of the passage around its first hit, the hits marked.
  function excerpt(text, isHit) {
    var parts = text.split(WORD_PARTS), first = -1, i;
    for (i = 1; i < parts.length && first < 0; i += 2) if (isHit(parts[i])) first = i;
    var from = Math.max(0, first - 12), to = Math.min(parts.length, from + 2 * EXCERPT_WORDS);
    var shownParts = parts.slice(from, to).map(function (part, j) {
      return (from + j) % 2 && isHit(part) ? "<mark>" + escape(part) + "</mark>" : escape(part);
    });
    return (from > 0 ? "… " : "") + shownParts.join("").trim() + (to < parts.length ? " …" : "");
  }

  function render(passages, isHit) {
    list.insertAdjacentHTML("beforeend", passages.map(function (passage) {
      var section = passage.heading && passage.heading !== passage.title
        ? ' <span class="toimi-search__section">› ' + escape(passage.heading) + "</span>" : "";
      var url = new URL(passage.url, siteRoot);
      return '<li><a href="' + escape(url.pathname + url.hash) + '"><span class="toimi-search__title">' +
        escape(passage.title) + "</span>" + section + '</a><p class="toimi-search__excerpt">' +
        excerpt(passage.text, isHit) + "</p></li>";
    }).join(""));
  }

  function more() {
    var next = shown.passages.slice(shown.count, shown.count + BATCH);
    shown.count += next.length;
    return Promise.all(next.map(function (passage) { return json(new URL("passages/" + passage + ".json", searchRoot)); }));
  }

  function run(query) {
    var ticket = ++latest;
    var words = query.match(WORD) || [];
    if (!words.length) {
      list.innerHTML = ""; status.textContent = ""; moreButton.hidden = true; root.setAttribute("data-query", query); return;
    }
    status.textContent = root.getAttribute("data-searching");
    index.then(function (idx) {
      var keys = words.map(function (word) { return key(word, idx.rules); });
      var isHit = function (word) {
        return [word].concat(word.split(/[-'’]/)).some(function (part) {
          var contentKey = key(part, idx.rules);
          return keys.some(function (readerKey) { return matches(contentKey, readerKey, idx.rules); });
        });
      };
      return Promise.all(keys.map(function (readerKey) {
        return wordFile(readerKey, idx).then(function (file) { return scoreWord(readerKey, file, idx); });
      })).then(function (perWord) {
        if (ticket !== latest) return null;
        shown = { passages: rank(perWord, idx), count: 0, isHit: isHit };
        return more();
      });
    }).then(function (passages) {
      if (!passages || ticket !== latest) return;
      var total = shown.passages.length;
      status.textContent = total ? root.getAttribute("data-count").replace("{count}", total) : root.getAttribute("data-none");
      list.innerHTML = "";
      render(passages, shown.isHit);
      moreButton.hidden = shown.count >= total;
      root.setAttribute("data-query", query);  // the results shown are for this query (the tests wait for it)
    }).catch(function () {
      if (ticket === latest) status.textContent = root.getAttribute("data-failed");
    });
  }

  moreButton.addEventListener("click", function () {
    var first = shown.count, ticket = latest;
    more().then(function (passages) {
      if (ticket !== latest) return;
      render(passages, shown.isHit);
      moreButton.hidden = shown.count >= shown.passages.length;
      var link = list.querySelectorAll("a")[first];
      if (link) link.focus();
    }).catch(function () { status.textContent = root.getAttribute("data-failed"); });
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); }, 150);
  });
  if (input.value) run(input.value);  // typed while this module was loading
  return index;
}
