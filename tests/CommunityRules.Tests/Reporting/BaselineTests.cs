using System.Text;
using System.Text.Json;
using CommunityRules.Diagnostics;
using CommunityRules.Reporting;
using CommunityRules.Tests.Engine;
using NJsonSchema;

namespace CommunityRules.Tests.Reporting;

/// <summary>Baselines read from the tool's own JSON and SARIF reports, and a run compared with one.</summary>
public sealed class BaselineTests
{
    private static readonly string[] StateNames = ["new", "unchanged", "updated", "absent"];

    [Theory]
    [InlineData("json")]
    [InlineData("sarif")]
    public async Task A_report_read_back_as_a_baseline_holds_every_finding_of_its_run(string format)
    {
        var report = await ReportScenario.CreateAsync();
        using var folder = new TempFolder();
        var path = folder.File("earlier." + format);
        File.WriteAllBytes(path, await ReportScenario.WriteAsync(format == "json" ? new JsonReportWriter() : new SarifReportWriter(), report));

        var baseline = Baseline.Load(path);

        Assert.Equal("earlier." + format, baseline.Origin);
        Assert.Equal(path, baseline.File);
        Assert.Equal(
            report.Result.Diagnostics.Select(d => new BaselineFinding(d.Fingerprint, d.Rule.Id, d.Severity, d.Message, new DiagnosticTarget(d.Target.Kind, d.Target.Id, d.Target.Name, d.Target.GroupId))),
            baseline.Findings);
        var comparison = baseline.Compare(report.Result.Diagnostics);
        Assert.All(report.Result.Diagnostics, d => Assert.Equal(BaselineState.Unchanged, comparison.StateOf(d)));
        Assert.Empty(comparison.Absent);
        Assert.Equal((0, report.Result.Diagnostics.Count, 0), (comparison.New, comparison.Unchanged, comparison.Updated));
    }

    [Fact]
    public async Task A_finding_is_new_unchanged_or_updated_and_the_gone_ones_are_absent()
    {
        var diagnostics = (await ReportScenario.CreateAsync()).Result.Diagnostics;
        var first = diagnostics[0];
        var second = diagnostics[1];
        var third = diagnostics[2];
        var fourth = diagnostics[3];
        var gone = new BaselineFinding("0123456789abcdef0123456789abcdef", "NAM001", Severity.Error, "Group 'Old' has a poor name", new DiagnosticTarget(TargetKind.Group, "g-old", "Old"));
        var baseline = new Baseline("run 7", [
            Earlier(first, first.Message),
            Earlier(second, second.Message + " Now with more words."),
            Earlier(third, third.Message) with { Severity = third.Severity == Severity.Error ? Severity.Warning : Severity.Error },
            gone,
            Earlier(first, first.Message),
        ]);

        var comparison = baseline.Compare([first, second, third]);

        Assert.Equal(BaselineState.Unchanged, comparison.StateOf(first));
        Assert.Equal(BaselineState.Updated, comparison.StateOf(second));
        Assert.Equal(BaselineState.Updated, comparison.StateOf(third));
        Assert.Equal(BaselineState.New, comparison.StateOf(fourth));

        // The baseline had the first finding twice; this run has it once, so one of the two is gone.
        Assert.Equal([gone, Earlier(first, first.Message)], comparison.Absent);
        Assert.Equal((0, 1, 2), (comparison.New, comparison.Unchanged, comparison.Updated));
    }

    [Theory]
    [InlineData("nobody has posted for 120 days; last active on 2026-06-03. Activity per month: Apr 3, May 1, Jun 0.", "nobody has posted for 151 days; last active on 2026-06-03. Activity per month: May 1, Jun 0, Jul 0.", true)]
    [InlineData("2 of its 6 members (33.3%) have left", "3 of its 7 members (42.9%) have left", true)]
    [InlineData("it has 1 active admin (Anna)", "it has 1 active admin (Björn)", false)]
    [InlineData("it contains the blocked word 'test'", "it contains the blocked word 'temp'", false)]
    public void Numbers_and_a_trends_months_do_not_make_a_finding_updated(string before, string now, bool same) =>
        Assert.Equal(same, BaselineComparison.SameWords(before, now));

    [Fact]
    public async Task Fail_on_counts_only_new_and_updated_findings_that_no_exemption_suppresses()
    {
        var diagnostics = (await ReportScenario.CreateAsync()).Result.Diagnostics;
        var errors = diagnostics.Where(d => d.Severity == Severity.Error && !d.IsSuppressed).ToList();
        Assert.True(errors.Count >= 1);
        var suppressed = diagnostics.Where(d => d.IsSuppressed).ToList();
        Assert.NotEmpty(suppressed);

        var nothingBefore = new Baseline("empty.json", []).Compare(diagnostics);
        var allBefore = new Baseline("all.json", diagnostics.Select(d => Earlier(d, d.Message))).Compare(diagnostics);

        Assert.Equal(errors.Count, nothingBefore.CountNewAtOrAbove(diagnostics, Severity.Error));
        Assert.Equal(0, allBefore.CountNewAtOrAbove(diagnostics, Severity.Error));
        Assert.Equal(0, allBefore.CountNewAtOrAbove(diagnostics, Severity.Silent));
    }

    [Fact]
    public async Task Json_report_carries_each_findings_state_the_absent_ones_and_the_counts()
    {
        var report = await ComparedReportAsync();

        using var json = JsonDocument.Parse(await ReportScenario.WriteAsync(new JsonReportWriter(), report));

        var root = json.RootElement;
        var states = root.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("baselineState").GetString()).ToList();
        Assert.Equal("new", states[0]);
        Assert.All(states.Skip(1), state => Assert.Equal("unchanged", state));
        var absent = Assert.Single(root.GetProperty("absent").EnumerateArray().ToList());
        Assert.Equal("g-old", absent.GetProperty("target").GetProperty("id").GetString());
        Assert.Equal("0123456789abcdef0123456789abcdef", absent.GetProperty("fingerprint").GetString());
        var counts = root.GetProperty("summary").GetProperty("baseline");
        Assert.Equal("last-quarter.json", counts.GetProperty("origin").GetString());
        Assert.Equal([1, states.Count - 1, 0, 1], StateNames.Select(name => counts.GetProperty(name).GetInt32()));
    }

    [Fact]
    public async Task Json_report_without_a_baseline_has_no_states()
    {
        using var json = JsonDocument.Parse(await ReportScenario.WriteAsync(new JsonReportWriter(), await ReportScenario.CreateAsync()));

        Assert.False(json.RootElement.TryGetProperty("absent", out _));
        Assert.False(json.RootElement.GetProperty("summary").TryGetProperty("baseline", out _));
        Assert.All(json.RootElement.GetProperty("findings").EnumerateArray(), f => Assert.False(f.TryGetProperty("baselineState", out _)));
    }

    [Fact]
    public async Task Sarif_log_with_states_and_absent_results_is_valid_against_the_official_schema()
    {
        var report = await ComparedReportAsync();
        var bytes = await ReportScenario.WriteAsync(new SarifReportWriter(), report);
        var schema = await JsonSchema.FromFileAsync(TestPaths.SarifSchema);

        var errors = schema.Validate(Encoding.UTF8.GetString(bytes));

        Assert.True(errors.Count == 0, "The SARIF log breaks the schema:\n" + string.Join("\n", errors));
        using var log = JsonDocument.Parse(bytes);
        var results = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(report.Result.Diagnostics.Count + 1, results.Count);
        Assert.Equal("new", results[0].GetProperty("baselineState").GetString());
        var absent = results[^1];
        Assert.Equal("absent", absent.GetProperty("baselineState").GetString());
        Assert.Equal("NAM001", absent.GetProperty("ruleId").GetString());
        Assert.Equal("error", absent.GetProperty("level").GetString());
        Assert.Equal("group/g-old", absent.GetProperty("locations")[0].GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString());

        // A compared log used as the next baseline: its absent results were not findings of its run.
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("compared.sarif"), bytes);
        Assert.Equal(report.Result.Diagnostics.Count, Baseline.Load(folder.File("compared.sarif")).Findings.Count);
    }

    /// <summary>The scenario's run against a baseline that lacks its first finding and has one finding the run does not.</summary>
    private static async Task<AnalysisReport> ComparedReportAsync()
    {
        var report = await ReportScenario.CreateAsync();
        var diagnostics = report.Result.Diagnostics;
        var gone = new BaselineFinding("0123456789abcdef0123456789abcdef", "NAM001", Severity.Error, "Group 'Old' has a poor name", new DiagnosticTarget(TargetKind.Group, "g-old", "Old"));
        var baseline = new Baseline("last-quarter.json", [.. diagnostics.Skip(1).Select(d => Earlier(d, d.Message)), gone]);
        return new AnalysisReport(report.Result, report.RuleSet, report.ToolVersion, report.RuleFiles) { Comparison = baseline.Compare(diagnostics) };
    }

    private static BaselineFinding Earlier(Diagnostic diagnostic, string message) =>
        new(diagnostic.Fingerprint, diagnostic.Rule.Id, diagnostic.Severity, message, diagnostic.Target);
}
