/* Progressive enhancement for the disclosure form: without this file every field is shown
   and the form works the same. With it, the details hide while "human-written" is ticked,
   and the kinds implied by AI blocks in the post body are suggested (never ticked silently:
   the author clicks "Tick for me" or ticks them by hand). */
(function () {
  "use strict";

  // An opening fence: ":::type" (3+ colons, up to 3 spaces of indent) or LessWrong's
  // "%%% llm-output", read as ai-written like the server does.
  var OPENING = /^ {0,3}(?::{3,}\s*([A-Za-z][\w-]*)|%%%\s*llm-output)/gm;

  function init(form) {
    var tick = form.querySelector('input[name$="human_only"]');
    var details = form.querySelector("[data-ai-details]");
    var suggestion = form.querySelector("[data-ai-suggestion]");
    var kindsScript = document.getElementById("ai-block-kinds");
    var blockKinds = kindsScript ? JSON.parse(kindsScript.textContent) : {};
    var knownTypes = (form.dataset.blockTypes || "").split(/\s+/).filter(Boolean);
    var body = document.querySelector("[data-ai-body]");
    if (!tick || !details || !suggestion) return;

    function sync() {
      details.hidden = tick.checked;
      form.classList.toggle("ai-is-human-only", tick.checked);
    }

    function blocksInBody() {
      var found = [];
      if (!body) return found;
      var match;
      OPENING.lastIndex = 0;
      while ((match = OPENING.exec(body.value)) !== null) {
        var type = match[1] || "ai-written";
        // Only AI block types count; other directives (":::note") are not AI blocks.
        if ((knownTypes.indexOf(type) !== -1 || type in blockKinds) && found.indexOf(type) === -1) {
          found.push(type);
        }
      }
      return found;
    }

    function labelText(box) {
      return box.closest("label").textContent.trim();
    }

    function show(text, missingBoxes) {
      suggestion.textContent = text;
      if (missingBoxes.length) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "ai-suggestion-apply";
        button.textContent = form.dataset.msgApply;
        button.addEventListener("click", function () {
          missingBoxes.forEach(function (box) { box.checked = true; });
          suggest();
        });
        suggestion.appendChild(document.createTextNode(" "));
        suggestion.appendChild(button);
      }
      suggestion.hidden = false;
    }

    function suggest() {
      var types = blocksInBody();
      var missing = [];
      form.querySelectorAll(".ai-suggested").forEach(function (label) {
        label.classList.remove("ai-suggested");
      });
      types.forEach(function (type) {
        var kind = blockKinds[type];
        var box = kind && form.querySelector('input[name$="assistance"][value="' + kind + '"]');
        if (!box) return;
        box.closest("label").classList.add("ai-suggested");
        if (!box.checked && !missing.some(function (m) { return m.box === box; })) {
          missing.push({ type: type, box: box });
        }
      });
      var conflict = types.length > 0 && tick.checked;
      form.classList.toggle("ai-has-conflict", conflict);
      if (conflict) {
        show(form.dataset.msgConflict + " " + types.join(", "), []);
        suggestion.classList.add("ai-suggestion-conflict");
      } else if (missing.length) {
        show(form.dataset.msgSuggest + " " + missing.map(function (m) {
          return labelText(m.box) + " (" + m.type + ")";
        }).join(", ") + ".", missing.map(function (m) { return m.box; }));
        suggestion.classList.remove("ai-suggestion-conflict");
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
