using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Rules;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Checks;

/// <summary>
/// The <c>where:</c> scopes of <c>Rules/scopes.yaml</c> over the <c>scopes</c> network. Group rules use the description
/// check (no group has one) and post and comment rules the test's echo check, so every target in scope is reported.
/// </summary>
public sealed class ScopeTests
{
    private static readonly Lazy<Task<AnalysisResult>> Scopes = new(() => TestInputs.RunAsync("scopes.yaml", "scopes", new EchoCheck()));

    [Theory]
    [InlineData("SCP-EQUALS", new[] { "g-no-closed" })]
    [InlineData("SCP-EQUALS-CASE", new[] { "g-se-open", "g-dk-open", "g-archived" })]
    [InlineData("SCP-LIST", new[] { "g-se-open", "g-no-closed", "g-archived" })]
    [InlineData("SCP-MATCHES", new[] { "g-fi-secret", "g-dk-open" })]
    [InlineData("SCP-NOT", new[] { "g-se-open", "g-no-closed", "g-dk-open", "g-unknown", "g-archived" })]
    [InlineData("SCP-ANY", new[] { "g-fi-secret", "g-dk-open" })]
    [InlineData("SCP-ALL", new[] { "g-se-open", "g-dk-open" })]
    [InlineData("SCP-TOPICS", new[] { "g-no-closed", "g-fi-secret" })]
    [InlineData("SCP-TOPICS-MATCH", new[] { "g-fi-secret" })]
    [InlineData("SCP-NULL", new[] { "g-unknown" })]
    public async Task A_group_scope_selects_exactly_the_matching_groups(string ruleId, string[] expected)
    {
        var result = await Scopes.Value;

        Assert.Equal(expected, result.TargetsOf(ruleId));
        Assert.All(result.Of(ruleId), d => Assert.Contains("no description", d.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_post_scope_can_name_the_posts_group_and_author()
    {
        var result = await Scopes.Value;

        var finding = Assert.Single(result.Of("SCP-POST"));
        Assert.Equal(TargetKind.Post, finding.Target.Kind);
        Assert.Equal("po-1", finding.Target.Id);
        Assert.Equal("g-se-open", finding.Target.GroupId);
        Assert.Equal("Välkommen", finding.Target.Name);
        Assert.Equal("group/g-se-open/post/po-1", finding.Target.LogicalPath);
        Assert.Equal("seen post po-1 in SE-Öppet forum by Åsa Lindqvist", finding.Message);
    }

    [Fact]
    public async Task A_post_scope_can_exclude_by_the_posts_group()
    {
        var result = await Scopes.Value;

        Assert.Equal(["po-3"], result.TargetsOf("SCP-POST-NOT"));
    }

    [Fact]
    public async Task A_post_scope_can_select_by_the_posts_own_enum_field()
    {
        var result = await Scopes.Value;

        Assert.Equal(["po-1", "po-3"], result.TargetsOf("SCP-POST-TYPE"));
    }

    [Fact]
    public async Task A_comment_scope_sees_the_group_of_the_post_commented_on()
    {
        var result = await Scopes.Value;

        var findings = result.Of("SCP-COMMENT");
        Assert.Equal(["c-1", "c-3"], findings.Select(d => d.Target.Id));
        Assert.Equal(["g-se-open", "g-dk-open"], findings.Select(d => d.Target.GroupId));
        Assert.All(findings, d => Assert.Equal(TargetKind.Comment, d.Target.Kind));
        Assert.Equal("seen comment c-1", findings[0].Message);
    }

    [Fact]
    public async Task A_comment_scope_combines_the_author_and_a_pattern_on_the_group_name()
    {
        var result = await Scopes.Value;

        Assert.Equal(["c-2"], result.TargetsOf("SCP-COMMENT-RELATED"));
    }

    [Fact]
    public void A_where_field_the_target_does_not_have_is_an_error_with_a_suggestion()
    {
        const string Yaml = """
            rules:
              - id: SCP-TYPO
                title: A misspelt field
                target: group
                where:
                  privacyy: open
                check: description
                message: "{reason}"
            """;

        var result = TestInputs.CreateLoader().LoadText(Yaml, "scopes-typo.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal("CR1020", error.Code);
        Assert.Equal(new SourceLocation("scopes-typo.yaml", 6, 7), error.Location);
        Assert.Contains("'privacyy'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'privacy'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_regular_expression_in_a_scope_is_an_error_at_the_pattern()
    {
        const string Yaml = """
            rules:
              - id: SCP-REGEX
                title: A broken pattern
                target: group
                where:
                  name: { matches: "^(SE|NO" }
                check: description
                message: "{reason}"
            """;

        var result = TestInputs.CreateLoader().LoadText(Yaml, "scopes-regex.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal("CR1010", error.Code);
        Assert.Equal(6, error.Location.Line);
        Assert.Contains("'(' is never closed", error.Message, StringComparison.Ordinal);
    }
}
