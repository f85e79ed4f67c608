/* A table wider than the screen scrolls inside its box (Material wraps it). A keyboard user must be
   able to reach that box to scroll it, and a screen reader must hear what it is: give every such box
   a tab stop and a name (WCAG 2.1.1, axe "scrollable-region-focusable"). */
window.addEventListener("load", function () {
  "use strict";
  var fallback = document.querySelector('meta[name="toimi-table-label"]');
  Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap"), function (box) {
    var heading = null, node = box.previousElementSibling;
    while (node && !heading) {
      if (/^H[2-4]$/.test(node.tagName)) heading = node.textContent.trim();
      node = node.previousElementSibling;
    }
    box.setAttribute("tabindex", "0");
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", heading || (fallback ? fallback.content : ""));
  });
});
