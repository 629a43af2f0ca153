// The page of one dashboard panel (a DashboardSink): redrawn from each server-sent snapshot, no reload.
"use strict";
const COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];
const NS = "http://www.w3.org/2000/svg";
const W = 1000, H = 380, LEFT = 60, RIGHT = 20, TOP = 20, BOTTOM = 40;
const panelName = decodeURIComponent(location.pathname.replace(/^\/charts\//, ""));
const $ = id => document.getElementById(id);
document.title = panelName + " - Weir";
$("title").textContent = panelName;

function svgEl(name, attrs, text) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function clock(ms) {
  return new Date(ms).toISOString().substring(11, 19);
}

function drawLine(s) {
  const svg = $("chart");
  svg.hidden = false;
  svg.replaceChildren();
  const minutes = s.windowMillis / 60000;
  $("window").textContent = "Last " + (minutes >= 1 ? minutes + " min" : s.windowMillis / 1000 + " s") + " of event time (UTC)"
      + (s.to === null ? ", no points yet" : ", up to " + clock(s.to));
  svg.dataset.from = s.from === null ? "" : s.from;
  svg.dataset.to = s.to === null ? "" : s.to;
  const values = s.series.flatMap(x => x.points.map(p => p[1])).concat(s.marks.filter(m => m.value !== null).map(m => m.value));
  let lo = values.length ? Math.min(...values) : 0, hi = values.length ? Math.max(...values) : 1;
  if (hi === lo) { hi += 1; lo -= 1; }
  const from = s.from === null ? 0 : s.from, to = s.to === null ? 1 : s.to;
  const X = t => LEFT + (t - from) / Math.max(1, to - from) * (W - LEFT - RIGHT);
  const Y = v => TOP + (hi - v) / (hi - lo) * (H - TOP - BOTTOM);
  svg.append(svgEl("line", {class: "axis", x1: LEFT, y1: H - BOTTOM, x2: W - RIGHT, y2: H - BOTTOM}));
  svg.append(svgEl("line", {class: "axis", x1: LEFT, y1: TOP, x2: LEFT, y2: H - BOTTOM}));
  for (let i = 0; i <= 4; i++) {
    const t = from + (to - from) * i / 4, v = lo + (hi - lo) * i / 4;
    svg.append(svgEl("text", {class: "x-tick", x: X(t), y: H - BOTTOM + 16, "text-anchor": i === 4 ? "end" : i === 0 ? "start" : "middle"},
      clock(t)));
    svg.append(svgEl("line", {class: "grid", x1: LEFT, y1: Y(v), x2: W - RIGHT, y2: Y(v)}));
    svg.append(svgEl("text", {class: "y-tick", x: LEFT - 6, y: Y(v) + 4, "text-anchor": "end"}, +v.toPrecision(4)));
  }
  const legend = $("legend");
  legend.replaceChildren();
  s.series.forEach((x, i) => {
    const color = COLORS[i % COLORS.length];
    svg.append(svgEl("polyline", {class: "series", fill: "none", stroke: color, "stroke-width": 1.5,
      points: x.points.map(p => X(p[0]).toFixed(1) + "," + Y(p[1]).toFixed(1)).join(" "),
      "data-series": x.name, "data-times": x.points.map(p => p[0]).join(","), "data-values": x.points.map(p => p[1]).join(",")}));
    const item = document.createElement("span");
    item.className = "legend-item";
    item.dataset.series = x.name;
    item.style.setProperty("--c", color);
    const last = x.points.length ? x.points[x.points.length - 1][1] : null;
    item.textContent = x.name + (last === null ? "" : " (" + +last.toPrecision(4) + ")");
    legend.append(item);
  });
  for (const m of s.marks) {
    const g = svgEl("g", {class: "mark-group", "data-time": m.time, "data-series": m.series || "", "data-label": m.label,
      "data-value": m.value === null ? "" : m.value});
    g.append(svgEl("line", {class: "mark", x1: X(m.time), y1: TOP, x2: X(m.time), y2: H - BOTTOM}));
    // At its own value; else on its series, at the point nearest its time; else at the top.
    const line = s.series.find(x => x.name === m.series);
    const near = line && line.points.length ? line.points.reduce((a, p) => Math.abs(p[0] - m.time) < Math.abs(a[0] - m.time) ? p : a) : null;
    const head = svgEl("circle", {class: "mark-head", cx: X(m.time), cy: m.value !== null ? Y(m.value) : near ? Y(near[1]) : TOP, r: 5});
    head.append(svgEl("title", {}, m.label));
    g.append(head);
    svg.append(g);
  }
  const dropped = s.droppedTooOld + s.droppedSeries + s.droppedNoValue;
  const counts = $("counts");
  counts.dataset.points = s.points;
  counts.dataset.dropped = dropped;
  counts.textContent = s.points + " points received, " + s.downsampled + " averaged into shared slots, " + dropped
      + " dropped (" + s.droppedTooOld + " older than the window, " + s.droppedSeries + " beyond the series limit, "
      + s.droppedNoValue + " without a value); " + s.marks.length + " marks shown";
}

function drawTable(s) {
  const table = $("table");
  table.hidden = false;
  const head = document.createElement("tr");
  for (const c of ["key", ...s.columns]) head.append(Object.assign(document.createElement("th"), {textContent: c}));
  table.tHead.replaceChildren(head);
  table.tBodies[0].replaceChildren(...s.rows.map(cells => {
    const tr = document.createElement("tr");
    for (const c of cells) tr.append(Object.assign(document.createElement("td"), {textContent: c}));
    return tr;
  }));
  $("counts").textContent = s.updates + " updates, " + s.droppedKeys + " dropped (beyond the row limit)";
}

function drawCounter(s) {
  const counter = $("counter");
  counter.hidden = false;
  counter.textContent = s.count;
  counter.dataset.count = s.count;
}

const events = new EventSource("/charts/" + encodeURIComponent(panelName) + "/events");
events.addEventListener("snapshot", e => {
  const s = JSON.parse(e.data);
  $("connection").textContent = "live";
  if (s.kind === "line") drawLine(s); else if (s.kind === "table") drawTable(s); else drawCounter(s);
});
events.onerror = () => { $("connection").textContent = "disconnected, retrying"; };
