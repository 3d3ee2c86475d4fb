using CommunityRules.Data;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Model;
using CommunityRules.Rules;

namespace CommunityRules.Tests.RuleLanguage;

/// <summary>Good files load: the bundled pack by name and by path, folders, extends chains and configuration-only files.</summary>
public sealed class RuleSetLoaderTests
{
    private static readonly string[] GovernanceIds = ["GOV001", "GOV002", "GOV003", "GOV004", "GOV010", "GOV013", "GOV014", "GOV015"];

    [Fact]
    public void Governance_pack_loads_by_its_builtin_name()
    {
        var result = RuleTestData.CreateLoader().Load(["builtin:governance"]);

        Assert.Empty(result.Errors);
        Assert.Equal(["builtin:governance"], result.Files);
        var ruleSet = Assert.IsType<RuleSet>(result.RuleSet);
        Assert.Equal(GovernanceIds, ruleSet.Rules.Select(rule => rule.Id));
        Assert.Contains("governance", RuleSetLoader.BuiltinPacks);
    }

    [Fact]
    public void Every_bundled_pack_is_valid_against_the_schema_that_runs_skip_for_it()
    {
        // A run does not validate the bundled packs against the JSON Schema (generating it is a large part of start-up):
        // this test is what keeps them valid.
        var loader = new RuleSetLoader(CommunityRules.Checks.BuiltInChecks.Create()) { ValidateBuiltinPacks = true };
        Assert.NotEmpty(RuleSetLoader.BuiltinPacks);
        foreach (var pack in RuleSetLoader.BuiltinPacks)
        {
            var result = loader.Load([RuleSetLoader.BuiltinPrefix + pack]);
            Assert.True(result.Errors.Count == 0, pack + ": " + string.Join(Environment.NewLine, result.Errors));
        }
    }

    [Fact]
    public void A_run_binds_a_bundled_rules_examples_when_they_are_read_and_finds_the_ones_the_tests_bind_as_they_load()
    {
        var packs = RuleSetLoader.BuiltinPacks.Select(pack => RuleSetLoader.BuiltinPrefix + pack).ToList();
        var eager = new RuleSetLoader(CommunityRules.Checks.BuiltInChecks.Create()) { ValidateBuiltinPacks = true }.Load(packs).RuleSet!;
        var deferred = RuleTestData.LoadClean(packs);

        Assert.All(deferred.Rules, rule => Assert.IsType<DeferredExamples>(rule.Examples));
        Assert.All(eager.Rules, rule => Assert.IsType<List<RuleExample>>(rule.Examples));
        Assert.Equal(
            eager.Rules.SelectMany(rule => rule.Examples.Select(example => (rule.Id, example.Target, example.TargetId, example.ExpectFailure, example.AsOf, example.ExpectedMessage, example.Location, example.Outcome))),
            deferred.Rules.SelectMany(rule => rule.Examples.Select(example => (rule.Id, example.Target, example.TargetId, example.ExpectFailure, example.AsOf, example.ExpectedMessage, example.Location, example.Outcome))));
        Assert.True(deferred.Rules.Sum(rule => rule.Examples.Count) > 20);
    }

    [Fact]
    public void Governance_pack_loads_by_its_path_with_the_same_rules_as_the_bundled_copy()
    {
        var byPath = RuleTestData.LoadClean([RuleTestData.GovernanceFile]);
        var byName = RuleTestData.LoadClean(["builtin:governance"]);

        Assert.Equal(GovernanceIds, byPath.Rules.Select(rule => rule.Id));
        Assert.Equal(
            byName.Rules.Select(rule => (rule.Id, rule.Descriptor.Title, rule.Descriptor.Category, rule.Target, rule.CheckKind, byName.GetSeverity(rule))),
            byPath.Rules.Select(rule => (rule.Id, rule.Descriptor.Title, rule.Descriptor.Category, rule.Target, rule.CheckKind, byPath.GetSeverity(rule))));
        Assert.All(byPath.Rules, rule => Assert.Equal(RuleTestData.GovernanceFile, rule.Location.File));
    }

    [Fact]
    public void Governance_rules_keep_what_the_file_says()
    {
        var ruleSet = RuleTestData.LoadClean(["builtin:governance"]);
        var severities = RuleTestData.Severities(ruleSet);
        var gov003 = ruleSet.Rules.Single(rule => rule.Id == "GOV003");

        Assert.Equal(Severity.Warning, severities["GOV001"]);
        Assert.Equal(Severity.Warning, severities["GOV002"]);
        Assert.Equal(Severity.Error, severities["GOV003"]);
        Assert.Equal(Severity.Suggestion, severities["GOV004"]);
        Assert.Equal("Groups have at least two active admins", gov003.Descriptor.Title);
        Assert.Equal("structure", gov003.Descriptor.Category);
        Assert.Equal(TargetKind.Group, gov003.Target);
        Assert.Equal("admins", gov003.CheckKind);
        Assert.Equal(["structure", "ownership"], gov003.Descriptor.Tags);
        Assert.Equal(new Uri("https://github.com/communityrules/communityrules/blob/main/docs/rules/GOV003.md"), gov003.Descriptor.HelpLink);
        var line = Array.FindIndex(File.ReadAllLines(RuleTestData.GovernanceFile), text => text == "  - id: GOV003") + 1;
        Assert.Equal(new SourceLocation("builtin:governance", line, 5), gov003.Location);
    }

    [Fact]
    public void Folder_loads_its_yaml_and_yml_files_in_name_order()
    {
        var folder = RuleTestData.ConfigFile("folder");

        var result = RuleTestData.CreateLoader().Load([folder]);

        Assert.Empty(result.Errors);
        Assert.Equal(
            ["10-rules.yaml", "20-severity.yml", "30-more-rules.yaml"],
            result.Files.Select(Path.GetFileName));
        var ruleSet = result.RuleSet!;
        Assert.Equal(["FOLD001", "FOLD002"], ruleSet.Rules.Select(rule => rule.Id));
        Assert.Equal(Severity.Error, ruleSet.GetSeverity(ruleSet.Rules[0]));
        Assert.Equal(Severity.Warning, ruleSet.GetSeverity(ruleSet.Rules[1]));
    }

    [Fact]
    public void An_empty_folder_is_an_error()
    {
        var empty = Directory.CreateTempSubdirectory("communityrules-tests-");
        try
        {
            var result = RuleTestData.CreateLoader().Load([empty.FullName]);

            var error = Assert.Single(result.Errors);
            Assert.Equal("CR1015", error.Code);
            Assert.Contains("holds no .yaml or .yml rule file", error.Message, StringComparison.Ordinal);
            Assert.Null(result.RuleSet);
        }
        finally
        {
            empty.Delete();
        }
    }

    [Fact]
    public void Extends_loads_bundled_packs_and_paths_relative_to_the_extending_file_first()
    {
        var team = RuleTestData.ConfigFile("extends", "team", "communityrules.yaml");

        var result = RuleTestData.CreateLoader().Load([team]);

        Assert.Empty(result.Errors);
        Assert.Equal(
            ["builtin:governance", RuleTestData.ConfigFile("extends", "base.yaml"), team],
            result.Files.Select(file => file.StartsWith(RuleSetLoader.BuiltinPrefix, StringComparison.Ordinal) ? file : Path.GetFullPath(file)));
        var ruleSet = result.RuleSet!;
        var severities = RuleTestData.Severities(ruleSet);
        Assert.Equal([.. GovernanceIds, "TEAM001"], ruleSet.Rules.Select(rule => rule.Id));
        Assert.Equal(Severity.None, severities["GOV004"]);
        Assert.Equal(Severity.Error, severities["TEAM001"]);
        Assert.Equal(Severity.Warning, severities["GOV001"]);
    }

    [Fact]
    public async Task A_list_file_named_in_an_extended_file_is_read_relative_to_that_file()
    {
        var ruleSet = RuleTestData.LoadClean([RuleTestData.ConfigFile("extends", "team", "communityrules.yaml")]);
        var network = InMemoryNetwork.CreateBuilder()
            .Add(new Group { Id = "g1", Name = "SE-Temp team", Description = "A group that exists for a few weeks, for the move." })
            .Add(new Group { Id = "g2", Name = "SE-Sales Stockholm", Description = "News, wins and questions for the sales team in Stockholm." })
            .Build();

        var result = await new RuleEngine(TimeProvider.System).AnalyzeAsync(ruleSet, network, new AnalysisOptions { AsOf = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero) });

        var finding = Assert.Single(result.Diagnostics, d => d.Rule.Id == "TEAM001");
        Assert.Equal("g1", finding.Target.Id);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("'SE-Temp team' contains a blocked word: it contains the blocked word 'temp'.", finding.Message);
    }

    [Fact]
    public void Extends_that_form_a_cycle_read_each_file_once()
    {
        var result = RuleTestData.CreateLoader().Load([RuleTestData.ConfigFile("cycle", "a.yaml")]);

        Assert.Empty(result.Errors);
        Assert.Equal(["b.yaml", "a.yaml"], result.Files.Select(Path.GetFileName));
        var rule = Assert.Single(result.RuleSet!.Rules);
        Assert.Equal("CYC001", rule.Id);
        Assert.Equal(Severity.Error, result.RuleSet.GetSeverity(rule));
    }

    [Fact]
    public void A_file_with_only_configuration_loads()
    {
        var path = RuleTestData.ConfigFile("configuration-only.yaml");

        var ruleSet = RuleTestData.LoadClean([path]);

        var severities = RuleTestData.Severities(ruleSet);
        Assert.Equal(GovernanceIds, ruleSet.Rules.Select(rule => rule.Id));
        Assert.Equal(Severity.Error, severities["GOV001"]);
        Assert.Equal(Severity.None, severities["GOV004"]);
        Assert.Equal(Severity.Error, severities["GOV003"]);
        var exemption = Assert.Single(ruleSet.Exemptions);
        Assert.Equal("GOV003", exemption.RuleId);
        Assert.Equal("g042", exemption.Target);
        Assert.Equal("The only admin is on parental leave; a second one is named in March.", exemption.Justification);
        Assert.Equal(new DateOnly(2026, 3, 31), exemption.Expires);
        Assert.Equal("anna.berg@example.com", exemption.Owner);
        Assert.Equal(new SourceLocation(path, 8, 5), exemption.Location);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# Rules will come here.\n")]
    [InlineData("\n   \n")]
    public void An_empty_file_is_an_error(string yaml)
    {
        var result = RuleTestData.CreateLoader().LoadText(yaml, "empty.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal((new SourceLocation("empty.yaml", 1, 1), "CR1026"), (error.Location, error.Code));
        Assert.StartsWith("The rule file is empty", error.Message, StringComparison.Ordinal);
        Assert.Null(result.RuleSet);
    }

    [Theory]
    [InlineData("rules: []\n", "The configuration defines no rule")]
    [InlineData("severity:\n  default: warning\n", "The configuration defines no rule")]
    [InlineData("extends: [builtin:governance]\nseverity:\n  default: none\n", "The configuration runs no rule: all")]
    public void A_configuration_that_runs_no_rule_loads_but_is_named_as_running_nothing(string yaml, string message)
    {
        // The loader accepts it, for programs that want only the engine's data rules; the command line and bots refuse it.
        var ruleSet = RuleTestData.LoadTextClean(yaml, "config.yaml");

        var error = RuleSetLoader.NothingToRun(ruleSet, ["config.yaml"]);

        Assert.NotNull(error);
        Assert.Equal((new SourceLocation("config.yaml", 1, 1), "CR1026"), (error.Location, error.Code));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Null(RuleSetLoader.NothingToRun(RuleTestData.LoadTextClean("extends: [builtin:governance]\n"), ["config.yaml"]));
    }

    [Fact]
    public void The_same_file_given_twice_is_read_once()
    {
        var path = RuleTestData.ConfigFile("rules.yaml");

        var result = RuleTestData.CreateLoader().Load([path, path]);

        Assert.Empty(result.Errors);
        Assert.Single(result.Files);
        Assert.Equal(5, result.RuleSet!.Rules.Count);
    }

    [Fact]
    public void Text_can_extend_the_bundled_pack()
    {
        var ruleSet = RuleTestData.LoadTextClean("extends: [builtin:governance]\nseverity:\n  GOV002: error\n");

        Assert.Equal(GovernanceIds, ruleSet.Rules.Select(rule => rule.Id));
        Assert.Equal(Severity.Error, RuleTestData.Severities(ruleSet)["GOV002"]);
    }
}
