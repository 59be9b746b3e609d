// charts.js: draws the handbook's charts with ECharts, loaded from the site
// itself only once a chart comes near the screen. Each chart's options arrive
// as JSON data; click targets and tooltip lines are kept apart from them and
// handled here, so no string from the content is ever run or read as markup.
(function () {
  "use strict";

  var charts = [];
  var echartsLoading = null;
  var darkQuery = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  function loadECharts(src) {
    if (window.echarts) return Promise.resolve();
    if (!echartsLoading) {
      echartsLoading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return echartsLoading;
  }

  function escapeHTML(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // Only links into this site are followed; the generator makes them all.
  function sameSite(url) {
    return typeof url === "string" && url.charAt(0) === "/" && url.charAt(1) !== "/";
  }

  function lookup(table, p) {
    return table && table[p.seriesIndex] ? table[p.seriesIndex][p.dataIndex] : undefined;
  }

  function tooltip(spec) {
    return function (p) {
      if (Array.isArray(p)) { // axis tooltips: one line per series
        var lines = p.length ? [p[0].axisValueLabel] : [];
        p.forEach(function (item) { lines.push(item.seriesName + ": " + item.value); });
        return lines.map(escapeHTML).join("<br>");
      }
      var tip = lookup(spec.tips, p);
      return (tip || [p.seriesName + ": " + p.name]).map(escapeHTML).join("<br>");
    };
  }

  function nameLevels(option, levels) {
    [].concat(option.xAxis || [], option.yAxis || []).forEach(function (axis) {
      if (axis.type !== "value") return;
      axis.axisLabel = axis.axisLabel || {};
      axis.axisLabel.formatter = function (v) { return levels[String(v)] || ""; };
      axis.axisLabel.width = 120; // a long level name must not squeeze the plot away
      axis.axisLabel.overflow = "truncate";
    });
  }

  function draw(entry) {
    var spec = entry.spec;
    var option = spec.option;
    if (spec.levels) nameLevels(option, spec.levels);
    option.tooltip = option.tooltip || {};
    option.tooltip.formatter = tooltip(spec);
    option.backgroundColor = "transparent";
    var dark = darkQuery && darkQuery.matches;
    entry.chart = window.echarts.init(entry.el, dark ? "dark" : null);
    entry.chart.setOption(option);
    entry.chart.on("click", function (p) {
      var url = lookup(spec.links, p);
      if (p.componentType === "series" && sameSite(url)) window.location.href = url;
    });
    entry.el.setAttribute("data-chart-ready", "");
  }

  function show(entry) {
    if (entry.chart || entry.pending) return;
    entry.pending = true;
    loadECharts(entry.el.getAttribute("data-echarts")).then(function () { draw(entry); });
  }

  function redrawAll() {
    charts.forEach(function (entry) {
      if (!entry.chart) return;
      entry.chart.dispose();
      draw(entry);
    });
  }

  function resizeAll() {
    charts.forEach(function (entry) { if (entry.chart) entry.chart.resize(); });
  }

  function init() {
    var els = document.querySelectorAll("[data-chart]");
    Array.prototype.forEach.call(els, function (el) {
      var data = document.getElementById(el.id + "-spec");
      if (!data) return;
      charts.push({ el: el, spec: JSON.parse(data.textContent) });
    });
    if (!charts.length) return;

    if ("IntersectionObserver" in window) {
      var observer = new IntersectionObserver(function (seen) {
        seen.forEach(function (s) {
          if (!s.isIntersecting) return;
          observer.unobserve(s.target);
          charts.forEach(function (entry) { if (entry.el === s.target) show(entry); });
        });
      }, { rootMargin: "0px" }); // load ECharts (1 MB) only once a chart is on screen
      charts.forEach(function (entry) { observer.observe(entry.el); });
    } else {
      charts.forEach(show);
    }

    var frame = 0;
    window.addEventListener("resize", function () {
      if (frame) return;
      frame = window.requestAnimationFrame(function () { frame = 0; resizeAll(); });
    });
    window.addEventListener("beforeprint", resizeAll);
    window.addEventListener("afterprint", resizeAll);
    if (darkQuery && darkQuery.addEventListener) darkQuery.addEventListener("change", redrawAll);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
