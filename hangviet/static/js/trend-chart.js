// The consolidated table's trend chart: data from the json_script block, Chart.js from npm.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("trend-data").textContent);
  const select = document.getElementById("trend-indicator");
  const format = new Intl.NumberFormat("vi-VN");
  const chart = new Chart(document.getElementById("trend-chart"), {
    type: "line",
    data: {labels: data.labels, datasets: [{label: "", data: [], borderColor: "#8f1d1d", backgroundColor: "#8f1d1d", spanGaps: true}]},
    options: {animation: false, scales: {y: {beginAtZero: true, ticks: {callback: (v) => format.format(v)}}},
              plugins: {tooltip: {callbacks: {label: (c) => format.format(c.parsed.y)}}}},
  });
  function show() {
    chart.data.datasets[0].label = data.names[select.value];
    chart.data.datasets[0].data = data.series[select.value];
    chart.update();
  }
  select.addEventListener("change", show);
  show();
})();
