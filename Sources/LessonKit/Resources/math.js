// Typesets the math of the page with the local copy of KaTeX (see assets/katex).
document.addEventListener("DOMContentLoaded", function () {
  renderMathInElement(document.body, {
    delimiters: [
      { left: "$$", right: "$$", display: true },
      { left: "$", right: "$", display: false }
    ],
    ignoredTags: ["script", "noscript", "style", "textarea", "pre", "code", "option", "samp"],
    ignoredClasses: [
      "figure-svg", "figure-controls", "figure-values", "output", "failure", "mismatch", "dollar"
    ]
  });
});
