// Dialtone's inspector: plain JavaScript over Dialtone's own APIs, with the account's Basic
// credentials on every request, and a server-sent event stream that says when to look again.
"use strict";

const $ = (id) => document.getElementById(id);
const state = { account: null, auth: null, calls: [], open: null, stream: null };

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v; else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (v !== null && v !== undefined) node.setAttribute(k, v);
  }
  for (const c of children.flat()) node.append(c instanceof Node ? c : document.createTextNode(c ?? ""));
  return node;
}

async function api(path, options = {}) {
  const response = await fetch(path, {
    ...options,
    headers: { Authorization: state.auth, Accept: "application/json", ...(options.headers || {}) },
  });
  if (response.status === 401) { signOut("Those credentials were refused."); throw new Error("401"); }
  const type = response.headers.get("Content-Type") || "";
  const body = type.includes("json") ? await response.json() : await response.text();
  if (!response.ok) throw new Error(body.message || ("HTTP " + response.status));
  return body;
}

function form(fields) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) if (v !== "" && v !== null && v !== undefined) body.append(k, v);
  return { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded" } };
}

const accountPath = () => "/2010-04-01/Accounts/" + state.account;

// Sign in and out.

async function signIn(account, key, secret) {
  state.account = account;
  state.auth = "Basic " + btoa((key || account) + ":" + secret);
  await api(accountPath() + "/Calls.json?PageSize=1");
  sessionStorage.setItem("dialtone", JSON.stringify({ account, auth: state.auth }));
  started();
}

function signOut(message) {
  sessionStorage.removeItem("dialtone");
  if (state.stream) state.stream.abort();
  Object.assign(state, { account: null, auth: null, open: null, stream: null });
  $("login").hidden = false; $("calls-view").hidden = true; $("call-view").hidden = true;
  $("logout").hidden = true; $("reset").hidden = true; $("account").textContent = "";
  $("login-error").hidden = !message; $("login-error").textContent = message || "";
}

function started() {
  $("login").hidden = true; $("logout").hidden = false; $("reset").hidden = false;
  $("account").textContent = state.account;
  listen();
  route();
}

// Live updates: the stream says something changed; the page reads what it shows again.

async function listen() {
  const controller = new AbortController();
  state.stream = controller;
  try {
    const response = await fetch("/dialtone/stream", { headers: { Authorization: state.auth }, signal: controller.signal });
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    $("live").classList.add("on");
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const message = buffer.slice(0, end); buffer = buffer.slice(end + 2);
        if (message.includes("event:change")) refresh();
      }
    }
  } catch (e) { /* aborted, or the server went away */ }
  $("live").classList.remove("on");
  if (state.stream === controller) setTimeout(listen, 1000);
}

// One read at a time; a change that comes during one is read right after it.
let refreshing = null;
let again = false;
function refresh() {
  if (!state.auth) return;
  if (refreshing) { again = true; return; }
  refreshing = (state.open ? showCall(state.open) : showCalls())
    .catch(() => {})
    .finally(() => { refreshing = null; if (again) { again = false; refresh(); } });
}

// The list of calls.

async function showCalls() {
  $("calls-view").hidden = false; $("call-view").hidden = true;
  const page = await api(accountPath() + "/Calls.json?PageSize=200");
  state.calls = page.calls;
  drawCalls();
}

function drawCalls() {
  const status = $("filter-status").value;
  const number = $("filter-number").value.trim();
  const sid = $("filter-sid").value.trim().toLowerCase();
  const matches = (c) => (!status || c.status === status)
    && (!number || (c.to || "").includes(number) || (c.from || "").includes(number))
    && (!sid || c.sid.toLowerCase().includes(sid) || (c.parent_call_sid || "").toLowerCase().includes(sid));
  const shown = state.calls.filter(matches);
  const parents = shown.filter((c) => !c.parent_call_sid || !shown.some((p) => p.sid === c.parent_call_sid));
  const rows = [];
  for (const call of parents) {
    rows.push(callRow(call, false));
    for (const leg of shown.filter((c) => c.parent_call_sid === call.sid).reverse()) rows.push(callRow(leg, true));
  }
  $("calls").tBodies[0].replaceChildren(...rows);
  $("empty").hidden = state.calls.length > 0;
  $("count").textContent = shown.length + " of " + state.calls.length + " calls";
}

function callRow(call, leg) {
  return el("tr", { class: leg ? "leg" : "", "data-sid": call.sid, onclick: () => { location.hash = "#/calls/" + call.sid; } },
    el("td", {}, call.sid),
    el("td", {}, el("span", { class: "status " + call.status }, call.status)),
    el("td", {}, call.from), el("td", {}, call.to), el("td", {}, call.direction),
    el("td", {}, shortDate(call.date_created)), el("td", {}, call.duration ? call.duration + " s" : ""));
}

function shortDate(rfc2822) {
  if (!rfc2822) return "";
  const d = new Date(rfc2822);
  return d.toLocaleString(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

// One call.

async function showCall(sid) {
  $("calls-view").hidden = true; $("call-view").hidden = false;
  const [timeline, recordings] = await Promise.all([
    api("/dialtone/calls/" + sid + "/timeline"),
    api(accountPath() + "/Calls/" + sid + "/Recordings.json"),
  ]);
  if (state.open !== sid) return;
  const call = timeline.call;
  $("call-sid").textContent = call.sid;
  $("call-status").textContent = call.status; $("call-status").className = "status " + call.status;
  const now = timeline.now;
  $("call-now").textContent = now.doing + (now.verb ? " at <" + now.verb + "> (verb " + now.position + ")" : "");
  const fields = ["direction", "from", "to", "parent_call_sid", "status", "answered_by", "start_time", "end_time", "duration", "price", "queue_time"];
  $("fields").replaceChildren(...fields.flatMap((f) => [el("dt", {}, f), el("dd", {}, String(call[f] ?? "—"))]));
  $("flow").replaceChildren(...timeline.flow.map((step) =>
    el("li", {}, el("span", { class: "at" }, new Date(step.at).toISOString().slice(11, 23)),
      el("span", { class: "event" }, step.event), el("span", {}, step.detail || ""))));
  drawDocuments(timeline.requests, now);
  drawRequests(timeline.requests);
  $("recordings").replaceChildren(...(recordings.recordings.length ? recordings.recordings.map(drawRecording) : [el("p", { class: "muted" }, "None.")]));
  $("notifications").replaceChildren(...(timeline.notifications.length ? timeline.notifications.map((n) =>
    el("p", {}, el("span", { class: n.log === "error" ? "code-bad" : "" }, n.error_code + " " + n.log), " ", n.message_text,
      el("a", { href: "https://www.twilio.com/docs/errors/" + n.error_code, target: "_blank", rel: "noopener" }, " ⓘ"))) : [el("p", { class: "muted" }, "None.")]));
}

function drawDocuments(requests, now) {
  const documents = requests.filter((r) => (r.kind === "twiml" || r.kind === "twiml-fallback") && r.status_code >= 200 && r.status_code < 300);
  $("documents").replaceChildren(...(documents.length ? documents.map((r, i) => {
    const current = i === documents.length - 1 && now.documentUrl === r.url ? now.position : null;
    return el("div", {}, el("div", { class: "muted mono" }, r.method + " " + r.url), pretty(r.response_excerpt || "", current));
  }) : [el("p", { class: "muted" }, "No document fetched (inline TwiML runs without one).")]));
}

/** The document indented, one element a line, the verb the call is at marked. */
function pretty(xml, currentVerb) {
  const pre = el("pre", {});
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  if (doc.getElementsByTagName("parsererror").length) { pre.textContent = xml; return pre; }
  const write = (node, depth, verbIndex) => {
    const pad = "  ".repeat(depth);
    const attrs = [...node.attributes].map((a) => " " + a.name + '="' + a.value + '"').join("");
    const kids = [...node.childNodes].filter((c) => c.nodeType === 1 || (c.nodeType === 3 && c.textContent.trim()));
    const line = el("span", { class: verbIndex === currentVerb && depth === 1 ? "current" : "" });
    if (!kids.length) line.textContent = pad + "<" + node.nodeName + attrs + "/>\n";
    else if (kids.length === 1 && kids[0].nodeType === 3) line.textContent = pad + "<" + node.nodeName + attrs + ">" + kids[0].textContent.trim() + "</" + node.nodeName + ">\n";
    else {
      line.textContent = pad + "<" + node.nodeName + attrs + ">\n"; pre.append(line);
      kids.forEach((k, i) => k.nodeType === 1 ? write(k, depth + 1, i) : pre.append(pad + "  " + k.textContent.trim() + "\n"));
      pre.append(pad + "</" + node.nodeName + ">\n");
      return;
    }
    pre.append(line);
  };
  write(doc.documentElement, 0, null);
  return pre;
}

function drawRequests(requests) {
  $("requests").replaceChildren(...(requests.length ? requests.map((r) => {
    const ok = r.status_code >= 200 && r.status_code < 300;
    return el("details", {},
      el("summary", {}, el("span", { class: ok ? "code-ok" : "code-bad" }, String(r.status_code ?? "—")), " ",
        el("span", { class: "mono" }, r.method + " " + r.url), el("span", { class: "muted" }, "  " + r.kind + ", attempt " + r.attempt + ", " + r.duration_ms + " ms")),
      r.signature ? el("p", { class: "mono" }, "X-Twilio-Signature: " + r.signature, el("span", { class: "muted" }, "  (signed with the account's auth token)")) : "",
      el("pre", {}, Object.entries(r.parameters || {}).map(([k, v]) => k + "=" + v).join("\n")),
      r.error ? el("p", { class: "error" }, r.error) : "",
      r.response_excerpt ? el("pre", {}, r.response_excerpt) : "");
  }) : [el("p", { class: "muted" }, "No request yet.")]));
}

function drawRecording(r) {
  const holder = el("div", {}, el("p", { class: "mono" }, r.sid + " · " + r.status + " · " + r.duration + " s · " + r.source));
  if (r.status === "completed") {
    const audio = el("audio", { controls: "" });
    // The media needs the account's credentials, which an <audio> element cannot send.
    fetch(accountPath() + "/Recordings/" + r.sid + ".wav", { headers: { Authorization: state.auth } })
      .then((res) => res.blob()).then((blob) => { audio.src = URL.createObjectURL(blob); });
    holder.append(audio);
  }
  return holder;
}

// Actions, through the control API.

async function act(action) {
  const sid = state.open;
  const calls = {
    answer: () => api("/dialtone/calls/" + sid + "/advance", form({ Action: "answer" })),
    hangup: () => api("/dialtone/calls/" + sid + "/advance", form({ Action: "hangup", Status: $("hangup-status").value })),
    hold: () => api("/dialtone/calls/" + sid + "/hold", form({ Status: $("call-status").textContent })),
    release: () => api("/dialtone/calls/" + sid + "/release", { method: "POST" }),
    input: () => api("/dialtone/calls/" + sid + "/input", form({ Digits: $("input-digits").value, SpeechResult: $("input-speech").value })),
  };
  try { await calls[action](); $("action-result").textContent = action + ": done"; }
  catch (e) { $("action-result").textContent = action + ": " + e.message; }
  refresh();
}

function route() {
  const match = location.hash.match(/^#\/calls\/(CA[0-9a-fA-F]{32})$/);
  state.open = match ? match[1] : null;
  refresh();
}

$("login-form").addEventListener("submit", (e) => {
  e.preventDefault();
  signIn($("login-account").value.trim(), $("login-key").value.trim(), $("login-secret").value)
    .catch(() => signOut("Those credentials were refused."));
});
$("logout").addEventListener("click", () => signOut());
$("reset").addEventListener("click", async () => {
  if (!confirm("Delete every call of " + state.account + ", with its timeline, recordings and scenarios?")) return;
  await api("/dialtone/reset", { method: "POST" }); location.hash = ""; refresh();
});
$("back").addEventListener("click", (e) => { e.preventDefault(); location.hash = ""; });
for (const id of ["filter-status", "filter-number", "filter-sid"]) $(id).addEventListener("input", drawCalls);
for (const button of document.querySelectorAll("[data-action]")) button.addEventListener("click", () => act(button.dataset.action));
window.addEventListener("hashchange", route);

const saved = JSON.parse(sessionStorage.getItem("dialtone") || "null");
if (saved) { state.account = saved.account; state.auth = saved.auth; started(); } else signOut();
