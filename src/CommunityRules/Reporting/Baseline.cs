using CommunityRules.Diagnostics;

namespace CommunityRules.Reporting;

/// <summary>
/// The findings of an earlier run, to compare a run with: read from an earlier JSON or SARIF report
/// (<see cref="Load(string)"/>) or supplied by a store of runs.
/// </summary>
public sealed class Baseline
{
    /// <summary>Initializes a new instance of the <see cref="Baseline"/> class.</summary>
    /// <param name="origin">Where the findings come from, as reports name it: a file name, or a run's id and time.</param>
    /// <param name="findings">The findings of the earlier run, in its order.</param>
    public Baseline(string origin, IEnumerable<BaselineFinding> findings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(origin);
        ArgumentNullException.ThrowIfNull(findings);
        Origin = origin;
        Findings = [.. findings];
    }

    /// <summary>Gets where the findings come from, as reports name it: <c>last-quarter.sarif</c>, <c>run 42 (2026-09-30)</c>.</summary>
    public string Origin { get; }

    /// <summary>Gets the file the baseline was read from.</summary>
    /// <value>The default value is <see langword="null"/>: not read from a file.</value>
    public string? File { get; init; }

    /// <summary>Gets the identifier of the stored run the baseline is.</summary>
    /// <value>The default value is <see langword="null"/>: not a stored run.</value>
    public string? RunId { get; init; }

    /// <summary>Gets when the earlier run was made.</summary>
    /// <value>The default value is <see langword="null"/>: not known (a report file does not say when it was written).</value>
    public DateTimeOffset? RecordedAt { get; init; }

    /// <summary>Gets the findings of the earlier run, in its order.</summary>
    public IReadOnlyList<BaselineFinding> Findings { get; }

    /// <summary>
    /// Reads a baseline from an earlier report of this tool: its JSON report (<c>--format json</c>) or its SARIF log
    /// (<c>--format sarif</c>), told apart by their content.
    /// </summary>
    /// <param name="path">The report file.</param>
    /// <returns>The findings of the report, with the file's name as <see cref="Origin"/>.</returns>
    /// <exception cref="InvalidDataException">The file cannot be read, is not JSON, or is not a report of this tool; the message names the file and what is wrong.</exception>
    public static Baseline Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return BaselineReader.Read(path);
    }

    /// <summary>Makes a baseline of a run recorded in a history store (<c>check --history</c>).</summary>
    /// <param name="run">The stored run.</param>
    /// <param name="findings">Its findings, suppressed ones included, as <see cref="History.IRunStore.GetFindingsAsync"/> gives them.</param>
    /// <returns>The baseline, named <c>run N (YYYY-MM-DD)</c>.</returns>
    public static Baseline FromRun(History.RunInfo run, IEnumerable<History.RecordedFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(findings);
        var origin = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"run {run.Id} ({run.AsOf:yyyy-MM-dd})");
        return new Baseline(origin, findings
            .Select(finding => new BaselineFinding(
                finding.Fingerprint,
                finding.RuleId,
                finding.Severity,
                finding.Message,
                new DiagnosticTarget(BaselineReader.ParseKind(finding.TargetKind) ?? TargetKind.Record, finding.TargetId, finding.TargetName, finding.GroupId))))
        {
            RunId = run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            RecordedAt = run.RecordedAt,
        };
    }

    /// <summary>Compares a run's findings with this baseline.</summary>
    /// <param name="diagnostics">The findings of the run, as <see cref="Engine.AnalysisResult.Diagnostics"/> gives them.</param>
    /// <returns>The state of each finding and the baseline's findings that are gone.</returns>
    public BaselineComparison Compare(IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        return BaselineComparison.Create(this, diagnostics);
    }
}

/// <summary>One finding of an earlier run, as much of it as a comparison needs and a report lists.</summary>
/// <param name="Fingerprint">The finding's fingerprint (<see cref="Diagnostic.Fingerprint"/>).</param>
/// <param name="RuleId">The rule that reported it.</param>
/// <param name="Severity">Its severity in force then.</param>
/// <param name="Message">Its message then.</param>
/// <param name="Target">What it was about: kind, id, and name and group where the report gave them.</param>
public sealed record BaselineFinding(string Fingerprint, string RuleId, Severity Severity, string Message, DiagnosticTarget Target);

/// <summary>How a finding compares with a baseline, as SARIF 2.1.0 names it (§3.27.24, <c>baselineState</c>).</summary>
public enum BaselineState
{
    /// <summary>Not in the baseline.</summary>
    New,

    /// <summary>In the baseline with the same severity and message.</summary>
    Unchanged,

    /// <summary>In the baseline (same fingerprint) with another severity or message.</summary>
    Updated,

    /// <summary>In the baseline and gone from this run: fixed, or no longer checked.</summary>
    Absent,
}
