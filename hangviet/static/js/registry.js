// Registry forms, in a static file because the Content-Security-Policy allows no inline script.
"use strict";

// Enter in a search box (an organiser's place name) searches; it must not submit the whole form.
document.addEventListener("keydown", (event) => {
  const target = event.target;
  if (event.key === "Enter" && target instanceof HTMLInputElement && "noSubmit" in target.dataset) {
    event.preventDefault();
    target.dispatchEvent(new Event("search"));
  }
});
