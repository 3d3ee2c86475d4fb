using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Checks;

/// <summary>The naming check over <c>Rules/naming.yaml</c> and the <c>naming</c> network: each rule looks at the groups with its topic.</summary>
public sealed class NamingCheckTests
{
    private const string Template = "'[CountryOrRegion]-[GroupName]'";
    private static readonly Lazy<Task<AnalysisResult>> Naming = new(() => TestInputs.RunAsync("naming.yaml", "naming"));

    [Fact]
    public async Task Pattern_flags_names_that_do_not_match_and_passes_Nordic_capitals()
    {
        var result = await Naming.Value;

        // 'SE-Försäljning Stockholm' and 'DK-Ærø Ferie' pass; 'NO-økonomi' fails on its lower-case ø.
        Assert.Equal(["g-p2", "g-p3"], result.TargetsOf("NAM-PATTERN"));
        var finding = result.AssertFinding("NAM-PATTERN", "g-p2", "does not match the pattern ^(SE|NO|DK|FI)-\\p{Lu}");
        Assert.StartsWith("'sales team' breaks the naming convention: ", finding.Message, StringComparison.Ordinal);
        Assert.EndsWith(".", finding.Message, StringComparison.Ordinal);
        Assert.Equal(TargetKind.Group, finding.Target.Kind);
        Assert.Equal("sales team", finding.Target.Name);
        Assert.Equal("group/g-p2", finding.Target.LogicalPath);
        Assert.Equal(Severity.Warning, finding.Severity);
        result.AssertFinding("NAM-PATTERN", "g-p3", "'NO-økonomi'", "does not match the pattern");
    }

    [Fact]
    public async Task Template_fills_in_the_creators_country_and_ignores_case()
    {
        var result = await Naming.Value;

        // g-t1 'SE-Kundtjänst' by Åsa (SE) and g-t3 'fi-kahvi' by Aino (FI) pass.
        Assert.Equal(["g-t2", "g-t4", "g-t5", "g-t6"], result.TargetsOf("NAM-TEMPLATE"));
        result.AssertFinding("NAM-TEMPLATE", "g-t2", "'NO-Kundtjänst'", "does not start with 'SE-'", Template);
        result.AssertFinding("NAM-TEMPLATE", "g-t6", "'NO-'", "has no name between 'NO-' and ''", Template);
    }

    [Fact]
    public async Task Template_with_a_creator_without_a_country_cannot_be_checked()
    {
        var result = await Naming.Value;

        result.AssertFinding("NAM-TEMPLATE", "g-t4", "cannot be checked against the template " + Template, "the creator Søren Kierkegaard has no country or region");
        result.AssertFinding("NAM-TEMPLATE", "g-t5", "cannot be checked against the template " + Template, "the group's creator is not known");
    }

    [Fact]
    public async Task Template_treats_an_unknown_token_as_literal_text_and_checks_the_suffix()
    {
        var result = await Naming.Value;

        // g-l1 '[Foo] SE-Lönelista (intern)' passes: [Foo] is text, [CountryOrRegion] is Åsa's SE.
        Assert.Equal(["g-l2", "g-l3"], result.TargetsOf("NAM-LITERAL"));
        result.AssertFinding("NAM-LITERAL", "g-l2", "does not start with '[Foo] SE-'");
        result.AssertFinding("NAM-LITERAL", "g-l3", "does not end with ' (intern)'");
    }

    [Fact]
    public async Task Length_limits_are_inclusive()
    {
        var result = await Naming.Value;

        // 'SE-Ab' (5) and 'FI-Tampereen kahvila' (20) sit exactly on the limits and pass.
        Assert.Equal(["g-len1", "g-len4"], result.TargetsOf("NAM-LENGTH"));
        result.AssertFinding("NAM-LENGTH", "g-len1", "4 characters", "minimum is 5");
        result.AssertFinding("NAM-LENGTH", "g-len4", "21 characters", "maximum is 20");
    }

    [Fact]
    public async Task Blocked_words_match_whole_words_ignoring_case_with_Nordic_letters()
    {
        var result = await Naming.Value;

        // Not flagged: 'SE-Contest' (test inside a word), 'SE-Teståret' (å continues the word), 'DK-Temp_filer' (_ joins words).
        Assert.Equal(["g-b1", "g-b3", "g-b4", "g-b6", "g-b8"], result.TargetsOf("NAM-BLOCKED"));
        result.AssertFinding("NAM-BLOCKED", "g-b1", "blocked word 'test'");
        result.AssertFinding("NAM-BLOCKED", "g-b3", "blocked word 'övrigt'");
        result.AssertFinding("NAM-BLOCKED", "g-b4", "blocked word 'søppel'");
        result.AssertFinding("NAM-BLOCKED", "g-b8", "blocked word 'test'");
    }

    [Fact]
    public async Task Blocked_words_match_a_name_written_with_a_combining_diaeresis()
    {
        var result = await Naming.Value;

        // g-b6 is 'SE-O\u0308vrigt': O followed by U+0308, which normalizes to Ö.
        result.AssertFinding("NAM-BLOCKED", "g-b6", "blocked word 'övrigt'");
    }

    [Fact]
    public async Task Exact_match_flags_only_names_that_are_the_blocked_word()
    {
        var result = await Naming.Value;

        // 'SE-Test group' passes; ' TEMP ' is the blocked word once its spaces are trimmed.
        Assert.Equal(["g-e1", "g-e3"], result.TargetsOf("NAM-EXACT"));
        result.AssertFinding("NAM-EXACT", "g-e1", "'test' is blocked");
        result.AssertFinding("NAM-EXACT", "g-e3", "'temp' is blocked");
    }

    [Fact]
    public async Task Substring_match_finds_the_word_inside_other_words()
    {
        var result = await Naming.Value;

        Assert.Equal(["g-s1"], result.TargetsOf("NAM-SUBSTRING"));
        result.AssertFinding("NAM-SUBSTRING", "g-s1", "blocked word 'test'");
    }

    [Fact]
    public async Task Blocked_words_file_is_read_relative_to_the_rule_file_skipping_comments()
    {
        var result = await Naming.Value;

        // 'SE-Kaffe' passes: kaffe only appears in a # comment of the list file.
        Assert.Equal(["g-f1", "g-f2", "g-f4", "g-f5"], result.TargetsOf("NAM-FILE"));
        result.AssertFinding("NAM-FILE", "g-f1", "blocked word 'sekalaista'");
        result.AssertFinding("NAM-FILE", "g-f2", "blocked word 'tmp'");
        result.AssertFinding("NAM-FILE", "g-f4", "blocked word 'till salu'");
        result.AssertFinding("NAM-FILE", "g-f5", "blocked word 'diverse'");
    }

    [Fact]
    public async Task Every_problem_of_a_name_is_named_in_one_finding()
    {
        var result = await Naming.Value;

        var finding = Assert.Single(result.Of("NAM-COMBINED"));
        Assert.Equal("g-c1", finding.Target.Id);
        result.AssertFinding("NAM-COMBINED", "g-c1", "18 characters", "maximum is 10", "does not match the pattern ^(SE|NO|DK|FI)-", "blocked word 'test'");
        Assert.Equal(finding.Message, finding.Properties["reason"]);
    }

    [Fact]
    public async Task Naming_rules_report_nothing_but_naming_findings()
    {
        var result = await Naming.Value;

        Assert.Empty(result.DataIssues);
        Assert.All(result.Diagnostics, diagnostic => Assert.StartsWith("NAM-", diagnostic.Rule.Id, StringComparison.Ordinal));
        Assert.Equal(5, result.Summary.Read.People);
        Assert.Equal(36, result.Summary.Read.Groups);
    }

    [Fact]
    public void A_missing_list_file_and_a_template_without_GroupName_are_errors_at_the_option()
    {
        var path = TestInputs.RulesFile("naming-invalid.yaml");

        var result = TestInputs.CreateLoader().Load([path]);

        Assert.False(result.Success);
        Assert.Collection(
            result.Errors,
            error =>
            {
                Assert.Equal("CR1014", error.Code);
                Assert.Equal((7, 25), (error.Location.Line, error.Location.Column));
                Assert.Contains("'lists/no-such-list.txt' was not found", error.Message, StringComparison.Ordinal);
                Assert.Contains("relative to the rule file", error.Message, StringComparison.Ordinal);
            },
            error =>
            {
                Assert.Equal("CR1014", error.Code);
                Assert.Equal((16, 17), (error.Location.Line, error.Location.Column));
                Assert.Contains("has no [GroupName]", error.Message, StringComparison.Ordinal);
            });
        Assert.All(result.Errors, error => Assert.Equal(path, error.Location.File));
    }
}
