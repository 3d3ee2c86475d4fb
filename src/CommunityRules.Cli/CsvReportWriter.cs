using CommunityRules.Diagnostics;
using CommunityRules.Reporting;
using CsvHelper;

namespace CommunityRules.Cli;

/// <summary>
/// Writes the findings as a spreadsheet: one row per finding, suppressed and silent ones included as in the JSON report,
/// in the run's order (docs/output-formats.md, "CSV"). RFC 4180 (comma, CRLF, quotes where needed), UTF-8 with a byte
/// order mark so that Excel shows å, ä and ö. A value that a spreadsheet would run as a formula (one that starts with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return) gets a leading <c>'</c>.
/// </summary>
/// <remarks>Lives in the tool, not the core package, so that the core does not depend on CsvHelper.</remarks>
internal sealed class CsvReportWriter : IReportWriter
{
    /// <summary>The columns, in order.</summary>
    internal static readonly string[] Columns =
    [
        "rule", "severity", "targetKind", "targetId", "targetName", "groupId", "groupName",
        "responsible", "informed", "message", "baselineState", "suppressed", "fingerprint",
    ];

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = true,
    };

    /// <inheritdoc/>
    public string Format => "csv";

    /// <inheritdoc/>
    public async Task WriteAsync(AnalysisReport report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);

        var responsible = report.Responsible;
        var writer = CsvWriter.Create(output, Options, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            writer.WriteHeader(Columns);
            foreach (var diagnostic in report.Result.Diagnostics)
            {
                var target = diagnostic.Target;
                var groupId = ResponsiblePeople.GroupIdOf(target);
                var people = responsible.For(diagnostic);
                await writer.WriteRecordAsync(
                    [
                        diagnostic.Rule.Id,
                        ReportFormatting.SeverityName(diagnostic.Severity),
                        target.KindName,
                        target.Id,
                        target.Name,
                        groupId,
                        groupId is null ? null : responsible.GroupName(groupId),
                        People(people, primary: true),
                        People(people, primary: false),
                        diagnostic.Message,

                        // Empty without --baseline; the baseline's absent findings are not rows: the sheet lists what is open now.
                        report.Comparison is { } comparison ? ReportFormatting.BaselineStateName(comparison.StateOf(diagnostic)) : null,
                        diagnostic.IsSuppressed ? "yes" : "no",
                        diagnostic.Fingerprint,
                    ],
                    cancellationToken).ConfigureAwait(false);
            }

            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Names people as <c>Anna Nyström (p-anna, author); Åsa Lindqvist (p-asa, admin)</c>.</summary>
    private static string People(IReadOnlyList<ResponsiblePerson> people, bool primary) =>
        string.Join("; ", people.Where(person => person.Primary == primary).Select(person => $"{person.Name} ({person.Id}, {person.RoleName})"));
}
