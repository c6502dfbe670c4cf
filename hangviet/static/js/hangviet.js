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
