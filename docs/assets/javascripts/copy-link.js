/*
 * "Copy link" buttons on the Links for consultants page.
 *
 * The buttons are rendered hidden (the address itself is always visible and
 * selectable); this script shows them, and on click copies the section's
 * address on the site the reader is on: each button holds its link relative
 * to the page (data-copy-href), resolved against the page's own address, so
 * the copy is right wherever the site is published, whatever the build's
 * site URL. The shown addresses are rewritten the same way. A visible
 * "Copied" appears next to the button, and the page's polite live region
 * says it too. A group opened by its address (#links-framework) opens.
 * Material swaps pages without reloading (navigation.instant), so this runs
 * on every page view through `document$`; clicks are handled by one listener
 * on the document.
 */
(function () {
  "use strict";

  var COPIED = "Copied";
  var SELECTED = "Selected: press Ctrl+C or ⌘C to copy";

  function addressOf(button) {
    return new URL(button.getAttribute("data-copy-href"), window.location.href).href;
  }

  function reveal() {
    var buttons = document.querySelectorAll("button.section-link__copy[data-copy-href]");
    for (var i = 0; i < buttons.length; i++) {
      var code = buttons[i].parentNode.querySelector("code");
      if (code) {
        code.textContent = addressOf(buttons[i]);
      }
      buttons[i].hidden = false;
    }
    var target = window.location.hash && document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    var group = target && target.closest && target.closest("details.section-group");
    if (group) {
      group.open = true;
    }
  }

  function announce(message) {
    var status = document.querySelector(".copy-link__status");
    if (!status) {
      return;
    }
    // Clear first so that the same message is announced again on a second copy.
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = message;
    }, 50);
  }

  function show(button, message) {
    var marks = document.querySelectorAll("[data-copy-done]");
    for (var i = 0; i < marks.length; i++) {
      marks[i].textContent = "";
    }
    var mark = button.parentNode.querySelector("[data-copy-done]");
    if (mark) {
      mark.textContent = message;
    }
  }

  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function fallbackCopy(button) {
    var code = button.parentNode.querySelector("code");
    if (!code) {
      return false;
    }
    selectText(code);
    try {
      return document.execCommand("copy");
    } catch (error) {
      return false;
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.section-link__copy");
    if (!button) {
      return;
    }
    var url = addressOf(button);
    var done = function () {
      show(button, COPIED);
      announce("Link copied");
    };
    var failed = function () {
      if (fallbackCopy(button)) {
        done();
      } else {
        show(button, SELECTED);
        announce("Could not copy: the link is selected, copy it with your keyboard or menu");
      }
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(done, failed);
    } else {
      failed();
    }
  });

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(reveal);
  } else {
    document.addEventListener("DOMContentLoaded", reveal);
  }
  window.addEventListener("hashchange", reveal);
})();
