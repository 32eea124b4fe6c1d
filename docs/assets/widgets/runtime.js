/*
 * The widget runtime loader: loaded on every page (overrides/runtime-config.html),
 * it starts PyScript only on pages with a widget (template: widget.html) and
 * keeps every widget's state honest: data-state="loading" | "ready" | "error".
 *
 * - The site's absolute base comes from this script's own URL (it lives at
 *   <base>assets/widgets/runtime.js), so the site works at the root, under a
 *   sub-path and from `mkdocs serve`, with no host baked in.
 * - PyScript reads its configuration once, when core.js loads, and resolves
 *   relative URLs against the address of the moment, which changes under
 *   Material's instant navigation. So the <mpy-config>/<py-config> element is
 *   written here with absolute URLs, once, just before core.js is loaded, and
 *   outside the parts of the page that instant navigation swaps.
 * - Every page view with a widget (document$, first load and instant
 *   navigation alike) appends a small Python script that runs the glue
 *   (assets/widgets/widgets.py); a running interpreter is reused.
 * - If the interpreter cannot load (blocked, offline, a missing file), the
 *   widgets say so and offer a retry; a timeout catches what no error reports.
 *   The static content stays usable throughout.
 * - A widget whose root names a query parameter (data-link-parameter, e.g.
 *   the quiz's share link) gets data-link="pending" when the address holds
 *   that parameter, and its [data-link-pending] note is shown: the reader of
 *   a shared link learns at once that its result is on its way, for the
 *   seconds the interpreter takes. The note's words are in the page (from
 *   decision_core); the glue hides it once it has read the link.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var settingsElement = document.getElementById("__widget-runtime");
  if (!script || !settingsElement) return;

  var BASE = new URL("../../", script.src).href;
  var settings = JSON.parse(settingsElement.textContent);

  var core = "idle"; // idle | loading | loaded | failed
  var failure = "";
  var timer = 0;
  var view = 0;
  var shown = []; // the widget roots and the main part of the page on view (releasePast keeps it)

  // The same words as the page's watchdog wrote (both from the settings), so the line keeps its length.
  function loadingText() {
    return core === "loaded" ? settings.loading_again : settings.loading;
  }

  function absolute(path) {
    return new URL(path, BASE).href;
  }

  function roots() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-widget]"));
  }

  function statusOf(root) {
    var status = root.querySelector("[data-widget-status]");
    if (!status) {
      status = document.createElement("p");
      status.className = "widget-status";
      status.setAttribute("role", "status");
      status.setAttribute("data-widget-status", "");
      root.insertBefore(status, root.firstChild);
    }
    return status;
  }

  function setState(root, state, message, retry) {
    root.setAttribute("data-state", state);
    var status = statusOf(root);
    status.textContent = message;
    if (retry) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button widget-status__retry";
      button.setAttribute("data-widget-retry", "");
      button.textContent = "Retry";
      button.addEventListener("click", function () {
        location.reload();
      });
      status.appendChild(document.createTextNode(" "));
      status.appendChild(button);
    }
  }

  function fail(root, reason) {
    setState(
      root,
      "error",
      "The interactive part could not load (" + reason + "). " +
        "Everything else on this page still works; your answers stay as they are.",
      true
    );
  }

  function failAll(reason) {
    failure = reason;
    clearTimeout(timer);
    roots().forEach(function (root) {
      if (root.getAttribute("data-state") !== "ready") fail(root, reason);
    });
  }

  function loading() {
    return roots().some(function (root) {
      return root.getAttribute("data-state") === "loading";
    });
  }

  // Errors while the runtime loads: a failed import of the interpreter or of
  // PyScript's chunks, a failed fetch of the wheel or the glue.
  function related(text) {
    text = String(text || "");
    return (
      text.indexOf("/assets/runtime/") !== -1 ||
      text.indexOf("/assets/widgets/") !== -1 ||
      /dynamically imported module|Failed to fetch|NetworkError|WebAssembly|wasm|micropython|pyodide/i.test(text)
    );
  }

  window.addEventListener("unhandledrejection", function (event) {
    var reason = event.reason;
    var text = reason && (reason.stack || reason.message) ? reason.stack || reason.message : String(reason);
    // A module that fails to parse (a corrupt interpreter file, say) rejects
    // its import with a bare SyntaxError that names no file. While a widget is
    // loading, the page's own JavaScript has long been parsed: such an error
    // can only come from the runtime being imported.
    var corrupt = reason && reason.name === "SyntaxError";
    if (core !== "idle" && loading() && (corrupt || related(text))) failAll("a file of the Python runtime did not load");
  });
  window.addEventListener(
    "error",
    function (event) {
      var target = event.target;
      // A script that fails to parse or run reports its own file in `filename`
      // (a corrupt interpreter or PyScript file); a resource that fails to load
      // is the event's target.
      var text = [event.message, event.filename, target && (target.src || target.href)].join(" ");
      if (core !== "idle" && loading() && related(text)) failAll("a file of the Python runtime did not load");
    },
    true
  );

  // Only what the widgets use: no editor, terminal, game or error banner
  // (errors reach the widget's own status line instead).
  var PLUGINS = ["!error", "!py-editor", "!py-terminal", "!py-game", "!codemirror", "!donkey",
                 "!deprecations-manager"];

  function configElement(tag, config) {
    var element = document.createElement(tag);
    element.setAttribute("hidden", "");
    element.textContent = JSON.stringify(config);
    // In <body>, outside the swapped content: instant navigation keeps it.
    document.body.appendChild(element);
  }

  function writeConfig() {
    var tag = settings.type + "-config";
    if (document.querySelector(tag)) return;
    var files = {};
    settings.files.forEach(function (pair) {
      files[absolute(pair[0])] = pair[1];
    });
    configElement(tag, { interpreter: absolute(settings.interpreter_url), files: files, plugins: PLUGINS });
    // PyScript sets up its plugins once per script type (mpy and py) and
    // downloads every plugin of a type that has no configuration, even one
    // that never runs: the other type gets the same list and nothing else.
    // (The error plugin's small file is still fetched: PyScript imports it
    // whether it is on or off; the page preloads it.)
    var other = settings.type === "mpy" ? "py-config" : "mpy-config";
    if (!document.querySelector(other)) configElement(other, { plugins: PLUGINS });
  }

  function loadCore() {
    if (core !== "idle") return;
    core = "loading";
    writeConfig();
    var element = document.createElement("script");
    element.type = "module";
    element.src = absolute(settings.core);
    element.addEventListener("load", function () {
      core = "loaded";
    });
    element.addEventListener("error", function () {
      core = "failed";
      failAll("PyScript did not load");
    });
    document.head.appendChild(element);
  }

  function runGlue(marker) {
    var element = document.createElement("script");
    element.type = settings.type;
    // The glue reports back through window.__widgetRuntime; a failure to
    // import it is reported the same way.
    element.textContent = [
      "from pyscript import window",
      "try:",
      "    import widgets",
      "except Exception as error:",
      "    window.__widgetRuntime.failAll('the widget code did not load: ' + str(error))",
      "else:",
      "    widgets.main()",
      ""
    ].join("\n");
    marker.appendChild(element);
  }

  function markLink(root) {
    var parameter = root.getAttribute("data-link-parameter");
    if (!parameter || !new URLSearchParams(location.search).has(parameter)) return;
    root.setAttribute("data-link", "pending");
    Array.prototype.forEach.call(root.querySelectorAll("[data-link-pending]"), function (note) {
      note.hidden = false;
    });
  }

  // Material's instant navigation keeps past pages reachable (on 2026-11-30, a
  // media-query listener of its bundle still reached each past page's sidebar,
  // and through it the whole page), so every page viewed, widgets and all,
  // would stay in memory for as long as the tab is open. A page that leaves
  // the document never comes back (Material builds each view from freshly
  // parsed HTML), so its content and the widgets it held are emptied.
  function releasePast() {
    shown.forEach(function (element) {
      if (element.isConnected) return;
      // Taken apart to the last element: what Material's closures hold
      // (sidebars, links of the navigation) then holds only itself.
      element.querySelectorAll("*").forEach(function (part) {
        part.replaceChildren();
      });
      element.replaceChildren();
    });
    shown = roots();
    var main = document.querySelector("[data-md-component=main]");
    if (main) shown.push(main);
  }

  function boot() {
    var marker = document.querySelector("[data-widget-page]");
    view += 1;
    clearTimeout(timer);
    releasePast();
    if (!marker || marker.hasAttribute("data-widget-booted")) return;
    marker.setAttribute("data-widget-booted", "");
    var widgets = roots();
    if (!widgets.length) return;
    if (failure) {
      failAll(failure);
      return;
    }
    widgets.forEach(function (root) {
      markLink(root);
      setState(root, "loading", loadingText());
    });
    var started = performance.now();
    var thisView = view;
    window.__widgetRuntime.started = started;
    timer = setTimeout(function () {
      if (thisView === view && loading()) failAll("it took too long to start");
    }, settings.timeout_ms || 20000);
    loadCore();
    runGlue(marker);
  }

  // Before Python is ready the form is plain HTML: keep a press of Enter from
  // submitting (and reloading) it, and note that the reader started, so a
  // share link in the address does not overwrite their answers.
  document.addEventListener("submit", function (event) {
    if (event.target.closest && event.target.closest("[data-quiz-form]")) event.preventDefault();
  });
  document.addEventListener(
    "input",
    function (event) {
      var form = event.target.closest && event.target.closest("[data-quiz-form]");
      if (form) form.setAttribute("data-touched", "");
    },
    true
  );

  window.__widgetRuntime = {
    base: BASE,
    interpreter: settings.interpreter,
    started: 0,
    timings: [],
    // How many event-handler proxies the Python glue has made (widgets.py sets
    // it): a fixed few per interpreter, however many pages are viewed.
    proxies: 0,
    loadingText: loadingText,
    ready: function (root) {
      setState(root, "ready", "");
      window.__widgetRuntime.timings.push(performance.now() - window.__widgetRuntime.started);
      if (!loading()) clearTimeout(timer);
    },
    fail: function (root, reason) {
      fail(root, String(reason));
    },
    failAll: function (reason) {
      failAll(String(reason));
    }
  };

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(boot);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", boot);
  } else {
    boot();
  }
})();
