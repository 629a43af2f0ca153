// Weir's dashboard: polls the REST API every second and draws with plain SVG (no libraries, nothing from outside).
"use strict";
const SVG = "http://www.w3.org/2000/svg";
const COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];
let selected = null;

// The REST token, when this Weir requires one: given once in the address it printed at start-up (#token=...), then
// kept for this tab only and removed from the address bar.
const TOKEN = (() => {
  const m = location.hash.match(/token=([0-9a-zA-Z_-]+)/);
  if (m) {
    sessionStorage.setItem("weir-token", m[1]);
    history.replaceState(null, "", location.pathname + location.search);
  }
  return sessionStorage.getItem("weir-token");
})();

// Calls that change a job: JSON, with the token if any (the server refuses them otherwise).
function change(path, method, body) {
  const headers = {"Content-Type": "application/json"};
  if (TOKEN) headers["Authorization"] = "Bearer " + TOKEN;
  return fetch(path, {method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body)});
}

async function get(path) {
  const r = await fetch(path);
  if (!r.ok) throw new Error(path + ": " + r.status);
  return r.json();
}

function el(name, attrs, parent, text) {
  const e = document.createElementNS(SVG, name);
  for (const k in attrs) e.setAttribute(k, attrs[k]);
  if (text !== undefined) e.textContent = text;
  if (parent) parent.appendChild(e);
  return e;
}

function duration(ms) {
  const s = Math.floor(ms / 1000);
  return s < 60 ? s + "s" : s < 3600 ? Math.floor(s / 60) + "m " + (s % 60) + "s" : Math.floor(s / 3600) + "h " + Math.floor(s % 3600 / 60) + "m";
}

function rate(r) {
  return r >= 1e6 ? (r / 1e6).toFixed(1) + "M/s" : r >= 1e3 ? (r / 1e3).toFixed(1) + "k/s" : r.toFixed(0) + "/s";
}

function backpressureColor(ratio) {
  // green (idle) -> amber -> red (outputs always full)
  const h = 120 - 120 * Math.min(1, ratio);
  return "hsl(" + h + ",70%,85%)";
}

async function refreshJobs() {
  const [overview, jobs] = await Promise.all([get("/overview"), get("/jobs/overview")]);
  document.getElementById("overview").textContent = "jobs running " + overview["jobs-running"] + " · finished " + overview["jobs-finished"]
      + " · cancelled " + overview["jobs-cancelled"] + " · failed " + overview["jobs-failed"] + " · version " + overview["weir-version"];
  const body = document.querySelector("#jobs tbody");
  body.innerHTML = "";
  if (!selected && jobs.jobs.length) {
    const running = jobs.jobs.filter(j => j.state === "RUNNING");
    selected = (running.length ? running[running.length - 1] : jobs.jobs[jobs.jobs.length - 1]).jid;
  }
  for (const j of jobs.jobs) {
    const tr = document.createElement("tr");
    tr.className = j.jid === selected ? "selected" : "";
    tr.dataset.jobId = j.jid;
    for (const v of [j.name, j.state, duration(j.duration), j.jid]) {
      const td = document.createElement("td");
      td.textContent = v;
      tr.appendChild(td);
    }
    tr.onclick = () => { selected = j.jid; refresh(); };
    body.appendChild(tr);
  }
}

function layout(job) {
  const depth = {};
  const inputs = {};
  for (const v of job.vertices) inputs[v.id] = [];
  for (const e of job.edges) inputs[e.target].push(e.source);
  const depthOf = id => depth[id] !== undefined ? depth[id] : (depth[id] = inputs[id].length ? 1 + Math.max(...inputs[id].map(depthOf)) : 0);
  job.vertices.forEach(v => depthOf(v.id));
  const columns = {};
  const pos = {};
  for (const v of job.vertices) {
    const d = depth[v.id];
    columns[d] = (columns[d] || 0) + 1;
    pos[v.id] = {col: d, row: columns[d] - 1};
  }
  return {pos, rows: Math.max(...Object.values(columns))};
}

function drawGraph(job) {
  const svg = document.getElementById("graph");
  svg.innerHTML = "";
  const {pos, rows} = layout(job);
  const W = 210, H = 74, GX = 90, GY = 24;
  const height = Math.max(120, rows * (H + GY) + 20);
  svg.setAttribute("height", height);
  const at = id => ({x: 20 + pos[id].col * (W + GX), y: 10 + pos[id].row * (H + GY)});
  el("defs", {}, svg).innerHTML = '<marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#556"/></marker>';
  for (const e of job.edges) {
    const a = at(e.source), b = at(e.target);
    const x1 = a.x + W, y1 = a.y + H / 2, x2 = b.x, y2 = b.y + H / 2;
    el("path", {d: `M${x1},${y1} C${x1 + 40},${y1} ${x2 - 40},${y2} ${x2},${y2}`, stroke: "#556", fill: "none", "marker-end": "url(#arrow)",
      class: "edge", "data-source": e.source, "data-target": e.target, "data-ship-strategy": e.ship_strategy}, svg);
    el("text", {x: (x1 + x2) / 2, y: (y1 + y2) / 2 - 4, "text-anchor": "middle", class: "edge-label"}, svg,
      e.ship_strategy + (e.side_output ? " (" + e.side_output + ")" : ""));
  }
  for (const v of job.vertices) {
    const p = at(v.id);
    const g = el("g", {class: "vertex", "data-vertex-id": v.id, "data-parallelism": v.parallelism, transform: `translate(${p.x},${p.y})`}, svg);
    el("rect", {width: W, height: H, rx: 6, fill: backpressureColor(v.metrics["backpressure-ratio"]), stroke: "#345"}, g);
    const name = v.name.length > 34 ? v.name.slice(0, 33) + "…" : v.name;
    el("title", {}, g, v.operators.join("\n"));
    el("text", {x: 8, y: 16, "font-weight": "bold", class: "vertex-name"}, g, name);
    el("text", {x: 8, y: 32, class: "vertex-parallelism"}, g, "Parallelism: " + v.parallelism);
    el("text", {x: 8, y: 47}, g, v.status + " · in " + rate(v.metrics["read-records-per-second"]) + " · out " + rate(v.metrics["write-records-per-second"]));
    el("text", {x: 8, y: 62}, g, "backpressure " + Math.round(100 * v.metrics["backpressure-ratio"]) + "% · " + v.operators.length + " operator(s)");
  }
}

function lineChart(svg, series, yFormat) {
  svg.innerHTML = "";
  const width = svg.clientWidth || 600, height = +svg.getAttribute("height");
  const L = 70, R = 10, T = 10, B = 20;
  const all = series.flatMap(s => s.points);
  if (!all.length) return;
  const xs = all.map(p => p[0]), ys = all.map(p => p[1]);
  const x0 = Math.min(...xs), x1 = Math.max(x0 + 1, ...xs);
  let y0 = Math.min(...ys), y1 = Math.max(...ys);
  if (y1 - y0 < 1e-9) { y0 -= 1; y1 += 1; }
  const X = x => L + (x - x0) / (x1 - x0) * (width - L - R);
  const Y = y => T + (1 - (y - y0) / (y1 - y0)) * (height - T - B);
  for (let i = 0; i <= 4; i++) {
    const y = y0 + (y1 - y0) * i / 4;
    el("line", {x1: L, x2: width - R, y1: Y(y), y2: Y(y), stroke: "#eee"}, svg);
    el("text", {x: L - 4, y: Y(y) + 3, "text-anchor": "end", "font-size": 10}, svg, yFormat(y));
  }
  el("text", {x: L, y: height - 4, "font-size": 10}, svg, "-" + duration(x1 - x0));
  el("text", {x: width - R, y: height - 4, "font-size": 10, "text-anchor": "end"}, svg, "now");
  series.forEach((s, i) => {
    if (!s.points.length) return;
    el("polyline", {points: s.points.map(p => X(p[0]) + "," + Y(p[1])).join(" "), fill: "none", stroke: COLORS[i % COLORS.length],
      "stroke-width": 1.5, class: "series", "data-name": s.name}, svg);
  });
}

function legend(id, series, extra) {
  const box = document.getElementById(id);
  box.innerHTML = "";
  series.forEach((s, i) => {
    const span = document.createElement("span");
    span.style.setProperty("--c", COLORS[i % COLORS.length]);
    span.textContent = s.name + (extra ? " " + extra(s) : "");
    box.appendChild(span);
  });
}

function drawCharts(job, history) {
  const names = {};
  job.vertices.forEach(v => names[v.id] = v.name);
  const pts = history.points;
  const throughput = history.vertices.map((id, v) => ({name: names[id], points: pts.filter(p => p.in.length > v).map(p => [p.time, p.in[v]])}));
  lineChart(document.getElementById("throughput-chart"), throughput, rate);
  legend("throughput-legend", throughput, s => s.points.length ? rate(s.points[s.points.length - 1][1]) : "");
  const watermarks = [];
  history.vertices.forEach((id, v) => {
    const n = pts.length ? (pts[pts.length - 1].watermarks[v] || []).length : 0;
    for (let s = 0; s < n; s++) {
      watermarks.push({name: names[id].split(" -> ")[0] + " #" + s, vertex: id, subtask: s,
        points: pts.filter(p => p.watermarks[v] && p.watermarks[v][s] > -9e18).map(p => [p.time, p.watermarks[v][s], p.time - p.watermarks[v][s]])});
    }
  });
  const svg = document.getElementById("watermark-chart");
  lineChart(svg, watermarks, y => new Date(y).toISOString().replace("T", " ").slice(5, 16));
  const latest = Math.max(-9e18, ...watermarks.flatMap(s => s.points.map(p => p[1])));
  svg.dataset.latestWatermark = latest > -9e18 ? latest : "";
  legend("watermark-legend", watermarks, s => {
    if (!s.points.length) return "(none yet)";
    const lag = s.points[s.points.length - 1][2];
    return "lag " + (lag >= 0 ? duration(lag) : "-" + duration(-lag) + " (ahead)");
  });
}

function drawCheckpoints(cp) {
  const body = document.querySelector("#checkpoints tbody");
  body.innerHTML = "";
  for (const c of cp.history.slice(0, 15)) {
    const tr = document.createElement("tr");
    for (const v of [c.id, c.status, c.is_savepoint ? "savepoint" : "checkpoint", new Date(c.trigger_timestamp).toLocaleTimeString(),
      c.end_to_end_duration >= 0 ? c.end_to_end_duration + " ms" : "", c.state_size >= 0 ? (c.state_size / 1024).toFixed(1) + " KiB" : "",
      c.external_path || c.failure_message || ""]) {
      const td = document.createElement("td");
      td.textContent = v;
      tr.appendChild(td);
    }
    body.appendChild(tr);
  }
}

function drawExceptions(ex) {
  const box = document.getElementById("exceptions");
  box.innerHTML = "";
  if (!ex.exceptionHistory.entries.length) { box.textContent = "No exceptions."; return; }
  for (const e of ex.exceptionHistory.entries) {
    const pre = document.createElement("pre");
    pre.textContent = new Date(e.timestamp).toLocaleTimeString() + " (attempt " + e.attempt + ")\n" + e.stacktrace;
    box.appendChild(pre);
  }
}

async function drawAlerts() {
  const a = await get("/alerts");
  const list = document.getElementById("alerts");
  list.innerHTML = "";
  for (const x of a.alerts.slice(-60).reverse()) {
    const li = document.createElement("li");
    li.textContent = x.text;
    list.appendChild(li);
  }
}

async function refreshJob() {
  const section = document.getElementById("job");
  if (!selected) { section.hidden = true; return; }
  const [job, history, cp, ex] = await Promise.all([get("/jobs/" + selected), get("/jobs/" + selected + "/history"),
    get("/jobs/" + selected + "/checkpoints"), get("/jobs/" + selected + "/exceptions")]);
  section.hidden = false;
  document.getElementById("job-name").textContent = job.name;
  const state = document.getElementById("job-state");
  state.textContent = job.state;
  state.className = "state " + job.state;
  const running = job.state === "RUNNING";
  document.getElementById("cancel").disabled = !running;
  document.getElementById("savepoint").disabled = !running;
  drawGraph(job);
  drawCharts(job, history);
  drawCheckpoints(cp);
  drawExceptions(ex);
  await drawAlerts();
}

// Links to the chart pages of the jobs' DashboardSinks, when there are any.
async function refreshChartLinks() {
  const charts = await get("/charts");
  const list = document.getElementById("chart-links");
  document.getElementById("charts-section").hidden = charts.length === 0;
  if (list.dataset.names === charts.map(c => c.name).join("\n")) return;
  list.dataset.names = charts.map(c => c.name).join("\n");
  list.replaceChildren(...charts.map(c => {
    const li = document.createElement("li");
    li.append(Object.assign(document.createElement("a"), {href: "/charts/" + encodeURIComponent(c.name), textContent: c.name}));
    return li;
  }));
}

async function refresh() {
  try {
    await refreshJobs();
    await refreshChartLinks();
    await refreshJob();
  } catch (e) {
    document.getElementById("overview").textContent = "cannot reach Weir: " + e.message;
  }
}

document.getElementById("cancel").onclick = async () => {
  if (!selected) return;
  const r = await change("/jobs/" + selected + "?mode=cancel", "PATCH");
  document.getElementById("action-result").textContent = r.ok ? "cancel requested" : "cancel refused: " + (await r.json()).errors[0];
  refresh();
};

document.getElementById("savepoint").onclick = async () => {
  if (!selected) return;
  const posted = await change("/jobs/" + selected + "/savepoints", "POST", {"cancel-job": false});
  const r = await posted.json();
  const out = document.getElementById("action-result");
  if (!posted.ok) {
    out.textContent = "savepoint refused: " + r.errors[0];
    return;
  }
  out.textContent = "savepoint requested";
  for (let i = 0; i < 60; i++) {
    await new Promise(res => setTimeout(res, 500));
    const s = await get("/jobs/" + selected + "/savepoints/" + r["request-id"]);
    if (s.status.id === "COMPLETED") {
      out.textContent = s.operation.location ? "savepoint at " + s.operation.location : "savepoint failed: " + s.operation["failure-cause"]["stack-trace"];
      return;
    }
  }
};

refresh();
setInterval(refresh, 1000);
