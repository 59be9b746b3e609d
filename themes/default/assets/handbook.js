// handbook.js: progressive enhancements for the handbook. Every page reads
// fine without it; with it, concern and action tables sort by any column.
(function () {
  "use strict";

  function cellKey(row, index, type) {
    var cell = row.cells[index];
    if (!cell) return type === "number" ? null : "";
    var raw = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
    if (type !== "number") return raw.toLowerCase();
    if (raw === "") return null;
    var n = parseFloat(raw);
    return isNaN(n) ? null : n;
  }

  function sortTable(table, th, status) {
    var headers = Array.prototype.slice.call(th.parentNode.cells);
    var index = headers.indexOf(th);
    var type = th.getAttribute("data-sort-type") || "text";
    var current = th.getAttribute("aria-sort");
    // The first click sorts the way a reader expects: most valuable first,
    // least effort first; the template says which with data-sort-first.
    var firstDir = th.getAttribute("data-sort-first") || "ascending";
    var dir = current === firstDir ? (firstDir === "ascending" ? "descending" : "ascending") : firstDir;
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows).map(function (row, i) {
      return { row: row, key: cellKey(row, index, type), i: i };
    });
    rows.sort(function (x, y) {
      // Empty cells (an unscored risk, say) stay last either way.
      var xEmpty = x.key === null || x.key === "";
      var yEmpty = y.key === null || y.key === "";
      if (xEmpty || yEmpty) return xEmpty === yEmpty ? x.i - y.i : (xEmpty ? 1 : -1);
      var c = type === "number" ? x.key - y.key : x.key.localeCompare(y.key);
      if (dir === "descending") c = -c;
      return c || x.i - y.i;
    });
    var frag = document.createDocumentFragment();
    rows.forEach(function (r) { frag.appendChild(r.row); });
    body.appendChild(frag);
    headers.forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir);
    status.textContent = "Sorted by " + th.textContent.trim() + ", " + dir + ".";
  }

  function enhance(table) {
    var head = table.tHead;
    if (!head || !table.tBodies[0]) return;
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");
    table.parentNode.insertBefore(status, table.nextSibling);
    Array.prototype.forEach.call(head.rows[0].cells, function (th) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () { sortTable(table, th, status); });
    });
    table.classList.add("is-sortable");
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("table[data-sortable]"), enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
