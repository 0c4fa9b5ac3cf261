public import Foundation

/// Writes a rendered report to a directory: the HTML page and one CSV file per figure beside it.
public enum ReportWriter {
    /// Writes `index.html` (or `fileName`) and the CSV files; creates the directory if needed.
    ///
    /// - Returns: The URL of the HTML file.
    @discardableResult
    public static func write(_ document: ReportDocument, to directory: URL, fileName: String = "index.html") throws
        -> URL
    {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let page = directory.appendingPathComponent(fileName)
        try Data(HTMLRenderer.render(document).utf8).write(to: page)
        for figure in document.figures {
            try Data(figure.csv.text.utf8).write(to: directory.appendingPathComponent(figure.csvFileName))
        }
        return page
    }
}
