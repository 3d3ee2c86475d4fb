using static CommunityRules.Text.PersonalData.PersonalDataText;

namespace CommunityRules.Text.PersonalData;

/// <summary>
/// Norwegian fødselsnummer <c>DDMMYYIIIKK</c> (optionally with a space after the date), D-nummer (day + 40) and
/// H-nummer (month + 40): both mod-11 check digits hold and the date exists in the century the individual number gives.
/// </summary>
/// <remarks>
/// Numbers issued under the rules planned for 2032, where the first check digit may also be one of the next three
/// values, are not accepted: allowing four first check digits would make random 11-digit runs match four times as often.
/// </remarks>
internal static class FodselsnummerDetector
{
    private static ReadOnlySpan<byte> FirstWeights => [3, 7, 6, 1, 8, 9, 4, 5, 2];

    private static ReadOnlySpan<byte> SecondWeights => [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

    /// <summary>The length of the fødselsnummer at <paramref name="start"/>, or 0.</summary>
    public static int Match(ReadOnlySpan<char> text, int start)
    {
        var leading = CountDigits(text, start);
        int length;
        if (leading == 11)
        {
            length = 11;
        }
        else if (leading == 6 && start + 6 < text.Length && text[start + 6] == ' ' && CountDigits(text, start + 7) == 5)
        {
            length = 12;
        }
        else
        {
            return 0;
        }

        if (!IsBoundaryAfter(text, start + length))
        {
            return 0;
        }

        Span<byte> digits = stackalloc byte[11];
        CopyDigits(text.Slice(start, length), digits);
        if (CheckDigit(digits[..9], FirstWeights) != digits[9] || CheckDigit(digits[..10], SecondWeights) != digits[10])
        {
            return 0;
        }

        var day = (digits[0] * 10) + digits[1];
        var month = (digits[2] * 10) + digits[3];
        var yearOfCentury = (digits[4] * 10) + digits[5];
        var individual = (digits[6] * 100) + (digits[7] * 10) + digits[8];
        day = day > 40 ? day - 40 : day;
        month = month > 40 ? month - 40 : month;
        var century = Century(individual, yearOfCentury);
        return century > 0 && IsValidDate(century + yearOfCentury, month, day) ? length : 0;
    }

    // The weighted sum's complement mod 11; 11 means 0, and 10 cannot be written as one digit so such a number is never issued.
    private static int CheckDigit(ReadOnlySpan<byte> digits, ReadOnlySpan<byte> weights)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            sum += digits[i] * weights[i];
        }

        var check = 11 - (sum % 11);
        return check switch
        {
            11 => 0,
            10 => -1,
            _ => check,
        };
    }

    // Skatteetaten's ranges of individual numbers per century; 0 for a combination never issued.
    private static int Century(int individual, int yearOfCentury) => individual switch
    {
        <= 499 => 1900,
        <= 749 when yearOfCentury >= 54 => 1800,
        <= 999 when yearOfCentury <= 39 => 2000,
        >= 900 => 1900,
        _ => 0,
    };
}
