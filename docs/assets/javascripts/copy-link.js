/*
 * "Copy link" buttons on the Links for consultants page.
 *
 * The buttons are rendered hidden (the address itself is always visible and
 * selectable); this script shows them and copies the absolute address on
 * click, then says "Link copied" through the page's polite live region.
 * Material swaps pages without reloading (navigation.instant), so buttons are
 * revealed on every page view through `document$`, and clicks are handled by
 * one listener on the document.
 */
(function () {
  "use strict";

  function reveal() {
    var buttons = document.querySelectorAll("button.section-link__copy[hidden]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
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
    var url = button.getAttribute("data-copy-url");
    var done = function () {
      announce("Link copied");
    };
    var failed = function () {
      if (fallbackCopy(button)) {
        done();
      } else {
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
})();
