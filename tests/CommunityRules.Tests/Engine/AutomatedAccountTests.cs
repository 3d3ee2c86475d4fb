using CommunityRules.Engine;

namespace CommunityRules.Tests.Engine;

/// <summary>
/// Bots and system accounts in the <c>bots</c> network: a deploy bot that admins a channel and posts personal data, a
/// retired integration marked as left, and the system account that posts joins.
/// </summary>
public sealed class AutomatedAccountTests
{
    [Fact]
    public async Task Bots_do_not_count_as_admins_and_are_never_admins_who_left()
    {
        var result = await TestInputs.RunAsync("bots.yaml", "bots");

        Assert.Equal(["g-ops"], result.TargetsOf("BOT-ADM"));
        Assert.Equal("'SE-Drift': it has 1 active admin (Åsa Lindqvist); at least 2 are needed.", result.MessageFor("BOT-ADM", "g-ops"));
    }

    [Fact]
    public async Task Messages_by_bots_and_system_accounts_are_not_activity()
    {
        var result = await TestInputs.RunAsync("bots.yaml", "bots");

        Assert.Equal(["g-ops"], result.TargetsOf("BOT-INA"));
        Assert.Contains("2025-12-02", result.MessageFor("BOT-INA", "g-ops"), StringComparison.Ordinal);
        Assert.Equal(2, result.Network.GetActivity("g-ops").Posts + result.Network.GetActivity("g-ops").Comments);
        Assert.Equal(4, result.Summary.Read.Posts);
    }

    [Fact]
    public async Task Bots_posts_are_not_checked_for_text_unless_a_rule_names_their_kind()
    {
        var result = await TestInputs.RunAsync("bots.yaml", "bots");

        Assert.Empty(result.Of("BOT-PII"));
        Assert.Empty(result.Of("BOT-PII-C"));
        Assert.Equal(["x-deploy-1"], result.TargetsOf("BOT-ONLY"));
    }

    [Fact]
    public async Task The_run_can_ask_for_bots_posts_to_be_checked_like_people_s()
    {
        var result = await TestInputs.RunAsync(TestInputs.LoadRules("bots.yaml"), "bots", new AnalysisOptions { IncludeAutomatedAccounts = true });

        Assert.Equal(["x-deploy-1", "x-deploy-1"], result.TargetsOf("BOT-PII"));
        Assert.Equal(["c-bot"], result.TargetsOf("BOT-PII-C"));
        Assert.Equal(["g-ops"], result.TargetsOf("BOT-INA"));
    }
}
