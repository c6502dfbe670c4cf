// The dashboard's charts (Chart.js from npm), fed by the json_script block; each has its data table on the page.
"use strict";
(function () {
  const source = document.getElementById("dashboard-data");
  if (!source || typeof Chart === "undefined") return;
  const data = JSON.parse(source.textContent);
  const format = new Intl.NumberFormat("vi-VN", {maximumFractionDigits: 1});
  const common = {animation: false, maintainAspectRatio: false};

  const rates = document.getElementById("rates-chart");
  if (rates) {
    new Chart(rates, {
      type: "line",
      data: {
        labels: data.rates.labels,
        datasets: [
          {label: data.rates.names[0], data: data.rates.submitted, borderColor: "#8f1d1d", backgroundColor: "#8f1d1d", spanGaps: true},
          {label: data.rates.names[1], data: data.rates.on_time, borderColor: "#0b5394", backgroundColor: "#0b5394", borderDash: [6, 4], spanGaps: true},
        ],
      },
      options: Object.assign({}, common, {
        scales: {y: {min: 0, max: 100, ticks: {callback: (v) => format.format(v) + "%"}}},
        plugins: {tooltip: {callbacks: {label: (c) => c.dataset.label + ": " + format.format(c.parsed.y) + "%"}}},
      }),
    });
  }

  const trend = document.getElementById("trend-chart");
  const select = document.getElementById("trend-indicator");
  if (trend && select) {
    const chart = new Chart(trend, {
      type: "bar",
      data: {labels: data.trend.labels, datasets: [{label: "", data: [], backgroundColor: "#8f1d1d"}]},
      options: Object.assign({}, common, {
        scales: {y: {beginAtZero: true, ticks: {callback: (v) => format.format(v)}}},
        plugins: {tooltip: {callbacks: {label: (c) => format.format(c.parsed.y)}}},
      }),
    });
    const show = function () {
      chart.data.datasets[0].label = data.trend.names[select.value] || "";
      chart.data.datasets[0].data = data.trend.series[select.value] || [];
      chart.update();
    };
    select.addEventListener("change", show);
    show();
  }
})();
