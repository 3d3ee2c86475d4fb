using CommunityRules.Diagnostics;
using CommunityRules.Rules;

namespace CommunityRules.Engine;

/// <summary>
/// Runs the examples written beside rules (<c>examples:</c>, each with <c>expect: pass</c> or <c>fail</c>) and reports
/// each one that behaves otherwise, at its line, so a rule's author can prove the rule before it ships.
/// </summary>
public sealed class RuleExampleRunner
{
    private static readonly DateTimeOffset DefaultAsOf = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly RuleEngine _engine;

    /// <summary>Initializes a new instance of the <see cref="RuleExampleRunner"/> class.</summary>
    /// <param name="engine">The engine that runs each example.</param>
    public RuleExampleRunner(RuleEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
    }

    /// <summary>Runs every example of every rule in the set, whatever the rule's severity in force.</summary>
    /// <param name="ruleSet">The rules.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The number of examples that behaved as written, and an error for each that did not.</returns>
    public async Task<ExampleRunResult> RunAsync(RuleSet ruleSet, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var passed = 0;
        var failures = new List<RuleError>();
        // Examples prove a rule as its file writes it, not as configuration tunes its options for one organisation.
        foreach (var rule in ruleSet.Rules.Select(rule => rule.AsWritten))
        {
            if (rule.Examples.Count == 0)
            {
                continue;
            }

            // An example proves the rule's logic, so it runs even when configuration turns the rule off.
            var everythingOn = rule.Descriptors.ToDictionary(descriptor => descriptor.Id, _ => Severity.Error, StringComparer.Ordinal);
            var single = new RuleSet([rule], new SeverityConfiguration(everythingOn, null), [], null);
            foreach (var example in rule.Examples)
            {
                var result = await _engine.AnalyzeAsync(single, example.Network, new AnalysisOptions { AsOf = example.AsOf ?? DefaultAsOf }, cancellationToken).ConfigureAwait(false);
                // An example that names an outcome is about that outcome's finding; otherwise any finding of the rule counts.
                var expectedIds = example.Outcome is { } outcomeName
                    ? [.. rule.Outcomes.Where(o => o.Outcome.Name == outcomeName).Select(o => o.Descriptor.Id)]
                    : rule.Descriptors.Select(descriptor => descriptor.Id).ToList();
                var findings = result.Diagnostics.Where(d => expectedIds.Contains(d.Rule.Id) && d.Target.Kind == example.Target && d.Target.Id == example.TargetId).ToList();
                // A post can hold several findings of one rule (two terms); the example's words may be in any of them.
                var finding = findings.FirstOrDefault(d => example.ExpectedMessage is { } words && d.Message.Contains(words, StringComparison.OrdinalIgnoreCase)) ?? findings.FirstOrDefault();
                var problem = (example.ExpectFailure, finding) switch
                {
                    (_, _) when example.Outcome is { } name && expectedIds.Count == 0 => $"The example of {rule.Id} names the outcome '{name}', which the check '{rule.CheckKind}' does not have.",
                    (true, null) => $"The example of {rule.Id} is expected to fail the rule, but it passes.",
                    (false, { } found) => $"The example of {rule.Id} is expected to pass the rule, but it fails: {found.Message}",
                    (true, { } found) when example.ExpectedMessage is { } expected && !found.Message.Contains(expected, StringComparison.OrdinalIgnoreCase) =>
                        $"The example of {rule.Id} fails as expected, but its message does not contain '{expected}': {found.Message}",
                    _ => null,
                };
                if (problem is null)
                {
                    passed++;
                }
                else
                {
                    failures.Add(new RuleError(example.Location, RuleErrorCodes.ExampleFailed, problem));
                }
            }
        }

        return new ExampleRunResult(passed, failures);
    }
}

/// <summary>The outcome of running rule examples.</summary>
/// <param name="Passed">The number of examples that behaved as written.</param>
/// <param name="Failures">An error at each example that did not.</param>
public sealed record ExampleRunResult(int Passed, IReadOnlyList<RuleError> Failures)
{
    /// <summary>Gets the number of examples run.</summary>
    public int Total => Passed + Failures.Count;
}
