// Interactive figures: every frame was computed by the lesson's run and is stored in the page
// (script.figure-frames: the parameters, the distinct SVG pieces, each frame as piece numbers).
// This script only chooses the frame of the sliders' values. No network, no framework; without
// it the page shows the default frame, and so does print.
(function () {
  "use strict";

  function setUp(figure) {
    const data = JSON.parse(figure.querySelector("script.figure-frames").textContent);
    const holder = figure.querySelector(".figure-svg");
    const controls = figure.querySelector(".figure-controls");
    const sliders = Array.from(controls.querySelectorAll("input[type=range]"));
    const outputs = Array.from(controls.querySelectorAll("output"));
    const values = figure.querySelector(".figure-values");
    if (sliders.length !== data.parameters.length) return;
    // The frame in the page: the default one, inline. (A reload may restore other slider
    // values; the first update then shows their frame.)
    let shown = data.parameters.reduce(function (index, parameter) {
      return index * parameter.values.length + parameter.default;
    }, 0);

    // The first parameter varies slowest: frame = i0 * n1 + i1.
    function frameIndex() {
      return sliders.reduce(function (index, slider, k) {
        return index * data.parameters[k].values.length + Number(slider.value);
      }, 0);
    }

    function update() {
      const texts = sliders.map(function (slider, k) {
        const parameter = data.parameters[k];
        const value = parameter.values[Number(slider.value)];
        outputs[k].textContent = value;
        const text = parameter.label + " = " + value;
        slider.setAttribute("aria-valuetext", text);
        return text;
      });
      values.textContent = texts.join(" · ");
      const index = frameIndex();
      if (index !== shown) {
        holder.innerHTML = frameText(data, index);
        shown = index;
      }
      figure.setAttribute("data-frame", String(index));
    }

    sliders.forEach(function (slider) {
      slider.addEventListener("input", update);
    });
    controls.hidden = false;
    figure.classList.add("is-interactive");
    update();
  }

  // A frame's SVG: its pieces joined; the frame lists them as runs, "0-41 97 43-60".
  function frameText(data, index) {
    const parts = [];
    data.frames[index].split(" ").forEach(function (run) {
      if (run === "") return;
      const ends = run.split("-");
      const last = Number(ends[ends.length - 1]);
      for (let piece = Number(ends[0]); piece <= last; piece++) parts.push(data.pieces[piece]);
    });
    return parts.join("");
  }

  function start() {
    document.querySelectorAll("figure.interactive-figure").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
