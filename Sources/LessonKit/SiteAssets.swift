// The site's own assets: the stylesheet and the script that asks KaTeX to typeset the math.
// Both are written into `assets/` by `renderSite`; nothing is fetched from the network.

/// The script that typesets `$$…$$` (display) and `$…$` (inline) with KaTeX's auto-render
/// once the page is loaded; code, outputs and figures are left alone.
let mathScript = """
  // Typesets the math of the page with the local copy of KaTeX (see assets/katex).
  document.addEventListener("DOMContentLoaded", function () {
    renderMathInElement(document.body, {
      delimiters: [
        { left: "$$", right: "$$", display: true },
        { left: "$", right: "$", display: false }
      ],
      ignoredTags: ["script", "noscript", "style", "textarea", "pre", "code", "option", "samp"],
      ignoredClasses: ["figure-svg", "output", "failure", "mismatch", "dollar"]
    });
  });

  """

/// The site's stylesheet: readable type, a column that fits phones and wide screens, light and
/// dark colours from `prefers-color-scheme`, and a print layout without navigation.
let siteStylesheet = """
  /* Descent lessons: the site's own stylesheet (no web fonts; KaTeX brings its own). */
  :root {
    --text: #1d1f21;
    --muted: #5b6169;
    --background: #fdfdfc;
    --surface: #f3f4f2;
    --border: #d9dcd6;
    --accent: #1f5fa8;
    --code-background: #f5f6f3;
    --output-background: #eef3f8;
    --warning-background: #fff4e0;
    --warning-border: #d08a00;
    --failure-background: #fdeceb;
    --failure-border: #c0392b;
    --solution-background: #edf7ee;
    --solution-border: #2e7d32;
    --kw: #a0217c;
    --str: #b3401a;
    --num: #1c5fae;
    --com: #6a737d;
    --type: #177272;
    --attr: #7a5b00;
    color-scheme: light dark;
  }
  @media (prefers-color-scheme: dark) {
    :root {
      --text: #e3e4e2;
      --muted: #a3a8ae;
      --background: #17191b;
      --surface: #202326;
      --border: #3a3f44;
      --accent: #7fb2ee;
      --code-background: #1f2226;
      --output-background: #1b2430;
      --warning-background: #33290f;
      --warning-border: #d9a441;
      --failure-background: #3a1d1b;
      --failure-border: #e06c5f;
      --solution-background: #16281a;
      --solution-border: #66bb6a;
      --kw: #e58fd3;
      --str: #f0a070;
      --num: #8cc4ff;
      --com: #8b949e;
      --type: #6fd3c9;
      --attr: #e5c07b;
    }
    .figure-svg svg { background: #fdfdfc; border-radius: 4px; }
  }
  *, *::before, *::after { box-sizing: border-box; }
  html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
  body {
    margin: 0;
    color: var(--text);
    background: var(--background);
    font-family: Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, serif;
    font-size: 1.0625rem;
    line-height: 1.6;
  }
  a { color: var(--accent); text-underline-offset: 0.15em; }
  h1, h2, h3, h4, h5, h6 {
    font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", sans-serif;
    line-height: 1.25;
    margin: 2em 0 0.6em;
    scroll-margin-top: 1rem;
  }
  h1 { font-size: 2rem; margin-top: 0.5em; }
  .anchor { margin-left: 0.25em; color: var(--muted); text-decoration: none; opacity: 0; }
  h2:hover .anchor, h3:hover .anchor, h4:hover .anchor, .anchor:focus { opacity: 1; }
  h2 { font-size: 1.45rem; border-bottom: 1px solid var(--border); padding-bottom: 0.2em; }
  h3 { font-size: 1.2rem; }
  p, ul, ol, blockquote, table { margin: 0 0 1em; }
  blockquote {
    margin-left: 0;
    padding: 0.1em 1em;
    border-left: 4px solid var(--border);
    color: var(--muted);
  }
  img, svg { max-width: 100%; height: auto; }
  table { border-collapse: collapse; display: block; overflow-x: auto; }
  th, td { border: 1px solid var(--border); padding: 0.3em 0.6em; }
  code, pre, samp, kbd {
    font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace;
    font-size: 0.88em;
  }
  :not(pre) > code {
    background: var(--code-background);
    border-radius: 3px;
    padding: 0.1em 0.3em;
  }
  pre {
    margin: 0 0 1em;
    padding: 0.8em 1em;
    overflow-x: auto;
    line-height: 1.45;
    background: var(--code-background);
    border: 1px solid var(--border);
    border-radius: 6px;
    tab-size: 4;
  }
  pre code, pre samp { font-size: inherit; background: none; padding: 0; }
  .katex-display { overflow-x: auto; overflow-y: hidden; padding: 0.2em 0; }

  .site-header {
    padding: 0.7rem 1.25rem;
    border-bottom: 1px solid var(--border);
    background: var(--surface);
    font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
    font-weight: 600;
  }
  .site-header a { color: var(--text); text-decoration: none; }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    max-width: 76rem;
    margin: 0 auto;
    padding: 1rem 1.25rem 3rem;
    gap: 2.5rem;
  }
  main { max-width: 46rem; min-width: 0; margin: 0 auto; width: 100%; }
  main.index { padding: 1rem 1.25rem 3rem; }
  @media (min-width: 64rem) {
    .layout { grid-template-columns: 15rem minmax(0, 46rem); justify-content: center; }
    .toc { position: sticky; top: 1rem; align-self: start; max-height: calc(100vh - 2rem);
      overflow-y: auto; }
    main { margin: 0; }
  }
  .toc {
    font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
    font-size: 0.9rem;
    line-height: 1.4;
  }
  .toc h2 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.06em;
    color: var(--muted); border: 0; margin: 1rem 0 0.5rem; }
  .toc ol { list-style: none; padding-left: 0; margin: 0; }
  .toc ol ol { padding-left: 0.9rem; }
  .toc li { margin: 0.25em 0; }
  .toc a { color: var(--muted); text-decoration: none; }
  .toc a:hover { color: var(--accent); text-decoration: underline; }

  .snippet pre.code { margin-bottom: 0.4em; }
  .output pre {
    background: var(--output-background);
    border-style: dashed;
  }
  .output pre::before {
    content: "Output";
    display: block;
    font-family: system-ui, sans-serif;
    font-size: 0.72rem;
    text-transform: uppercase;
    letter-spacing: 0.06em;
    color: var(--muted);
    margin-bottom: 0.3em;
  }
  .kw { color: var(--kw); font-weight: 600; }
  .str { color: var(--str); }
  .interp { color: var(--text); font-weight: 600; }
  .num { color: var(--num); }
  .com { color: var(--com); font-style: italic; }
  .type { color: var(--type); }
  .attr { color: var(--attr); }

  figure.figure { margin: 1em 0 1.5em; text-align: center; }
  .figure-svg { display: block; overflow-x: auto; }
  .figure-svg svg { display: inline-block; max-width: 100%; height: auto; }
  figcaption { margin-top: 0.4em; font-size: 0.92rem; color: var(--muted); }

  .failure, .mismatch {
    margin: 0 0 1em;
    padding: 0.6em 1em;
    border-left: 5px solid;
    border-radius: 4px;
  }
  .failure { background: var(--failure-background); border-color: var(--failure-border); }
  .mismatch { background: var(--warning-background); border-color: var(--warning-border); }
  .failure p, .mismatch p { margin: 0 0 0.4em; }
  .failure pre, .mismatch pre { margin: 0; background: transparent; }
  .note { color: var(--muted); font-style: italic; font-size: 0.92rem; }

  .solution-box {
    margin: 1em 0 1.5em;
    padding: 0.5em 0.7em 0.1em;
    background: var(--solution-background);
    border-left: 5px solid var(--solution-border);
    border-radius: 4px;
  }
  .solution-label {
    margin: 0 0 0.4em;
    color: var(--solution-border);
    font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
    font-weight: 700;
    font-size: 0.85rem;
    letter-spacing: 0.06em;
    text-transform: uppercase;
  }

  .pager {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 1rem;
    margin-top: 3rem;
    padding-top: 1rem;
    border-top: 1px solid var(--border);
    font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  }
  .pager .next { margin-left: auto; text-align: right; }

  .lessons { padding-left: 1.4em; }
  .lessons li { margin-bottom: 1em; }
  .lessons li > a { font-weight: 600; font-size: 1.1rem; }
  .lessons p { margin: 0.2em 0 0; color: var(--muted); }
  .lessons .failed { color: var(--failure-border); }
  .start { font-size: 1.1rem; }

  @media print {
    :root {
      --text: #000; --muted: #333; --background: #fff; --surface: #fff; --border: #999;
      --accent: #000; --code-background: #fff; --output-background: #fff;
    }
    body { font-size: 11pt; }
    .site-header, .toc, .pager, .anchor { display: none; }
    .layout { display: block; padding: 0; max-width: none; }
    main { max-width: none; }
    pre { white-space: pre-wrap; overflow: visible; border-color: #999; }
    pre, figure, .failure, .mismatch { break-inside: avoid; }
    .solution-box { background: #fff; border: 1px solid #000; border-left: 5px solid #000; }
    .solution-label { color: #000; }
    h1, h2, h3 { break-after: avoid; }
    a { text-decoration: none; }
  }

  """
