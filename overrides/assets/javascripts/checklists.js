/* Checklists: ticks are kept in this browser only (localStorage key "toimi-checklists"), under IDs
   that are the same in every language. Nothing leaves the reader's device. */
(function () {
  "use strict";
  var KEY = "toimi-checklists";

  function load() {
    try { return JSON.parse(localStorage.getItem(KEY)) || {}; } catch (e) { return {}; }
  }
  function save(state) {
    try { localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* private mode: ticks last until reload */ }
  }

  function setup() {
    var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-check]"));
    var tools = document.querySelector(".toimi-checklist-tools");
    if (!boxes.length || !tools) return;
    var progress = tools.querySelector(".toimi-checklist-progress");
    var state = load();

    function update() {
      var done = boxes.filter(function (box) { return box.checked; }).length;
      progress.textContent = tools.getAttribute("data-progress")
        .replace("{done}", done).replace("{total}", boxes.length);
    }

    boxes.forEach(function (box) {
      var id = box.getAttribute("data-check");
      if (id in state) box.checked = state[id];
      box.addEventListener("change", function () {
        var current = load();
        current[id] = box.checked;
        save(current);
        update();
      });
    });
    tools.querySelector(".toimi-checklist-reset").addEventListener("click", function () {
      var current = load();
      boxes.forEach(function (box) { box.checked = false; delete current[box.getAttribute("data-check")]; });
      save(current);
      update();
      boxes[0].focus();
    });
    tools.hidden = false;
    update();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
