using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Reporting;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Reporting;

public sealed class ResponsiblePeopleTests
{
    private static readonly Lazy<Task<AnalysisResult>> RollUps = new(() => RunRollUpsAsync());

    /// <summary>Runs the roll-up rules on the roll-up network: eleven groups whose last active admin is Ingrid, and posts, comments and people with findings.</summary>
    internal static Task<AnalysisResult> RunRollUpsAsync() => TestInputs.RunAsync("rollups.yaml", "rollups", new PersonCountryCheck());

    /// <summary>The roll-up run as a report for the writers.</summary>
    internal static async Task<AnalysisReport> RollUpReportAsync()
    {
        var ruleSet = TestInputs.LoadRules("rollups.yaml", new PersonCountryCheck());
        var result = await TestInputs.RunAsync(ruleSet, "rollups");
        return new AnalysisReport(result, ruleSet, ReportScenario.ToolVersion, ["rollups.yaml"]);
    }

    [Fact]
    public async Task A_group_finding_names_the_groups_active_admins_only()
    {
        var result = await RollUps.Value;
        var people = ResponsiblePeople.Of(result);

        var finding = result.AssertFinding("ROL-ADMINS", "g-01");

        // Lars left, so he is not named; Ingrid acts on it.
        Assert.Equal([new ResponsiblePerson("p-ingrid", "Ingrid Ekström", ResponsibleRole.Admin, Primary: true)], people.For(finding));
    }

    [Fact]
    public async Task A_group_without_an_active_admin_has_nobody_responsible()
    {
        var result = await RollUps.Value;

        Assert.Empty(ResponsiblePeople.Of(result).For(result.AssertFinding("ROL-ADMINS", "g-orphan")));
    }

    [Fact]
    public async Task A_post_finding_names_its_author_first_and_tells_the_admins_once_each_without_bots()
    {
        var result = await RollUps.Value;
        var people = ResponsiblePeople.Of(result);

        var responsible = people.For(result.AssertFinding("ROL-SHOUT", "po-anna"));

        // Søren is listed twice in the memberships and the bot is an admin too: two admins, named once each.
        Assert.Equal(
            [
                new ResponsiblePerson("p-anna", "Anna Nyström", ResponsibleRole.Author, Primary: true),
                new ResponsiblePerson("p-asa", "Åsa Lindqvist", ResponsibleRole.Admin, Primary: false),
                new ResponsiblePerson("p-soren", "Søren Madsen", ResponsibleRole.Admin, Primary: false),
            ],
            responsible);
    }

    [Fact]
    public async Task An_author_who_runs_the_group_is_named_once_as_the_author()
    {
        var result = await RollUps.Value;

        var responsible = ResponsiblePeople.Of(result).For(result.AssertFinding("ROL-SHOUT", "po-asa"));

        Assert.Equal(["p-asa author True", "p-soren admin False"], responsible.Select(person => $"{person.Id} {person.RoleName} {person.Primary}"));
    }

    [Theory]
    [InlineData("po-lars")] // the author left
    [InlineData("c-ghost")] // the author is not in the directory
    public async Task When_the_author_cannot_act_the_admins_act_instead(string targetId)
    {
        var result = await RollUps.Value;

        var responsible = ResponsiblePeople.Of(result).For(result.AssertFinding("ROL-SHOUT", targetId));

        Assert.Equal(["p-asa admin True", "p-soren admin True"], responsible.Select(person => $"{person.Id} {person.RoleName} {person.Primary}"));
    }

    [Fact]
    public async Task A_comment_finding_names_the_commenter_and_the_admins_of_the_posts_group()
    {
        var result = await RollUps.Value;

        var responsible = ResponsiblePeople.Of(result).For(result.AssertFinding("ROL-SHOUT", "c-olli"));

        Assert.Equal(["p-olli author True", "p-asa admin False", "p-soren admin False"], responsible.Select(person => $"{person.Id} {person.RoleName} {person.Primary}"));
    }

    [Fact]
    public async Task A_person_finding_names_the_person()
    {
        var result = await RollUps.Value;

        var responsible = ResponsiblePeople.Of(result).For(result.AssertFinding("ROL-COUNTRY", "p-olli"));

        Assert.Equal([new ResponsiblePerson("p-olli", "Olli Virtanen", ResponsibleRole.Person, Primary: true)], responsible);
    }

    [Fact]
    public async Task Data_findings_have_nobody_in_the_network_responsible()
    {
        var result = await RollUps.Value;
        var people = ResponsiblePeople.Of(result);

        var records = result.Diagnostics.Where(diagnostic => diagnostic.Target.Kind == TargetKind.Record).ToList();

        Assert.NotEmpty(records);
        Assert.All(records, record => Assert.Empty(people.For(record)));
    }

    [Fact]
    public async Task The_expert_who_is_the_last_admin_of_eleven_groups_appears_once_with_the_eleven_groups()
    {
        var result = await RollUps.Value;

        var rollUp = ResponsiblePeople.Of(result).RollUp(result.Diagnostics);

        var ingrid = Assert.Single(rollUp.People, person => person.Id == "p-ingrid");
        Assert.Same(ingrid, rollUp.People[0]);
        Assert.Equal(12, ingrid.Findings.Count);
        Assert.Equal(11, ingrid.GroupIds.Count);

        // Her own post is in one of her groups, beside that group's finding; groups in order of their name.
        Assert.Equal(["g-01", "g-02", "g-03", "g-04", "g-05", "g-06", "g-07", "g-08", "g-09", "g-10", "g-11"], ingrid.GroupIds);
        Assert.Equal(["ROL-ADMINS g-03", "ROL-SHOUT po-ingrid"], ingrid.Findings.Where(f => ResponsiblePeople.GroupIdOf(f.Finding.Target) == "g-03").Select(f => $"{f.Finding.Rule.Id} {f.Finding.Target.Id}"));
        Assert.Equal(0, ingrid.ToldOf);
    }

    [Fact]
    public async Task The_roll_up_counts_what_admins_are_told_of_and_keeps_the_findings_nobody_acts_on()
    {
        var result = await RollUps.Value;

        var rollUp = ResponsiblePeople.Of(result).RollUp(result.Diagnostics);

        var byId = rollUp.People.ToDictionary(person => person.Id);
        // Most findings first; Olli and Søren have two each and are then in order of name.
        Assert.Equal(["p-ingrid", "p-asa", "p-olli", "p-soren", "p-anna"], rollUp.People.Select(person => person.Id));

        // Åsa: her own post, and the posts of Lars (left) and of someone not in the directory; told of Anna's and Olli's.
        Assert.Equal(["c-ghost", "po-asa", "po-lars"], byId["p-asa"].Findings.Select(f => f.Finding.Target.Id).Order(StringComparer.Ordinal));
        Assert.Equal(2, byId["p-asa"].ToldOf);
        Assert.Equal(3, byId["p-soren"].ToldOf);
        Assert.Equal([ResponsibleRole.Person, ResponsibleRole.Author], byId["p-olli"].Findings.Select(f => f.Role));
        Assert.DoesNotContain("p-lars", byId.Keys);
        Assert.DoesNotContain("p-bot", byId.Keys);

        Assert.Contains(rollUp.Unassigned, finding => finding.Target.Id == "g-orphan");
        Assert.All(rollUp.Unassigned, finding => Assert.Empty(ResponsiblePeople.Of(result).For(finding)));
        Assert.Equal(result.Diagnostics.Count, rollUp.People.Sum(person => person.Findings.Count) + rollUp.Unassigned.Count - DoubleCounted(rollUp));
    }

    /// <summary>Findings more than one person acts on (a group with two active admins) count once per person.</summary>
    private static int DoubleCounted(PersonRollUp rollUp) =>
        rollUp.People.SelectMany(person => person.Findings).GroupBy(f => f.Finding).Sum(group => group.Count() - 1);
}
