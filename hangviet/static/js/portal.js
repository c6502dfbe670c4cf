// The public portal: the sale-point map (Leaflet, loaded only when asked for, so a phone downloads it only then)
// and "near me" (the browser's location, the list sorted by distance). The list works without either.
"use strict";

(() => {
  let leafletLoading = null;

  function loadLeaflet(box) {
    if (window.L) return Promise.resolve(window.L);
    if (leafletLoading) return leafletLoading;
    leafletLoading = new Promise((resolve, reject) => {
      const css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = box.dataset.leafletCss;
      document.head.appendChild(css);
      const script = document.createElement("script");
      script.src = box.dataset.leafletJs;
      script.onload = () => resolve(window.L);
      script.onerror = reject;
      document.head.appendChild(script);
    });
    return leafletLoading;
  }

  function pointsOf(listId) {
    const list = document.getElementById(listId);
    if (!list) return [];
    return Array.from(list.querySelectorAll("[data-point]"))
      .map((item) => ({
        item,
        lat: parseFloat(item.dataset.lat),
        lon: parseFloat(item.dataset.lon),
        name: item.dataset.name || "",
        url: item.dataset.url || "",
      }))
      .filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon));
  }

  function showMap(button) {
    const box = document.getElementById(button.dataset.mapTarget);
    if (!box) return;
    box.hidden = false;
    button.disabled = true;
    if (box.dataset.ready) return;
    box.dataset.ready = "1";
    loadLeaflet(box).then((L) => {
      const map = L.map(box);
      L.tileLayer(box.dataset.tiles, { maxZoom: 18, attribution: box.dataset.attribution || "" }).addTo(map);
      const points = pointsOf(box.dataset.list);
      const bounds = [];
      for (const p of points) {
        const marker = L.marker([p.lat, p.lon]).addTo(map);
        const link = document.createElement("a");
        link.href = p.url;
        link.textContent = p.name; // text, never HTML
        marker.bindPopup(link);
        bounds.push([p.lat, p.lon]);
      }
      if (bounds.length) map.fitBounds(bounds, { maxZoom: 14, padding: [20, 20] });
      else map.setView([16.0, 106.0], 5);
      box.dataset.markers = String(bounds.length);
    }).catch(() => { box.hidden = true; });
  }

  function distanceKm(a, b) {
    const rad = Math.PI / 180;
    const dLat = (b.lat - a.lat) * rad;
    const dLon = (b.lon - a.lon) * rad;
    const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
    return 12742 * Math.asin(Math.sqrt(h));
  }

  function sortByDistance(button, here) {
    const list = document.getElementById(button.dataset.nearTarget);
    if (!list) return;
    const items = Array.from(list.querySelectorAll("[data-point]"));
    const measured = items.map((item) => {
      const p = { lat: parseFloat(item.dataset.lat), lon: parseFloat(item.dataset.lon) };
      const km = Number.isFinite(p.lat) && Number.isFinite(p.lon) ? distanceKm(here, p) : Infinity;
      const label = item.querySelector("[data-distance]");
      if (label) label.textContent = Number.isFinite(km) ? "· " + km.toFixed(1).replace(".", ",") + " km" : "";
      return { item, km };
    });
    measured.sort((a, b) => a.km - b.km);
    for (const { item } of measured) list.appendChild(item);
  }

  function nearMe(button) {
    const status = button.parentElement.querySelector("[data-near-status]");
    const say = (text) => { if (status) status.textContent = text || ""; };
    if (!navigator.geolocation) { say(button.dataset.msgFail); return; }
    say(button.dataset.msgWait);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        sortByDistance(button, { lat: position.coords.latitude, lon: position.coords.longitude });
        say(button.dataset.msgDone);
      },
      () => say(button.dataset.msgFail),
      { timeout: 10000, maximumAge: 300000 },
    );
  }

  document.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const map = target && target.closest("[data-map-show]");
    if (map) { showMap(map); return; }
    const near = target && target.closest("[data-near-me]");
    if (near) nearMe(near);
  });
})();
