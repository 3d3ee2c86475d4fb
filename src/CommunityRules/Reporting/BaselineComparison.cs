using System.Text.RegularExpressions;
using CommunityRules.Diagnostics;

namespace CommunityRules.Reporting;

/// <summary>
/// A run compared with a <see cref="Reporting.Baseline"/>: each finding is <see cref="BaselineState.New"/>,
/// <see cref="BaselineState.Unchanged"/> or <see cref="BaselineState.Updated"/>, and the baseline's findings that are
/// gone are <see cref="Absent"/>.
/// </summary>
/// <remarks>
/// Findings are matched by fingerprint; when a fingerprint occurs more than once, the n-th finding of this run takes the
/// n-th of the baseline. A matched finding is updated when its severity changed or its message changed in more than
/// numbers: days, counts, shares, dates and the months of a trend move with every run while the problem stays the same.
/// </remarks>
public sealed partial class BaselineComparison
{
    private readonly Dictionary<Diagnostic, BaselineState> _states;

    private BaselineComparison(Baseline baseline, Dictionary<Diagnostic, BaselineState> states, IReadOnlyList<BaselineFinding> absent, int newCount, int unchanged, int updated)
    {
        Baseline = baseline;
        _states = states;
        Absent = absent;
        New = newCount;
        Unchanged = unchanged;
        Updated = updated;
    }

    /// <summary>Gets the baseline the run was compared with.</summary>
    public Baseline Baseline { get; }

    /// <summary>Gets the baseline's findings that this run no longer has, in the baseline's order.</summary>
    public IReadOnlyList<BaselineFinding> Absent { get; }

    /// <summary>Gets the number of findings not in the baseline.</summary>
    public int New { get; }

    /// <summary>Gets the number of findings in the baseline with the same severity and message.</summary>
    public int Unchanged { get; }

    /// <summary>Gets the number of findings in the baseline with another severity or message.</summary>
    public int Updated { get; }

    /// <summary>Gets how a finding of the compared run stands against the baseline.</summary>
    /// <param name="diagnostic">A finding of the run that was compared.</param>
    /// <returns>Its state; <see cref="BaselineState.New"/> for a finding that was not part of the comparison.</returns>
    public BaselineState StateOf(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return _states.GetValueOrDefault(diagnostic, BaselineState.New);
    }

    /// <summary>
    /// Counts the new and updated findings at or above a severity that no exemption suppresses: what fails a run
    /// compared with a baseline.
    /// </summary>
    /// <param name="diagnostics">The findings of the compared run.</param>
    /// <param name="severity">The lowest severity to count; <see cref="Severity.Silent"/> findings are never counted.</param>
    /// <returns>The number of such findings.</returns>
    public int CountNewAtOrAbove(IEnumerable<Diagnostic> diagnostics, Severity severity)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        return diagnostics.Count(d => !d.IsSuppressed && d.Severity >= severity && d.Severity > Severity.Silent && StateOf(d) != BaselineState.Unchanged);
    }

    internal static BaselineComparison Create(Baseline baseline, IReadOnlyList<Diagnostic> diagnostics)
    {
        var earlier = new Dictionary<string, Queue<int>>(StringComparer.Ordinal);
        for (var i = 0; i < baseline.Findings.Count; i++)
        {
            var fingerprint = baseline.Findings[i].Fingerprint;
            if (!earlier.TryGetValue(fingerprint, out var queue))
            {
                earlier[fingerprint] = queue = new Queue<int>(1);
            }

            queue.Enqueue(i);
        }

        var matched = new bool[baseline.Findings.Count];
        // Findings are told apart by identity: two findings of one run can be equal in every field.
        var states = new Dictionary<Diagnostic, BaselineState>(diagnostics.Count, ReferenceEqualityComparer.Instance);
        int newCount = 0, unchanged = 0, updated = 0;
        foreach (var diagnostic in diagnostics)
        {
            BaselineState state;
            if (earlier.TryGetValue(diagnostic.Fingerprint, out var queue) && queue.TryDequeue(out var index))
            {
                matched[index] = true;
                var before = baseline.Findings[index];
                var (message, earlierMessage) = diagnostic.Target.File is null
                    ? (diagnostic.Message, before.Message)
                    : (WithoutPlace(diagnostic.Message), WithoutPlace(before.Message));
                state = before.Severity == diagnostic.Severity && SameWords(earlierMessage, message) ? BaselineState.Unchanged : BaselineState.Updated;
            }
            else
            {
                state = BaselineState.New;
            }

            switch (state)
            {
                case BaselineState.New:
                    newCount++;
                    break;
                case BaselineState.Unchanged:
                    unchanged++;
                    break;
                default:
                    updated++;
                    break;
            }

            states[diagnostic] = state;
        }

        var absent = baseline.Findings.Where((_, index) => !matched[index]).ToList();
        return new BaselineComparison(baseline, states, absent, newCount, unchanged, updated);
    }

    /// <summary>
    /// A record's message without the <c>FILE(LINE): </c> it starts with: the same export read from another folder
    /// (a relative path one day, a full one the next) is the same problem.
    /// </summary>
    private static string WithoutPlace(string message)
    {
        var place = message.IndexOf("): ", StringComparison.Ordinal);
        return place < 0 ? message : message[(place + 3)..];
    }

    /// <summary>Compares two messages ignoring numbers and a trend's month names, which move with every run.</summary>
    internal static bool SameWords(string before, string now) =>
        string.Equals(before, now, StringComparison.Ordinal) || string.Equals(Words(before), Words(now), StringComparison.Ordinal);

    private static string Words(string message) => Numbers().Replace(MonthsWithCounts().Replace(message, "#"), "#");

    [GeneratedRegex("[0-9]+(?:[.,][0-9]+)*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Numbers();

    // The inactivity check's trend: "Apr 12, May 8, Jun 0", months as the invariant culture abbreviates them.
    [GeneratedRegex("\\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MonthsWithCounts();
}
