/* Keyboard shortcuts, the help overlay, row selection, bulk actions and the undo countdown.
   Everything also works without JavaScript (plain links and forms); this only speeds it up. */
(function () {
  "use strict";
  const $ = (selector, root = document) => root.querySelector(selector);
  const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));
  const help = $("#shortcut-help");

  function toggleHelp(show) {
    if (!help) return;
    help.hidden = show === undefined ? !help.hidden : !show;
    if (!help.hidden) $("[data-help-close]", help).focus();
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

  /* --- item: decisions ------------------------------------------------------------------ */
  const decide = $("[data-decide-form]");
  function submitDecision(value) {
    const button = decide && $(`[data-decision="${value}"]`, decide);
    if (button) decide.requestSubmit(button);
  }
  const templateSelect = $("[data-template-select]");
  const message = $("[data-message]");
  if (templateSelect && message) {
    templateSelect.addEventListener("change", () => {
      const option = templateSelect.selectedOptions[0];
      message.placeholder = option && option.dataset.message ? option.dataset.message : message.getAttribute("placeholder");
    });
  }
  if (message && decide) {
    message.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); submitDecision(message.dataset.pending || "request_info"); }
    });
  }

  function click(selector) { const element = $(selector); if (element) element.click(); return Boolean(element); }
  function submit(selector) { const form = $(selector); if (form) form.requestSubmit(); return Boolean(form); }

  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target.closest && target.closest("input, textarea, select, [contenteditable]")) {
      if (event.key === "Escape") target.blur();
      return;
    }
    const key = event.key;
    if (key === "?") { toggleHelp(); event.preventDefault(); return; }
    if (key === "Escape") { toggleHelp(false); return; }
    if (help && !help.hidden) return;
    if (key === "u" && undo) { undo.requestSubmit(); return; }
    if (rows.length || $("[data-queue]")) {
      if (key === "j") setCurrent(current + 1);
      else if (key === "k") setCurrent(current - 1);
      else if ((key === "o" || key === "Enter") && current >= 0) window.location.href = rows[current].dataset.href;
      else if (key === "x" && current >= 0) { const check = $("[data-row-check]", rows[current]); check.checked = !check.checked; updateBulk(); }
      else if (key === "/") { const search = $("[data-search]"); if (search) { event.preventDefault(); search.focus(); } }
      else if (key === "n") submit("[data-next-form]");
      return;
    }
    if (key === "a") submitDecision("approve");
    else if (key === "d") submitDecision("delist");
    else if (key === "X") submitDecision("reject");
    else if (key === "r" && message) { event.preventDefault(); message.dataset.pending = "request_info"; message.focus(); }
    else if (key === "j") click("[data-next]");
    else if (key === "k") click("[data-previous]");
    else if (key === "n") submit("[data-skip-form]");
    else if (key === "q") click("[data-queue-link]");
    else if (key === "e") {
      const mark = $("mark.evidence", $("[data-post-body]") || document);
      if (mark) { mark.scrollIntoView({ block: "center" }); mark.focus(); mark.classList.add("is-flash"); }
    }
  });
})();
