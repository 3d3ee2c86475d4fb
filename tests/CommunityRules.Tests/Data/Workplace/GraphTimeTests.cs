using System.Globalization;
using CommunityRules.Data.Workplace;

namespace CommunityRules.Tests.Data.Workplace;

/// <summary>Graph API times are read the same on every machine, whatever its culture and time zone.</summary>
public sealed class GraphTimeTests
{
    [Theory]
    [InlineData("2026-09-20T09:00:00+0000", "2026-09-20T09:00:00Z")]
    [InlineData("2026-09-20T11:00:00+0200", "2026-09-20T09:00:00Z")]
    [InlineData("2026-09-20T04:00:00-0500", "2026-09-20T09:00:00Z")]
    [InlineData("2026-09-20T09:00:00+00:00", "2026-09-20T09:00:00Z")]
    [InlineData("2026-09-20T09:00:00.250Z", "2026-09-20T09:00:00.250Z")]
    [InlineData("2026-09-20T09:00:00", "2026-09-20T09:00:00Z")]
    [InlineData("2026-09-20", "2026-09-20T00:00:00Z")]
    [InlineData("1789894800", "2026-09-20T09:00:00Z")]
    public void Graph_times_are_read_as_UTC(string text, string expected)
    {
        using (TestCultures.Use("ar-SA"))
        {
            Assert.True(GraphTime.TryParse(text, out var value));
            Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), value);
            Assert.Equal(TimeSpan.Zero, value!.Value.Offset);
        }
    }

    [Theory]
    [InlineData("20 maj 2026")]
    [InlineData("igår")]
    [InlineData("2026")]
    [InlineData("2026-13-01T00:00:00+0000")]
    public void Text_that_is_not_a_time_is_refused(string text)
    {
        Assert.False(GraphTime.TryParse(text, out _));
    }

    [Fact]
    public void No_time_is_no_time_and_not_an_error()
    {
        Assert.True(GraphTime.TryParse(null, out var value));
        Assert.Null(value);
    }
}
