// The site's own assets: the stylesheet, the script that asks KaTeX to typeset the math and the
// script of interactive figures.
// They are package resources of LessonKit (Sources/LessonKit/Resources: edit them there as CSS
// and JavaScript) and are written into `assets/` by `renderSite`; nothing is fetched from the
// network.

import Foundation

/// The files of `Sources/LessonKit/Resources` every site gets in `assets/`, in the order they
/// are written:
/// - `site.css`, the stylesheet: readable type, a column that fits phones and wide screens,
///   light and dark colours from `prefers-color-scheme`, and a print layout without
///   navigation;
/// - `math.js`, which typesets `$$…$$` (display) and `$…$` (inline) with KaTeX's auto-render
///   once the page is loaded, leaving code, outputs and figures alone;
/// - `interactive.js`, which turns each interactive figure's sliders on and shows the frame of
///   their values (loaded only by pages that have such a figure).
/// - `language.js`, which makes the language switch land on the section the reader is at
///   (loaded only by pages of a site with translations).
let siteAssetNames = ["site.css", "math.js", "interactive.js", "language.js"]

/// The stylesheet of the API reference's pages (`api.css`, beside `site.css`), written only
/// into a site that has the reference.
let apiReferenceStylesheet = "api.css"

/// The text of one of LessonKit's site assets.
///
/// - Parameter name: A name of ``siteAssetNames``.
/// - Throws: ``SiteError`` when the resource bundle does not hold it.
func siteAsset(named name: String) throws(SiteError) -> String {
  guard
    let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources"),
    let text = try? String(contentsOf: url, encoding: .utf8)
  else {
    throw SiteError(
      "the site asset \(name) is missing from LessonKit's resource bundle "
        + "(\(Bundle.module.bundlePath)); rebuild the package with `swift build`")
  }
  return text
}

/// The site's stylesheet (`site.css`), or empty when the resource is missing.
var siteStylesheet: String { (try? siteAsset(named: "site.css")) ?? "" }

/// The script that typesets the math (`math.js`), or empty when the resource is missing.
var mathScript: String { (try? siteAsset(named: "math.js")) ?? "" }
