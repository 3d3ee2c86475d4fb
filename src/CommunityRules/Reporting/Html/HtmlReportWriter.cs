using CommunityRules.Reporting.Html;

namespace CommunityRules.Reporting;

/// <summary>
/// Writes a report as one self-contained HTML5 page for a communications team's quarterly review: an overview with
/// counts per severity, findings by rule, merge candidates, inactive groups with activity sparklines, creation and
/// admin problems, charts (activity heat-map, groups per country, findings per category), the other findings, the
/// findings per responsible person (each person once, with their groups) and the suppressed ones with their exemptions.
/// </summary>
/// <remarks>
/// The page loads nothing: styles are inline, charts are inline SVG drawn by the writer, there is no script, and a
/// content security policy forbids loading anything; the only addresses in it are the rules' help links. All text
/// from the data is HTML-encoded. The output is UTF-8 without a byte order mark with <c>\n</c> newlines, and the
/// same run always gives the same bytes, whatever the machine's culture. It prints on A4 with tables and charts kept
/// whole. Findings at severity silent are counted but not listed, as on the console.
/// </remarks>
public sealed class HtmlReportWriter : IReportWriter
{
    /// <inheritdoc/>
    public string Format => "html";

    /// <inheritdoc/>
    public async Task WriteAsync(AnalysisReport report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);

        await ReportDocument.WriteAsync(report, output, cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
