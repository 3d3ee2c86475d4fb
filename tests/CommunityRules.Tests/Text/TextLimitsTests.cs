using System.Globalization;
using System.Text;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Model;
using CommunityRules.Rules;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Text;

/// <summary>What one post can make a text rule report: at most so many findings, and no personal data or long value quoted.</summary>
public sealed class TextLimitsTests
{
    private static readonly Lazy<RuleSet> Rules = new(() => TestInputs.LoadRules("text-limits.yaml"));

    private static readonly Group Group = new()
    {
        Id = "g-1",
        Name = "SE-Tolvans team 19121212-1212",
        Description = "Frågor till Tolvan på 19121212-1212 eller 070-123 45 67.",
    };

    [Fact]
    public void A_rule_reports_at_most_100_findings_on_a_post_and_then_how_many_more_it_found()
    {
        var text = Addresses(150);

        var findings = Of(new PostChecker(Rules.Value).Check(Post(text)), "LIM-PD");

        Assert.Equal(101, findings.Count);
        Assert.All(findings.Take(100), finding => Assert.Equal("e-mail address", finding.Properties["detector"]));
        var more = findings[^1];
        Assert.Equal("50", more.Properties["leftOut"]);
        Assert.Equal("100", more.Properties["limit"]);
        Assert.Equal(Severity.Warning, more.Severity);
        Assert.Equal("and 50 more: rule LIM-PD found 50 more things in this post than the 100 findings it reports per post; they were left out of the report", more.Message);
        Assert.Equal(101, findings.Select(finding => finding.Fingerprint).Distinct().Count());
    }

    [Fact]
    public void Things_already_reported_are_not_counted_again_and_each_left_out_thing_is_counted_once()
    {
        // 150 addresses, then the first 10 (reported) and addresses 120 to 129 (left out) once more.
        var text = Addresses(150) + Addresses(10) + Addresses(130)[(Addresses(120).Length)..];

        var more = Of(new PostChecker(Rules.Value).Check(Post(text)), "LIM-PD")[^1];

        Assert.Equal("50", more.Properties["leftOut"]);
    }

    [Fact]
    public void The_bot_and_the_engine_take_their_own_limit()
    {
        var text = Addresses(12);

        var bot = Of(new PostChecker(Rules.Value) { MaxFindingsPerPost = 5 }.Check(Post(text)), "LIM-PD");

        Assert.Equal(6, bot.Count);
        Assert.Equal("7", bot[^1].Properties["leftOut"]);
        Assert.Throws<ArgumentOutOfRangeException>(() => new PostChecker(Rules.Value) { MaxFindingsPerPost = 0 });
    }

    [Fact]
    public async Task The_engine_caps_each_post_and_each_rule_on_its_own()
    {
        var network = CommunityRules.Data.InMemoryNetwork.CreateBuilder()
            .Add(Group)
            .Add(Post(Addresses(8), "po-1"))
            .Add(Post(Addresses(3), "po-2"))
            .Add(Post(Addresses(8), "po-3"))
            .Build();

        var result = await new RuleEngine(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestInputs.ClockNow))
            .AnalyzeAsync(Rules.Value, network, new AnalysisOptions { MaxFindingsPerPost = 4 });

        Assert.Equal(
            ["po-1", "po-1", "po-1", "po-1", "po-1 left out 4", "po-2", "po-2", "po-2", "po-3", "po-3", "po-3", "po-3", "po-3 left out 4"],
            result.Of("LIM-PD").Select(finding => finding.Target.Id + (finding.Properties.TryGetValue("leftOut", out var n) ? $" left out {n}" : string.Empty)));
    }

    [Fact]
    public void A_megabyte_line_of_personal_numbers_gives_a_hundred_and_one_findings()
    {
        var text = new StringBuilder();
        for (var i = 0; text.Length < 1_000_000; i++)
        {
            text.Append(Personnummer(i)).Append(' ');
        }

        var findings = Of(new PostChecker(Rules.Value).Check(Post(text.ToString())), "LIM-PD");

        Assert.Equal(101, findings.Count);
        Assert.Equal("Swedish personnummer", findings[0].Properties["detector"]);
        Assert.Equal(((1_000_000 / 12) + 1 - 100).ToString(CultureInfo.InvariantCulture), findings[^1].Properties["leftOut"]);
    }

    [Fact]
    public void Group_names_and_descriptions_are_masked_in_messages_and_in_the_target()
    {
        var finding = Assert.Single(new PostChecker(Rules.Value).Check(Post("Detta är konfidentiellt."), Group), finding => finding.Rule.Id == "LIM-TERMS");

        Assert.Equal("'konfidentiellt' in 'SE-Tolvans team 19121212-****' (Frågor till Tolvan på 19121212-**** eller 070-*** ** **.) at character 10", finding.Message);
    }

    [Fact]
    public async Task A_group_finding_names_its_group_masked()
    {
        var result = await TestInputs.RunAsync(Rules.Value, "slow-pattern");

        var finding = Assert.Single(result.Of("LIM-GROUP"));
        Assert.Equal("SE-Tolvans team 19121212-****", finding.Target.Name);
        Assert.Equal("'SE-Tolvans team 19121212-****' says only: Frågor till Tolvan på 19121212-**** eller 070-*** ** **.", finding.Message);
        Assert.DoesNotContain("1212-1212", string.Join("\n", result.Diagnostics.Select(d => d.Message + d.Target.Name + string.Concat(d.Properties.Values))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Look_alike_groups_are_named_masked()
    {
        var network = CommunityRules.Data.InMemoryNetwork.CreateBuilder()
            .Add(new Group { Id = "g-a", Name = "Tolvans grupp 19121212-1212" })
            .Add(new Group { Id = "g-b", Name = "Tolvans Grupp 19121212-1212" })
            .Build();

        var result = await new RuleEngine(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestInputs.ClockNow))
            .AnalyzeAsync(TestInputs.LoadRules("duplicates-names.yaml"), network);

        var finding = result.Of("DUP-NAMES")[0];
        Assert.Contains("'Tolvans Grupp 19121212-****'", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("1212-1212", string.Join("\n", result.Diagnostics.Select(d => d.Message + d.Target.Name + string.Concat(d.Properties.Values))), StringComparison.Ordinal);
    }

    [Fact]
    public void A_term_found_inside_personal_data_is_quoted_masked()
    {
        var finding = Assert.Single(new PostChecker(Rules.Value).Check(Post("Ring 19121212-1212 i dag.")), finding => finding.Rule.Id == "LIM-DIGITS");

        Assert.Equal("'****' at character 8", finding.Message);
        Assert.Equal("****", finding.Properties["match"]);
    }

    [Fact]
    public void A_term_outside_personal_data_is_quoted_as_written()
    {
        var finding = Assert.Single(new PostChecker(Rules.Value).Check(Post("Ärende 1212 är stängt.")), finding => finding.Rule.Id == "LIM-DIGITS");

        Assert.Equal("1212", finding.Properties["match"]);
    }

    [Fact]
    public void Long_matches_and_named_groups_are_cut_to_80_characters()
    {
        var text = string.Concat(Enumerable.Repeat("Ett långt inlägg utan radbrytning som fortsätter. ", 20)).TrimEnd();

        var finding = Assert.Single(new PostChecker(Rules.Value).Check(Post(text)), finding => finding.Rule.Id == "LIM-ANY");

        Assert.Equal(80, finding.Properties["match"].Length);
        Assert.EndsWith("…", finding.Properties["match"], StringComparison.Ordinal);
        Assert.Equal(text[..79] + "…", finding.Message);
        Assert.True(finding.Properties["reason"].Length < 200, finding.Properties["reason"]);
    }

    [Fact]
    public void A_cut_never_splits_an_emoji()
    {
        var text = new string('x', 78) + "🙂🙂 slut";

        var finding = Assert.Single(new PostChecker(Rules.Value).Check(Post(text)), finding => finding.Rule.Id == "LIM-ANY");

        Assert.Equal(new string('x', 78) + "…", finding.Properties["match"]);
    }

    private static Post Post(string text, string id = "p-1") => new() { Id = id, GroupId = Group.Id, Text = text };

    private static List<Diagnostic> Of(IReadOnlyList<Diagnostic> findings, string ruleId) => [.. findings.Where(finding => finding.Rule.Id == ruleId)];

    /// <summary>The i-th of many distinct, valid Swedish personnummer (YYMMDD-NNNC, C the Luhn check digit), 11 characters.</summary>
    private static string Personnummer(int i)
    {
        var digits = string.Create(CultureInfo.InvariantCulture, $"{60 + (i % 30):00}{1 + (i / 30 % 12):00}{1 + (i / 360 % 28):00}{i / 10080 % 1000:000}");
        var sum = 0;
        for (var d = 0; d < digits.Length; d++)
        {
            var product = (digits[d] - '0') * (d % 2 == 0 ? 2 : 1);
            sum += (product / 10) + (product % 10);
        }

        return string.Concat(digits.AsSpan(0, 6), "-", digits.AsSpan(6), ((10 - (sum % 10)) % 10).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Distinct personal addresses, one a line, the i-th always spelt the same.</summary>
    private static string Addresses(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"Skriv till anna.lind{i}@example.org.\n")));
}
