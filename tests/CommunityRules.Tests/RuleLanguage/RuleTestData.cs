using CommunityRules.Checks;
using CommunityRules.Diagnostics;
using CommunityRules.Rules;

namespace CommunityRules.Tests.RuleLanguage;

/// <summary>Where the rule-language tests find their YAML files, and small helpers to load them.</summary>
internal static class RuleTestData
{
    /// <summary>Gets the folder of bad rule files, each headed by the errors the loader must print.</summary>
    public static string BadRules => Path.Combine(AppContext.BaseDirectory, "TestData", "BadRules");

    /// <summary>Gets the folder of configuration files (severities, profiles, exemptions, extends).</summary>
    public static string Config => Path.Combine(AppContext.BaseDirectory, "TestData", "Config");

    /// <summary>Gets the checked-in governance pack, <c>rules/governance.yaml</c>.</summary>
    public static string GovernanceFile => Path.Combine(TestPaths.RepoRoot, "rules", "governance.yaml");

    public static string ConfigFile(params string[] parts) => Path.Combine([Config, .. parts]);

    public static RuleSetLoader CreateLoader() => new(BuiltInChecks.Create());

    /// <summary>Loads files that must load cleanly; a failure lists every error in the canonical form.</summary>
    public static RuleSet LoadClean(IEnumerable<string> paths, string? profile = null)
    {
        var result = CreateLoader().Load(paths, new RuleSetLoadOptions { Profile = profile });
        return RuleSetOf(result);
    }

    /// <summary>Loads YAML text that must load cleanly.</summary>
    public static RuleSet LoadTextClean(string yaml, string fileName = "rules.yaml")
    {
        var result = CreateLoader().LoadText(yaml, fileName);
        return RuleSetOf(result);
    }

    /// <summary>Gets the severity in force of every rule in a set, by id.</summary>
    public static Dictionary<string, Severity> Severities(RuleSet ruleSet) =>
        ruleSet.Rules.ToDictionary(rule => rule.Id, ruleSet.GetSeverity, StringComparer.Ordinal);

    private static RuleSet RuleSetOf(RuleSetLoadResult result)
    {
        Assert.True(result.Errors.Count == 0, "Expected no errors, but the loader printed:\n" + string.Join('\n', result.Errors));
        Assert.True(result.Success);
        return result.RuleSet!;
    }
}
