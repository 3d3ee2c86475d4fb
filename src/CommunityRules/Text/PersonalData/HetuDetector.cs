using static CommunityRules.Text.PersonalData.PersonalDataText;

namespace CommunityRules.Text.PersonalData;

/// <summary>
/// Finnish henkilötunnus <c>DDMMYYCZZZQ</c>: century sign <c>+</c> (1800s), <c>-</c> or <c>YXWVU</c> (1900s),
/// <c>ABCDEF</c> (2000s); individual number 002–999; check character from DDMMYYZZZ mod 31; the date exists.
/// </summary>
internal static class HetuDetector
{
    private const string CheckCharacters = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    /// <summary>The length of the henkilötunnus at <paramref name="start"/>, or 0.</summary>
    public static int Match(ReadOnlySpan<char> text, int start)
    {
        const int Length = 11;
        if (start + Length > text.Length || CountDigits(text, start) != 6 || CountDigits(text, start + 7) < 3 || !IsBoundaryAfter(text, start + Length))
        {
            return 0;
        }

        var century = text[start + 6] switch
        {
            '+' => 1800,
            '-' or 'Y' or 'X' or 'W' or 'V' or 'U' => 1900,
            'A' or 'B' or 'C' or 'D' or 'E' or 'F' => 2000,
            _ => 0,
        };
        var individual = ReadNumber(text, start + 7, 3);
        if (century == 0 || individual < 2 || !IsValidDate(century + ReadNumber(text, start + 4, 2), ReadNumber(text, start + 2, 2), ReadNumber(text, start, 2)))
        {
            return 0;
        }

        var number = (ReadNumber(text, start, 6) * 1000) + individual;
        return text[start + 10] == CheckCharacters[number % 31] ? Length : 0;
    }
}
