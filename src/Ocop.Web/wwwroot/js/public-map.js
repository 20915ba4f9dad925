// The public map (Features/Public/_Places.cshtml): each map is drawn from the list of places beside it, so the list
// alone says everything without JavaScript or tiles. Leaflet is served by the app (lib/leaflet) and loaded only on a
// page with a map; the tile server is a setting (data-tiles), and without one the markers are drawn on a plain frame.
(function () {
  "use strict";

  function load(then) {
    if (window.L) { then(); return; }
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = "/lib/leaflet/leaflet.css";
    document.head.appendChild(css);
    var script = document.createElement("script");
    script.src = "/lib/leaflet/leaflet.js";
    script.onload = then;
    document.head.appendChild(script);
  }

  function draw(frame) {
    var list = document.getElementById(frame.getAttribute("data-places"));
    if (!list) { return; }
    var map = L.map(frame, { scrollWheelZoom: false });
    var tiles = frame.getAttribute("data-tiles");
    if (tiles) {
      L.tileLayer(tiles, { maxZoom: 18, attribution: frame.getAttribute("data-attribution") || "" }).addTo(map);
    }
    var colours = { SalesPoint: "#1f6f43", Producer: "#a66a00", Tourism: "#1f4f8f" };
    var bounds = [];
    list.querySelectorAll("li.place").forEach(function (item) {
      var lat = parseFloat(item.getAttribute("data-lat"));
      var lng = parseFloat(item.getAttribute("data-lng"));
      if (isNaN(lat) || isNaN(lng)) { return; }
      // Circle markers need no image, so they show the same with or without tiles.
      var marker = L.circleMarker([lat, lng], {
        radius: 9, weight: 2, color: "#fff", fillOpacity: 0.9,
        fillColor: colours[item.getAttribute("data-kind")] || "#1f6f43"
      }).addTo(map);
      marker.bindPopup(item.getAttribute("data-name") || "");
      marker.bindTooltip(item.getAttribute("data-name") || "");
      marker.on("click", function () { item.scrollIntoView({ block: "nearest" }); });
      bounds.push([lat, lng]);
    });
    if (bounds.length === 1) {
      map.setView(bounds[0], 14);
    } else if (bounds.length > 1) {
      map.fitBounds(bounds, { padding: [24, 24] });
    }
    frame.classList.add("drawn");
  }

  document.addEventListener("DOMContentLoaded", function () {
    var frames = document.querySelectorAll(".place-map");
    if (frames.length === 0) { return; }
    load(function () { frames.forEach(draw); });
  });
})();
