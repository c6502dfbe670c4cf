// "Thêm nhiệm vụ" on the plan writing page: clones the formset's empty row (a static file: the CSP allows no
// inline script). Without JavaScript the page still offers one spare row on each save.
"use strict";

(() => {
  const button = document.getElementById("add-task");
  const template = document.getElementById("task-empty");
  const rows = document.getElementById("task-rows");
  const total = document.getElementById("id_task-TOTAL_FORMS");
  if (!button || !template || !rows || !total) return;
  button.hidden = false;
  button.addEventListener("click", () => {
    const index = Number(total.value);
    const html = template.innerHTML.replaceAll("__prefix__", String(index));
    rows.insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
    const added = rows.lastElementChild;
    const first = added && added.querySelector("input, textarea, select");
    if (first) first.focus();
  });
})();
