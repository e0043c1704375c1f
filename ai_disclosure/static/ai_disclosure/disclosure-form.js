/* Progressive enhancement for the disclosure form: without this file every field is shown
   and the form works the same. With it, the details hide while "human-written" is ticked,
   and the kinds implied by AI blocks in the post body are suggested (never ticked silently). */
(function () {
  "use strict";

  function init(form) {
    var tick = form.querySelector('input[name$="human_only"]');
    var details = form.querySelector("[data-ai-details]");
    var suggestion = form.querySelector("[data-ai-suggestion]");
    var kindsScript = document.getElementById("ai-block-kinds");
    var blockKinds = kindsScript ? JSON.parse(kindsScript.textContent) : {};
    var body = document.querySelector("[data-ai-body]");

    function sync() {
      details.hidden = tick.checked;
    }

    function blocksInBody() {
      var found = {};
      if (!body) return found;
      var re = /^ {0,3}(?::{3,}\s*([A-Za-z][\w-]*)|%%%\s*llm-output)/gm;
      var match;
      while ((match = re.exec(body.value)) !== null) {
        found[match[1] || "ai-written"] = true;
      }
      return found;
    }

    function suggest() {
      var types = Object.keys(blocksInBody());
      var missing = [];
      types.forEach(function (type) {
        var kind = blockKinds[type];
        var box = kind && form.querySelector('input[name$="assistance"][value="' + kind + '"]');
        if (box && !box.checked) {
          missing.push({ type: type, box: box });
        }
        if (box) box.closest("label").classList.add("ai-suggested");
      });
      if (types.length && tick.checked) {
        suggestion.textContent = form.dataset.msgConflict + " " + types.join(", ");
        suggestion.hidden = false;
      } else if (missing.length) {
        suggestion.textContent = form.dataset.msgSuggest + " " + missing.map(function (m) {
          return m.box.closest("label").textContent.trim() + " (" + m.type + ")";
        }).join(", ");
        suggestion.hidden = false;
      } else {
        suggestion.hidden = true;
      }
    }

    tick.addEventListener("change", function () { sync(); suggest(); });
    form.addEventListener("change", suggest);
    if (body) body.addEventListener("input", suggest);
    sync();
    suggest();
  }

  document.querySelectorAll("[data-ai-disclosure-form]").forEach(init);
})();
