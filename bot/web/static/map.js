// The station's map: places sized by their count and coloured by their commonest category, residents'
// pins, and the patrol notes as a layer of their own. Without tiles (no network to the tile server) the
// points and their names stay on a plain ground, so the page is still of use.
(function () {
  "use strict";

  // Leaflet reads a string as HTML; names typed by officers go in as text, never as markup.
  function text(words) {
    var span = document.createElement("span");
    span.textContent = words;
    return span;
  }

  function base(map, tiles, attribution) {
    if (tiles) {
      L.tileLayer(tiles, { maxZoom: 19, attribution: text(attribution).outerHTML }).addTo(map);
    }
  }

  function stationMap(element) {
    var data = JSON.parse(document.getElementById("map-data").textContent);
    // The zoom buttons are the page's own, below the map, as the layers' switches are: Leaflet's, in the map's
    // corner, covered the name of a place there.
    var map = L.map(element, { scrollWheelZoom: false, zoomControl: false });
    base(map, data.tiles, data.attribution);
    var zoom = document.getElementById("map-zoom");
    zoom.querySelector("[data-zoom=in]").addEventListener("click", function () { map.zoomIn(); });
    zoom.querySelector("[data-zoom=out]").addEventListener("click", function () { map.zoomOut(); });
    zoom.hidden = false;
    var places = L.layerGroup(), pins = L.layerGroup(), notes = L.layerGroup(), bounds = [];
    var most = Math.max.apply(null, data.places.map(function (p) { return p.total; }).concat([1]));
    data.places.forEach(function (place) {
      var detail = Object.keys(place.counts).map(function (k) { return k + " " + place.counts[k]; }).join(", ");
      L.circleMarker([place.lat, place.lon], {
        radius: 8 + 22 * Math.sqrt(place.total / most), color: "#1b1f23", weight: 1,
        fillColor: data.colours[place.top], fillOpacity: 0.75
      }).bindTooltip(text(place.name + ": " + place.total), { permanent: true, direction: "top", className: "place-label" })
        .bindPopup(text(place.name + " · " + place.total + " " + data.words.reports + " · " + detail)).addTo(places);
      bounds.push([place.lat, place.lon]);
    });
    data.pins.forEach(function (pin) {
      L.circleMarker([pin.lat, pin.lon], { radius: 4, color: data.colours[pin.category], weight: 2, fillOpacity: 1 })
        .bindTooltip(text(pin.ref)).on("click", function () { window.location.href = "/laporan/" + pin.ref; }).addTo(pins);
      bounds.push([pin.lat, pin.lon]);
    });
    data.notes.forEach(function (note) {
      L.marker([note.lat, note.lon], { icon: L.divIcon({ className: "swatch patrol", iconSize: [14, 14] }),
                                       keyboard: true, title: note.place })
        .bindTooltip(text(note.place + " · " + note.met + " " + data.words.met)).addTo(notes);
    });
    // The layers' switches are the page's own, beside the map: on it, Leaflet's covered the names of places.
    // A box the browser kept unticked (back, reload) keeps its layer off.
    var layers = { places: places, pins: pins, patrol: notes }, switches = document.getElementById("map-layers");
    Array.prototype.forEach.call(switches.querySelectorAll("input"), function (box) {
      function show() { if (box.checked) { layers[box.value].addTo(map); } else { map.removeLayer(layers[box.value]); } }
      box.addEventListener("change", show);
      show();
    });
    switches.hidden = false;
    if (bounds.length) { map.fitBounds(bounds, { padding: [30, 30], maxZoom: 15 }); }
    else { map.setView(data.centre, 13); }
  }

  function pointMap(element) {
    var here = [parseFloat(element.dataset.lat), parseFloat(element.dataset.lon)];
    var map = L.map(element, { scrollWheelZoom: false }).setView(here, 16);
    base(map, element.dataset.tiles, element.dataset.attribution);
    L.circleMarker(here, { radius: 10, color: "#1b1f23", fillColor: element.dataset.colour, fillOpacity: 0.9 }).addTo(map);
  }

  var whole = document.getElementById("map");
  if (whole) { stationMap(whole); }
  var point = document.getElementById("point");
  if (point) { pointMap(point); }
}());
