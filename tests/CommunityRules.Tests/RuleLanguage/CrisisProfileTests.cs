using CommunityRules.Diagnostics;
using CommunityRules.Rules;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.RuleLanguage;

/// <summary>
/// The bundled crisis profile (<c>--profile crisis</c>): questions in the groups with the topic <c>crisis</c> are
/// answered within four hours, the same text in two groups is cross-posting, and every posting rule is one step
/// stricter. Without the profile the packs behave as they always did.
/// </summary>
public sealed class CrisisProfileTests
{
    private static readonly string[] Packs = [RuleSetLoader.BuiltinPrefix + "community", RuleSetLoader.BuiltinPrefix + "posting-guidelines"];

    [Fact]
    public async Task Without_the_profile_a_five_hour_old_question_and_a_pair_of_copies_are_no_findings()
    {
        var result = await TestInputs.RunAsync(Load(profile: null), "crisis");

        Assert.Empty(result.Of("COM001"));
        Assert.Empty(result.Of("COM003"));
        Assert.Empty(result.Of("COM005"));
    }

    [Fact]
    public async Task With_the_profile_a_question_in_a_crisis_group_waits_four_hours_at_most_and_two_groups_are_cross_posting()
    {
        var result = await TestInputs.RunAsync(Load("crisis"), "crisis");

        var unanswered = Assert.Single(result.Of("COM005"));
        Assert.Equal(("q1", Severity.Error), (unanswered.Target.Id, unanswered.Severity));
        Assert.Contains("has waited 5 hours for an answer during the crisis. Who could answer: Åsa Lindqvist (admin).", unanswered.Message, StringComparison.Ordinal);
        Assert.Empty(result.Of("COM001"));
        var copies = Assert.Single(result.Of("COM003"));
        Assert.Equal("x1", copies.Target.Id);
    }

    [Fact]
    public void With_the_profile_every_posting_rule_is_one_step_stricter_and_no_rule_is_milder()
    {
        var normal = Load(profile: null);
        var crisis = Load("crisis");

        var posting = normal.Rules.Where(rule => rule.Id.StartsWith("POST", StringComparison.Ordinal)).SelectMany(rule => rule.Descriptors).ToList();
        Assert.NotEmpty(posting);
        Assert.All(posting, descriptor => Assert.Equal(
            (descriptor.Id, (Severity)Math.Min((int)normal.GetSeverity(descriptor) + 1, (int)Severity.Error)),
            (descriptor.Id, crisis.GetSeverity(descriptor))));
        Assert.All(normal.Rules.SelectMany(rule => rule.Descriptors), descriptor => Assert.True(
            crisis.GetSeverity(descriptor) >= normal.GetSeverity(descriptor),
            $"{descriptor.Id} is milder in a crisis"));
    }

    private static RuleSet Load(string? profile)
    {
        var loaded = TestInputs.CreateLoader().Load(Packs, new RuleSetLoadOptions { Profile = profile });
        Assert.True(loaded.Success, string.Join(Environment.NewLine, loaded.Errors));
        return loaded.RuleSet;
    }
}
