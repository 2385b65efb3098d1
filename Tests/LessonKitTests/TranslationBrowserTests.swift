// The site in two languages in headless Chromium (ChromiumSession.swift): a real mouse click on
// the language switch lands on the same section of the other page, and Chinese text is drawn
// with a CJK font (the platform font Chromium reports, glyph boxes and ink measured), not with
// boxes of a font that lacks the characters.

import Foundation
import Testing

@testable import LessonKit

/// A lesson of five long sections and its Chinese translation, long enough that each section
/// can be scrolled to the top of a 600-pixel window.
private func longCourse() -> (english: SitePage, chinese: SitePage) {
  let englishSections = ["First part", "Second part", "Third part", "Fourth part", "Fifth part"]
  let chineseSections = ["第一部分", "第二部分", "第三部分", "第四部分", "第五部分"]
  let englishParagraph = String(
    repeating: "Gradient descent takes a step against the gradient of the loss. ", count: 12)
  let chineseParagraph = String(repeating: "梯度下降沿着损失函数梯度的反方向走一步。", count: 12)
  func lesson(_ title: String, _ sections: [String], _ paragraph: String) -> String {
    var text = "# \(title)\n\n\(paragraph)\n\n"
    for section in sections {
      text += "## \(section)\n\n" + String(repeating: paragraph + "\n\n", count: 4)
    }
    return text
  }
  let english = lesson("Descent", englishSections, englishParagraph)
  let chinese = lesson("梯度下降", chineseSections, chineseParagraph)
  return (
    fixturePage(english, path: "Lessons/01-long.md"),
    SitePage(
      lesson: fixtureLesson(chinese, path: "Lessons/zh/01-long.md"), source: chinese,
      language: .chinese)
  )
}

/// Clicks the left mouse button at the centre of the element `selector` (trusted events: the
/// page's listeners run and the default action follows).
private func click(_ page: ChromiumPage, _ selector: String) throws {
  let x = try page.number(
    "(() => { const r = document.querySelector('\(selector)').getBoundingClientRect(); "
      + "return r.left + r.width / 2; })()")
  let y = try page.number(
    "(() => { const r = document.querySelector('\(selector)').getBoundingClientRect(); "
      + "return r.top + r.height / 2; })()")
  for type in ["mousePressed", "mouseReleased"] {
    try page.call(
      "Input.dispatchMouseEvent",
      ["type": type, "x": x, "y": y, "button": "left", "clickCount": 1])
  }
}

/// Waits until the tab shows a loaded document whose path ends with `suffix` (polls; the
/// navigation destroys the old document, whose evaluations then fail).
private func waitForDocument(_ page: ChromiumPage, pathEndingWith suffix: String) throws {
  for _ in 0..<200 {
    if let state = try? page.string(
      "location.pathname.endsWith('\(suffix)') && document.readyState === 'complete' "
        + "? 'ready' : 'waiting'"), state == "ready"
    {
      _ = try page.evaluate("document.fonts.ready.then(() => true)")
      return
    }
    Thread.sleep(forTimeInterval: 0.05)
  }
  throw ChromiumSessionError(description: "no document at …\(suffix) after 10 s")
}

@Suite(.serialized) struct TranslationBrowserTests {
  @Test func theLanguageSwitchLandsOnTheSameSection() throws {
    guard let chromium = chromiumPath() else {
      Issue.record(Comment(rawValue: chromiumMissing))
      return
    }
    let folder = try temporaryFolder("language-switch")
    defer { try? FileManager.default.removeItem(at: folder) }
    let site = folder.appendingPathComponent("site")
    let course = longCourse()
    let report = try renderSite(
      [course.english], courseTitle: "Descent", to: site.path,
      translations: [SiteTranslation(language: .chinese, pages: [course.chinese])])
    #expect(report.warnings.isEmpty)
    let browser = try ChromiumSession(
      chromium: chromium, profile: folder.appendingPathComponent("profile"))
    let url = site.appendingPathComponent("01-long.html").absoluteString
    let page = try browser.open(url + "#third-part") { page in
      try page.call(
        "Emulation.setDeviceMetricsOverride",
        ["width": 1000, "height": 600, "deviceScaleFactor": 1, "mobile": false])
    }
    // The address's section is at the top of the window, below the header (its scroll margin
    // is 3.5rem).
    #expect(try page.number("window.scrollY") > 600)
    #expect(
      abs(try page.number("document.getElementById('third-part').getBoundingClientRect().top"))
        < 80)

    // A real click on 中文: the Chinese page, at its third section.
    try click(page, ".language-switch a")
    try waitForDocument(page, pathEndingWith: "/zh/01-long.html")
    #expect(try page.string("location.hash") == "#third-part")
    #expect(try page.string("document.documentElement.lang") == "zh-Hans")
    #expect(try page.string("document.getElementById('third-part').textContent") == "第三部分 #")
    let top = try page.number(
      "document.getElementById('third-part').getBoundingClientRect().top")
    #expect(top >= 40 && top < 80, "the section's heading is \(top) px below the top")

    // Scrolled by hand to the fifth section (the address still names the third): the switch
    // takes the section on the screen back to English.
    _ = try page.evaluate(
      "window.scrollTo(0, document.getElementById('fifth-part').getBoundingClientRect().top "
        + "+ window.scrollY - 60); true")
    try click(page, ".language-switch a")
    try waitForDocument(page, pathEndingWith: "/site/01-long.html")
    #expect(try page.string("location.hash") == "#fifth-part")
    #expect(try page.string("document.getElementById('fifth-part').textContent") == "Fifth part #")
    let back = try page.number(
      "document.getElementById('fifth-part').getBoundingClientRect().top")
    #expect(back >= 40 && back < 80, "the section's heading is \(back) px below the top")

    // At the top of a page the switch goes to the other page's top.
    _ = try page.evaluate("history.replaceState(null, '', location.pathname); scrollTo(0, 0); true")
    try click(page, ".language-switch a")
    try waitForDocument(page, pathEndingWith: "/zh/01-long.html")
    #expect(try page.string("location.hash") == "")
    #expect(try page.number("window.scrollY") == 0)
    #expect(page.messages.isEmpty, "\(page.messages)")
  }

  @Test func chineseTextIsDrawnWithACJKFont() throws {
    guard let chromium = chromiumPath() else {
      Issue.record(Comment(rawValue: chromiumMissing))
      return
    }
    let (folder, site, _) = try renderedTranslatedCourse("cjk-font")
    defer { try? FileManager.default.removeItem(at: folder) }
    let browser = try ChromiumSession(
      chromium: chromium, profile: folder.appendingPathComponent("profile"))
    let page = try browser.open(
      site.appendingPathComponent("zh/01-gradient-descent.html").absoluteString)

    // The stylesheet's stack for Chinese pages, CJK system fonts first.
    let family = try page.string("getComputedStyle(document.body).fontFamily")
    #expect(family.hasPrefix("\"PingFang SC\", \"Hiragino Sans GB\", \"Microsoft YaHei\""))

    // The font Chromium really drew the first paragraph with: one of the stack's CJK fonts
    // (this machine and CI have Debian's fonts-wqy-microhei).
    try page.call("DOM.enable")
    try page.call("CSS.enable")
    let document = try page.call("DOM.getDocument")
    let rootID = (document["root"] as? [String: Any])?["nodeId"] as? Int ?? 0
    let paragraph = try page.call(
      "DOM.querySelector", ["nodeId": rootID, "selector": "article > p"])
    let fonts = try page.call(
      "CSS.getPlatformFontsForNode", ["nodeId": paragraph["nodeId"] as? Int ?? 0])
    let names = (fonts["fonts"] as? [[String: Any]] ?? []).compactMap {
      $0["familyName"] as? String
    }
    let cjkFonts = [
      "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC",
      "Source Han Sans SC", "WenQuanYi Micro Hei",
    ]
    #expect(names.contains { cjkFonts.contains($0) }, "platform fonts: \(names)")

    // Glyph boxes: eight distinct characters in a line are about eight ems wide (a CJK font's
    // characters are square, an em each), and each draws its own ink: drawn alone on a canvas
    // with the paragraph's font, no two give the same pixels (a font without them would draw
    // the same box eight times) and none is blank.
    let measured =
      try page.evaluate(
        """
        (() => {
          const text = "梯度下降学习率动";
          const p = document.querySelector("article > p");
          const span = document.createElement("span");
          span.textContent = text;
          span.style.whiteSpace = "nowrap";
          p.appendChild(span);
          const style = getComputedStyle(span);
          const size = parseFloat(style.fontSize);
          const width = span.getBoundingClientRect().width;
          const canvas = document.createElement("canvas");
          canvas.width = Math.ceil(size * 2);
          canvas.height = Math.ceil(size * 2);
          const context = canvas.getContext("2d", { willReadFrequently: true });
          context.font = style.fontSize + " " + style.fontFamily;
          context.textBaseline = "top";
          const inks = [];
          for (const character of text) {
            context.clearRect(0, 0, canvas.width, canvas.height);
            context.fillText(character, size / 2, size / 2);
            const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
            let ink = 0, signature = 0;
            for (let i = 3; i < pixels.length; i += 4) {
              if (pixels[i] > 0) { ink++; signature = (signature * 31 + i * pixels[i]) % 1000000007; }
            }
            inks.push([ink, signature]);
          }
          return JSON.stringify({ size, width, count: [...text].length, inks });
        })()
        """) as? String ?? "{}"
    struct Measure: Decodable {
      var size: Double
      var width: Double
      var count: Int
      var inks: [[Int]]
    }
    let measure = try JSONDecoder().decode(Measure.self, from: Data(measured.utf8))
    #expect(measure.count == 8 && measure.size > 10)
    // Within 10 % of an em per character (WenQuanYi's CJK advance is exactly one em).
    let perCharacter = measure.width / Double(measure.count)
    #expect(
      abs(perCharacter / measure.size - 1) < 0.1,
      "\(perCharacter) px a character at \(measure.size) px")
    #expect(measure.inks.allSatisfy { $0[0] > 20 }, "\(measure.inks)")
    #expect(Set(measure.inks.map { $0[1] }).count == 8, "\(measure.inks)")
    #expect(page.messages.isEmpty, "\(page.messages)")
  }
}
