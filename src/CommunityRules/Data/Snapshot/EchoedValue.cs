using System.Text;
using CommunityRules.Text.PersonalData;

namespace CommunityRules.Data.Snapshot;

/// <summary>
/// Shows a bad value from the data in a message, safely: personal data masked (a personal number in a date field
/// shows only its birth date), cut to a few characters, and control characters written as escapes, so a message can
/// neither leak a record nor forge a line of the report.
/// </summary>
internal static class EchoedValue
{
    /// <summary>The most characters of a value a message shows.</summary>
    public const int MaxShown = 24;

    // Masking looks at a little more than is shown, so a number that runs past the cut is still recognised.
    private const int MaxScanned = 256;

    public static string Show(string value)
    {
        var scanned = value.Length > MaxScanned ? value[..MaxScanned] : value;
        var masked = PersonalDataRedaction.Redact(scanned);
        var cut = masked.Length > MaxShown || value.Length > scanned.Length;
        var shown = new StringBuilder(MaxShown + 8);
        foreach (var c in masked.AsSpan(0, Math.Min(masked.Length, MaxShown)))
        {
            _ = char.IsControl(c) || c is '\u2028' or '\u2029'
                ? shown.Append(c switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => $"\\u{(int)c:x4}" })
                : shown.Append(c);
        }

        return cut ? shown.Append('…').ToString() : shown.ToString();
    }
}

/// <summary>A value of the wrong form, such as a date that is not ISO 8601; the message names the field and shows the value safely.</summary>
internal sealed class SnapshotValueException : System.Text.Json.JsonException
{
    public SnapshotValueException(string expected, string? value)
        : base($"should be {expected}{(value is null ? string.Empty : $", not '{EchoedValue.Show(value)}'")}")
    {
        Expected = expected;
    }

    /// <summary>Gets the words for what the field should hold.</summary>
    public string Expected { get; }
}
