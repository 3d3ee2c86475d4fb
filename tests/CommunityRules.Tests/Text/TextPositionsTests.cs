using CommunityRules.Model;
using CommunityRules.Tests.Engine;
using CommunityRules.Text;

namespace CommunityRules.Tests.Text;

/// <summary>
/// Positions as people count them (an emoji once, a combining mark on its own, CR and LF each one), now counted by a
/// cursor that moves forward instead of from the start of the text for every hit: the same numbers as before.
/// </summary>
public sealed class TextPositionsTests
{
    public static TheoryData<string> Texts => new()
    {
        "plain ascii text",
        "🙂 emoji first, then 👩‍👩‍👧 a family joined by zero-width joiners, and 🇸🇪 a flag",
        "Cafe\u0301 and e\u0301\u0301 with combining marks, A\u030A for Å",
        "line one\r\nline two\r\n\r\nline four\n\ttabbed 🙂\r\n",
        "\uD83D lone high, lone low \uDE42, then a pair 🙂 and a high at the end \uD83D",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 mathematical letters 𝒜ℬ𝒞 and 𠀀𠀁 CJK extension B",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void The_cursor_gives_the_old_position_at_every_index_in_order(string text)
    {
        var cursor = default(TextPositions);
        for (var index = 0; index <= text.Length; index++)
        {
            Assert.Equal(OldPosition(text, index), cursor.PositionOf(text, index));
        }
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void The_cursor_gives_the_old_position_when_asked_out_of_order_or_for_another_text(string text)
    {
        var random = new Random(2026);
        var cursor = default(TextPositions);
        for (var i = 0; i < 200; i++)
        {
            var index = random.Next(text.Length + 1);
            Assert.Equal(OldPosition(text, index), cursor.PositionOf(text, index));
            Assert.Equal(OldPosition("🙂🙂 other", 4), cursor.PositionOf("🙂🙂 other", 4));
        }
    }

    [Fact]
    public void Findings_in_a_post_with_emoji_combining_marks_and_CRLF_show_the_old_positions()
    {
        var checker = new PostChecker(TestInputs.LoadRules("text-limits.yaml"));
        var text = "🙂 Hej\r\nCafe\u0301 👩‍👩‍👧 mejla anna.berg@example.org\r\n\r\neller e\u0301 🇸🇪, ring 19121212-1212 och olle@example.se.";

        var findings = checker.Check(new Post { Id = "p1", GroupId = "g1", Text = text })
            .Where(finding => finding.Rule.Id is "LIM-PD" or "LIM-DIGITS");

        (string Rule, string Raw)[] expected = [("LIM-PD", "anna.berg@example.org"), ("LIM-PD", "19121212-1212"), ("LIM-PD", "olle@example.se"), ("LIM-DIGITS", "1212")];
        Assert.Equal(
            expected.Select(pair => (pair.Rule, OldPosition(text, text.IndexOf(pair.Raw, StringComparison.Ordinal)).ToString(System.Globalization.CultureInfo.InvariantCulture))),
            findings.Select(finding => (finding.Rule.Id, finding.Properties["position"])));
    }

    /// <summary>The computation positions had before the cursor, kept here as the reference.</summary>
    private static int OldPosition(string text, int index)
    {
        var position = index + 1;
        foreach (var c in text.AsSpan(0, Math.Min(index, text.Length)))
        {
            if (char.IsLowSurrogate(c))
            {
                position--;
            }
        }

        return position;
    }
}
