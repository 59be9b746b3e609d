// search.js: the handbook's search, in the browser, from the index that
// handbook build writes under search/ (docs/search.md describes it):
//
// - the search box at the top of every page shows the best results as you
//   type; / goes to it, the arrow keys move through the results, Enter
//   opens one, Escape goes back;
// - the search page (/search/?q=words&team=slug...) shows every result,
//   with filters;
// - every long concern table gets a filter bar.
//
// Every page reads fine without it: the box then takes the reader to the
// search page, which says what to do instead, and the tables stay whole.
(function () {
  "use strict";

  var PAGE_SIZE = 10; // results the search page shows at a time
  var BOX_SIZE = 8; // results the search box shows
  var PREFIX_WEIGHT = 0.7; // a word that begins a term counts less than the term itself
  // A result's sort key: scores to five decimals below SCORE_LIMIT, ids
  // below ID_LIMIT; the key stays below 2^53, exact in a double.
  var SCORE_SCALE = 1e5, SCORE_LIMIT = Math.pow(2, 32), ID_LIMIT = Math.pow(2, 20);

  // ---- The index ----------------------------------------------------

  // An Index loads the files of one search index as they are needed, and
  // keeps them: nothing until the reader first searches or filters.
  function Index(manifestURL) {
    this.base = new URL(manifestURL, document.baseURI);
    this.files = {};
    this.decoded = {};
  }

  // load returns the manifest.
  Index.prototype.load = function () {
    return this.json(this.base.href);
  };

  Index.prototype.json = function (href) {
    if (!this.files[href]) {
      this.files[href] = fetch(href).then(function (r) {
        if (!r.ok) throw new Error(href + ": HTTP " + r.status);
        return r.json();
      });
    }
    return this.files[href];
  };

  // file fetches a file of the index named relative to the manifest, as
  // of the manifest's build, so that a cached file of another build is
  // never mixed in.
  Index.prototype.file = function (name) {
    var self = this;
    return this.load().then(function (m) {
      return self.json(new URL(name + "?v=" + m.build, self.base).href);
    });
  };

  var WORD = /[\p{L}\p{N}\p{M}]+/gu;
  var MARKS = /\p{M}/gu;
  var NON_ASCII = /[^\u0000-\u007f]/g;

  // fold makes a word a term as the index spells terms: lower case,
  // without accents (search/fold.go does the same).
  function fold(m, word) {
    return word.toLowerCase().normalize("NFD").replace(MARKS, "").replace(NON_ASCII, function (c) {
      return Object.prototype.hasOwnProperty.call(m.fold, c) ? m.fold[c] : c;
    });
  }

  // terms returns the terms of a query, each at most once.
  function terms(m, query) {
    var out = [];
    (query.match(WORD) || []).forEach(function (w) {
      if (Array.from(w).length > m.maxWordRunes) return;
      var t = fold(m, w);
      if (t && out.indexOf(t) < 0) out.push(t);
    });
    return out;
  }

  // bucketOf is the FNV-1a hash of the term's first keyRunes letters, in
  // UTF-8, masked to the number of buckets.
  var encoder = new TextEncoder();
  function bucketOf(m, term) {
    var key = Array.from(term).slice(0, m.keyRunes).join("");
    var h = 2166136261;
    encoder.encode(key).forEach(function (b) {
      h = Math.imul(h ^ b, 16777619) >>> 0;
    });
    return h & (m.buckets - 1);
  }

  var DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var VALUE = {};
  for (var d = 0; d < DIGITS.length; d++) VALUE[DIGITS.charCodeAt(d)] = d;

  // decode calls fn with every id of a list written by the index (each the
  // difference from the one before, in digits of five bits), and with its
  // weight when the list is a term's postings.
  function decode(text, weighted, fn) {
    var id = 0;
    for (var i = 0; i < text.length; ) {
      var n = 0, shift = 0, v;
      do {
        v = VALUE[text.charCodeAt(i++)];
        n += (v & 31) * Math.pow(2, shift);
        shift += 5;
      } while (v >= 32);
      id += n;
      if (weighted) fn(id, VALUE[text.charCodeAt(i++)]);
      else fn(id);
    }
  }

  // postings returns a term's documents and weights, decoded once.
  Index.prototype.postings = function (bucket, term) {
    var key = "\u0000" + term;
    var got = this.decoded[key];
    if (!got) {
      var ids = [], weights = [];
      decode(bucket[term], true, function (id, weight) { ids.push(id); weights.push(weight); });
      got = this.decoded[key] = { ids: Int32Array.from(ids), weights: Uint8Array.from(weights) };
    }
    return got;
  };

  // matches returns, for one term of a query, every document it finds and
  // how well: a term of at least keyRunes letters matches every term it
  // begins, a shorter one only itself. A document's score is its best
  // match's weight times how rare the term is. It returns the documents'
  // ids, and their scores by id.
  Index.prototype.matches = function (m, term) {
    var self = this;
    var prefix = Array.from(term).length >= m.keyRunes;
    return this.file("terms/" + bucketOf(m, term) + ".json").then(function (bucket) {
      var scores = new Float64Array(m.docs), ids = [];
      Object.keys(bucket).forEach(function (t) {
        var exact = t === term;
        if (!exact && !(prefix && t.lastIndexOf(term, 0) === 0)) return;
        var p = self.postings(bucket, t);
        var factor = Math.log(1 + m.docs / p.ids.length) * (exact ? 1 : PREFIX_WEIGHT);
        for (var i = 0; i < p.ids.length; i++) {
          var id = p.ids[i], s = p.weights[i] * factor;
          if (scores[id] === 0) ids.push(id);
          if (s > scores[id]) scores[id] = s;
        }
      });
      return { ids: ids, scores: scores };
    });
  };

  // selected returns the documents a filter's value selects, one flag per
  // document.
  Index.prototype.selected = function (m, facet, value) {
    return this.file("facets/" + facet + ".json").then(function (values) {
      var in_ = new Uint8Array(m.docs);
      if (Object.prototype.hasOwnProperty.call(values, value)) decode(values[value], false, function (id) { in_[id] = 1; });
      return in_;
    });
  };

  // search returns the ids of the documents that have every term of the
  // query and pass every filter, best first, then in the handbook's
  // order. filters maps a facet's name, or "kind", to a value. With no
  // terms, every document that passes the filters is a result; with
  // neither terms nor filters, there are none.
  Index.prototype.search = function (query, filters) {
    var self = this;
    return this.load().then(function (m) {
      var ts = terms(m, query);
      var names = Object.keys(filters).filter(function (f) { return f !== "kind" && filters[f]; });
      var kind = null;
      m.kinds.forEach(function (k) { if (k.name === filters.kind) kind = k; });
      if (!ts.length && !names.length && !kind) return [];
      return Promise.all([
        Promise.all(ts.map(function (t) { return self.matches(m, t); })),
        Promise.all(names.map(function (f) { return self.selected(m, f, filters[f]); })),
      ]).then(function (found) {
        var perTerm = found[0], sets = found[1];
        var from = kind ? kind.first : 0, to = kind ? kind.first + kind.count : m.docs;
        function passes(id) {
          if (id < from || id >= to) return false;
          for (var i = 0; i < sets.length; i++) if (!sets[i][id]) return false;
          return true;
        }
        var results = [];
        if (!perTerm.length) {
          for (var id = from; id < to; id++) if (passes(id)) results.push(id);
          return results;
        }
        perTerm.sort(function (a, b) { return a.ids.length - b.ids.length; });
        // Each result as one number, so that the browser's own numeric
        // sort orders them: the score, inverted, in the high digits, the
        // id in the low ones. Sorting with a comparator takes ten times
        // as long.
        var keys = new Float64Array(perTerm[0].ids.length), n = 0;
        next: for (var j = 0; j < perTerm[0].ids.length; j++) {
          var id = perTerm[0].ids[j];
          if (!passes(id)) continue;
          var score = 0;
          for (var i = 0; i < perTerm.length; i++) {
            var s = perTerm[i].scores[id];
            if (s === 0) continue next;
            score += s;
          }
          keys[n++] = (SCORE_LIMIT - Math.round(score * SCORE_SCALE)) * ID_LIMIT + id;
        }
        keys = keys.subarray(0, n).sort();
        for (var k = 0; k < n; k++) results.push(keys[k] % ID_LIMIT);
        return results;
      });
    });
  };

  // records returns what the results show of the documents ids.
  Index.prototype.records = function (ids) {
    var self = this;
    return this.load().then(function (m) {
      return Promise.all(ids.map(function (id) {
        var n = Math.floor(id / m.recordsPerFile);
        return self.file("records/" + n + ".json").then(function (list) { return list[id - n * m.recordsPerFile]; });
      }));
    });
  };

  var indexes = {};
  function indexAt(url) {
    if (!indexes[url]) indexes[url] = new Index(url);
    return indexes[url];
  }

  // ---- Showing results -----------------------------------------------

  // highlight appends text to el with every word that a term of the query
  // begins marked.
  function highlight(el, m, text, queryTerms) {
    var last = 0;
    (text || "").replace(WORD, function (w, at) {
      var t = fold(m, w);
      if (queryTerms.some(function (q) { return t.lastIndexOf(q, 0) === 0; })) {
        el.appendChild(document.createTextNode(text.slice(last, at)));
        var mark = document.createElement("mark");
        mark.textContent = w;
        el.appendChild(mark);
        last = at + w.length;
      }
      return w;
    });
    el.appendChild(document.createTextNode((text || "").slice(last)));
  }

  function kindLabel(m, name) {
    var label = name;
    m.kinds.forEach(function (k) { if (k.name === name) label = k.label; });
    return label;
  }

  // resultItem makes one result: its title as a link, its kind and one
  // line about it, and its excerpt.
  function resultItem(m, rec, queryTerms, withExcerpt) {
    var li = document.createElement("li");
    li.className = "search-result";
    var a = document.createElement("a");
    a.href = rec.url;
    a.className = "search-title";
    highlight(a, m, rec.title, queryTerms);
    li.appendChild(a);
    var meta = document.createElement("span");
    meta.className = "search-meta";
    meta.textContent = kindLabel(m, rec.kind) + (rec.meta ? " · " + rec.meta : "");
    li.appendChild(meta);
    if (withExcerpt && rec.excerpt) {
      var p = document.createElement("p");
      p.className = "search-excerpt";
      highlight(p, m, rec.excerpt, queryTerms);
      li.appendChild(p);
    }
    return li;
  }

  function plural(n, noun) {
    return n + " " + noun + (n === 1 ? "" : "s");
  }

  // ---- The search box on every page ------------------------------------

  function enhanceBox(form) {
    var input = form.querySelector("input[type=search]");
    var index = indexAt(form.getAttribute("data-search-index"));
    var panel = document.createElement("div");
    panel.className = "search-panel";
    panel.hidden = true;
    var list = document.createElement("ol");
    list.className = "search-suggestions";
    list.id = "search-suggestions";
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    panel.appendChild(list);
    form.appendChild(panel);
    form.appendChild(status);
    input.setAttribute("aria-controls", list.id);

    var asked = 0;
    function close() {
      panel.hidden = true;
    }
    function run() {
      var query = input.value.trim();
      var n = ++asked;
      if (!query) {
        close();
        status.textContent = "";
        return;
      }
      index.search(query, {}).then(function (ids) {
        return Promise.all([index.load(), index.records(ids.slice(0, BOX_SIZE))]).then(function (got) {
          if (n !== asked) return; // a later query answered first
          var m = got[0];
          var queryTerms = terms(m, query);
          list.textContent = "";
          got[1].forEach(function (rec) { list.appendChild(resultItem(m, rec, queryTerms, false)); });
          var all = document.createElement("li");
          all.className = "search-all";
          var a = document.createElement("a");
          a.href = form.action + "?q=" + encodeURIComponent(query);
          a.textContent = ids.length ? "All " + plural(ids.length, "result") + " on the search page" : "Nothing found: try the search page's filters";
          all.appendChild(a);
          list.appendChild(all);
          panel.hidden = false;
          status.textContent = plural(ids.length, "result") + (ids.length ? ": arrow down to go through them" : "");
        });
      }).catch(function (err) {
        if (n !== asked) return;
        status.textContent = "Search is not available: " + err.message;
      });
    }
    var timer = 0;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 80);
    });
    input.addEventListener("focus", function () {
      if (input.value.trim() && list.firstChild) panel.hidden = false;
    });
    arrowsThrough(form, input, list, function () {
      if (!list.firstChild) return false;
      panel.hidden = false;
      return true;
    });
    form.addEventListener("keydown", function (e) {
      if (e.key === "Escape") {
        close();
        input.focus();
      }
    });
    document.addEventListener("click", function (e) {
      if (!form.contains(e.target)) close();
    });
    form.addEventListener("focusout", function (e) {
      if (e.relatedTarget && !form.contains(e.relatedTarget)) close();
    });
  }

  // arrowsThrough lets the arrow keys move from a search input through the
  // links of its results and back; open says whether there are results to
  // go to, showing them.
  function arrowsThrough(container, input, list, open) {
    container.addEventListener("keydown", function (e) {
      if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
      var all = Array.prototype.slice.call(list.querySelectorAll("a"));
      var at = all.indexOf(document.activeElement);
      if (e.key === "ArrowDown" && (at >= 0 || document.activeElement === input) && all.length && open()) {
        e.preventDefault();
        all[Math.min(at + 1, all.length - 1)].focus();
      } else if (e.key === "ArrowUp" && at >= 0) {
        e.preventDefault();
        if (at === 0) input.focus();
        else all[at - 1].focus();
      }
    });
  }

  // / goes to the search: the search page's own box on the search page,
  // else the box at the top.
  function slashFocuses() {
    document.addEventListener("keydown", function (e) {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
      var t = e.target;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      var input = document.querySelector("[data-search-page] input[type=search]") || document.querySelector("[data-search-box] input[type=search]");
      if (!input) return;
      e.preventDefault();
      input.focus();
      input.select();
    });
  }

  // ---- The search page ---------------------------------------------------

  function enhancePage(form) {
    var index = indexAt(form.getAttribute("data-search-index"));
    var input = form.querySelector("input[type=search]");
    var fieldset = form.querySelector("[data-search-filters]");
    var status = document.querySelector("[data-search-status]");
    var results = document.querySelector("[data-search-results]");
    var more = document.querySelector("[data-search-more]");
    var selects = {};
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    Array.prototype.forEach.call(fieldset.querySelectorAll("select"), function (select) {
      selects[select.name] = select;
      select.value = params.get(select.name) || "";
      select.addEventListener("change", function () { run(true); });
    });
    arrowsThrough(document.querySelector("main") || document.body, input, results, function () { return true; });

    var asked = 0, shown = 0, found = [];
    function filters() {
      var out = {};
      Object.keys(selects).forEach(function (f) { if (selects[f].value) out[f] = selects[f].value; });
      return out;
    }
    // remember puts the query and the filters in the page's address, so
    // that it can be shared, bookmarked and come back to.
    function remember() {
      var q = new URLSearchParams();
      if (input.value.trim()) q.set("q", input.value.trim());
      var f = filters();
      Object.keys(f).forEach(function (k) { q.set(k, f[k]); });
      var s = q.toString();
      history.replaceState(null, "", location.pathname + (s ? "?" + s : ""));
    }
    function showMore(m, queryTerms) {
      var next = found.slice(shown, shown + PAGE_SIZE);
      return index.records(next).then(function (recs) {
        recs.forEach(function (rec) { results.appendChild(resultItem(m, rec, queryTerms, true)); });
        shown += next.length;
        more.hidden = shown >= found.length;
      });
    }
    function run(keep) {
      var query = input.value.trim();
      var n = ++asked;
      if (keep) remember();
      Promise.all([index.load(), index.search(query, filters())]).then(function (got) {
        if (n !== asked) return;
        var m = got[0];
        found = got[1];
        shown = 0;
        results.textContent = "";
        var queryTerms = terms(m, query);
        if (!queryTerms.length && !Object.keys(filters()).length) {
          status.textContent = "Type a word, or choose a filter.";
          more.hidden = true;
          return;
        }
        status.textContent = (found.length ? plural(found.length, "result") : "No results") + (query ? " for \u201c" + query + "\u201d" : "") + ".";
        return showMore(m, queryTerms);
      }).catch(function (err) {
        if (n === asked) status.textContent = "Search is not available: " + err.message;
      });
    }
    var timer = 0;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { run(true); }, 120);
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      clearTimeout(timer);
      run(true);
    });
    more.querySelector("button").addEventListener("click", function () {
      var first = results.children.length;
      index.load().then(function (m) {
        return showMore(m, terms(m, input.value)).then(function () {
          var link = results.children[first] && results.children[first].querySelector("a");
          if (link) link.focus();
        });
      });
    });
    run(false);
  }

  // ---- Filters for concern tables -------------------------------------

  // rowValues returns a concern row's values for a filter, from its data
  // attributes (written by the concern-row partial).
  function rowValues(m, row, facet) {
    var status = row.getAttribute("data-status");
    switch (facet) {
      case "open":
        return [m.openStatuses.indexOf(status) >= 0 ? "open" : "closed"];
      case "observable":
        return [row.getAttribute("data-observable") || "unknown"];
      case "tag":
        return (row.getAttribute("data-tag") || "").split(" ").filter(Boolean);
      default:
        var v = row.getAttribute("data-" + facet);
        return v ? [v] : [];
    }
  }

  var tableCount = 0;
  // enhanceTable fills the slot the page keeps above a long concern table
  // with its filter bar: the slot holds the bar's place, so nothing moves
  // when it appears.
  function enhanceTable(slot, table, index) {
    var rows = Array.prototype.filter.call(table.tBodies[0].rows, function (r) { return r.hasAttribute("data-status"); });
    var n = ++tableCount;
    var details = document.createElement("details");
    details.className = "table-filter";
    var summary = document.createElement("summary");
    summary.textContent = "Filter these concerns";
    var bar = document.createElement("div");
    bar.className = "table-filter-bar";
    var status = document.createElement("p");
    status.className = "table-filter-status";
    status.setAttribute("role", "status");
    details.appendChild(summary);
    details.appendChild(bar);
    details.appendChild(status);
    slot.appendChild(details);
    var selects = {};
    var built = null;

    function apply() {
      var shown = 0;
      index.load().then(function (m) {
        rows.forEach(function (row) {
          var ok = Object.keys(selects).every(function (f) {
            return !selects[f].value || rowValues(m, row, f).indexOf(selects[f].value) >= 0;
          });
          row.hidden = !ok;
          if (ok) shown++;
        });
        status.textContent = shown === rows.length ? "" : "Showing " + shown + " of " + plural(rows.length, "concern") + ".";
        clear.hidden = shown === rows.length;
      });
    }
    function remember() {
      var q = new URLSearchParams(location.search);
      Object.keys(selects).forEach(function (f) {
        if (selects[f].value) q.set(f, selects[f].value);
        else q.delete(f);
      });
      var s = q.toString();
      history.replaceState(null, "", location.pathname + (s ? "?" + s : "") + location.hash);
    }
    var clear = document.createElement("button");
    clear.type = "button";
    clear.textContent = "Show all";
    clear.hidden = true;
    clear.addEventListener("click", function () {
      Object.keys(selects).forEach(function (f) { selects[f].value = ""; });
      remember();
      apply();
    });

    // build makes a select for every filter by which the rows differ,
    // offering the values the rows have, with how many have each.
    function build() {
      if (built) return built;
      var params = new URLSearchParams(location.search);
      built = index.load().then(function (m) {
        m.facets.forEach(function (f) {
          var counts = {};
          rows.forEach(function (row) {
            rowValues(m, row, f.name).forEach(function (v) { counts[v] = (counts[v] || 0) + 1; });
          });
          var values = f.values.filter(function (v) { return counts[v.value]; });
          if (values.length < 2 && !(values.length === 1 && counts[values[0].value] < rows.length)) return;
          var id = "table-filter-" + n + "-" + f.name;
          var field = document.createElement("div");
          field.className = "search-filter";
          var label = document.createElement("label");
          label.htmlFor = id;
          label.textContent = f.label;
          var select = document.createElement("select");
          select.id = id;
          select.appendChild(new Option("Any", ""));
          values.forEach(function (v) { select.appendChild(new Option(v.label + " (" + counts[v.value] + ")", v.value)); });
          if (params.get(f.name) && counts[params.get(f.name)]) select.value = params.get(f.name);
          select.addEventListener("change", function () { remember(); apply(); });
          field.appendChild(label);
          field.appendChild(select);
          bar.appendChild(field);
          selects[f.name] = select;
        });
        bar.appendChild(clear);
        apply();
      }).catch(function (err) {
        status.textContent = "Filters are not available: " + err.message;
      });
      return built;
    }
    details.addEventListener("toggle", function () { if (details.open) build(); });
    // An address with filters (/concerns/?team=data) opens the bar with
    // them chosen.
    if (location.search) {
      var params = new URLSearchParams(location.search);
      index.load().then(function (m) {
        if (m.facets.some(function (f) { return params.get(f.name); })) details.open = true;
      }, function () {});
    }
  }

  // ---- Start ------------------------------------------------------------

  function init() {
    var box = document.querySelector("[data-search-box]");
    if (box) enhanceBox(box);
    var page = document.querySelector("[data-search-page]");
    if (page) enhancePage(page);
    slashFocuses();
    if (box) {
      var index = null;
      Array.prototype.forEach.call(document.querySelectorAll("[data-table-filter]"), function (slot) {
        var wrap = slot.nextElementSibling;
        while (wrap && !wrap.classList.contains("table-wrap")) wrap = wrap.nextElementSibling;
        var table = wrap && wrap.querySelector("table.concerns");
        if (!table || !table.tBodies[0]) return;
        index = index || indexAt(box.getAttribute("data-search-index"));
        enhanceTable(slot, table, index);
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
