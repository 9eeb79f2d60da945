// html-layout.js: measured in headless Chromium by tests/html-layout.sh,
// which injects it into a copy of a page (the pages ship without scripts).
// It writes its verdict into <pre id="layout-verdict">: one "OVERLAP:",
// "OUTSIDE:" or "CROSSED:" line per fault, then "CHECKED n".
(function () {
	var faults = [], checked = 0;

	function say(kind, what) { faults.push(kind + ": " + what); }
	function label(el) { return JSON.stringify((el.textContent || "").trim().slice(0, 40)); }
	function where(svg) {
		var f = svg.closest("figure"), li = svg.closest("li");
		var cap = (li && li.querySelector("figcaption")) || (f && f.querySelector("figcaption .t"));
		return cap ? cap.textContent.trim().slice(0, 60) : (svg.id || "an svg");
	}
	function overlap(a, b, slack) {
		return a.x0 + slack < b.x1 && b.x0 + slack < a.x1 &&
			a.y0 + slack < b.y1 && b.y0 + slack < a.y1;
	}

	// SVG text, in the chart's own units.  Horizontally getBBox(); vertically
	// the ink of the font from its baseline (cap height above, descenders
	// below), as line boxes are taller than what is drawn.
	document.querySelectorAll("svg").forEach(function (svg) {
		var vb = svg.viewBox.baseVal, boxes = [];

		svg.querySelectorAll("text").forEach(function (t) {
			if (!t.textContent.trim())
				return;
			var bb = t.getBBox(), fs = parseFloat(getComputedStyle(t).fontSize);
			var y = t.y.baseVal.numberOfItems ? t.y.baseVal.getItem(0).value : bb.y + bb.height;
			var b = { el: t, x0: bb.x, x1: bb.x + bb.width, y0: y - 0.78 * fs, y1: y + 0.22 * fs };

			checked++;
			if (vb && (b.x0 < -0.5 || b.x1 > vb.width + 0.5 || b.y0 < -0.5 || b.y1 > vb.height + 0.5))
				say("OUTSIDE", where(svg) + ": " + label(t) + " runs past the chart's edge");
			boxes.forEach(function (o) {
				if (overlap(b, o, 0.5))
					say("OVERLAP", where(svg) + ": " + label(o.el) + " and " + label(t));
			});
			boxes.push(b);
		});
		// The region's lines must pass clear of every text.
		svg.querySelectorAll("line.mark").forEach(function (l) {
			var x = l.x1.baseVal.value, y0 = Math.min(l.y1.baseVal.value, l.y2.baseVal.value),
			    y1 = Math.max(l.y1.baseVal.value, l.y2.baseVal.value);

			boxes.forEach(function (b) {
				if (x > b.x0 - 1 && x < b.x1 + 1 && y0 < b.y1 && b.y0 < y1)
					say("CROSSED", where(svg) + ": a region line crosses " + label(b.el));
			});
		});
	});

	// Page text outside the charts, in page pixels: every line box of every
	// text node, so text spilling out of a table cell counts too.
	var lines = [], walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (var n = walker.nextNode(); n; n = walker.nextNode()) {
		if (!n.textContent.trim() || n.parentElement.closest("svg,script,style,#layout-verdict"))
			continue;
		var r = document.createRange();
		r.selectNodeContents(n);
		Array.prototype.forEach.call(r.getClientRects(), function (q) {
			if (q.width > 0 && q.height > 0)
				lines.push({ el: n.parentElement, x0: q.left + scrollX, x1: q.right + scrollX,
					     y0: q.top + scrollY, y1: q.bottom + scrollY });
		});
	}
	checked += lines.length;
	lines.sort(function (a, b) { return a.y0 - b.y0; });
	for (var i = 0; i < lines.length; i++)
		for (var j = i + 1; j < lines.length && lines[j].y0 < lines[i].y1; j++)
			if (lines[i].el !== lines[j].el && overlap(lines[i], lines[j], 1))
				say("OVERLAP", "page text " + label(lines[i].el) + " and " + label(lines[j].el));

	var pre = document.createElement("pre");
	pre.id = "layout-verdict";
	pre.textContent = faults.concat(["CHECKED " + checked]).join("\n");
	document.body.appendChild(pre);
})();
