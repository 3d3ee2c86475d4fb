using CommunityRules.Engine;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Checks;

/// <summary>The description check over <c>Rules/description.yaml</c> and the <c>description</c> network.</summary>
public sealed class DescriptionCheckTests
{
    private static readonly Lazy<Task<AnalysisResult>> Description = new(() => TestInputs.RunAsync("description.yaml", "description"));

    [Fact]
    public async Task Missing_whitespace_only_null_and_short_descriptions_are_flagged()
    {
        var result = await Description.Value;

        Assert.Equal(["g-d1", "g-d2", "g-d3", "g-d4", "g-d7"], result.TargetsOf("DSC-MIN30"));
        var missing = result.AssertFinding("DSC-MIN30", "g-d1", "'DK-Uden beskrivelse' needs a better description: ", "no description", "(length 0).");
        Assert.Equal("0", missing.Properties["length"]);
        result.AssertFinding("DSC-MIN30", "g-d2", "'DK-Kun mellemrum'", "no description", "(length 0)");
        result.AssertFinding("DSC-MIN30", "g-d7", "'NO-Null'", "no description", "(length 0)");
    }

    [Fact]
    public async Task A_short_description_is_measured_without_the_spaces_at_its_ends()
    {
        var result = await Description.Value;

        result.AssertFinding("DSC-MIN30", "g-d3", "'SE-Sales'", "6 characters", "at least 30", "(length 6)");
        var padded = result.AssertFinding("DSC-MIN30", "g-d4", "21 characters", "at least 30");
        Assert.Equal("21", padded.Properties["length"]);
    }

    [Fact]
    public async Task A_description_of_exactly_the_minimum_length_or_longer_passes()
    {
        var result = await Description.Value;

        // g-d5 'Ærø: nyheder for hele øen ofte' is exactly 30 characters; g-d6 is longer.
        Assert.DoesNotContain("g-d5", result.TargetsOf("DSC-MIN30"));
        Assert.DoesNotContain("g-d6", result.TargetsOf("DSC-MIN30"));
    }

    [Fact]
    public async Task An_optional_description_without_a_minimum_flags_nothing()
    {
        var result = await Description.Value;

        Assert.Empty(result.Of("DSC-OPTIONAL"));
    }

    [Fact]
    public async Task A_required_description_without_a_minimum_flags_only_missing_ones()
    {
        var result = await Description.Value;

        Assert.Equal(["g-d1", "g-d2", "g-d7"], result.TargetsOf("DSC-REQUIRED"));
        Assert.All(result.Of("DSC-REQUIRED"), d => Assert.Contains("no description", d.Message, StringComparison.Ordinal));
    }
}
