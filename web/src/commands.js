// commands.js: the tasks the page offers, one per CLI command, and how each
// turns the page's choices into the command line it runs.
//
// A task's value is the CLI's command name (`report-period` is `report
// --period`), so an automated check can choose it by name.  `options` lists
// the controls shown for it (the data-opt blocks of page.html); args() builds
// the arguments in one fixed order, so the same choices always give the same
// command line (the JSON output records it).  formats: the --format values run
// for the downloads, csv first (its stdout is the #csv text); null for a
// command without --format, whose stdout is its one output.

export const COMMANDS = [
	{
		value: "validate",
		label: "Check files against the standard (validate)",
		about: "Lists every problem in the bed records (or episode files): the " +
			"file, the line, and what to do. Run this before a report or an " +
			"Ofsted return.",
		options: ["profile-file", "period", "filter", "today"],
		period: "optional",
		formats: ["csv", "html", "json", "xlsx"],
	},
	{
		value: "report",
		label: "Bed use on each snapshot date (report)",
		about: "How many approved foster beds were filled, vacant or unavailable " +
			"on each snapshot date, per LA and for the region, with and " +
			"without respite and emergency beds.",
		options: ["profile-file", "breakdown", "filter", "region-name", "today"],
		formats: ["csv", "html", "json", "xlsx"],
	},
	{
		value: "report-period",
		label: "Bed-nights over a period (report --period)",
		about: "From episode files (each bed's status from one date to " +
			"another): how many nights beds were filled, vacant or unavailable " +
			"over a period such as a quarter.",
		options: ["period", "filter", "region-name"],
		period: "required",
		formats: ["csv", "html", "json", "xlsx"],
	},
	{
		value: "trend",
		label: "Change between snapshots (trend)",
		about: "Bed records from several snapshot dates: each LA's utilisation " +
			"on each date and the change since its previous snapshot, with " +
			"a chart per LA.",
		options: ["profile-file", "filter", "region-name", "today"],
		formats: ["csv", "html", "json", "xlsx"],
	},
	{
		value: "reconcile",
		label: "Compare with an Ofsted return (reconcile)",
		about: "Compares the bed records with what each LA told Ofsted: the " +
			"counts as submitted, the standard counts, the difference and its " +
			"main causes.",
		options: ["ofsted-file", "profile-file", "bridge", "records-date", "year",
			"filter", "region-name", "today"],
		formats: ["csv", "html", "json", "xlsx"],
	},
	{
		value: "ofsted",
		label: "Ofsted's published fostering data (ofsted)",
		about: "Reads Ofsted's “Local authority level fostering data” CSV as " +
			"downloaded, one row per authority, and checks each region's " +
			"total against the sum of its authorities.",
		options: ["filter", "year"],
		filter: "region-only",
		formats: ["csv", "html", "json", "xlsx"],
	},
	{
		value: "costs",
		label: "Placement cost benchmark (costs)",
		about: "From placement cost records: each LA's average weekly cost " +
			"per placement type and date, the change since the previous date, " +
			"and the region's average, change and annualised change.",
		options: ["beds", "filter", "region-name", "today"],
		formats: ["csv", "html", "json", "xlsx"],
	},
	{
		value: "convert",
		label: "Turn a system export into standard records (convert)",
		about: "Reads your system's export through a mapping profile and " +
			"writes bed records in the standard's form, ready for the other " +
			"tasks.",
		options: ["profile-file", "today"],
		profile: "required",
		formats: null,
		output: { name: "converted.csv", type: "text/csv", what: "Standard bed records (CSV)" },
	},
	{
		value: "check-manifest",
		label: "Are these still the files a report read? (check-manifest)",
		about: "Reads a manifest saved by an earlier run and says, for each " +
			"file it lists, whether it is unchanged, changed or missing.",
		options: ["manifest-file"],
		noInputs: true,
		formats: ["csv", "html", "json", "xlsx"],
	},
	{
		value: "spec",
		label: "The standard: fields, codes and rules (spec)",
		about: "The regional bed-record standard as a catalogue: every field, " +
			"code and regional category, and every check with what to do. " +
			"Needs no files.",
		options: [],
		noInputs: true,
		formats: ["csv", "html", "json", "xlsx"],
	},
];

export const byValue = new Map(COMMANDS.map((c) => [c.value, c]));

// The page's choices as one object (app.js reads the controls into it); the
// names of the files are in the order given.
//   { command, files: [names], ofstedFile, profileFile, manifestFile,
//     periodFrom, periodTo, filter: "all"|"region"|"la", region, la,
//     regionName, breakdown, bridge, recordsDate, year, beds, today }
// Returns { args, problems }: args without --format (see withFormat), and
// what must be put right before the run, in plain words.
export function commandLine(cmd, s) {
	const on = (o) => cmd.options.includes(o);
	const args = [], problems = [];
	const roles = new Set();

	if (cmd.value === "report-period")
		args.push("report");
	else
		args.push(cmd.value);

	if (on("ofsted-file")) {
		if (!s.ofstedFile)
			problems.push("Choose which of your files is the Ofsted return.");
		else {
			args.push("--ofsted", s.ofstedFile);
			roles.add(s.ofstedFile);
		}
	}
	if (on("profile-file") && s.profileFile) {
		args.push("--profile", s.profileFile);
		roles.add(s.profileFile);
	} else if (cmd.profile === "required")
		problems.push("Choose the mapping profile (a .ini file) among your files.");
	if (on("breakdown") && s.breakdown)
		args.push("--breakdown", "reasons");
	if (on("period")) {
		if (s.periodFrom && s.periodTo)
			args.push("--period", s.periodFrom + ".." + s.periodTo);
		else if (cmd.period === "required" || s.periodFrom || s.periodTo)
			problems.push("Give both dates of the period, the first and the last day.");
	}
	if (on("bridge") && s.bridge)
		args.push("--bridge");
	if (on("records-date") && s.recordsDate)
		args.push("--records-date", s.recordsDate);
	if (on("year") && s.year.trim())
		args.push("--year", s.year.trim());
	if (on("beds") && s.beds)
		args.push("--beds");
	if (on("filter")) {
		if (s.filter === "region")
			args.push("--region", s.region);
		else if (s.filter === "la" && cmd.filter !== "region-only") {
			// Spaces around commas are a slip worth forgiving; anything
			// else goes to the program as typed, which says what is wrong.
			const codes = s.la.split(",").map((c) => c.trim()).filter((c) => c).join(",");
			if (!codes)
				problems.push("Type the LA codes to keep, like 851,867.");
			else
				args.push("--la", codes);
		}
	}
	if (on("region-name") && s.regionName.trim())
		args.push("--region-name", s.regionName.trim());
	if (on("today") && s.today)
		args.push("--today", s.today);

	let inputs = s.files.filter((f) => !roles.has(f));
	if (cmd.value === "check-manifest") {
		if (!s.manifestFile)
			problems.push("Choose which of your files is the manifest.");
		inputs = s.manifestFile ? [s.manifestFile] : [];
	} else if (cmd.noInputs)
		inputs = [];
	else if (!inputs.length)
		problems.push(s.files.length ? "Choose the data files as well: every file chosen above has another role." :
			"Choose one or more files first (step 1).");
	return { args, inputs, problems };
}

// The full command line of one run: --format (and -o for a workbook, which
// is never written to standard output) before the inputs, `--` when an
// input's name could be read as an option.
export function withFormat(line, format, out) {
	const a = line.args.slice();
	if (format) {
		a.push("--format", format);
		if (out)
			a.push("-o", out);
	}
	if (line.inputs.some((f) => f.startsWith("-")))
		a.push("--");
	return a.concat(line.inputs);
}

// A command line as a person would type it in a POSIX shell.
export function shellWords(args) {
	return ["fosterbeds"].concat(args).map((w) =>
		/^[A-Za-z0-9_.,:\/=+-]+$/.test(w) ? w : "'" + w.replace(/'/g, "'\\''") + "'").join(" ");
}
