using System.Globalization;

namespace CommunityRules.Rules;

/// <summary>
/// Reads a date or date and time in ISO 8601 only (<c>2026-10-01</c>, <c>2026-10-01T12:00:00Z</c>), with exact formats
/// and the invariant culture, so <c>03/04/2025</c>, <c>Jan 5</c> or <c>10:00</c> are errors rather than a guess.
/// A time without an offset is UTC.
/// </summary>
internal static class IsoDate
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    public static bool TryParse(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
}
