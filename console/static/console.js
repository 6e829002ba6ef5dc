// The console's only script: CSRF header for htmx, the urgent announcement, the insights charts.
// No inline scripts anywhere (the Content-Security-Policy forbids them).
"use strict";

document.addEventListener("htmx:configRequest", (event) => {
  const meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) event.detail.headers["X-CSRF-Token"] = meta.content;
});

// A session that expired while the inbox was open: go to the login page instead of showing nothing.
document.addEventListener("htmx:responseError", (event) => {
  if (event.detail.xhr.status === 401) window.location.assign("/login");
});

const announced = new Set();
let audio = null;

function beep() {
  try {
    audio = audio || new (window.AudioContext || window.webkitAudioContext)();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 880;
    gain.gain.value = 0.2;
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.4);
  } catch (error) {
    // Browsers refuse sound before the first click on the page; the banner still shows.
  }
}

function announceUrgent(first) {
  const rows = document.querySelectorAll("#inbox-rows tr[data-urgent]");
  const fresh = [...rows].filter((row) => !announced.has(row.dataset.conversation));
  rows.forEach((row) => announced.add(row.dataset.conversation));
  const banner = document.getElementById("urgent-banner");
  if (!banner) return;
  if (rows.length) {
    const many = rows.length > 1;
    banner.textContent = `${rows.length} urgent conversation${many ? "s need" : " needs"} attention (pinned at the top).`;
    banner.hidden = false;
    document.title = `(${rows.length}) URGENT · Front desk`;
  } else {
    banner.hidden = true;
    document.title = "Inbox · Clinic console";
  }
  if (fresh.length && !first) {
    banner.classList.remove("flash-in");
    void banner.offsetWidth;
    banner.classList.add("flash-in");
    beep();
  } else if (fresh.length && first) {
    beep();
  }
}

document.addEventListener("DOMContentLoaded", () => {
  if (document.getElementById("inbox-rows")) announceUrgent(true);
  drawCharts();
});
document.addEventListener("htmx:afterSwap", (event) => {
  if (event.detail.target.id === "inbox-rows") announceUrgent(false);
});

function lineOrBar(id, type, labels, series, stacked) {
  const canvas = document.getElementById(id);
  if (!canvas || !window.Chart) return;
  const datasets = Object.entries(series).map(([label, data]) => ({ label, data }));
  new window.Chart(canvas, {
    type,
    data: { labels, datasets },
    options: { animation: false, responsive: true, scales: { x: { stacked }, y: { stacked, beginAtZero: true } } },
  });
}

function drawCharts() {
  const source = document.getElementById("insights-data");
  if (!source) return;
  const data = JSON.parse(source.textContent);
  lineOrBar("chart-topics", "bar", data.days, data.topics, true);
  lineOrBar("chart-unanswered", "line", data.days, { "% unanswered": data.unanswered_share }, false);
  lineOrBar("chart-flags", "bar", data.weeks, data.red_flags, true);
  lineOrBar("chart-callbacks", "bar", data.weeks, data.callbacks, true);
}
