using static CommunityRules.Text.PersonalData.PersonalDataText;

namespace CommunityRules.Text.PersonalData;

/// <summary>
/// Swedish personnummer and samordningsnummer (day + 60): <c>YYMMDD-NNNC</c>, <c>YYMMDD+NNNC</c> (100 years or
/// older), <c>YYMMDDNNNC</c>, <c>YYYYMMDD-NNNC</c> and <c>YYYYMMDDNNNC</c>; the date must exist and the Luhn
/// check holds over the ten digits YYMMDDNNNC.
/// </summary>
internal static class PersonnummerDetector
{
    /// <summary>The length of the personnummer at <paramref name="start"/>, or 0.</summary>
    public static int Match(ReadOnlySpan<char> text, int start)
    {
        var leading = CountDigits(text, start);
        int length;
        switch (leading)
        {
            case 10 or 12:
                length = leading;
                break;
            case 6 or 8 when start + leading < text.Length:
                // Only the short form has the '+' that marks a century; the long form writes the century out.
                var separator = text[start + leading];
                if (!(separator == '-' || (separator == '+' && leading == 6)) || CountDigits(text, start + leading + 1) != 4)
                {
                    return 0;
                }

                length = leading + 5;
                break;
            default:
                return 0;
        }

        if (!IsBoundaryAfter(text, start + length))
        {
            return 0;
        }

        var dateStart = start + (leading is 8 or 12 ? 2 : 0);
        var month = ReadNumber(text, dateStart + 2, 2);
        var day = ReadNumber(text, dateStart + 4, 2);
        if (day > 60)
        {
            day -= 60;
        }

        if (leading is 8 or 12)
        {
            var year = ReadNumber(text, start, 4);
            if (year is < 1800 or > 2099 || !IsValidDate(year, month, day))
            {
                return 0;
            }
        }
        else if (!IsValidDateInAnyCentury(ReadNumber(text, start, 2), month, day))
        {
            return 0;
        }

        Span<byte> digits = stackalloc byte[12];
        var count = CopyDigits(text.Slice(start, length), digits);
        return IsLuhnValid(digits.Slice(count - 10, 10)) ? length : 0;
    }
}
