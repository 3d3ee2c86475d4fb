using CommunityRules.Data.Slack;

namespace CommunityRules.Tests.Data.Slack;

/// <summary>Slack's markup as a reader sees it, and its timestamps to the microsecond.</summary>
public sealed class SlackMarkupTests
{
    [Theory]
    [InlineData("Hej <@U1>!", "Hej @Åsa Öberg!")]
    [InlineData("Hej <@U1|asa>!", "Hej @Åsa Öberg!")]
    [InlineData("Hej <@U9|okänd>", "Hej @okänd")]
    [InlineData("Hej <@U9>", "Hej @U9")]
    [InlineData("Se <#C1|gammalt-namn> och <#C9|övrigt> och <#C9>", "Se #allmänt och #övrigt och #C9")]
    [InlineData("<!here> <!channel> <!everyone|everyone> <!subteam^S1|@designers>", "@here @channel @everyone @designers")]
    [InlineData("<!date^1392734382^{date_short}|Feb 18, 2014>", "Feb 18, 2014")]
    [InlineData("Läs <https://intra.example/a_b?x=1&amp;y=2|policyn> nu", "Läs policyn (https://intra.example/a_b?x=1&y=2) nu")]
    [InlineData("Läs <https://intra.example/a_b_c_>", "Läs https://intra.example/a_b_c_")]
    [InlineData("Gå till <http://example.com|example.com>", "Gå till http://example.com")]
    [InlineData("Mejla <mailto:a@b.se|a@b.se> eller <mailto:c@d.se|Kalle>", "Mejla a@b.se eller Kalle (c@d.se)")]
    [InlineData("1 &lt; 2 &amp;&amp; 3 &gt; 2, &quot;citat&quot;", "1 < 2 && 3 > 2, &quot;citat&quot;")]
    [InlineData("*Viktigt:* _läs_ ~inte~ detta", "Viktigt: läs inte detta")]
    [InlineData("*flera ord i fetstil* och (_kursiv_).", "flera ord i fetstil och (kursiv).")]
    [InlineData("fil_namn_v2.txt och 2*3*4 och * punkt", "fil_namn_v2.txt och 2*3*4 och * punkt")]
    [InlineData("https://x.example/_utkast_/ och `_kod_` och ```*block*```", "https://x.example/_utkast_/ och `_kod_` och ```*block*```")]
    [InlineData("*fet <https://x.example/a_b|länk>*", "fet länk (https://x.example/a_b)")]
    [InlineData("ingen < stängning", "ingen < stängning")]
    [InlineData(":white_check_mark: klart", ":white_check_mark: klart")]
    public void Markup_becomes_what_a_reader_sees(string markup, string expected)
    {
        var text = SlackMarkup.ToPlainText(
            markup,
            id => id == "U1" ? "Åsa Öberg" : null,
            id => id == "C1" ? "allmänt" : null);

        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("1475000000.000100", 1_475_000_000L, 1_000L)]
    [InlineData("1475000000.999999", 1_475_000_000L, 9_999_990L)]
    [InlineData("1475000000", 1_475_000_000L, 0L)]
    [InlineData("1475000000.1", 1_475_000_000L, 1_000_000L)]
    public void Timestamps_keep_their_microseconds(string ts, long seconds, long ticks)
    {
        Assert.True(SlackTimestamp.TryParse(ts, out var time));

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(ticks), time);
        Assert.Equal(TimeSpan.Zero, time.Offset);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-1.000100")]
    [InlineData("1475000000.")]
    [InlineData("1475000000.00a1")]
    [InlineData("99999999999999.000000")]
    public void Text_that_is_not_a_timestamp_is_refused(string? ts)
    {
        Assert.False(SlackTimestamp.TryParse(ts, out _));
    }
}
