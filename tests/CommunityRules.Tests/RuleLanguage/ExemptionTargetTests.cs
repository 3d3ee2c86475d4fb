using CommunityRules.Rules;

namespace CommunityRules.Tests.RuleLanguage;

/// <summary>
/// An exemption's <c>target:</c> names a finding's target by id or name: <c>*</c> for any run of characters, <c>?</c>
/// for one, case ignored, the whole text matched (not a part of it), and <c>\</c> for a literal wildcard character.
/// </summary>
public sealed class ExemptionTargetTests
{
    [Theory]
    [InlineData("g0*", "g01", null, true)]
    [InlineData("g0*", "g0", null, true)]
    [InlineData("g0*", "G02", null, true)]
    [InlineData("g0*", "xg01", null, false)]
    [InlineData("g0?", "g01", null, true)]
    [InlineData("g0?", "g0", null, false)]
    [InlineData("g0?", "g012", null, false)]
    [InlineData("s1", "s1", null, true)]
    [InlineData("s1", "s10", null, false)]
    [InlineData("*", "anything", null, true)]
    [InlineData("no-support *", "g77", "No-Support Oslo", true)]
    [InlineData("no-support *", "g77", "Support Oslo", false)]
    [InlineData("*ekonomi*", "g5", "SE-Ekonomi Göteborg", true)]
    [InlineData("se-*-*g", "g5", "SE-Ekonomi-Göteborg", true)]
    [InlineData("ÖVRIGT*", "g6", "övrigt i Malmö", true)]
    [InlineData("a*b*c", "g7", "aXbYbZ", false)]
    [InlineData("50% off\\*", "g8", "50% off*", true)]
    [InlineData("50% off\\*", "g8", "50% off now", false)]
    public void A_target_pattern_matches_the_whole_id_or_name(string pattern, string id, string? name, bool expected)
    {
        var exemption = new Exemption("EXM001", pattern, "Because.", new DateOnly(2026, 12, 31), Owner: null, new SourceLocation("rules.yaml", 1, 1));

        Assert.Equal(expected, exemption.Covers(id, name));
    }
}
