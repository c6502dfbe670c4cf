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
