using CommunityRules.Data;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Rules;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Data;

/// <summary>The <c>malformed</c> network: lines that cannot be read are reported at their file and line, and the run goes on.</summary>
public sealed class MalformedRecordTests
{
    private const string NoRules = "rules: []\n";

    private static RuleSet Empty(string yaml = NoRules)
    {
        var loaded = TestInputs.CreateLoader().LoadText(yaml, "empty.yaml");
        Assert.True(loaded.Success, string.Join(Environment.NewLine, loaded.Errors));
        return loaded.RuleSet!;
    }

    [Fact]
    public async Task Every_malformed_line_is_a_data_issue_with_its_file_and_one_based_line()
    {
        var result = await TestInputs.RunAsync(Empty(), "malformed");

        Assert.Equal(
            [
                ("people.jsonl", 2L), ("people.jsonl", 3L), ("people.jsonl", 5L), ("people.jsonl", 6L), ("people.jsonl", 8L),
                ("groups.jsonl", 2L), ("groups.jsonl", 3L),
                ("posts.jsonl", 2L),
            ],
            result.DataIssues.Select(issue => (Path.GetFileName(issue.Source), issue.Line!.Value)));
        Assert.All(result.DataIssues, issue =>
        {
            Assert.Equal(DataIssueKind.MalformedRecord, issue.Kind);
            Assert.True(issue.Rejected);
            Assert.Equal(TestInputs.Network("malformed"), Path.GetDirectoryName(issue.Source));
        });
    }

    [Fact]
    public async Task Each_issue_says_what_is_wrong_with_the_line()
    {
        var result = await TestInputs.RunAsync(Empty(), "malformed");
        string MessageAt(string file, long line) =>
            Assert.Single(result.DataIssues, issue => Path.GetFileName(issue.Source) == file && issue.Line == line).Message;

        Assert.Contains("'active' should be true or false", MessageAt("people.jsonl", 2), StringComparison.Ordinal);
        Assert.StartsWith("invalid record", MessageAt("people.jsonl", 3), StringComparison.Ordinal);
        Assert.Equal("missing required field 'id'", MessageAt("people.jsonl", 5));
        Assert.Equal("the line is 'null', not a record", MessageAt("people.jsonl", 6));
        Assert.Equal("the line is not a record: each line holds one JSON object, such as {\"id\": \"p1\"}", MessageAt("people.jsonl", 8));
        Assert.Contains("'privacy' should be open, closed or secret", MessageAt("groups.jsonl", 2), StringComparison.Ordinal);
        Assert.Contains("'privacy' should be open, closed or secret", MessageAt("groups.jsonl", 3), StringComparison.Ordinal);
        Assert.Equal("a required identifier field is empty", MessageAt("posts.jsonl", 2));
    }

    [Fact]
    public async Task The_good_lines_around_the_bad_ones_are_read_and_the_bad_ones_counted_as_rejected()
    {
        var result = await TestInputs.RunAsync(Empty(), "malformed");

        Assert.Equal(new RecordCounts(People: 2, Groups: 2, Memberships: 0, Posts: 2, Comments: 0, Reactions: 0), result.Summary.Read);
        Assert.Equal(8, result.Summary.Rejected);
        Assert.Equal(8, result.Summary.DataIssues);
    }

    [Fact]
    public async Task Each_malformed_line_is_a_CR0001_warning_on_the_record_at_its_line()
    {
        var result = await TestInputs.RunAsync(Empty(), "malformed");

        var findings = result.Of("CR0001");
        Assert.Equal(8, findings.Count);
        Assert.Equal(result.Diagnostics.Count, findings.Count);
        var nullLine = findings[3];
        var peopleFile = Path.Combine(TestInputs.Network("malformed"), "people.jsonl");
        Assert.Equal(Severity.Warning, nullLine.Severity);
        Assert.Equal(TargetKind.Record, nullLine.Target.Kind);
        Assert.Equal("people.jsonl:6", nullLine.Target.Id);
        Assert.Equal(peopleFile, nullLine.Target.File);
        Assert.Equal(6, nullLine.Target.Line);
        Assert.Equal($"{peopleFile}(6): the line is 'null', not a record", nullLine.Message);
        Assert.Equal("the line is 'null', not a record", nullLine.Properties["reason"]);
        Assert.Equal(8, findings.Select(finding => finding.Fingerprint).Distinct().Count());
        Assert.Equal(8, result.Summary.FindingsByRule["CR0001"]);
    }

    [Fact]
    public async Task Rules_still_run_over_the_records_that_were_read()
    {
        const string Yaml = """
            rules:
              - id: DSC
                title: Groups have a description
                target: group
                check: description
                message: "{reason}"
            """;

        var result = await TestInputs.RunAsync(Empty(Yaml), "malformed");

        Assert.Equal(["g-1", "g-4"], result.TargetsOf("DSC"));
    }

    [Fact]
    public async Task The_severity_of_CR0001_can_be_configured_like_any_rule()
    {
        var asErrors = await TestInputs.RunAsync(Empty("rules: []\nseverity:\n  CR0001: error\n"), "malformed");
        var off = await TestInputs.RunAsync(Empty("rules: []\nseverity:\n  CR0001: none\n"), "malformed");

        Assert.All(asErrors.Of("CR0001"), finding => Assert.Equal(Severity.Error, finding.Severity));
        Assert.Equal(8, asErrors.Summary.CountAtOrAbove(Severity.Error));
        Assert.Empty(off.Diagnostics);
        Assert.Equal(8, off.DataIssues.Count);
        Assert.Equal(8, off.Summary.Rejected);
    }

    [Fact]
    public async Task Only_so_many_issues_are_kept_in_full_but_all_are_counted()
    {
        var result = await TestInputs.RunAsync(Empty(), "malformed", new AnalysisOptions { MaxDataIssuesKept = 3 });

        Assert.Equal(3, result.DataIssues.Count);
        Assert.Equal(3, result.Of("CR0001").Count);
        Assert.Equal(8, result.Summary.DataIssues);
        Assert.Equal(8, result.Summary.Rejected);
    }
}
