using CommunityRules.Diagnostics;
using CommunityRules.History;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.History;

/// <summary>What a run's record holds beside its findings: the hash of the rule set in force, and how two runs compare.</summary>
public sealed class RunRecordTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("communityrules-ruleset-hash-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_rule_set_hash_is_the_same_for_the_same_rules_however_the_file_is_laid_out()
    {
        var original = File.ReadAllText(TestInputs.RulesFile("cli.yaml"));
        // Comments, blank lines and the order of keys in a rule are not the rules.
        var relaidOut = "# A comment of our own\n\n" + original
            .Replace("    title: Group names follow the convention\n    category: naming\n", "    category: naming   # the naming category\n    title: Group names follow the convention\n", StringComparison.Ordinal);
        Assert.NotEqual(original, relaidOut);

        Assert.Equal(Hash(original), Hash(relaidOut));
        Assert.Equal(Hash(original), RunRecord.ComputeRuleSetHash(TestInputs.LoadRules("cli.yaml")));
        Assert.Matches("^[0-9a-f]{64}$", Hash(original));
    }

    [Theory]
    [InlineData("severity: warning\n    target: group\n    check: description", "severity: error\n    target: group\n    check: description")]
    [InlineData("minLength: 20", "minLength: 21")]
    [InlineData("days: 90", "days: 91")]
    [InlineData("target: group\n    check: admins", "target: group\n    where: { archived: false }\n    check: admins")]
    [InlineData("needs an admin: {reason}.", "needs an admin now: {reason}.")]
    public void The_rule_set_hash_changes_when_a_severity_option_scope_or_message_does(string before, string after)
    {
        var original = File.ReadAllText(TestInputs.RulesFile("cli.yaml"));
        Assert.Contains(before, original, StringComparison.Ordinal);

        Assert.NotEqual(Hash(original), Hash(original.Replace(before, after, StringComparison.Ordinal)));
    }

    [Fact]
    public void The_rule_set_hash_changes_when_a_list_file_a_rule_reads_does()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "lists"));
        var rules = Path.Combine(_folder, "naming.yaml");
        File.Copy(TestInputs.RulesFile("naming.yaml"), rules);
        var list = Path.Combine(_folder, "lists", "blocked-words.txt");
        File.Copy(TestInputs.RulesFile(Path.Combine("lists", "blocked-words.txt")), list);
        var before = HashOf(rules);

        File.AppendAllText(list, "\nprovisorisk\n");

        Assert.Equal(before, HashOf(TestInputs.RulesFile("naming.yaml")));
        Assert.NotEqual(before, HashOf(rules));
    }

    [Fact]
    public void The_rule_set_hash_changes_with_a_profile_or_an_exemption()
    {
        var plain = RunRecord.ComputeRuleSetHash(TestInputs.LoadRules("cli.yaml"));
        var loader = TestInputs.CreateLoader();
        var lenient = loader.Load([TestInputs.RulesFile("cli.yaml")], new CommunityRules.Rules.RuleSetLoadOptions { Profile = "lenient" }).RuleSet!;

        Assert.NotEqual(plain, RunRecord.ComputeRuleSetHash(lenient));
        Assert.NotEqual(plain, RunRecord.ComputeRuleSetHash(TestInputs.LoadRules("history.yaml")));
    }

    [Fact]
    public void Two_runs_compare_by_fingerprint_and_a_fingerprint_found_twice_pairs_in_order()
    {
        RecordedFinding Finding(string fingerprint, string message, Severity severity = Severity.Warning) =>
            new(fingerprint, "GOV001", severity, "group", "g1", null, "g1", message, false, null);
        IReadOnlyList<RecordedFinding> before = [Finding("a", "one"), Finding("b", "two"), Finding("b", "two again"), Finding("c", "three")];
        IReadOnlyList<RecordedFinding> after = [Finding("b", "two"), Finding("a", "one", Severity.Error), Finding("d", "four"), Finding("b", "two again, reworded")];

        var compared = RunComparison.Compare(before, after);

        Assert.Equal(
            [(FindingChange.Unchanged, "two"), (FindingChange.Updated, "one"), (FindingChange.New, "four"), (FindingChange.Updated, "two again, reworded"), (FindingChange.Absent, "three")],
            compared.Select(finding => (finding.Change, finding.Finding.Message)));
        Assert.Equal("two again", compared[3].Before!.Message);
    }

    private static string HashOf(string path)
    {
        var loaded = TestInputs.CreateLoader().Load([path]);
        Assert.True(loaded.Success, string.Join("\n", loaded.Errors));
        return RunRecord.ComputeRuleSetHash(loaded.RuleSet!);
    }

    private string Hash(string rules)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(path, rules);
        var loaded = TestInputs.CreateLoader().Load([path]);
        Assert.True(loaded.Success, string.Join("\n", loaded.Errors));
        return RunRecord.ComputeRuleSetHash(loaded.RuleSet!);
    }
}
