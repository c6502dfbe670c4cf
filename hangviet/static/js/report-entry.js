// Keep what the user typed in the warning explanations when htmx refreshes the checks panel:
// the panel is re-rendered from the server while the user may be typing a note.
(function () {
  let kept = {};
  let focused = null;
  document.body.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.target.id !== "checks") return;
    kept = {};
    event.detail.target.querySelectorAll("textarea[name^='note__']").forEach(function (area) {
      kept[area.name] = area.value;
    });
    focused = document.activeElement && document.activeElement.name && document.activeElement.name.startsWith("note__")
      ? {name: document.activeElement.name, start: document.activeElement.selectionStart}
      : null;
  });
  document.body.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target.id !== "checks" && !document.getElementById("checks").contains(event.detail.target)) return;
    document.querySelectorAll("#checks textarea[name^='note__']").forEach(function (area) {
      if (kept[area.name] !== undefined && area.value.trim() === "") area.value = kept[area.name];
      if (focused && focused.name === area.name) {
        area.focus();
        area.setSelectionRange(focused.start, focused.start);
      }
    });
  });
})();

// Mark the fields the live check points at (data-flagged="code:error code:warning" on the checks panel), so a
// user typing on a phone sees which field a warning is about without scrolling to the panel.
(function () {
  function mark() {
    const panel = document.getElementById("checks");
    if (!panel) return;
    const flagged = {};
    (panel.dataset.flagged || "").trim().split(/\s+/).forEach(function (pair) {
      const parts = pair.split(":");
      if (parts.length === 2) flagged[parts[0]] = parts[1];
    });
    document.querySelectorAll("input.hv-value").forEach(function (input) {
      const code = input.name.replace(/^value__/, "");
      const level = flagged[code];
      input.classList.toggle("is-invalid", level === "error");
      input.classList.toggle("hv-flag-warning", level === "warning");
      if (level) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    });
  }
  document.body.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target.id === "checks") mark();
  });
})();
