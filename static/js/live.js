/* Live models on the published page (listed in html_js_files; issue 17).
 *
 * Why: the static site shows each model chart as it was drawn at build time, so a reader
 * can move a slider in the notebook but not on the page. Here every code cell tagged
 * live-<model> (myst-nb gives it the class tag_live-<model>) gets a "Run live" button. Only
 * a click loads anything: Pyodide, vendored under _static/vendor/pyodide/ (never a CDN),
 * and the course's own Python package, _static/relsell-live.zip. The controls come from
 * the model's parameter list (relsell.live.controls), each change is checked and computed
 * by the same Python the notebooks run (relsell.live.compute), and the chart (an SVG string
 * made by Python) and the summary sentence are replaced in place. A bad value shows the
 * model's own sentence next to its control and the last good chart stays, as in the
 * notebook explorers. One Pyodide per page, shared by all its live sections.
 *
 * Chapter 4 (live-analytics) also reads a CSV file chosen by the reader; the file is read
 * in the browser and handed to Python, never uploaded.
 *
 * For tests: section.dataset.state (idle, then loading, ready or error), dataset.firstChartMs
 * (click to first chart), window.relsellLive = {ready: true once Python is loaded, updates:
 * {model: [ms per recompute, ...]}, bytes: what the click loaded (Pyodide and the zip, body
 * bytes as served, whether from the network or the browser cache)}. Details of Python
 * errors go to console.warn, not console.error (tests fail on console errors).
 */
(function () {
  "use strict";

  var NOTE_MB = 12;          // pyodide.asm.wasm 8.6 MB + stdlib 2.4 MB + JS 1.1 MB + the course zip
  var LIVE_DIR = "/home/pyodide/live";
  var SERVE_COMMAND = "python -m http.server --directory _build/html";
  var BUSY_TEXT = "Loading Python in your browser\u2026";

  // The site's _static/ folder, from this script's own address (pages in sub-folders too).
  var me = document.currentScript || document.querySelector('script[src*="js/live.js"]');
  var base = me && me.src ? me.src.replace(/js\/live\.js(?:[?#].*)?$/, "") : "_static/";

  var api = window.relsellLive = { ready: false, updates: {}, bytes: 0 };
  var scriptPromise = null;    // the <script> for pyodide.js, added once per page
  var pyodidePromise = null;   // loadPyodide(), once per page
  var livePromise = null;      // the course package unpacked and relsell.live imported
  var pyodide = null;
  var live = null;             // PyProxy of the module relsell.live
  var counter = 0;
  var clickTime = null;        // the first click on the page, for api.bytes

  /* ---------- small helpers ---------- */

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (attrs[key] !== null && attrs[key] !== undefined) node.setAttribute(key, attrs[key]);
    });
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function now() {
    return window.performance && performance.now ? performance.now() : Date.now();
  }

  function tidy(x) {
    // 0.07 * 100 is 7.000000000000001 in floating point: show 7
    return String(parseFloat(Number(x).toPrecision(12)));
  }

  function niceStep(low, high) {
    var span = Math.abs(high - low) / 100;
    if (!span || !isFinite(span)) return 1;
    return Math.pow(10, Math.floor(Math.log(span) / Math.LN10));
  }

  function thousands(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }

  function sizeText(bytes) {
    var units = [[1024 * 1024, "MB"], [1000 * 1000, "MB"], [1024, "KB"], [1000, "KB"]];
    for (var i = 0; i < units.length; i++) {
      if (bytes >= units[i][0] && bytes % units[i][0] === 0) return bytes / units[i][0] + " " + units[i][1];
    }
    if (bytes >= 1000 * 1000) return tidy((bytes / 1e6).toFixed(1)) + " MB";
    if (bytes >= 1000) return tidy((bytes / 1e3).toFixed(1)) + " KB";
    return bytes + " bytes";
  }

  // The sentence that says what went wrong: for a Python error, the "SomeError: ..." line after
  // the traceback's frames (Pyodide may add advice lines after it); else the first line.
  function firstLine(err) {
    var text = String((err && err.message) || err || "unknown error");
    var lines = text.split("\n").filter(function (line) { return line.trim(); });
    if (!lines.length) return "unknown error";
    if (!(err && err.type) && !/^Traceback \(most recent call last\)/.test(lines[0])) return lines[0].trim();
    var after = 0;  // first line after the last indented (frame) line
    lines.forEach(function (line, i) { if (/^\s/.test(line)) after = i + 1; });
    var type = err && err.type;
    for (var i = lines.length - 1; i >= 0; i--) {
      if (type && lines[i].indexOf(type + ":") === 0) return lines[i].trim();
    }
    return (lines[after] || lines[lines.length - 1]).trim();
  }

  function loadScript(url) {
    return new Promise(function (resolve, reject) {
      var tag = el("script", { src: url });
      tag.onload = function () { resolve(); };
      tag.onerror = function () {
        tag.parentNode.removeChild(tag);
        reject(new Error("could not load " + url));
      };
      document.head.appendChild(tag);
    });
  }

  function countBytes() {
    if (!window.performance || !performance.getEntriesByType) return;
    var total = 0;
    performance.getEntriesByType("resource").forEach(function (entry) {
      var ours = entry.name.indexOf(base + "vendor/pyodide/") === 0 ||
        entry.name.indexOf(base + "relsell-live.zip") === 0;
      if (ours && entry.startTime >= clickTime) total += entry.encodedBodySize || entry.transferSize || 0;
    });
    api.bytes = total;
  }

  /* ---------- Pyodide and the course package, once per page ---------- */

  function getPyodide() {
    if (!scriptPromise) {
      scriptPromise = loadScript(base + "vendor/pyodide/pyodide.js");
      scriptPromise.catch(function () { scriptPromise = null; });  // a later click tries again
    }
    if (!pyodidePromise) {
      pyodidePromise = scriptPromise.then(function () {
        return window.loadPyodide({
          indexURL: base + "vendor/pyodide/",
          packages: [],          // the interpreter and the standard library only
          fullStdLib: false,
          stdout: function (line) { console.log(line); },
          stderr: function (line) { console.warn(line); }
        });
      });
      pyodidePromise.catch(function () { pyodidePromise = null; });
    }
    if (!livePromise) {
      livePromise = pyodidePromise.then(function (py) {
        // "no-cache": asks the server whether the archive changed (a new release of the course),
        // so a cached copy is reused only while it is still the current one.
        return fetch(base + "relsell-live.zip", { cache: "no-cache" }).then(function (response) {
          if (!response.ok) throw new Error("could not load relsell-live.zip (HTTP " + response.status + ")");
          return response.arrayBuffer();
        }).then(function (buffer) {
          py.unpackArchive(buffer, "zip", { extractDir: LIVE_DIR });
          py.runPython("import sys\nif " + JSON.stringify(LIVE_DIR) + " not in sys.path: sys.path.insert(0, " +
            JSON.stringify(LIVE_DIR) + ")\nimport relsell.live");
          live = py.pyimport("relsell.live");
          pyodide = py;
          api.ready = true;
          countBytes();
          return py;
        });
      });
      livePromise.catch(function () { livePromise = null; });
    }
    return livePromise;
  }

  /* ---------- calling Python ---------- */

  // Runs fn (which calls Python and returns a JSON string); a Python bug becomes one sentence.
  function callPython(state, fn) {
    var text, result;
    try {
      text = fn();  // relsell.live always answers in JSON
      result = JSON.parse(text);
      if (!result || typeof result !== "object") {
        throw new Error("the model returned " + String(text).slice(0, 60));
      }
    } catch (err) {
      console.warn("relsell live model " + state.model + ":", err && err.message ? err.message : err);
      clearMessages(state);
      showMessage(state, null, "Something went wrong in the live model: " + firstLine(err));
      return null;
    }
    return result;
  }

  /* ---------- messages ---------- */

  function clearMessages(state) {
    Array.prototype.forEach.call(state.section.querySelectorAll(".relsell-live-message"), function (p) {
      p.parentNode.removeChild(p);
    });
    Array.prototype.forEach.call(state.section.querySelectorAll('[aria-invalid="true"]'), function (input) {
      input.removeAttribute("aria-invalid");
      var ids = (input.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (id) {
        return id && !/-message$/.test(id);
      });
      if (ids.length) input.setAttribute("aria-describedby", ids.join(" "));
      else input.removeAttribute("aria-describedby");
    });
  }

  function showMessage(state, field, message) {
    var target = field ? state.byName[field] : null;
    var p = el("p", { "class": "relsell-live-message", role: "alert" }, message || "This value does not work.");
    if (!target) {
      state.general.appendChild(p);
      return;
    }
    p.id = target.id + "-message";
    target.wrap.appendChild(p);
    target.inputs.forEach(function (input) {
      input.setAttribute("aria-invalid", "true");
      var ids = (input.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
      ids.push(p.id);
      input.setAttribute("aria-describedby", ids.join(" "));
    });
  }

  function setStatus(state, text) {
    state.status.textContent = text || "";
    state.status.hidden = !text;
  }

  /* ---------- showing a result ---------- */

  function render(state, result) {
    if (!result) return false;
    clearMessages(state);
    if (!result.ok) {
      showMessage(state, result.field, result.message);
      return false;
    }
    var svg = String(result.svg || "");
    var start = svg.indexOf("<svg");
    state.chart.innerHTML = start >= 0 ? svg.slice(start) : "";
    var alt = result.alt || "Chart of the model.";
    state.chart.setAttribute("aria-label", alt);
    // Inside role="img" this is not read twice; tests and copy-paste can read it.
    state.chart.appendChild(el("p", { "class": "relsell-visually-hidden", "data-testid": "live-alt" }, alt));
    state.summary.textContent = result.summary || "";
    return true;
  }

  function update(state) {
    var t0 = now();
    var values = {};
    state.fields.forEach(function (field) { values[field.param.name] = field.read(); });
    var json = JSON.stringify(values);
    var result = callPython(state, function () { return live.compute(state.model, json); });
    render(state, result);
    var list = api.updates[state.model] || (api.updates[state.model] = []);
    list.push(Math.round((now() - t0) * 10) / 10);
  }

  function schedule(state) {
    if (state.pending) return;
    state.pending = true;
    var go = function () { state.pending = false; update(state); };
    if (window.requestAnimationFrame) window.requestAnimationFrame(go);
    else setTimeout(go, 16);
  }

  /* ---------- controls from the parameter list ---------- */

  // The box's text as the model's value: a number (a percent box divided by 100), null for an
  // empty box of an optional setting, else the raw text so Python explains what is wrong.
  function readBox(box, param, asShown) {
    var raw = box.value;
    var text = raw.replace(/\s+/g, "");
    if (param.percent) text = text.replace(/%$/, "");
    if (text === "") return param["default"] === null ? null : raw;
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) {
      var n = Number(text);
      return asShown || !param.percent ? n : parseFloat((n / 100).toPrecision(12));
    }
    return raw;
  }

  function numberField(state, param, field) {
    var percent = !!param.percent;
    var scale = percent ? 100 : 1;
    var hasEnds = param.low !== null && param.low !== undefined && param.high !== null && param.high !== undefined;
    var step = param.step;
    if (step === null || step === undefined) {
      step = param.kind === "whole" ? 1 : param.kind === "share" ? 0.01
        : hasEnds ? niceStep(param.low, param.high) : null;
    }
    var shownStep = step === null ? "any" : tidy(step * scale);
    var noNegatives = param.minimum !== null && param.minimum !== undefined && param.minimum >= 0;
    var box = el("input", {
      type: "text",
      id: field.id,
      "class": "relsell-live-number",
      inputmode: noNegatives ? (param.kind === "whole" ? "numeric" : "decimal") : null,
      autocomplete: "off",
      spellcheck: "false",
      "data-step": shownStep
    });
    var initial = param["default"];
    box.value = typeof initial === "number" ? tidy(initial * scale)
      : initial === null || initial === undefined ? "" : String(initial);
    var row = el("div", { "class": "relsell-live-row" });
    var slider = null;
    if (hasEnds) {
      slider = el("input", {
        type: "range",
        "class": "relsell-live-slider",
        min: tidy(param.low * scale),
        max: tidy(param.high * scale),
        step: shownStep,
        "aria-labelledby": field.id + "-label"
      });
      slider.value = box.value;
      slider.addEventListener("input", function () {
        box.value = slider.value;
        schedule(state);
      });
      row.appendChild(slider);
      field.inputs.push(slider);
    }
    box.addEventListener("change", function () {
      var value = readBox(box, param, true);
      if (slider && typeof value === "number") slider.value = String(value);
      update(state);
    });
    // Arrow keys step the typed value too (the box is text, so any text reaches Python).
    if (step !== null) {
      box.addEventListener("keydown", function (event) {
        if (event.key !== "ArrowUp" && event.key !== "ArrowDown") return;
        var value = readBox(box, param, true);
        if (typeof value !== "number") return;
        event.preventDefault();
        box.value = tidy(value + (event.key === "ArrowUp" ? 1 : -1) * Number(shownStep));
        if (slider) slider.value = box.value;
        schedule(state);
      });
    }
    row.appendChild(box);
    var unit = (percent ? "%" : "") + (param.unit ? (percent ? " " : "") + param.unit : "");
    if (unit) row.appendChild(el("span", { "class": "relsell-live-unit", "aria-hidden": "true" }, unit));
    if (unit) box.setAttribute("aria-label", param.label + " (" + unit + ")");
    field.wrap.appendChild(row);
    field.inputs.unshift(box);
    field.read = function () { return readBox(box, param, false); };
  }

  function choiceField(state, param, field) {
    var choices = param.choices || [];
    var select = el("select", { id: field.id, "class": "relsell-live-select" });
    choices.forEach(function (choice, i) {
      var option = el("option", { value: String(i) }, String(choice));
      if (choice === param["default"]) option.selected = true;
      select.appendChild(option);
    });
    select.addEventListener("change", function () {
      if (param.rebuilds) rebuild(state, param.name, field.read());
      else update(state);
    });
    field.wrap.appendChild(select);
    field.inputs.push(select);
    field.read = function () { return select.selectedIndex >= 0 ? choices[select.selectedIndex] : null; };
  }

  function flagField(state, param, field) {
    var box = el("input", { type: "checkbox", id: field.id, "class": "relsell-live-check" });
    box.checked = !!param["default"];
    box.addEventListener("change", function () { update(state); });
    // The checkbox goes before its label, as a reader expects.
    field.wrap.insertBefore(box, field.label);
    field.wrap.classList.add("relsell-live-flag");
    field.inputs.push(box);
    field.read = function () { return box.checked; };
  }

  function textField(state, param, field) {
    var box = el("input", { type: "text", id: field.id, "class": "relsell-live-text", autocomplete: "off" });
    box.value = param["default"] === null || param["default"] === undefined ? "" : String(param["default"]);
    box.addEventListener("change", function () { update(state); });
    field.wrap.appendChild(box);
    field.inputs.push(box);
    field.read = function () { return box.value; };
  }

  function buildField(state, param) {
    var id = state.id + "-" + String(param.name).replace(/[^A-Za-z0-9_-]/g, "_");
    var wrap = el("div", { "class": "relsell-live-field", "data-param": param.name });
    var label = el("label", { "for": id, id: id + "-label" }, param.label || param.name);
    wrap.appendChild(label);
    var field = { param: param, id: id, wrap: wrap, label: label, inputs: [], read: null };
    if (param.kind === "choice") choiceField(state, param, field);
    else if (param.kind === "flag") flagField(state, param, field);
    else if (param.kind === "text") textField(state, param, field);
    else numberField(state, param, field);
    // A hint written for code ("such as 0.05 for 5 %") would mislead under a box that shows
    // percent: it is left out there (the model's error message still ends with it).
    var forCode = param.percent && /\b0\.\d/.test(param.hint || "");
    if (param.hint && !forCode) {
      var hint = el("p", { "class": "relsell-live-hint", id: id + "-hint" }, param.hint);
      wrap.appendChild(hint);
      field.inputs.forEach(function (input) { input.setAttribute("aria-describedby", hint.id); });
    }
    return field;
  }

  /* ---------- chapter 4: the reader's own CSV file ---------- */

  function buildFilePicker(state) {
    var id = state.id + "-file";
    var wrap = el("div", { "class": "relsell-live-field relsell-live-file" });
    var label = el("label", { "for": id }, "Your CSV file");
    var input = el("input", { type: "file", id: id, accept: ".csv,text/csv", "aria-describedby": id + "-note" });
    var most = sizeText(live.analytics_limit());
    var note = el("p", { "class": "relsell-live-hint", id: id + "-note" },
      "One line per purchase with the columns customer_id, date, amount (or 客户ID, 日期, 金额); " +
      "UTF-8 or GB18030; up to " + most + " here (the notebook reads larger files). " +
      "Your file stays in your browser: it is never uploaded.");
    var sample = el("button", { type: "button", "class": "relsell-live-sample" }, "Use the course sample again");
    wrap.appendChild(label);
    wrap.appendChild(input);
    wrap.appendChild(note);
    wrap.appendChild(sample);
    var field = { param: { name: "file" }, id: id, wrap: wrap, label: label, inputs: [input] };
    state.byName.file = field;

    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) return;
      var limit = callPython(state, function () { return JSON.stringify({ limit: live.analytics_limit() }); });
      if (!limit) return;
      var tooBig = function (size) {
        clearMessages(state);
        showMessage(state, "file", "This file is " + sizeText(size) + "; the live model reads files up to " +
          sizeText(limit.limit) + " (" + thousands(limit.limit) + " bytes). Choose a smaller file, or run the " +
          "chapter's notebook for a bigger one.");
      };
      if (file.size > limit.limit) { tooBig(file.size); return; }
      var reader = new FileReader();
      reader.onload = function () {
        var buffer = reader.result;
        if (buffer.byteLength > limit.limit) { tooBig(buffer.byteLength); return; }
        var t0 = now();
        var result = callPython(state, function () {
          var bytes = pyodide.toPy(new Uint8Array(buffer));
          try {
            return live.load_csv(bytes, file.name);
          } finally {
            if (bytes && typeof bytes.destroy === "function") bytes.destroy();
          }
        });
        // then the chart for the values the controls show (Python keeps the data)
        if (render(state, result) && state.fields.length) update(state);
        (api.updates[state.model] || (api.updates[state.model] = [])).push(Math.round((now() - t0) * 10) / 10);
      };
      reader.onerror = function () {
        clearMessages(state);
        showMessage(state, "file", "Your browser could not read this file; try saving it again as CSV.");
      };
      reader.readAsArrayBuffer(file);
    });

    sample.addEventListener("click", function () {
      input.value = "";
      if (render(state, callPython(state, function () { return live.load_sample(); })) && state.fields.length) {
        update(state);
      }
    });
    return wrap;
  }

  // The controls of one parameter list, replacing those shown before (the file picker stays).
  function buildControls(state, params) {
    state.fields.forEach(function (field) {
      if (field.wrap.parentNode) field.wrap.parentNode.removeChild(field.wrap);
      delete state.byName[field.param.name];
    });
    state.fields = [];
    params.forEach(function (param) {
      var field = buildField(state, param);
      state.fields.push(field);
      state.byName[param.name] = field;
      state.controls.appendChild(field.wrap);
    });
  }

  // A choice that brings its own controls (the stakeholder map's scenario brings its people):
  // ask Python for the new list, set at the chosen value, then compute with its defaults.
  function rebuild(state, name, value) {
    var chosen = {};
    chosen[name] = value;
    var json = JSON.stringify(chosen);
    var params = callPython(state, function () { return live.controls(state.model, json); });
    if (!params || !Array.isArray(params)) return;
    buildControls(state, params);
    update(state);
    var field = state.byName[name];
    if (field && field.inputs[0]) field.inputs[0].focus();
  }

  /* ---------- one live section per tagged cell ---------- */

  function start(state) {
    var t0 = now();
    if (clickTime === null) clickTime = t0;
    var hadFocus = document.activeElement === state.button;
    state.section.dataset.state = "loading";
    state.button.disabled = true;
    setStatus(state, BUSY_TEXT);
    getPyodide().then(function () {
      var params = callPython(state, function () { return live.controls(state.model); });
      if (!params) throw new Error("no controls");
      if (state.model === "analytics") state.controls.appendChild(buildFilePicker(state));
      buildControls(state, params);
      state.built = true;
      show(state, true);
      update(state);
      state.section.dataset.firstChartMs = String(Math.round(now() - t0));
      state.section.dataset.state = "ready";
      setStatus(state, "Live: change a value and the chart and summary follow.");
    }).catch(function (err) {
      state.section.dataset.state = "error";
      state.button.disabled = false;
      if (err && err.message === "no controls") {
        setStatus(state, "");
        state.panel.hidden = false;  // the message from callPython is in the panel
        return;
      }
      console.warn("relsell live model " + state.model + ":", err && err.message ? err.message : err);
      setStatus(state, "Could not start the live model: " + firstLine(err) +
        ". The chart above still shows the model's default case.");
    }).then(function () {
      if (hadFocus && document.activeElement !== state.button && !state.section.contains(document.activeElement)) {
        state.button.focus();  // disabling the button took its focus away
      }
    });
  }

  function show(state, on) {
    state.live = on;
    state.panel.hidden = !on;
    state.button.disabled = false;
    state.button.textContent = on ? "Back to the static chart" : "Run live";
    state.button.setAttribute("aria-expanded", on ? "true" : "false");
    Array.prototype.forEach.call(state.cell.querySelectorAll(".cell_output"), function (output) {
      output.classList.toggle("relsell-live-hidden", on);
    });
  }

  function fileMessage(state) {
    var p = state.status;
    p.textContent = "";
    p.appendChild(document.createTextNode(
      "Live models need the site served over http, not opened as a file. In the folder that holds _build, run "));
    p.appendChild(el("code", {}, SERVE_COMMAND));
    p.appendChild(document.createTextNode(" then open "));
    p.appendChild(el("code", {}, "http://localhost:8000/"));
    p.appendChild(document.createTextNode("."));
    p.hidden = false;
  }

  function setup(cell, model) {
    var id = "relsell-live-" + (++counter);
    var section = el("section", { "class": "relsell-live", "data-model": model, "data-state": "idle", id: id });
    var bar = el("div", { "class": "relsell-live-bar" });
    var button = el("button", { type: "button", "class": "relsell-live-run", "aria-controls": id + "-panel" },
      "Run live");
    var note = el("p", { "class": "relsell-live-note" },
      "Runs the course's Python model in your browser; loads about " + NOTE_MB + " MB once.");
    bar.appendChild(button);
    bar.appendChild(note);
    var status = el("p", { "class": "relsell-live-status", role: "status", "aria-live": "polite" });
    status.hidden = true;
    var panel = el("div", { "class": "relsell-live-panel", id: id + "-panel" });
    panel.hidden = true;
    var general = el("div", { "class": "relsell-live-general" });
    var controls = el("div", { "class": "relsell-live-controls" });
    var summary = el("p", { "class": "relsell-live-summary", "aria-live": "polite" });
    var chart = el("div", { "class": "relsell-live-chart", role: "img", "aria-label": "Chart of the model." });
    panel.appendChild(general);
    panel.appendChild(controls);
    panel.appendChild(summary);
    panel.appendChild(chart);
    section.appendChild(bar);
    section.appendChild(status);
    section.appendChild(panel);
    cell.parentNode.insertBefore(section, cell.nextSibling);

    var state = {
      id: id, model: model, cell: cell, section: section, button: button, status: status,
      panel: panel, general: general, controls: controls, summary: summary, chart: chart,
      fields: [], byName: {}, built: false, live: false, pending: false
    };
    button.addEventListener("click", function () {
      if (location.protocol === "file:") { fileMessage(state); return; }
      if (state.built) { setStatus(state, ""); show(state, !state.live); return; }
      if (section.dataset.state !== "loading") start(state);
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll('[class*="tag_live-"]'), function (cell) {
      if (cell.hasAttribute("data-relsell-live")) return;
      var match = /(?:^|\s)tag_live-([a-z_]+)(?:\s|$)/.exec(cell.className);
      if (!match || !cell.parentNode) return;
      cell.setAttribute("data-relsell-live", match[1]);
      setup(cell, match[1]);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
