// Live reload for `lessons preview`: asks the preview server every 300 ms which rendering of
// the course it serves; when it is a newer one than this page's, reloads the page and puts it
// back where it was scrolled to. The server adds this script to every page it serves, with the
// page's rendering number in data-version; the site on disk never has it.
(function () {
  "use strict";
  const script = document.currentScript;
  const shown = script ? script.dataset.version : null;
  const key = "lessons-preview-scroll:" + location.pathname;
  const saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    const position = JSON.parse(saved);
    // Math and figures change the page's height as they appear: scroll once the page is
    // laid out, and again after KaTeX has typeset it.
    const restore = () => window.scrollTo(position.x, position.y);
    document.addEventListener("DOMContentLoaded", restore);
    window.addEventListener("load", () => {
      restore();
      setTimeout(restore, 50);
    });
  }
  async function poll() {
    try {
      const response = await fetch("/__preview/version", { cache: "no-store" });
      const version = (await response.text()).trim();
      if (shown !== null && version !== shown) {
        sessionStorage.setItem(key, JSON.stringify({ x: window.scrollX, y: window.scrollY }));
        location.reload();
        return;
      }
    } catch (error) {
      // The preview is restarting or stopped: keep asking.
    }
    setTimeout(poll, 300);
  }
  setTimeout(poll, 300);
})();
