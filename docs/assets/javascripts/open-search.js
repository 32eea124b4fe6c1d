/*
 * "Search the guide" buttons (the 404 page): open Material's search, as its
 * own search button in the header does, and put the cursor in the field. The
 * buttons are rendered hidden and shown here, so no dead button is left when
 * scripts are off. Runs on every page view (document$), for instant navigation.
 */
(function () {
  "use strict";

  function reveal() {
    document.querySelectorAll("button[data-open-search][hidden]").forEach(function (button) {
      button.hidden = false;
    });
  }

  document.addEventListener("click", function (event) {
    if (!(event.target.closest && event.target.closest("button[data-open-search]"))) return;
    var toggle = document.getElementById("__search");
    var field = document.querySelector("[data-md-component=search-query]");
    if (toggle && !toggle.checked) toggle.click();
    if (field) field.focus();
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(reveal);
  } else {
    document.addEventListener("DOMContentLoaded", reveal);
  }
})();
