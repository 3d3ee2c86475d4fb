using CommunityRules.Data;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Model;
using CommunityRules.Rules;
using Microsoft.Extensions.Time.Testing;

namespace CommunityRules.Tests.RuleLanguage;

/// <summary>
/// Exemptions in <c>TestData/Config/exemptions.yaml</c> over EXM001 (groups need a description), in real engine runs:
/// s1 by id until 2026-06-30, g0* by id wildcard, "no-support *" by name, old1 expired on 2025-12-31.
/// </summary>
public sealed class ExemptionTests
{
    private const string Rule = "EXM001";
    private static readonly DateTimeOffset March = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static string ExemptionsFile => RuleTestData.ConfigFile("exemptions.yaml");

    [Fact]
    public void Exemptions_load_with_their_fields_and_positions()
    {
        var ruleSet = RuleTestData.LoadClean([ExemptionsFile]);

        Assert.Equal(
            [
                ("s1", new DateOnly(2026, 6, 30), "anna.berg@example.com", 12),
                ("g0*", new DateOnly(2026, 12, 31), null, 18),
                ("no-support *", new DateOnly(2026, 12, 31), null, 23),
                ("old1", new DateOnly(2025, 12, 31), null, 28),
            ],
            ruleSet.Exemptions.Select(e => (e.Target, e.Expires, e.Owner, e.Location.Line)));
        Assert.All(ruleSet.Exemptions, e => Assert.Equal(Rule, e.RuleId));
        Assert.All(ruleSet.Exemptions, e => Assert.Equal(new SourceLocation(ExemptionsFile, e.Location.Line, 5), e.Location));
    }

    [Fact]
    public async Task A_matching_exemption_suppresses_the_finding_and_keeps_it_with_its_justification_and_expiry()
    {
        var result = await RunAsync(asOf: null);

        var finding = Finding(result, "s1");
        Assert.True(finding.IsSuppressed);
        Assert.Equal("'SE-Stockholm site' needs a description: it has no description.", finding.Message);
        var suppression = Assert.IsType<Suppression>(finding.Suppression);
        Assert.Equal("The site closes in June; the group is archived then.", suppression.Justification);
        Assert.Equal(new DateOnly(2026, 6, 30), suppression.Expires);
        Assert.Equal("anna.berg@example.com", suppression.Owner);
        Assert.Equal($"{ExemptionsFile}(12,5)", suppression.Source);
    }

    [Fact]
    public async Task A_wildcard_target_matches_identifiers()
    {
        var result = await RunAsync(asOf: null);

        Assert.True(Finding(result, "g01").IsSuppressed);
        Assert.True(Finding(result, "g02").IsSuppressed);
        Assert.Equal("The project groups get their descriptions from the project office in the spring.", Finding(result, "g02").Suppression!.Justification);
        Assert.False(Finding(result, "g10").IsSuppressed);
    }

    [Fact]
    public async Task A_target_matches_names_ignoring_case()
    {
        var result = await RunAsync(asOf: null);

        Assert.True(Finding(result, "n1").IsSuppressed);
        Assert.True(Finding(result, "n2").IsSuppressed);
        Assert.Equal("The Norwegian support groups are described on the intranet page.", Finding(result, "n1").Suppression!.Justification);
    }

    [Fact]
    public async Task An_expired_exemption_no_longer_suppresses_and_is_reported_at_its_line()
    {
        var result = await RunAsync(asOf: null);

        Assert.False(Finding(result, "old1").IsSuppressed);
        var expired = Assert.Single(result.Diagnostics, d => d.Rule.Id == "CR0100");
        Assert.Equal(Severity.Warning, expired.Severity);
        Assert.False(expired.IsSuppressed);
        Assert.Equal("The exemption of EXM001 for 'old1' expired on 2025-12-31; renew it with a new date and justification, or remove it", expired.Message);
        Assert.Equal(TargetKind.Configuration, expired.Target.Kind);
        Assert.Equal(ExemptionsFile, expired.Target.File);
        Assert.Equal(28, expired.Target.Line);
        Assert.Equal(5, expired.Target.Column);
        Assert.Equal("old1", expired.Properties["target"]);
        Assert.Equal(Rule, expired.Properties["rule"]);
    }

    [Fact]
    public async Task Suppressed_findings_are_counted_apart_from_the_findings_by_severity()
    {
        var result = await RunAsync(asOf: null);

        Assert.Equal(7, result.Diagnostics.Count(d => d.Rule.Id == Rule));
        Assert.Equal(5, result.Summary.Suppressed);
        Assert.Equal(3, result.Summary.FindingsBySeverity[Severity.Warning]);
        Assert.Equal(2, result.Summary.FindingsByRule[Rule]);
        Assert.Equal(1, result.Summary.FindingsByRule["CR0100"]);
        Assert.Equal(3, result.Summary.CountAtOrAbove(Severity.Warning));
        Assert.Equal(result.Summary.FindingsBySeverity.Values.Sum() + result.Summary.Suppressed, result.Diagnostics.Count);
    }

    [Fact]
    public async Task An_exemption_applies_through_its_last_day()
    {
        var lastDay = await RunAsync(new DateTimeOffset(2026, 6, 30, 23, 0, 0, TimeSpan.Zero));
        var dayAfter = await RunAsync(new DateTimeOffset(2026, 7, 1, 6, 0, 0, TimeSpan.Zero));

        Assert.True(Finding(lastDay, "s1").IsSuppressed);
        Assert.DoesNotContain(lastDay.Diagnostics, d => d.Rule.Id == "CR0100" && d.Properties["target"] == "s1");
        Assert.False(Finding(dayAfter, "s1").IsSuppressed);
        var expired = Assert.Single(dayAfter.Diagnostics, d => d.Rule.Id == "CR0100" && d.Properties["target"] == "s1");
        Assert.Equal(12, expired.Target.Line);
    }

    [Fact]
    public async Task The_run_moment_comes_from_the_time_provider_unless_the_options_give_one()
    {
        var fromClock = await RunAsync(asOf: null);
        var fromOptions = await RunAsync(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(March, fromClock.Summary.AsOf);
        Assert.Equal(1, fromClock.Diagnostics.Count(d => d.Rule.Id == "CR0100"));
        Assert.Equal(4, fromOptions.Diagnostics.Count(d => d.Rule.Id == "CR0100"));
        Assert.Equal(0, fromOptions.Summary.Suppressed);
    }

    [Fact]
    public async Task Switching_off_the_expired_exemption_rule_hides_the_expiry_but_still_stops_suppressing()
    {
        var yaml = File.ReadAllText(ExemptionsFile) + "\nseverity:\n  CR0100: none\n";
        var ruleSet = RuleTestData.LoadTextClean(yaml, "exemptions.yaml");

        var result = await new RuleEngine(new FakeTimeProvider(March)).AnalyzeAsync(ruleSet, Network());

        Assert.DoesNotContain(result.Diagnostics, d => d.Rule.Id == "CR0100");
        Assert.False(Finding(result, "old1").IsSuppressed);
    }

    private static Diagnostic Finding(AnalysisResult result, string groupId) =>
        Assert.Single(result.Diagnostics, d => d.Rule.Id == Rule && d.Target.Id == groupId);

    private static Task<AnalysisResult> RunAsync(DateTimeOffset? asOf)
    {
        var ruleSet = RuleTestData.LoadClean([ExemptionsFile]);
        var engine = new RuleEngine(new FakeTimeProvider(March));
        return engine.AnalyzeAsync(ruleSet, Network(), new AnalysisOptions { AsOf = asOf });
    }

    private static InMemoryNetwork Network() => InMemoryNetwork.CreateBuilder()
        .Add(new Group { Id = "s1", Name = "SE-Stockholm site" })
        .Add(new Group { Id = "g01", Name = "SE-Project Alpha" })
        .Add(new Group { Id = "g02", Name = "SE-Project Beta" })
        .Add(new Group { Id = "g10", Name = "SE-Project Gamma" })
        .Add(new Group { Id = "n1", Name = "NO-Support Oslo" })
        .Add(new Group { Id = "n2", Name = "NO-Support Bergen" })
        .Add(new Group { Id = "old1", Name = "FI-Old team" })
        .Add(new Group { Id = "d1", Name = "DK-Marketing", Description = "Campaigns, brand questions and the marketing calendar for Denmark." })
        .Build();
}
