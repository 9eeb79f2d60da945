// text.js: reading what the program writes, for display only (downloads are
// the program's bytes, never these).

// RFC 4180 CSV (as the program writes it: "" inside quotes, CRLF or LF) to
// an array of rows of strings.  A trailing line end makes no empty row.
export function parseCsv(text) {
	const rows = [];
	let row = [], field = "", i = 0, quoted = false;
	while (i < text.length) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i += 2;
				continue;
			}
			if (c === '"')
				quoted = false;
			else
				field += c;
			i++;
			continue;
		}
		if (c === '"')
			quoted = true;
		else if (c === ",") {
			row.push(field);
			field = "";
		} else if (c === "\n" || c === "\r") {
			if (c === "\r" && text[i + 1] === "\n")
				i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = "";
		} else
			field += c;
		i++;
	}
	if (field !== "" || row.length) {
		row.push(field);
		rows.push(row);
	}
	return rows;
}

// One finding as the program writes it on standard error:
//   FILE:LINE (row R, column C): severity CODE: message
// (the column is left out when the finding is about a whole row).  Returns
// { file, line, excel, severity, code, message } or null for any other line.
const FINDING = /^(.*?):(\d+(?:-\d+)?) \((row \d+(?:, column [A-Z]+)?)\): (error|warning|note) (FB\d+): (.*)$/;

export function parseFinding(line) {
	const m = FINDING.exec(line);
	if (!m)
		return null;
	return { file: m[1], line: m[2], excel: m[3], severity: m[4], code: m[5], message: m[6] };
}
