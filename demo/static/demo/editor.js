/* The demo's API editor: a Markdown textarea, an "Insert AI section" button, a live preview
   and the disclosure form, all driven by the public REST API only:

     GET  /api/ai-disclosure/v1/schema/   build the form, the block types and suggestions
     POST /api/ai-disclosure/v1/preview/  live preview (sanitized HTML, AI share, warnings)
     POST /api/ai-disclosure/v1/check/    errors and nudges before publishing (throttled)
     POST /api/forum/v1/posts/            publish the post with its disclosure

   The session cookie authenticates; unsafe requests carry Django's CSRF token. */
(function () {
  "use strict";

  var app = document.getElementById("editor-app");
  if (!app) return;
  var API = app.dataset.apiRoot;
  var $ = function (id) { return document.getElementById(id); };
  var body = $("editor-body");
  var title = $("editor-title");
  var form = $("editor-disclosure");
  var statusLine = $("editor-status");
  var schema = null;
  var previewTimer = null;
  var previewSeq = 0;

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function api(method, path, payload) {
    var options = {
      method: method,
      credentials: "same-origin",
      headers: { "Accept": "application/json" }
    };
    if (payload !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.headers["X-CSRFToken"] = csrfToken();
      options.body = JSON.stringify(payload);
    }
    return fetch(API + path, options).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        return { status: response.status, data: data };
      });
    });
  }

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // --- the disclosure form, built from the schema --------------------------------------
  function buildField(field) {
    var wrapper = el("div", { "class": "field field-" + field.name, "data-field": field.name });
    var id = "disclosure-" + field.name;
    if (field.kind === "boolean") {
      var label = el("label", { "class": field.name === "human_only" ? "check human-only" : "check" });
      var box = el("input", { type: "checkbox", id: id, name: field.name });
      label.appendChild(box);
      label.appendChild(el("span", {}, field.label));
      wrapper.appendChild(label);
    } else if (field.kind === "multiple_choice" || field.kind === "choice") {
      var set = el("fieldset", { id: id });
      set.appendChild(el("legend", {}, field.label));
      field.choices.forEach(function (choice) {
        var option = el("label", { "class": "check" });
        var input = el("input", {
          type: field.kind === "choice" ? "radio" : "checkbox",
          name: field.name,
          value: choice.value
        });
        option.appendChild(input);
        option.appendChild(el("span", { title: choice.description || "" }, choice.label));
        set.appendChild(option);
      });
      wrapper.appendChild(set);
    } else {
      wrapper.appendChild(el("label", { "for": id }, field.label));
      var input;
      if (field.kind === "list") {
        input = el("input", { type: "text", id: id, name: field.name, list: id + "-suggestions" });
        var list = el("datalist", { id: id + "-suggestions" });
        field.suggestions.forEach(function (name) { list.appendChild(el("option", { value: name })); });
        wrapper.appendChild(list);
      } else {
        input = el("textarea", { id: id, name: field.name, rows: field.name === "description" ? 3 : 2 });
      }
      if (field.max_length) input.setAttribute("maxlength", field.max_length);
      wrapper.appendChild(input);
    }
    var help = field.help_text || (field.kind === "list" ? gettext("Separate several with commas.") : "");
    if (field.min_length) {
      help = (help ? help + " " : "") + interpolate(
        ngettext("At least %(count)s character.", "At least %(count)s characters.", field.min_length),
        { count: field.min_length }, true);
    }
    if (help) wrapper.appendChild(el("p", { "class": "help" }, help));
    wrapper.appendChild(el("ul", { "class": "errorlist", "data-errors-for": "disclosure." + field.name }));
    return wrapper;
  }

  function buildForm() {
    $("editor-intro").textContent = schema.wording.intro;
    var details = el("div", { "data-ai-details": "" });
    schema.fields.forEach(function (field) {
      var node = buildField(field);
      (field.name === "human_only" ? form : details).appendChild(node);
    });
    form.appendChild(details);
    var tick = form.querySelector("input[name=human_only]");
    function sync() { details.hidden = tick.checked; }
    tick.addEventListener("change", sync);
    sync();

    var typeSelect = $("editor-block-type");
    schema.block_types.forEach(function (type) {
      typeSelect.appendChild(el("option", { value: type.slug }, type.label));
    });
    var models = $("editor-model-suggestions");
    schema.fields.filter(function (f) { return f.name === "models_used"; }).forEach(function (f) {
      f.suggestions.forEach(function (name) { models.appendChild(el("option", { value: name })); });
    });
  }

  function disclosure() {
    var data = { human_only: form.querySelector("input[name=human_only]").checked };
    if (data.human_only) return data;
    schema.fields.forEach(function (field) {
      if (field.name === "human_only") return;
      if (field.kind === "multiple_choice") {
        data[field.name] = Array.prototype.map.call(
          form.querySelectorAll("input[name=" + field.name + "]:checked"),
          function (input) { return input.value; });
      } else if (field.kind === "choice") {
        var picked = form.querySelector("input[name=" + field.name + "]:checked");
        data[field.name] = picked ? picked.value : "";
      } else if (field.kind === "boolean") {
        data[field.name] = form.elements[field.name].checked;
      } else if (field.kind === "list") {
        data[field.name] = form.elements[field.name].value.split(",")
          .map(function (name) { return name.trim(); }).filter(Boolean);
      } else {
        data[field.name] = form.elements[field.name].value;
      }
    });
    return data;
  }

  // --- errors and nudges ----------------------------------------------------------------
  function clearErrors() {
    document.querySelectorAll("[data-errors-for]").forEach(function (list) { list.textContent = ""; });
    document.querySelectorAll(".has-error").forEach(function (node) { node.classList.remove("has-error"); });
  }

  function showErrors(errors, prefix) {
    clearErrors();
    var shown = 0;
    Object.keys(errors || {}).forEach(function (path) {
      var key = (prefix || "") + path;
      var list = document.querySelector('[data-errors-for="' + key + '"]') ||
        document.querySelector('[data-errors-for="' + key.split(".").slice(0, 2).join(".") + '"]');
      if (!list) return;
      errors[path].forEach(function (message) { list.appendChild(el("li", {}, message)); shown++; });
      if (list.parentNode) list.parentNode.classList.add("has-error");
    });
    return shown;
  }

  function showNudges(nudges) {
    var list = $("editor-nudges");
    list.textContent = "";
    (nudges || []).forEach(function (nudge) { list.appendChild(el("li", { "class": "nudge" }, nudge.message)); });
  }

  // --- preview ----------------------------------------------------------------------------
  function showPreview(result) {
    $("editor-preview").innerHTML = result.html;  // sanitized by the server's allowlist
    $("editor-ai-share").textContent = interpolate(
      ngettext("Measured AI share: AI blocks hold %(share)s of the text (%(count)s block).",
               "Measured AI share: AI blocks hold %(share)s of the text (%(count)s blocks).",
               result.blocks.length),
      { share: Math.round(result.ai_share * 100) + "%", count: result.blocks.length }, true);
    var warnings = $("editor-warnings");
    warnings.textContent = "";
    result.warnings.forEach(function (warning) {
      warnings.appendChild(el("li", {}, interpolate(gettext("Line %(line)s: %(message)s"),
                                                    warning, true)));
    });
    warnings.hidden = result.warnings.length === 0;
  }

  function refreshPreview() {
    var sequence = ++previewSeq;
    api("POST", "ai-disclosure/v1/preview/", { body: body.value }).then(function (response) {
      if (sequence !== previewSeq) return;  // a newer preview is on its way
      if (response.status === 200) {
        showPreview(response.data);
        $("editor-preview-card").dataset.state = "ready";
      } else {
        statusLine.textContent = response.data.detail || gettext("Preview failed.");
      }
    });
  }

  function schedulePreview() {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(refreshPreview, 250);
  }

  // --- "Insert AI section" --------------------------------------------------------------
  function insertAISection() {
    var type = $("editor-block-type").value;
    var model = $("editor-block-model").value.replace(/["{}\n]/g, "").trim();
    var start = body.selectionStart, end = body.selectionEnd, text = body.value;
    var before = text.slice(0, start), selected = text.slice(start, end), after = text.slice(end);
    var opening = ":::" + type + (model ? '{model="' + model + '"}' : "");
    var inner = selected.replace(/\n+$/, "") || gettext("Text the AI wrote.");
    var lead = before && !/\n$/.test(before) ? "\n" : "";
    var tail = after && !/^\n/.test(after) ? "\n" : "";
    body.value = before + lead + opening + "\n" + inner + "\n:::" + tail + after;
    var innerStart = before.length + lead.length + opening.length + 1;
    body.focus();
    body.setSelectionRange(innerStart, innerStart + inner.length);
    suggestFromBlock(type, model);
    schedulePreview();
  }

  // AI blocks imply kinds of help and name models: pre-fill them in the visible form.
  function suggestFromBlock(type, model) {
    var blockType = schema.block_types.filter(function (t) { return t.slug === type; })[0];
    var tick = form.querySelector("input[name=human_only]");
    if (tick.checked) { tick.checked = false; tick.dispatchEvent(new Event("change")); }
    if (blockType && blockType.implies_assistance) {
      var box = form.querySelector('input[name=assistance][value="' + blockType.implies_assistance + '"]');
      if (box) box.checked = true;
    }
    if (model) {
      var models = form.elements.models_used;
      var names = models.value.split(",").map(function (n) { return n.trim(); }).filter(Boolean);
      if (names.indexOf(model) === -1) names.push(model);
      models.value = names.join(", ");
    }
  }

  // --- check and publish ------------------------------------------------------------------
  function check() {
    statusLine.textContent = gettext("Checking…");
    api("POST", "ai-disclosure/v1/check/", { body: body.value, disclosure: disclosure() })
      .then(function (response) {
        if (response.status === 200) {
          showErrors(response.data.errors, "disclosure.");
          showNudges(response.data.nudges);
          statusLine.textContent = response.data.valid
            ? gettext("The disclosure is complete.") : gettext("Please fix the marked fields.");
        } else {
          showErrors(response.data.errors);
          statusLine.textContent = response.data.detail || gettext("The check failed.");
        }
      });
  }

  function publish() {
    statusLine.textContent = gettext("Publishing…");
    api("POST", "forum/v1/posts/", { title: title.value, body: body.value, disclosure: disclosure() })
      .then(function (response) {
        if (response.status === 201) {
          clearErrors();
          statusLine.textContent = gettext("Published.");
          window.location.assign(response.data.url);
          return;
        }
        showErrors(response.data.errors);
        statusLine.textContent = response.data.detail || gettext("Your post was not published.");
      });
  }

  api("GET", "ai-disclosure/v1/schema/").then(function (response) {
    schema = response.data;
    buildForm();
    body.addEventListener("input", schedulePreview);
    $("editor-insert-ai").addEventListener("click", insertAISection);
    $("editor-check").addEventListener("click", check);
    $("editor-publish").addEventListener("click", publish);
    delete app.dataset.loading;
    app.dataset.ready = "";
    refreshPreview();
  });
})();
