/* The browser's own print of a page: open every collapsed block first, so nothing is left out. */
window.addEventListener("beforeprint", function () {
  Array.prototype.forEach.call(document.querySelectorAll("details:not([open])"), function (details) {
    details.setAttribute("open", "");
    details.setAttribute("data-opened-for-print", "");
  });
});
window.addEventListener("afterprint", function () {
  Array.prototype.forEach.call(document.querySelectorAll("details[data-opened-for-print]"), function (details) {
    details.removeAttribute("open");
    details.removeAttribute("data-opened-for-print");
  });
});
