// The language switch keeps the reader's place: a translated page gives its headings the ids of
// its English page's headings (the n-th heading of one is the n-th of the other), so the switch
// can carry the section over. When it is followed, its link gets the id of the section the
// reader is at: the heading the address names when it is on the screen, else the last heading
// above the top of the window. Without this script the switch opens the other page at its top.
(function () {
  "use strict";
  function currentSection() {
    var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (target) {
      var box = target.getBoundingClientRect();
      if (box.bottom > 0 && box.top < window.innerHeight) return target.id;
    }
    if (window.scrollY <= 0) return target ? target.id : "";
    var headings = document.querySelectorAll("article h1[id], article h2[id], article h3[id], article h4[id], article h5[id], article h6[id]");
    var found = "";
    for (var i = 0; i < headings.length; i++) {
      if (headings[i].getBoundingClientRect().top <= 80) found = headings[i].id;
      else break;
    }
    return found;
  }
  function follow(event) {
    var link = event.target.closest ? event.target.closest("a[data-keep-section]") : null;
    if (!link) return;
    var section = currentSection();
    var href = link.getAttribute("href").split("#")[0];
    link.setAttribute("href", section ? href + "#" + encodeURIComponent(section) : href);
  }
  // Before the link is followed: a click (mouse, touch, Enter), or a middle click or the
  // context menu, which open it elsewhere.
  document.addEventListener("click", follow, true);
  document.addEventListener("auxclick", follow, true);
  document.addEventListener("contextmenu", follow, true);
})();
