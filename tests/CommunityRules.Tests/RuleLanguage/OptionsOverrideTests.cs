using System.Text.Json;
using CommunityRules.Checks.BuiltIn;
using CommunityRules.Data;
using CommunityRules.Engine;
using CommunityRules.Model;
using CommunityRules.Reporting;
using CommunityRules.Rules;
using Microsoft.Extensions.Time.Testing;

namespace CommunityRules.Tests.RuleLanguage;

/// <summary>
/// A configuration's <c>options:</c> merge over a rule's own (TestData/Config/options): a list replaces a list, a
/// mapping merges key by key, <c>~</c> drops a value, an outcome's or further target's id names its rule, a profile
/// merges over the configuration, examples keep proving the rule as written, and the JSON report shows what is in force.
/// </summary>
public sealed class OptionsOverrideTests
{
    private static string ConfigurationFile => RuleTestData.ConfigFile("options", "communityrules.yaml");

    private static Rule RuleOf(RuleSet ruleSet, string id) => ruleSet.Rules.Single(rule => rule.Descriptors.Any(descriptor => descriptor.Id == id));

    [Fact]
    public void A_list_replaces_the_rules_list_for_posts_and_comments_alike()
    {
        var checker = new PostChecker(RuleTestData.LoadClean([ConfigurationFile]));

        var post = checker.Check(new Post { Id = "p1", GroupId = "g1", Text = "Slides: https://share.nordvik.example/q3" });
        var comment = checker.Check(new Comment { Id = "c1", PostId = "p1", Text = "Mine: https://share.nordvik.example/q4" });
        var dropbox = checker.Check(new Post { Id = "p2", GroupId = "g1", Text = "Budget: https://www.dropbox.com/s/1" });

        Assert.Equal("POST007", Assert.Single(post).Rule.Id);
        Assert.Equal("POST008", Assert.Single(comment).Rule.Id);
        Assert.Empty(dropbox);
    }

    [Fact]
    public void A_mapping_merges_key_by_key_and_an_outcome_id_names_its_rule()
    {
        var ruleSet = RuleTestData.LoadClean([ConfigurationFile]);

        var rule = RuleOf(ruleSet, "GOV011");
        var options = Assert.IsType<CreationOptions>(rule.Options);

        Assert.Equal("GOV010", rule.Id);
        Assert.Equal(["executive", "manager", "communications", "workspace-primary-owner", "workspace-owner"], options.Allowed.Roles);
        Assert.Equal(["Kommunikation"], options.Allowed.Departments);
        Assert.Equal(new SourceLocation(ConfigurationFile, 5, 3), Assert.Single(rule.ConfiguredOptions!.Sources));
    }

    [Fact]
    public void A_null_drops_the_rules_value_and_a_list_file_is_read_beside_the_configuration()
    {
        var checker = new PostChecker(RuleTestData.LoadClean([ConfigurationFile]));

        var own = checker.Check(new Post { Id = "p1", GroupId = "g1", Text = "This meeting was pointless." });
        var packs = checker.Check(new Post { Id = "p2", GroupId = "g1", Text = "Vilket jävla väder idag." });

        Assert.Equal("POST003", Assert.Single(own).Rule.Id);
        Assert.DoesNotContain(packs, finding => finding.Rule.Id == "POST003");
    }

    [Fact]
    public void A_profiles_options_merge_over_the_configurations()
    {
        var plain = RuleTestData.LoadClean([ConfigurationFile]);
        var crisis = RuleTestData.LoadClean([ConfigurationFile], profile: "crisis");

        Assert.Equal(60, Assert.IsType<InactivityOptions>(RuleOf(plain, "GOV004").Options).Days);
        Assert.Equal(14, Assert.IsType<InactivityOptions>(RuleOf(crisis, "GOV004").Options).Days);
        Assert.Equal([new SourceLocation(ConfigurationFile, 7, 3), new SourceLocation(ConfigurationFile, 14, 7)], RuleOf(crisis, "GOV004").ConfiguredOptions!.Sources);

        // The profile names POST008, POST007's id on comments: it changes the one rule behind both.
        var checker = new PostChecker(crisis);
        Assert.Single(checker.Check(new Post { Id = "p1", GroupId = "g1", Text = "https://share.nordvik.example/x" }));
        Assert.Empty(checker.Check(new Post { Id = "p2", GroupId = "g1", Text = "https://wetransfer.com/x" }));
    }

    [Fact]
    public void Without_overrides_a_rule_keeps_its_own_options_and_reports_none()
    {
        var ruleSet = RuleTestData.LoadClean([ConfigurationFile]);

        var rule = RuleOf(ruleSet, "GOV001");

        Assert.Null(rule.ConfiguredOptions);
        Assert.Same(rule, rule.AsWritten);
    }

    [Fact]
    public async Task Examples_prove_the_rules_as_their_files_write_them()
    {
        var configured = RuleTestData.LoadClean([ConfigurationFile], profile: "crisis");
        var packs = RuleTestData.LoadTextClean("extends: [builtin:governance, builtin:posting-guidelines]\n");
        var runner = new RuleExampleRunner(new RuleEngine(new FakeTimeProvider(TestInputsClock)));

        var withConfiguration = await runner.RunAsync(configured);
        var asShipped = await runner.RunAsync(packs);

        // POST003's examples name the pack's words, which this configuration drops; they still prove the pack's rule.
        Assert.Equal(asShipped.Failures, withConfiguration.Failures);
        Assert.Equal(asShipped.Passed, withConfiguration.Passed);
        Assert.True(withConfiguration.Passed > 50);
    }

    [Fact]
    public async Task The_JSON_report_shows_the_options_in_force_where_configuration_changed_them()
    {
        var load = RuleTestData.CreateLoader().Load([ConfigurationFile], new RuleSetLoadOptions { Profile = "crisis" });
        Assert.True(load.Success, string.Join('\n', load.Errors));
        var network = InMemoryNetwork.CreateBuilder().Add(new Group { Id = "g1", Name = "SE-Sales" }).Build();
        var result = await new RuleEngine(new FakeTimeProvider(TestInputsClock)).AnalyzeAsync(load.RuleSet!, network);
        using var stream = new MemoryStream();

        await new JsonReportWriter().WriteAsync(new AnalysisReport(result, load.RuleSet!, "1.0.0", load.Files), stream, CancellationToken.None);

        using var document = JsonDocument.Parse(stream.ToArray());
        var rules = document.RootElement.GetProperty("rules").EnumerateArray().ToDictionary(rule => rule.GetProperty("id").GetString()!);
        var post007 = rules["POST007"];
        Assert.Equal(["share.nordvik.example"], post007.GetProperty("options").GetProperty("denyDomains").EnumerateArray().Select(domain => domain.GetString()));
        Assert.Equal([$"{ConfigurationFile}(4,3)", $"{ConfigurationFile}(15,7)"], post007.GetProperty("optionsSources").EnumerateArray().Select(source => source.GetString()));
        Assert.Equal(post007.GetProperty("options").GetRawText(), rules["POST008"].GetProperty("options").GetRawText());
        Assert.Equal(14, rules["GOV004"].GetProperty("options").GetProperty("days").GetInt32());
        Assert.Equal(180, rules["GOV004"].GetProperty("options").GetProperty("archiveAfterDays").GetInt32());
        Assert.False(rules["POST003"].GetProperty("options").TryGetProperty("terms", out _));
        Assert.False(rules["GOV001"].TryGetProperty("options", out _));
        Assert.False(rules["GOV001"].TryGetProperty("optionsSources", out _));
    }

    private static readonly DateTimeOffset TestInputsClock = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
}
