/* The company-form questionnaire. The questions, answers and rules come from data/company_forms.yml
   (rendered into the page as JSON in the reader's language); this script only applies them.
   Without JavaScript the page shows the same rules as a written decision guide. */
(function () {
  "use strict";

  function setup(root) {
    var data = JSON.parse(root.querySelector(".toimi-helper-data").textContent);
    var form = root.querySelector(".toimi-helper-form");
    var results = root.querySelector(".toimi-helper-results");
    var questions = form.querySelectorAll("fieldset").length;

    function render() {
      var chosen = {};
      Array.prototype.forEach.call(form.querySelectorAll("input:checked"), function (input) {
        chosen[input.name] = input.value;
      });
      var answered = Object.keys(chosen).length;
      var score = {}, excluded = {}, reasons = {}, notes = [];
      Object.keys(data.forms).forEach(function (key) { score[key] = 0; reasons[key] = []; });
      data.rules.forEach(function (rule) {
        var applies = Object.keys(rule.when).every(function (q) { return chosen[q] === rule.when[q]; });
        if (!applies) return;
        rule.suits.forEach(function (key) { score[key] += 1; reasons[key].push(rule.because); });
        rule.not_for.forEach(function (key) { excluded[key] = true; reasons[key].push(rule.because); });
        if (!rule.suits.length && !rule.not_for.length) notes.push(rule.because);
      });
      var fits = Object.keys(data.forms).filter(function (key) { return !excluded[key]; })
        .sort(function (a, b) { return score[b] - score[a]; });
      var out = '<p class="toimi-helper-progress">' +
        data.ui.helper_answer_more.replace("{done}", answered).replace("{total}", questions) + "</p>";
      function list(keys, title, cls) {
        if (!keys.length) return "";
        return "<h3>" + title + '</h3><ul class="' + cls + '">' + keys.map(function (key) {
          var form = data.forms[key];
          var why = reasons[key].length ? "<ul><li>" + reasons[key].join("</li><li>") + "</li></ul>" : "";
          return '<li data-form="' + key + '"><a href="' + form.link + '">' + form.name + "</a>" + why + "</li>";
        }).join("") + "</ul>";
      }
      out += fits.length ? list(fits, data.ui.helper_fits, "toimi-helper-fits")
        : "<p>" + data.ui.helper_none + "</p>";
      out += list(Object.keys(excluded), data.ui.helper_does_not_fit, "toimi-helper-excluded");
      if (notes.length) {
        out += "<h3>" + data.ui.helper_notes + '</h3><ul class="toimi-helper-notes"><li>' + notes.join("</li><li>") + "</li></ul>";
      }
      results.innerHTML = out;
    }

    form.addEventListener("change", render);
    form.addEventListener("reset", function () { setTimeout(render, 0); });
    root.querySelector(".toimi-helper-guide").hidden = true;
    form.hidden = false;
    results.hidden = false;
    render();
  }

  function start() { Array.prototype.forEach.call(document.querySelectorAll(".toimi-helper"), setup); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
