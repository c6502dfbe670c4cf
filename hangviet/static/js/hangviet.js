// Behaviour shared by every page, in a static file because the Content-Security-Policy allows no inline script.
"use strict";

// A form marked data-go-to-choice="FIELD" goes to the URL chosen in its select FIELD (the period picker).
document.addEventListener("submit", (event) => {
  const form = event.target;
  const field = form instanceof HTMLFormElement ? form.dataset.goToChoice : undefined;
  if (field && form.elements[field]) {
    event.preventDefault();
    window.location.assign(form.elements[field].value);
  }
});

// A checkbox marked data-select-all="NAME" ticks or clears every checkbox named NAME (of its form, or joined to
// a form by form="..."), and follows them: ticked when all are, mixed when some are.
document.addEventListener("change", (event) => {
  const box = event.target;
  if (!(box instanceof HTMLInputElement) || box.type !== "checkbox") return;
  if (box.dataset.selectAll) {
    document.querySelectorAll(`input[type=checkbox][name="${box.dataset.selectAll}"]`).forEach((item) => {
      item.checked = box.checked;
    });
    return;
  }
  document.querySelectorAll(`input[data-select-all="${box.name}"]`).forEach((all) => {
    const items = [...document.querySelectorAll(`input[type=checkbox][name="${box.name}"]`)];
    const ticked = items.filter((item) => item.checked).length;
    all.checked = ticked === items.length && ticked > 0;
    all.indeterminate = ticked > 0 && ticked < items.length;
  });
});

// A multiple select marked data-searchable gets a search box above it: typing narrows the options (accents
// ignored), the chosen ones stay chosen. For the long lists of coordinating units on a plan.
const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
document.querySelectorAll("select[data-searchable]").forEach((select) => {
  const search = document.createElement("input");
  search.type = "search";
  search.className = "form-control form-control-sm mb-1";
  search.placeholder = document.documentElement.lang === "en" ? "Search…" : "Tìm đơn vị…";
  search.setAttribute("aria-label", select.getAttribute("aria-label") || "");
  search.addEventListener("input", () => {
    const wanted = fold(search.value.trim());
    [...select.options].forEach((option) => {
      option.hidden = wanted !== "" && !option.selected && !fold(option.text).includes(wanted);
    });
  });
  select.before(search);
});
