namespace CommunityRules.Reporting;

/// <summary>
/// A sink that turns the outcome of a run into one output format, such as JSON or SARIF. A writer is stateless and
/// safe to share; it writes to the stream it is given and leaves the stream open.
/// </summary>
public interface IReportWriter
{
    /// <summary>Gets the short name of the format, as hosts offer it (<c>json</c>, <c>sarif</c>).</summary>
    string Format { get; }

    /// <summary>Writes a report.</summary>
    /// <param name="report">What to report: the run's result, the rule set and the tool's version.</param>
    /// <param name="output">Where to write; the writer does not close it.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the report is written and flushed to <paramref name="output"/>.</returns>
    Task WriteAsync(AnalysisReport report, Stream output, CancellationToken cancellationToken);
}
