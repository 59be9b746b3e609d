// charts.js: draws the handbook's charts with ECharts, loaded from the site
// itself only once a chart comes on screen. Each chart's options arrive
// as JSON data; click targets, tooltip lines and bubble names are kept apart
// from them and handled here, so no string from the content is ever run or
// read as markup.
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

  // nameLevels names the ticks of score axes in the council's words; on a
  // narrow chart only the scale's own levels, not the ranges between them.
  function nameLevels(option, levels, narrow) {
    [].concat(option.xAxis || [], option.yAxis || []).forEach(function (axis) {
      if (axis.type !== "value") return;
      axis.axisLabel = axis.axisLabel || {};
      axis.axisLabel.formatter = function (v) {
        var name = levels[String(v)] || "";
        return narrow && name.indexOf("-") >= 0 ? "" : name;
      };
      axis.axisLabel.width = narrow ? 60 : 120; // a long level name must not squeeze the plot away
      axis.axisLabel.overflow = "truncate";
    });
  }

  // textSize is the chart's base font size: larger on a wide chart, so that
  // a projected chart reads from the back of the room.
  function textSize(el) {
    return el.clientWidth >= 1000 ? 16 : el.clientWidth >= 700 ? 13 : 12;
  }

  function draw(entry) {
    var spec = JSON.parse(entry.json); // a fresh copy: options are changed below
    var option = spec.option;
    var el = entry.el;
    var dark = !!(darkQuery && darkQuery.matches);
    entry.width = el.clientWidth;
    var narrow = entry.width < 480;
    if (spec.levels) nameLevels(option, spec.levels, narrow);
    option.tooltip = option.tooltip || {};
    option.tooltip.formatter = tooltip(spec);
    option.tooltip.confine = true;
    option.backgroundColor = "transparent";
    // Every text in the chart's size: ECharts gives axes their own.
    var size = textSize(el);
    option.textStyle = { fontSize: size };
    option.tooltip.textStyle = { fontSize: size };
    [].concat(option.xAxis || [], option.yAxis || []).forEach(function (axis) {
      axis.axisLabel = axis.axisLabel || {};
      axis.axisLabel.fontSize = size;
      axis.nameTextStyle = axis.nameTextStyle || {};
      axis.nameTextStyle.fontSize = size;
    });
    // A name under the axis clears its labels, and the chart's edge clears
    // the name.
    (option.xAxis || []).forEach(function (axis) {
      if (axis.nameLocation !== "middle") return;
      axis.nameGap = Math.round(size * 2.2);
      if (option.grid && option.grid[0]) option.grid[0].bottom = axis.nameGap + size + 6;
    });
    if (spec.bubbles) prepareBubbles(entry, spec, option, dark);
    groundLabels(option, getComputedStyle(el).backgroundColor);
    entry.spec = spec;
    entry.chart = window.echarts.init(el, dark ? "dark" : null);
    entry.chart.setOption(option);
    fitMarks(entry.chart, option);
    entry.chart.on("click", function (p) {
      var url = lookup(spec.links, p);
      if (p.componentType === "series" && sameSite(url)) window.location.href = url;
    });
    if (spec.bubbles) overlay(entry, entry.size);
    el.setAttribute("data-chart-ready", "");
  }

  // fitMarks makes the marks of each series marked "fit" no bigger than the
  // room between two neighbouring categories of the x axis, as the chart is
  // drawn now: many marks on a narrow chart then stay apart, small, instead
  // of running together.
  function fitMarks(chart, option) {
    var series = option.series || [];
    if (!series.some(function (s) { return s.fit; })) return; // most charts: nothing to draw again
    var room = Math.abs(chart.convertToPixel({ xAxisIndex: 0 }, 1) - chart.convertToPixel({ xAxisIndex: 0 }, 0));
    chart.setOption({
      series: series.map(function (s) {
        return s.fit ? { symbolSize: Math.max(3, Math.min(s.symbolSize, Math.floor(room) - 1)) } : {};
      })
    });
  }

  // groundLabels gives each label marked "ground" the chart's background
  // behind its words, so that a line drawn across it does not strike them
  // through: the colour is the page's, light or dark.
  function groundLabels(option, ground) {
    (option.series || []).forEach(function (s) {
      (s.data || []).forEach(function (d) {
        if (d && d.label && d.label.ground) {
          delete d.label.ground;
          d.label.backgroundColor = ground;
        }
      });
    });
  }

  // prepareBubbles fixes the plot's place in the chart, so that a score's
  // width on screen is known before drawing: each bubble is then sized to
  // the room its slot has, so that none overlaps another however narrow the
  // chart, and its mark is set in the largest type it holds. The series of
  // closed concerns stays empty until the reader asks for them.
  function prepareBubbles(entry, spec, option, dark) {
    var el = entry.el;
    var narrow = el.clientWidth < 480;
    var labels = narrow ? 56 : 110;
    var grid = { left: labels + 14, right: 14, top: 30, bottom: option.grid[0].bottom, containLabel: false };
    option.grid = [grid];
    option.yAxis[0].axisLabel.width = labels;
    var x = option.xAxis[0], y = option.yAxis[0];
    var perScore = Math.min((el.clientWidth - grid.left - grid.right) / (x.max - x.min),
      (el.clientHeight - grid.top - grid.bottom) / (y.max - y.min));
    var scale = Math.max(0.8, Math.min(2, perScore * (x.max - x.min) / 500));
    var size = function (v) { return Math.max(4, Math.min(v[3] * scale, v[2] * perScore * 0.92)); };
    entry.size = size;
    // A label has one type size per series: rich text styles give each
    // mark its own.
    var rich = {};
    for (var f = 8; f <= 22; f++) rich["s" + f] = { fontSize: f, fontWeight: "bold" };
    (spec.bubbles.hidden || []).forEach(function (i) {
      if (!entry.showHidden) option.series[i].data = [];
    });
    option.series.forEach(function (s, i) {
      s.symbolSize = size;
      s.label = s.label || {};
      s.label.rich = rich;
      s.label.formatter = function (p) {
        var d = size(p.value), mark = spec.bubbles.marks[i][p.dataIndex] || "";
        var f = Math.min(22, Math.floor(d / Math.max(1.6, 0.62 * mark.length + 0.6)));
        return f >= 8 && mark ? "{s" + f + "|" + mark + "}" : "";
      };
      if (s.markArea) s.markArea.label = { color: dark ? "#d0d4d8" : "#33393d", fontSize: textSize(el) };
    });
  }

  // overlay puts a link over each bubble, in rank order, for keyboards: Tab
  // reaches the first, the arrow keys the others, Enter opens one. The
  // links let the pointer through to the chart. Beside each bubble goes its
  // short title, where it covers no bubble, quadrant name or other title.
  function overlay(entry, size) {
    var chart = entry.chart;
    var spec = entry.spec;
    var stage = entry.el.parentNode;
    var old = stage.querySelector(".bubble-keys");
    if (old) stage.removeChild(old);
    var layer = document.createElement("div");
    layer.className = "bubble-keys";
    var bubbles = [];
    spec.option.series.forEach(function (s, si) {
      (s.data || []).forEach(function (d, di) {
        var at = chart.convertToPixel({ seriesIndex: si }, [d.value[0], d.value[1]]);
        bubbles.push({ si: si, di: di, x: at[0], y: at[1], r: size(d.value) / 2, mark: spec.bubbles.marks[si][di] });
      });
    });
    bubbles.sort(function (a, b) {
      var x = parseInt(a.mark, 10), y = parseInt(b.mark, 10);
      if (isNaN(x) !== isNaN(y)) return isNaN(x) ? 1 : -1;
      return (x - y) || (a.si - b.si) || (a.di - b.di);
    });

    var taken = bubbles.map(function (b) { return { l: b.x - b.r, t: b.y - b.r, r: b.x + b.r, b: b.y + b.r }; });
    var x = spec.option.xAxis[0], y = spec.option.yAxis[0];
    var topLeft = chart.convertToPixel({ gridIndex: 0 }, [x.min, y.max]);
    var bottomRight = chart.convertToPixel({ gridIndex: 0 }, [x.max, y.min]);
    var plot = { l: topLeft[0], t: topLeft[1], r: bottomRight[0], b: bottomRight[1] };
    var measure = document.createElement("canvas").getContext("2d");
    var family = getComputedStyle(document.body).fontFamily;
    // The quadrant names sit in the plot's corners: top left, top right,
    // bottom left, bottom right.
    var fontSize = textSize(entry.el);
    measure.font = "bold " + fontSize + "px sans-serif";
    var areas = (spec.option.series[0].markArea || { data: [] }).data;
    areas.forEach(function (area, i) {
      var w = measure.measureText(area[0].name).width + 12, h = fontSize + 10;
      var l = i % 2 ? plot.r - w : plot.l, t = i < 2 ? plot.t : plot.b - h;
      taken.push({ l: l, t: t, r: l + w, b: t + h });
    });
    var rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    var line = 1.1 * rem;
    measure.font = 0.78 * rem + "px " + family;

    var links = [];
    bubbles.forEach(function (b) {
      var url = spec.links[b.si][b.di];
      var tip = spec.tips[b.si][b.di];
      if (sameSite(url)) {
        var a = document.createElement("a");
        a.className = "bubble-key";
        a.href = url;
        a.tabIndex = links.length ? -1 : 0;
        a.setAttribute("aria-label", (/^\d+$/.test(b.mark) ? "Rank " + b.mark + ": " : "") + tip.join(", "));
        place(a, b.x - b.r, b.y - b.r, 2 * b.r, 2 * b.r);
        a.addEventListener("focus", function () {
          chart.dispatchAction({ type: "highlight", seriesIndex: b.si, dataIndex: b.di });
          chart.dispatchAction({ type: "showTip", seriesIndex: b.si, dataIndex: b.di });
        });
        a.addEventListener("blur", function () {
          chart.dispatchAction({ type: "downplay", seriesIndex: b.si, dataIndex: b.di });
          chart.dispatchAction({ type: "hideTip" });
        });
        links.push(a);
        layer.appendChild(a);
      }
      var title = spec.bubbles.titles[b.si][b.di];
      if (!title) return;
      var w = measure.measureText(title).width + 6;
      var spots = [
        { l: b.x + b.r + 3, t: b.y - line / 2 },
        { l: b.x - b.r - 3 - w, t: b.y - line / 2 },
        { l: b.x - w / 2, t: b.y + b.r + 1 },
        { l: b.x - w / 2, t: b.y - b.r - 1 - line },
      ];
      for (var i = 0; i < spots.length; i++) {
        var box = { l: spots[i].l, t: spots[i].t, r: spots[i].l + w, b: spots[i].t + line };
        if (box.l < plot.l || box.r > plot.r || box.t < plot.t || box.b > plot.b) continue;
        if (taken.some(function (o) { return box.l < o.r && o.l < box.r && box.t < o.b && o.t < box.b; })) continue;
        taken.push(box);
        var span = document.createElement("span");
        span.className = "bubble-title";
        span.setAttribute("aria-hidden", "true");
        span.textContent = title;
        place(span, box.l, box.t);
        layer.appendChild(span);
        break;
      }
    });
    layer.addEventListener("keydown", function (e) {
      var i = links.indexOf(document.activeElement);
      if (i < 0) return;
      var next = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: links.length - 1 }[e.key];
      if (next === undefined) return;
      e.preventDefault();
      next = Math.max(0, Math.min(links.length - 1, next));
      links[i].tabIndex = -1;
      links[next].tabIndex = 0;
      links[next].focus();
    });
    stage.appendChild(layer);
    var hint = entry.figure.querySelector(".chart-keys");
    if (hint && links.length) hint.hidden = false;
  }

  function place(el, left, top, width, height) {
    el.style.left = left + "px";
    el.style.top = top + "px";
    if (width !== undefined) {
      el.style.width = width + "px";
      el.style.height = height + "px";
    }
  }

  // Charts are drawn one per task, so that the page answers the reader
  // between two of them.
  var queue = [];
  function drawNext() {
    var entry = queue.shift();
    if (!entry) return;
    try {
      draw(entry);
    } finally { // one chart that fails must not keep the others from drawing
      if (queue.length) setTimeout(drawNext, 0);
    }
  }

  function show(entry) {
    if (entry.chart || entry.pending) return;
    entry.pending = true;
    loadECharts(entry.el.getAttribute("data-echarts")).then(function () {
      queue.push(entry);
      if (queue.length === 1) setTimeout(drawNext, 0);
    });
  }

  function redraw(entry) {
    if (!entry.chart) return;
    entry.chart.dispose();
    entry.chart = null;
    draw(entry);
  }

  function redrawAll() { charts.forEach(redraw); }

  // A resized bubble chart is drawn again: its bubbles' sizes, titles and
  // level names depend on its width. Other charts only resize.
  function resizeAll() {
    charts.forEach(function (entry) {
      if (!entry.chart) return;
      if (entry.json.indexOf('"bubbles"') >= 0 || entry.width !== entry.el.clientWidth) {
        redraw(entry);
      } else {
        entry.chart.resize();
      }
    });
  }

  function init() {
    var els = document.querySelectorAll("[data-chart]");
    Array.prototype.forEach.call(els, function (el) {
      var data = document.getElementById(el.id + "-spec");
      if (!data) return;
      var entry = { el: el, json: data.textContent, figure: el.closest("figure") || el.parentNode };
      var toggle = entry.figure.querySelector("[data-show-hidden]");
      if (toggle) {
        toggle.closest(".chart-tools").hidden = false;
        toggle.addEventListener("change", function () {
          entry.showHidden = toggle.checked;
          redraw(entry);
        });
      }
      charts.push(entry);
    });
    if (!charts.length) return;

    if ("IntersectionObserver" in window) {
      var observer = new IntersectionObserver(function (seen) {
        seen.forEach(function (s) {
          if (!s.isIntersecting) return;
          observer.unobserve(s.target);
          charts.forEach(function (entry) { if (entry.el === s.target) show(entry); });
        });
      }, { rootMargin: "0px" }); // load ECharts only once a chart is on screen
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
