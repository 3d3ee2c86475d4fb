using System.Globalization;

namespace CommunityRules.Data.VivaEngage;

/// <summary>Reads the export's values the same on every machine: dates as UTC, in the forms exports have used.</summary>
internal static class ExportValues
{
    private const string UtcSuffix = " UTC";

    /// <summary>
    /// Reads a date: <c>2026-09-20 09:00:00 UTC</c> (the export's own form), <c>2022/11/11 21:00:20 +0000</c> (the API's)
    /// or ISO 8601. A time without an offset is UTC.
    /// </summary>
    /// <param name="text">The field.</param>
    /// <param name="value">The moment, in UTC.</param>
    /// <returns><see langword="true"/> when the field is a date.</returns>
    public static bool TryParseDate(string text, out DateTimeOffset value)
    {
        var trimmed = text.AsSpan().Trim();
        if (trimmed.EndsWith(UtcSuffix, StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[..^UtcSuffix.Length];
        }

        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }
}
