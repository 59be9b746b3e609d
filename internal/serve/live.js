// live.js keeps a page open in `handbook serve` in step with the server. The
// server adds it to pages it serves; built files never contain it. It
// reloads the page when a rebuild changed it, swaps stylesheets in place,
// and shows the errors of a failed rebuild over the page.
//
// Everything it shows is made with textContent, never parsed as markup:
// error messages quote the sources, and sources may hold markup.
(function () {
  "use strict";

  var OVERLAY = "handbook-errors";
  var script = document.currentScript ||
    document.querySelector('script[data-build][src$="/_handbook/live.js"]');
  // build is the build this page shows. It moves on when a rebuild leaves
  // the page as it was.
  var build = script ? script.getAttribute("data-build") : "";

  function payload(e) {
    try {
      return JSON.parse(e.data);
    } catch (err) {
      return null;
    }
  }

  // mine reports whether the page is among pages, URL paths as the server
  // names them ("/concerns/etl/").
  function mine(pages) {
    var raw = location.pathname.replace(/\/index\.html$/, "/");
    var decoded = raw;
    try {
      decoded = decodeURI(raw);
    } catch (err) {
      // not valid percent-encoding: compare it as it is
    }
    for (var i = 0; i < pages.length; i++) {
      if (pages[i] === raw || pages[i] === decoded) {
        return true;
      }
    }
    return false;
  }

  // reloadIfStale reloads the page when the first event after (re)connecting
  // says it is stale: a change to it was made while it was not listening,
  // or the server restarted with other sources. Otherwise the page now
  // shows the server's build.
  function reloadIfStale(d) {
    if (!d.connect) {
      return false;
    }
    if (d.stale) {
      location.reload();
      return true;
    }
    build = d.build;
    return false;
  }

  function pathOf(href) {
    var a = document.createElement("a");
    a.href = href;
    return a.pathname.charAt(0) === "/" ? a.pathname : "/" + a.pathname;
  }

  // swapStyles points each stylesheet link named in styles (old URL path to
  // new) at its new URL. The new sheet loads beside the old one, which goes
  // once the new one applies, so the page never shows unstyled.
  function swapStyles(styles) {
    var links = document.querySelectorAll('link[rel~="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      var old = links[i];
      var from = pathOf(old.href);
      if (!Object.prototype.hasOwnProperty.call(styles, from)) {
        continue;
      }
      var link = old.cloneNode(false);
      link.href = styles[from];
      link.onload = link.onerror = removeLater(old);
      old.parentNode.insertBefore(link, old.nextSibling);
    }
  }

  function removeLater(node) {
    return function () {
      if (node.parentNode) {
        node.parentNode.removeChild(node);
      }
    };
  }

  // css gives el exactly the style props, whatever the site's stylesheet
  // says about such elements. The style is set through the CSSOM, which a
  // Content-Security-Policy without 'unsafe-inline' allows.
  function css(el, props) {
    el.style.setProperty("all", "initial");
    for (var name in props) {
      if (Object.prototype.hasOwnProperty.call(props, name)) {
        el.style.setProperty(name, props[name]);
      }
    }
  }

  function make(tag, className, text, props) {
    var el = document.createElement(tag);
    el.className = className;
    if (text) {
      el.textContent = text;
    }
    css(el, props);
    return el;
  }

  // The overlay is light text on near-black, and yellow for positions: high
  // contrast whether the page is light or dark. Its heading says what
  // happened, so the red edge is not the only sign.
  var FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
  var MONO = "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace";
  var TEXT = { "display": "block", "color": "#ffffff", "font-family": FONT, "font-size": "16px", "line-height": "1.5" };

  function extend(base, more) {
    var out = {};
    var name;
    for (name in base) {
      if (Object.prototype.hasOwnProperty.call(base, name)) {
        out[name] = base[name];
      }
    }
    for (name in more) {
      if (Object.prototype.hasOwnProperty.call(more, name)) {
        out[name] = more[name];
      }
    }
    return out;
  }

  // showErrors shows errors ({file, line, msg}) in a panel fixed to the
  // bottom of the page, with id handbook-errors.
  function showErrors(errors) {
    hideErrors();
    var panel = make("section", "handbook-errors", "", extend(TEXT, {
      "position": "fixed", "left": "0", "right": "0", "bottom": "0",
      "z-index": "2147483647", "max-height": "50vh", "overflow": "auto",
      "box-sizing": "border-box", "padding": "16px 20px",
      "background": "#0b0c0c", "border-top": "6px solid #d4351c",
      "box-shadow": "0 -2px 12px rgba(0, 0, 0, 0.5)"
    }));
    panel.id = OVERLAY;
    panel.setAttribute("role", "alert");
    panel.setAttribute("aria-labelledby", OVERLAY + "-title");

    var n = errors.length;
    var title = make("h2", "handbook-errors-title",
      "The rebuild failed with " + n + (n === 1 ? " error" : " errors"),
      extend(TEXT, { "font-size": "20px", "font-weight": "bold", "margin": "0 0 4px" }));
    title.id = OVERLAY + "-title";
    panel.appendChild(title);
    panel.appendChild(make("p", "handbook-errors-note",
      "The page shows the last good build. Fix the sources and save: it updates by itself.",
      extend(TEXT, { "margin": "0 0 12px" })));

    var list = make("ol", "handbook-errors-list", "",
      extend(TEXT, { "margin": "0", "padding": "0 0 0 24px" }));
    for (var i = 0; i < n; i++) {
      var e = errors[i] || {};
      var item = make("li", "handbook-error", "",
        extend(TEXT, { "display": "list-item", "list-style": "decimal", "margin": "0 0 8px" }));
      var where = String(e.file || "") + (e.line > 0 ? ":" + e.line : "");
      item.appendChild(make("code", "handbook-error-where", where,
        extend(TEXT, { "display": "inline", "color": "#ffdd00", "font-family": MONO, "font-size": "15px" })));
      item.appendChild(make("span", "handbook-error-sep", ": ", extend(TEXT, { "display": "inline" })));
      item.appendChild(make("span", "handbook-error-msg", String(e.msg || ""),
        extend(TEXT, { "display": "inline", "white-space": "pre-wrap" })));
      list.appendChild(item);
    }
    panel.appendChild(list);

    var hide = make("button", "handbook-errors-close", "Hide", extend(TEXT, {
      "display": "inline-block", "margin": "8px 0 0", "padding": "4px 12px", "cursor": "pointer",
      "background": "#0b0c0c", "border": "2px solid #ffffff", "border-radius": "0"
    }));
    hide.type = "button";
    hide.onclick = hideErrors;
    panel.appendChild(hide);

    document.body.appendChild(panel);
  }

  function hideErrors() {
    var panel = document.getElementById(OVERLAY);
    if (panel && panel.parentNode) {
      panel.parentNode.removeChild(panel);
    }
  }

  function on(source, name, handle) {
    source.addEventListener(name, function (e) {
      var d = payload(e);
      if (d) {
        handle(d);
      }
    });
  }

  function connect() {
    // The page says which it is, so that a rebuild makes it first, and
    // which build it shows, so that the server can tell it is stale.
    var source = new EventSource("/_handbook/events?page=" + encodeURIComponent(location.pathname) +
      "&build=" + encodeURIComponent(build));
    on(source, "reload", function (d) {
      if (d.all || mine(d.pages || [])) {
        location.reload();
        return;
      }
      build = d.build;
    });
    on(source, "styles", function (d) {
      swapStyles(d.styles || {});
      build = d.build;
    });
    on(source, "errors", function (d) {
      if (!reloadIfStale(d)) {
        showErrors(d.errors || []);
      }
    });
    on(source, "ok", function (d) {
      if (!reloadIfStale(d)) {
        hideErrors();
      }
    });
    source.onerror = function () {
      // Start over by hand rather than let EventSource retry: its retry
      // asks with the URL it began with, which names the build the page
      // showed then, not the one it has moved on to.
      source.close();
      setTimeout(connect, 1000);
    };
  }

  connect();
})();
