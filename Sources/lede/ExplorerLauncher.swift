import ArticleModel

struct ExplorerOptions {
  var noColor: Bool
  var mouse: Bool
}

/// Opens the interactive explorer. Until the explorer lands, prints the report.
func launchExplorer(_ analyses: [Analysis], options: ExplorerOptions) throws {
  for a in analyses { writeStdout(Report.text(a)) }
}
