/* Keyboard shortcuts, the help overlay, row selection, bulk actions and the undo countdown.
   Everything also works without JavaScript (plain links and forms); this only speeds it up. */
(function () {
  "use strict";
  const $ = (selector, root = document) => root.querySelector(selector);
  const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));
  const help = $("#shortcut-help");

  let helpOpener = null;
  function toggleHelp(show) {
    if (!help) return;
    const wasHidden = help.hidden;
    help.hidden = show === undefined ? !help.hidden : !show;
    if (wasHidden && !help.hidden) { helpOpener = document.activeElement; $("[data-help-close]", help).focus(); }
    else if (!wasHidden && help.hidden && helpOpener) { helpOpener.focus(); helpOpener = null; }
  }
  $$("[data-help-toggle]").forEach((button) => button.addEventListener("click", () => toggleHelp()));
  $$("[data-help-close]").forEach((button) => button.addEventListener("click", () => toggleHelp(false)));
  if (help) help.addEventListener("click", (event) => { if (event.target === help) toggleHelp(false); });

  /* --- undo toast ----------------------------------------------------------------------- */
  const undo = $("[data-undo]");
  if (undo) {
    let remaining = parseInt(undo.dataset.remaining, 10) || 0;
    const count = $("[data-undo-count]", undo);
    const timer = setInterval(() => {
      remaining -= 1;
      if (count) count.textContent = String(Math.max(remaining, 0));
      if (remaining <= 0) { clearInterval(timer); undo.classList.add("is-gone"); setTimeout(() => undo.remove(), 400); }
    }, 1000);
  }

  /* --- queue: current row, selection, bulk bar ------------------------------------------ */
  const rows = $$("[data-row]");
  let current = -1;
  function setCurrent(index) {
    if (!rows.length) return;
    current = Math.max(0, Math.min(rows.length - 1, index));
    rows.forEach((row, i) => row.classList.toggle("is-current", i === current));
    rows[current].scrollIntoView({ block: "nearest" });
  }
  rows.forEach((row, index) => {
    row.addEventListener("click", (event) => {
      if (event.target.closest("a, input, button, label")) return;
      window.location.href = row.dataset.href;
    });
    row.addEventListener("mouseenter", () => { current = index; rows.forEach((r, i) => r.classList.toggle("is-current", i === index)); });
  });
  const bulkBar = $("[data-bulk-bar]");
  const checks = $$("[data-row-check]");
  const selectAll = $("[data-select-all]");
  function updateBulk() {
    const selected = checks.filter((check) => check.checked).length;
    const counter = $("[data-selected-count]");
    if (counter) counter.textContent = String(selected);
    const submit = $("[data-bulk-submit]");
    if (submit) submit.disabled = selected === 0;
    if (bulkBar) bulkBar.classList.toggle("has-selection", selected > 0);
    if (selectAll) selectAll.checked = selected > 0 && selected === checks.length;
  }
  checks.forEach((check) => check.addEventListener("change", updateBulk));
  if (selectAll) selectAll.addEventListener("change", () => { checks.forEach((check) => { check.checked = selectAll.checked; }); updateBulk(); });
  updateBulk();

  /* --- item: decisions and the message box ---------------------------------------------- */
  const decide = $("[data-decide-form]");
  const messageBox = decide && $("textarea[data-message-box]", decide);
  const templateSelect = decide && $("select[data-template-select]", decide);
  // What Ctrl/Cmd+Enter in a box of the decision form submits: a request for information,
  // unless the chosen reason template belongs to another decision. Shown next to the box.
  let pending = "request_info";
  // The template text last put in the message box; while the box still holds it, the
  // moderator has not written anything of their own that a new template could overwrite.
  let filled = "";

  function decisionButton(value) { return decide ? $(`[data-decision="${value}"]`, decide) : null; }
  function submitDecision(value) {
    const button = decisionButton(value);
    if (button && !decide.dataset.submitted) { decide.dataset.submitted = "1"; decide.requestSubmit(button); }
  }
  /* A button's own words, without its <kbd> hint. */
  function label(button) {
    return Array.from(button.childNodes).filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent).join("").trim();
  }
  function setPending(value) {
    const button = decisionButton(value);
    if (!button) return;
    pending = value;
    $$("[data-decision]", decide).forEach((other) => other.classList.toggle("is-pending", other === button));
    const target = $("[data-pending-label]", decide);
    if (target) target.textContent = label(button);
  }
  function messageUntouched() { return messageBox.value.trim() === "" || messageBox.value === filled; }
  /* Put a template's text in the box; text the moderator wrote is replaced only if they agree. */
  function fillMessage(text) {
    if (!text) { if (messageUntouched()) { messageBox.value = ""; filled = ""; } return; }
    if (!messageUntouched() && messageBox.value !== text
        && !window.confirm(templateSelect.dataset.replaceConfirm || "Replace your message?")) return;
    messageBox.value = text;
    filled = text;
  }
  if (templateSelect && messageBox) {
    templateSelect.addEventListener("change", () => {
      const option = templateSelect.selectedOptions[0];
      fillMessage(option ? option.dataset.message || "" : "");
      setPending((option && option.dataset.for) || "request_info");
    });
  }
  /* `r`: request information, with the cursor at the end of the message box. */
  function startRequest() {
    if (!messageBox) return;
    const option = templateSelect && templateSelect.selectedOptions[0];
    if (option && option.dataset.for && option.dataset.for !== "request_info") {
      templateSelect.value = "";
      fillMessage("");
    }
    setPending("request_info");
    messageBox.focus();
    messageBox.setSelectionRange(messageBox.value.length, messageBox.value.length);
  }
  if (decide) {
    setPending(pending);
    const keys = $("[data-field-keys]", decide);
    if (keys) keys.hidden = false;  // the hint is about this script, so it shows only with it
  }

  /* --- keyboard ------------------------------------------------------------------------- */
  const NOT_TYPED = new Set(["checkbox", "radio", "button", "submit", "reset", "file", "image", "range", "color"]);
  /* Whether keys pressed in this element are text (or a choice) being typed, not shortcuts. */
  function isTextField(element) {
    if (!element || element.nodeType !== Node.ELEMENT_NODE) return false;
    if (element.isContentEditable) return true;
    const tag = element.tagName;
    return tag === "TEXTAREA" || tag === "SELECT" || (tag === "INPUT" && !NOT_TYPED.has(element.type));
  }
  /* Ctrl/Cmd+Enter in a text field submits its form, as a press on its default button would. */
  function submitFromField(field) {
    const form = field.form || field.closest("form");
    if (!form) return;
    if (form === decide) { submitDecision(pending); return; }
    const button = $("button[type=submit], button:not([type]), input[type=submit]", form);
    if (!button || !button.disabled) form.requestSubmit(button || undefined);
  }
  function click(selector) { const element = $(selector); if (element) element.click(); }
  function submit(selector) { const form = $(selector); if (form) form.requestSubmit(); }
  const onQueue = Boolean(rows.length || $("[data-queue]"));

  function queueKey(key, event) {
    if (key === "j") setCurrent(current + 1);
    else if (key === "k") setCurrent(current - 1);
    else if ((key === "o" || key === "Enter") && current >= 0) window.location.href = rows[current].dataset.href;
    else if (key === "x" && current >= 0) { const check = $("[data-row-check]", rows[current]); check.checked = !check.checked; updateBulk(); }
    else if (key === "/") { const search = $("[data-search]"); if (search) { event.preventDefault(); search.focus(); } }
    else if (key === "n") submit("[data-next-form]");
  }
  function itemKey(key, event) {
    if (key === "a") submitDecision("approve");
    else if (key === "d") submitDecision("delist");
    else if (key === "X") submitDecision("reject");
    else if (key === "r" && messageBox) { event.preventDefault(); startRequest(); }
    else if (key === "j") click("[data-next]");
    else if (key === "k") click("[data-previous]");
    else if (key === "n") submit("[data-skip-form]");
    else if (key === "q") click("[data-queue-link]");
    else if (key === "e") {
      const mark = $("mark.evidence", $("[data-post-body]") || document);
      if (mark) { mark.scrollIntoView({ block: "center" }); mark.focus(); mark.classList.add("is-flash"); }
    }
  }

  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.isComposing) return;
    const target = event.target;
    if (isTextField(target)) {
      // While typing, the only keys that do anything beyond typing are these two.
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); submitFromField(target); }
      else if (event.key === "Escape") target.blur();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key;
    if (key === "?") { toggleHelp(); event.preventDefault(); return; }
    if (key === "Escape") { toggleHelp(false); return; }
    if (help && !help.hidden) {
      if (key === "Tab") event.preventDefault();  // a modal dialog: the focus stays in it
      return;
    }
    // Enter on a focused link or button is that control's own business.
    if (key === "Enter" && target.closest && target.closest("a, button, summary, [role=button]")) return;
    // A held key repeats: only moving through the queue may.
    if (event.repeat && !(onQueue && (key === "j" || key === "k"))) return;
    if (key === "u" && undo) { undo.requestSubmit(); return; }
    if (onQueue) queueKey(key, event);
    else itemKey(key, event);
  });
  // A page restored from the back/forward cache may be submitted again.
  window.addEventListener("pageshow", () => { if (decide) delete decide.dataset.submitted; });
})();
