/* Progressive enhancement for the disclosure form: without this file every field is shown
   and the form works the same. With it, the details hide while "human-written" is ticked,
   and the kinds implied by AI blocks in the post body are suggested (never ticked silently:
   the author clicks "Tick for me" or ticks them by hand). When the host includes the editor
   API (data-check-url), the form asks the check endpoint, a moment after the author stops
   typing, what will happen to the post, and shows its nudges (the same as on Preview). */
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

    var reviewer = form.querySelector(".ai-field-reviewer");

    function sync() {
      details.hidden = tick.checked;
      form.classList.toggle("ai-is-human-only", tick.checked);
      // The reviewer's username belongs to "another person reviewed it" (kept while filled).
      if (reviewer) {
        reviewer.hidden = picked("expertise") !== "other" && !value("reviewer");
      }
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

    var nudgeList = form.querySelector("[data-ai-nudges]");
    var checkTimer = null;

    function value(suffix) {
      var input = form.querySelector('[name$="' + suffix + '"]');
      return input ? input.value : "";
    }

    function picked(suffix) {
      var input = form.querySelector('input[name$="' + suffix + '"]:checked');
      return input ? input.value : "";
    }

    function draftDisclosure() {
      var autonomous = form.querySelector('input[name$="autonomous"]');
      return {
        human_only: tick.checked,
        assistance: Array.prototype.map.call(
          form.querySelectorAll('input[name$="assistance"]:checked'),
          function (box) { return box.value; }),
        models_used: value("models_used").split(/[,\n]/).map(function (name) {
          return name.trim();
        }).filter(Boolean),
        ai_share_estimate: picked("ai_share_estimate"),
        description: value("description"),
        verification: value("verification"),
        expertise: picked("expertise"),
        reviewer: value("reviewer"),
        autonomous: autonomous ? autonomous.checked : false,
        human_only_for: value("human_only_for")
      };
    }

    function showNudges(nudges) {
      nudgeList.textContent = "";
      nudges.forEach(function (nudge) {
        var item = document.createElement("li");
        item.className = "ai-nudge";
        item.dataset.field = nudge.field;
        item.textContent = nudge.message;
        nudgeList.appendChild(item);
      });
      nudgeList.hidden = nudges.length === 0;
    }

    function check() {
      var token = document.querySelector("[name=csrfmiddlewaretoken]");
      if (!body || !body.value.trim()) return;
      fetch(form.dataset.checkUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: {
          "Content-Type": "application/json",
          "X-CSRFToken": token ? token.value : ""
        },
        body: JSON.stringify({
          body: body.value, disclosure: draftDisclosure(), post: form.dataset.postId || ""
        })
      }).then(function (response) {
        // A refused check (e.g. throttled, or a field too long) keeps the nudges shown.
        return response.ok ? response.json() : null;
      }).then(function (result) {
        if (result) showNudges(result.nudges);
      }).catch(function () { /* offline: the server says it all on submit */ });
    }

    function scheduleCheck() {
      if (!form.dataset.checkUrl || !nudgeList || !window.fetch) return;
      window.clearTimeout(checkTimer);
      checkTimer = window.setTimeout(check, 1200);
    }

    tick.addEventListener("change", function () { sync(); suggest(); });
    form.addEventListener("change", function () { sync(); suggest(); scheduleCheck(); });
    form.addEventListener("input", scheduleCheck);
    if (body) body.addEventListener("input", function () { suggest(); scheduleCheck(); });
    sync();
    suggest();
  }

  document.querySelectorAll("[data-ai-disclosure-form]").forEach(init);
})();
