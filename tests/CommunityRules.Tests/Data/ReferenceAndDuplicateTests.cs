using CommunityRules.Data;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Rules;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Data;

/// <summary>Records that refer to nothing are kept and reported as CR0002; records that repeat an id are left out as CR0003.</summary>
public sealed class ReferenceAndDuplicateTests
{
    private static RuleSet Load(string yaml)
    {
        var loaded = TestInputs.CreateLoader(new PersonCountryCheck()).LoadText(yaml, "rules.yaml");
        Assert.True(loaded.Success, string.Join(Environment.NewLine, loaded.Errors));
        return loaded.RuleSet!;
    }

    [Fact]
    public async Task Unknown_references_are_reported_as_CR0002_and_the_records_are_kept()
    {
        var result = await TestInputs.RunAsync(Load("rules: []"), "references");

        Assert.All(result.DataIssues, issue =>
        {
            Assert.Equal(DataIssueKind.UnknownReference, issue.Kind);
            Assert.False(issue.Rejected);
        });
        Assert.Equal(
            [
                "membership in 'g-1' refers to person 'p-ghost', which is not in the data",
                "membership of 'p-bjorn' refers to group 'g-gone', which is not in the data",
                "post 'po-1' names delegate 'p-assistant', who is not in the data",
                "post 'po-2' refers to group 'g-gone', which is not in the data",
                "post 'po-3' refers to author 'p-stranger', who is not in the data",
                "post 'po-3' names delegate 'p-assistant', who is not in the data",
                "comment 'c-2' refers to post 'po-404', which is not in the data",
                "a reaction to 'po-1' refers to person 'p-nobody', which is not in the data",
            ],
            result.DataIssues.Select(issue => issue.Message));
        Assert.Equal(new RecordCounts(People: 2, Groups: 1, Memberships: 3, Posts: 3, Comments: 2, Reactions: 2), result.Summary.Read);
        Assert.Equal(0, result.Summary.Rejected);
        Assert.Equal(8, result.Summary.DataIssues);
    }

    [Fact]
    public async Task Unknown_references_are_CR0002_warnings_on_the_record_when_it_has_an_id()
    {
        var result = await TestInputs.RunAsync(Load("rules: []"), "references");

        var findings = result.Of("CR0002");
        Assert.Equal(8, findings.Count);
        Assert.All(findings, finding =>
        {
            Assert.Equal(Severity.Warning, finding.Severity);
            Assert.Equal(TargetKind.Record, finding.Target.Kind);
        });
        Assert.Equal(["po-1", "po-2", "po-3", "po-3", "c-2"], findings.Where(f => f.Target.Id is "po-1" or "po-2" or "po-3" or "c-2").Select(f => f.Target.Id));
        Assert.EndsWith("post 'po-2' refers to group 'g-gone', which is not in the data", findings[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Distinct_unknown_references_have_distinct_fingerprints()
    {
        var result = await TestInputs.RunAsync(Load("rules: []"), "references");

        var findings = result.Of("CR0002");
        Assert.Equal(findings.Count, findings.Select(finding => finding.Fingerprint).Distinct().Count());
    }

    [Fact]
    public async Task A_post_in_an_unknown_group_still_counts_as_activity_of_that_group_id_and_reaches_post_rules()
    {
        const string Yaml = """
            rules:
              - id: ECHO
                title: Every post
                target: post
                check: echo
                message: "{reason}"
            """;
        var loaded = TestInputs.CreateLoader(new EchoCheck()).LoadText(Yaml, "echo.yaml");
        Assert.True(loaded.Success, string.Join(Environment.NewLine, loaded.Errors));

        var result = await TestInputs.RunAsync(loaded.RuleSet!, "references");

        Assert.Equal(["po-1", "po-2", "po-3"], result.TargetsOf("ECHO"));
        Assert.Equal("g-gone", Assert.Single(result.Of("ECHO"), f => f.Target.Id == "po-2").Target.GroupId);
    }

    [Fact]
    public async Task Duplicate_ids_are_CR0003_and_the_later_record_is_left_out()
    {
        var result = await TestInputs.RunAsync(Load("rules: []"), "duplicates");

        Assert.Equal(
            [
                "person 'p-asa' appears more than once; the later record was left out",
                "group 'g-1' appears more than once; the later record was left out",
                "post 'po-1' appears more than once; the later record was left out",
            ],
            result.DataIssues.Select(issue => issue.Message));
        Assert.All(result.DataIssues, issue => Assert.Equal(DataIssueKind.DuplicateId, issue.Kind));
        Assert.Equal(["p-asa", "g-1", "po-1"], result.Of("CR0003").Select(f => f.Target.Id));
        Assert.Equal(new RecordCounts(People: 2, Groups: 2, Memberships: 0, Posts: 2, Comments: 0, Reactions: 0), result.Summary.Read);
        Assert.Equal(3, result.Summary.Rejected);
    }

    [Fact]
    public async Task The_first_of_two_records_with_the_same_id_is_the_one_kept()
    {
        const string Yaml = """
            rules:
              - id: CTRY
                title: People work in Norway
                target: person
                check: personCountry
                options:
                  allowed: [NO]
                message: "{person.name}: {reason}"
            """;

        var result = await TestInputs.RunAsync(Load(Yaml), "duplicates");

        // The first p-asa is Åsa Lindqvist in SE; the second, left out, is in NO.
        Assert.Equal("Åsa Lindqvist: SE is not one of NO", result.MessageFor("CTRY", "p-asa"));
        Assert.Equal(["p-asa"], result.TargetsOf("CTRY"));
    }
}
