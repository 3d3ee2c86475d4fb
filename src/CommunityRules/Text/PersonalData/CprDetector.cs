using static CommunityRules.Text.PersonalData.PersonalDataText;

namespace CommunityRules.Text.PersonalData;

/// <summary>
/// Danish CPR numbers <c>DDMMYY-SSSS</c> and <c>DDMMYYSSSS</c> whose date exists in the century the 7th digit gives.
/// </summary>
/// <remarks>
/// Since 2007 CPR numbers need not pass the old mod-11 check, so a date is all a CPR number has to hold and any
/// ten digits that start with a date would match. To keep that noise down, the hyphenated form (how CPR numbers
/// are written) needs only the date, while a plain run of ten digits must also pass mod 11: the numbers issued
/// before 2007 do, and a later one written without its hyphen is missed rather than every date-like run reported.
/// </remarks>
internal static class CprDetector
{
    private static ReadOnlySpan<byte> Weights => [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];

    /// <summary>The length of the CPR number at <paramref name="start"/>, or 0.</summary>
    public static int Match(ReadOnlySpan<char> text, int start)
    {
        var leading = CountDigits(text, start);
        int length;
        if (leading == 6 && start + 6 < text.Length && text[start + 6] == '-' && CountDigits(text, start + 7) == 4)
        {
            length = 11;
        }
        else if (leading == 10 && PassesModulus11(text.Slice(start, 10)))
        {
            length = 10;
        }
        else
        {
            return 0;
        }

        if (!IsBoundaryAfter(text, start + length))
        {
            return 0;
        }

        var day = ReadNumber(text, start, 2);
        var month = ReadNumber(text, start + 2, 2);
        var yearOfCentury = ReadNumber(text, start + 4, 2);
        var seventh = text[start + length - 4] - '0';
        return IsValidDate(Century(seventh, yearOfCentury) + yearOfCentury, month, day) ? length : 0;
    }

    private static bool PassesModulus11(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            sum += (digits[i] - '0') * Weights[i];
        }

        return sum % 11 == 0;
    }

    // The CPR office's table: the 7th digit together with the year says the century.
    private static int Century(int seventh, int yearOfCentury) => seventh switch
    {
        <= 3 => 1900,
        4 or 9 => yearOfCentury <= 36 ? 2000 : 1900,
        _ => yearOfCentury <= 57 ? 2000 : 1800,
    };
}
