using System.Globalization;

namespace CommunityRules.Data.Slack;

/// <summary>
/// Slack's message timestamps, <c>"1475000000.000100"</c>: Unix seconds and microseconds as text, the message's
/// identifier in its channel as well as its time. Read digit by digit, never through a floating-point number, so the
/// microseconds survive exactly.
/// </summary>
internal static class SlackTimestamp
{
    // DateTimeOffset's range ends in the year 9999.
    private const long MaxSeconds = 253_402_300_799;

    /// <summary>Reads a timestamp.</summary>
    /// <param name="ts">The text, such as <c>1475000000.000100</c>.</param>
    /// <param name="time">The moment, in UTC.</param>
    /// <returns><see langword="true"/> when the text is a timestamp.</returns>
    public static bool TryParse(string? ts, out DateTimeOffset time)
    {
        time = default;
        if (string.IsNullOrEmpty(ts))
        {
            return false;
        }

        var dot = ts.IndexOf('.', StringComparison.Ordinal);
        var secondsText = dot < 0 ? ts.AsSpan() : ts.AsSpan(0, dot);
        var fraction = dot < 0 ? [] : ts.AsSpan(dot + 1);
        if (!long.TryParse(secondsText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > MaxSeconds
            || fraction.ContainsAnyExceptInRange('0', '9') || (dot >= 0 && fraction.IsEmpty))
        {
            return false;
        }

        // Digits beyond the tick (100 ns) are dropped; Slack writes six.
        long ticks = 0;
        for (var i = 0; i < 7; i++)
        {
            ticks = (ticks * 10) + (i < fraction.Length ? fraction[i] - '0' : 0);
        }

        time = DateTimeOffset.UnixEpoch.AddTicks((seconds * TimeSpan.TicksPerSecond) + ticks);
        return true;
    }

    /// <summary>Reads a channel's <c>created</c> time: Unix seconds, 0 or absent when unknown.</summary>
    /// <param name="seconds">The seconds.</param>
    /// <returns>The moment, or <see langword="null"/>.</returns>
    public static DateTimeOffset? FromSeconds(long? seconds) =>
        seconds is > 0 and <= MaxSeconds ? DateTimeOffset.FromUnixTimeSeconds(seconds.Value) : null;
}
